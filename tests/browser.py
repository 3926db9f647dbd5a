"""Headless Chromium for the site tests: Debian's chromium driven by Playwright, offline.

Every request that leaves the page's own files is blocked and recorded, so a test can assert
that a page asks for nothing from the network.
"""

from dataclasses import dataclass, field
from pathlib import Path

from chromium import ARGS, CHROMIUM  # site/chromium.py, on the path via conftest.py
from playwright.sync_api import Page, sync_playwright


@dataclass
class PageLog:
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def start_browser():
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run ./workbook test, which installs it")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    return playwright, browser


def open_offline(browser, url: str, viewport=(1280, 900)) -> tuple[Page, PageLog]:
    """Open a page with every off-page request blocked and every console error logged."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    log = PageLog()

    def route(route):
        if route.request.url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            log.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: log.errors.append(str(err)))
    page.goto(url, wait_until="load")
    return page, log
