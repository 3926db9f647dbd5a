"""Each page links one small stylesheet that styles it as the seven Sphinx linked do.

The build (twitchbook_site/stylesheets.py) joins the seven, trims the rules no page can use
and minifies the rest. Each page here is opened as built, in states a reader reaches (dark
mode, the phone's menu open, search results), and every element's computed style is compared
with the same page styled by the seven files, which the build leaves in the site as they were.
"""

import re
from pathlib import Path

import pytest
from browser import open_offline
from twitchbook_site.stylesheets import make_stylesheets

from conftest import ROOT

SITE = ROOT / "_build" / "html"
PROPERTIES = [
    "display", "position", "visibility", "opacity", "color", "background-color",
    "font-family", "font-size", "font-weight", "line-height", "text-decoration-line",
    "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width",
    "border-left-color", "width", "height", "top", "left", "z-index", "overflow-y",
    "transform", "box-shadow", "outline-style",
]  # fmt: skip
COMPUTED = """props => [...document.querySelectorAll('body *')].map(e => {
  const s = getComputedStyle(e);
  return `${e.tagName}#${e.id} ${e.className} ` + props.map(p => s.getPropertyValue(p)).join('|');
})"""
RESTYLE = """uris => new Promise((done, fail) => {
  const joined = document.querySelector('link[href*="styles/workbook."]');
  let waiting = uris.length;
  for (const uri of uris) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.onload = () => { if (--waiting === 0) { joined.remove(); done(); } };
    link.onerror = fail;
    link.href = uri;
    joined.before(link);
  }
})"""
STATES = [
    ("02_benign_twitches.html", (1280, 800), "dark", None),
    ("02_benign_twitches.html", (390, 844), "light", "button.primary-toggle"),
    ("06_treatment.html", (390, 844), "dark", "button.secondary-toggle"),
    ("search.html?q=spasm", (1280, 800), "light", None),
]


def joined_stylesheet() -> Path:
    (found,) = (SITE / "_static" / "styles").glob("workbook.*.css")
    return found


def files_sphinx_linked() -> list[Path]:
    """The files the one stylesheet was made from, in order, as Sphinx wrote them."""
    first_line = joined_stylesheet().read_text(encoding="utf-8").splitlines()[0]
    names = re.fullmatch(r"/\*! joined from (.+) \*/", first_line)[1].split()
    return [SITE / "_static" / name for name in names]


def test_every_page_links_one_small_stylesheet_made_from_the_seven():
    for page in SITE.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.findall(r'<link[^>]*rel="stylesheet"[^>]*>', html) == [
            f'<link rel="stylesheet" href="_static/styles/{joined_stylesheet().name}" />'
        ], page.name
    sources = files_sphinx_linked()
    assert "styles/pydata-sphinx-theme.css" in {
        p.relative_to(SITE / "_static").as_posix() for p in sources
    }
    assert len(sources) == 7 and all(path.exists() for path in sources), sources
    whole = sum(path.stat().st_size for path in sources)
    assert joined_stylesheet().stat().st_size < whole / 3, (
        joined_stylesheet().stat().st_size,
        whole,
    )


def test_joining_keeps_the_order_inlines_the_import_trims_and_refuses_pages_that_differ(
    tmp_path,
):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("p { margin-top: 1px } .unused { margin-top: 9px }")
    (static / "styles" / "theme.css").write_text('@import "../basic.css";')
    (static / "late.css").write_text('@charset "utf-8"; p.late { margin-top: 2px }')
    links = (
        '<link href="_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
        "<script>x</script>\n"
        '<link rel="stylesheet" type="text/css" href="_static/late.css?v=2" />\n'
    )
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(f"<head>\n{links}</head><p class=late>x</p>")
    made = make_stylesheets(tmp_path).read_text()
    assert made.index("margin-top:1px") < made.index("margin-top:2px"), made
    assert "9px" not in made and "@import" not in made and "@charset" not in made, made
    assert made.startswith("/*! joined from styles/theme.css late.css */")
    page = (tmp_path / "a.html").read_text()
    assert page.count("stylesheet") == 1 and "<script>x</script>" in page
    (tmp_path / "c.html").write_text("<head>\n" + links.splitlines()[0] + "\n</head>")
    (tmp_path / "d.html").write_text(f"<head>\n{links}</head>")
    with pytest.raises(SystemExit, match="c.html: links other stylesheets"):
        make_stylesheets(tmp_path)


def computed_styles(browser, name, viewport, mode, opened, stylesheets=()) -> list[str]:
    """Every element's computed style once the page is in the state, optionally styled
    first by other stylesheets than the one it links."""
    path, _, query = name.partition("?")
    url = (SITE / path).as_uri() + (f"?{query}" if query else "")
    page, _ = open_offline(browser, url, viewport)
    if stylesheets:
        page.evaluate(RESTYLE, [path.as_uri() for path in stylesheets])
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    if opened:
        page.locator(f"{opened}:visible").first.click()
        page.wait_for_timeout(300)
    if query:  # wait until the search has listed its results
        page.wait_for_function(
            "/found|did not match/.test(document.querySelector('.search-summary')?.textContent)"
        )
    styles = page.evaluate(COMPUTED, PROPERTIES)
    page.close()
    return styles


@pytest.mark.parametrize(("name", "viewport", "mode", "opened"), STATES)
def test_every_element_is_styled_as_the_files_sphinx_linked_style_it(
    browser, name, viewport, mode, opened
):
    trimmed = computed_styles(browser, name, viewport, mode, opened)
    untrimmed = computed_styles(browser, name, viewport, mode, opened, files_sphinx_linked())
    assert len(trimmed) == len(untrimmed)
    differing = [(a, b) for a, b in zip(trimmed, untrimmed, strict=True) if a != b]
    assert differing == [], f"{len(differing)} elements styled otherwise, first: {differing[:2]}"
