"""Every figure has a preview of its current data, and the site shows the right one until
plotly.js draws the figure: the narrow layout on a phone, the dark one in dark mode, filling
the height the figure will take, and only that image is fetched."""

import json
import re

import imagesize
import nbformat
import pytest
from browser import open_offline
from twitchbook.paths import NOTEBOOKS
from twitchbook_site.previews import PREVIEWS, VARIANTS, figures_in, with_previews

from conftest import ROOT

SITE = ROOT / "_build" / "html"
FIGURE_PAGES = sorted(
    p.name for p in SITE.glob("0*.html") if "tb-plot-data" in p.read_text(encoding="utf-8")
)
# figure.js never draws a figure if nothing says it has come into view: the page as a reader
# sees it before plotly.js has arrived.
PLOTLY_NOT_YET = "window.IntersectionObserver = class { observe() {} unobserve() {} };"


def figure_outputs() -> list[str]:
    outputs = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                text = "".join(out.get("data", {}).get("text/html", []))
                if 'class="tb-figure"' in text:
                    outputs.append(text)
    return outputs


def test_every_figure_in_the_notebooks_has_previews_of_its_current_data_and_no_others():
    outputs = figure_outputs()
    figures = [f for text in outputs for f in figures_in(text)]
    assert len(figures) == sum(t.count('<figure class="tb-figure"') for t in outputs) >= 10
    wanted = {f.file(v) for f in figures for v in VARIANTS}
    present = {p.name for p in PREVIEWS.glob("*")}
    missing = sorted(wanted - present)
    assert not missing, f"previews missing or older than the data (./workbook execute): {missing}"
    assert present == wanted, f"previews of figures that are gone: {sorted(present - wanted)}"


def test_each_preview_is_a_webp_image_of_its_variants_width():
    for variant in VARIANTS:
        images = sorted(PREVIEWS.glob(f"*.{variant.name}.webp"))
        assert images, variant
        for image in images:
            head = image.read_bytes()[:12]
            assert head[:4] == b"RIFF" and head[8:] == b"WEBP", image.name
            width, height = imagesize.get(image)
            assert width == variant.width * variant.scale and height > 100, (image.name, width)
            assert image.stat().st_size < 80_000, f"{image.name}: {image.stat().st_size} bytes"


def output_notebook(text: str):
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": text})]
    notebook.cells.append(cell)
    return notebook


def test_a_figure_gets_its_four_images_and_a_changed_figure_gets_none(tmp_path):
    text = figure_outputs()[0]
    notebook = output_notebook(text)
    assert with_previews(notebook, tmp_path) == []
    html = notebook.cells[0].outputs[0].data["text/html"]
    sources = re.findall(r'<img class="tb-(?:light|dark)" src="_static/previews/([^"]+)"', html)
    assert len(sources) == 4
    assert all((tmp_path / "previews" / name).is_file() for name in sources)
    assert html.index('class="tb-preview"') < html.index('class="tb-plot-waiting"')
    assert 'aria-hidden="true"' in html and html.count('alt=""') == 4

    # A figure whose data changed after its previews were drawn shows none (not a stale one).
    changed = text.replace('"layout":{', '"layout":{"height":321,', 1)
    assert changed != text
    notebook = output_notebook(changed)
    figure_id = figures_in(changed)[0].id
    assert with_previews(notebook, tmp_path / "other") == [figure_id]
    assert notebook.cells[0].outputs[0].data["text/html"] == changed


PREVIEW_SHOWN = """() => [...document.querySelectorAll('.tb-plot')].map(plot => {
  const shown = [...plot.querySelectorAll('.tb-preview img')]
    .filter(img => img.getClientRects().length > 0);  // laid out: no hidden ancestor
  return {id: plot.id, minHeight: parseFloat(plot.style.minHeight),
    shown: shown.map(img => ({variant: img.src.split('.').slice(-2, -1)[0],
      height: img.getBoundingClientRect().height, width: img.getBoundingClientRect().width,
      file: img.src.split('/').pop()})),
    plotWidth: plot.clientWidth};
})"""


def images_loaded(log) -> set[str]:
    return {url.split("/")[-1] for url in log.loaded if "/previews/" in url}


@pytest.mark.parametrize(
    "width, mode, system, variant",
    [
        (390, "light", "light", "narrow-light"),
        (390, "dark", "light", "narrow-dark"),  # chosen with the theme's switch
        (1280, "dark", "light", "wide-dark"),
        (390, None, "dark", "narrow-dark"),  # a first visit: "auto", and the system is dark
    ],
)
def test_before_plotly_draws_the_reader_sees_the_preview_for_the_screen_and_mode(
    browser, width, mode, system, variant
):
    # Every page once; the other states on the pages with a drawing (01) and a bar chart (02).
    pages = FIGURE_PAGES if variant == "narrow-light" else FIGURE_PAGES[:2]
    assert pages[:2] == ["01_facial_nerve.html", "02_benign_twitches.html"]
    for name in pages:
        page, log = open_offline(browser, "about:blank", viewport=(width, 844))
        page.emulate_media(color_scheme=system)
        page.add_init_script(PLOTLY_NOT_YET)
        if mode:  # what the theme's light/dark switch stores
            page.add_init_script(
                f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')"
            )
        page.goto((SITE / name).as_uri(), wait_until="load")
        for plot in page.locator(".tb-plot").all():  # each figure reached: its image loads
            plot.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.tb-preview img')]"
            ".filter(i => i.getClientRects().length > 0)"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        plots = page.evaluate(PREVIEW_SHOWN)
        assert page.evaluate("document.documentElement.dataset.theme") == variant.split("-")[1]
        assert page.locator(".tb-plot.tb-drawn").count() == 0, "a figure was drawn"
        page.close()
        assert plots, name
        shown_files = set()
        for plot in plots:
            assert [s["variant"] for s in plot["shown"]] == [variant], (name, plot)
            image = plot["shown"][0]
            shown_files.add(image["file"])
            # The image fills the height the drawn figure will take: nothing moves when it draws.
            assert abs(image["height"] - plot["minHeight"]) <= 1, (name, plot)
            assert abs(image["width"] - plot["plotWidth"]) <= 1, (name, plot)
        assert log.blocked == [] and log.errors == [], log.blocked + log.errors
        assert images_loaded(log) == shown_files, f"{name}: images fetched but not shown"


def test_the_preview_gives_way_to_the_drawn_figure(browser):
    page, _ = open_offline(browser, (SITE / FIGURE_PAGES[0]).as_uri(), viewport=(390, 844))
    plot = page.locator(".tb-plot").first
    plot.scroll_into_view_if_needed()
    page.wait_for_function("p => p.dataset.drawn === 'true'", arg=plot.element_handle())
    preview = plot.locator(".tb-preview")
    assert preview.count() == 1
    assert preview.evaluate("p => getComputedStyle(p).display") == "none"
    assert plot.locator("svg.main-svg").first.is_visible()
    page.close()
