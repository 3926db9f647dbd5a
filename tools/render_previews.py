"""Draw the preview images of every figure in the notebooks (see twitchbook_site/previews.py).

Usage: python tools/render_previews.py

Each figure's saved output is opened alone in Chromium at a phone's and a laptop's width, in
light and dark mode; figure.js draws it as on the site, and plotly.js turns the drawing into a
WebP image. Only missing previews are drawn, and those of figures that changed are removed, so
a run after a small edit takes seconds. Needs Chromium and the site's scripts (npm ci).
"""

import base64
import sys

from twitchbook.paths import NOTEBOOKS
from twitchbook_site.chromium import start_browser
from twitchbook_site.paths import PLOTLY_JS
from twitchbook_site.previews import PREVIEWS, VARIANTS, figure_outputs

ORIGIN = "http://preview.invalid/"  # answered by the route below: nothing leaves the machine
PAGE = """<!doctype html><html lang="en" data-theme="{theme}"><head><meta charset="utf-8">
<meta name="twitchbook-plotly" content="{origin}plotly.js">
<style>body {{ margin: 0; }} #box {{ width: {width}px; }}</style></head>
<body><div id="box">{output}</div></body></html>"""
TO_IMAGE = """([id, scale]) => {
  const plot = document.getElementById("plot-" + id);
  const size = plot._fullLayout;
  return Plotly.toImage(plot, {format: "webp", width: size.width, height: size.height, scale});
}"""


def draw(browser, figure, output: str, variant) -> bytes:
    page = browser.new_page(viewport={"width": variant.width, "height": 1200})
    document = PAGE.format(
        theme=variant.theme, origin=ORIGIN, width=variant.width, output=output
    ).encode()
    plotly_js = PLOTLY_JS.read_bytes()

    def answer(route):
        if route.request.url.endswith("plotly.js"):
            route.fulfill(body=plotly_js, content_type="text/javascript")
        else:
            route.fulfill(body=document, content_type="text/html")

    page.route(f"{ORIGIN}**", answer)
    page.goto(ORIGIN)
    page.wait_for_selector(f"#plot-{figure.id}.tb-drawn")
    url = page.evaluate(TO_IMAGE, [figure.id, variant.scale])
    page.close()
    return base64.b64decode(url.split(",", 1)[1])


def main() -> int:
    shown = figure_outputs(NOTEBOOKS)
    wanted = {figure.file(v): (figure, output, v) for figure, output in shown for v in VARIANTS}
    PREVIEWS.mkdir(exist_ok=True)
    for old in sorted(PREVIEWS.glob("*.webp")):
        if old.name not in wanted:
            old.unlink()
            print(f"removed {old.name}")
    missing = [name for name in sorted(wanted) if not (PREVIEWS / name).exists()]
    if missing:
        playwright, browser = start_browser()
        try:
            for name in missing:
                (PREVIEWS / name).write_bytes(draw(browser, *wanted[name]))
                print(f"drew {name}")
        finally:
            browser.close()
            playwright.stop()
    print(f"{len(wanted)} previews of {len(wanted) // len(VARIANTS)} figures are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
