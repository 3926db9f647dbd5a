"""Write the whole workbook to one PDF with the headless Chromium the tests already use.

Usage: python -m twitchbook_site.pdf [--out FILE]

Sphinx's singlehtml builder puts every page in one document; Chromium prints it with the
print stylesheet (no navigation, every answer and text description opened after its question
or figure).
"""

import argparse
import sys
from pathlib import Path

from sphinx.cmd.build import build_main

from .build import stage
from .chromium import ARGS, CHROMIUM
from .paths import BUILD


def single_page(out: Path) -> Path:
    src = stage(BUILD / "src")
    status = build_main(
        ["-b", "singlehtml", "-q", "-d", str(BUILD / "doctrees-single"), str(src), str(out)]
    )
    if status:
        raise SystemExit(status)
    return out / "index.html"


def print_pdf(page_path: Path, pdf: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        # Nothing may leave the machine, even while printing.
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(page_path.as_uri(), wait_until="load")
        # Figures are drawn as they near the screen; a printout needs every one of them.
        page.evaluate("window.twitchbookDrawFigures()")
        page.evaluate("window.twitchbookOpenForPrint && window.twitchbookOpenForPrint()")
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf),
            format="A4",
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "facial-twitch-workbook.pdf")
    args = parser.parse_args()
    print_pdf(single_page(BUILD / "singlehtml"), args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
