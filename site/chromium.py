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
