"""Debian's Chromium, headless and offline, as the PDF writer and the browser tests start it."""

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium itself tries to reach the network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Anything that is not a local file goes to a proxy that does not exist, so it fails at once
# even where the machine is online.
NO_NETWORK = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def start_browser():
    """Playwright and Chromium, offline: (playwright, browser); stop both when done."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run ./workbook test, which installs it")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, *NO_NETWORK])
    return playwright, browser
