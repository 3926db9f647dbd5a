"""The site's trimmed theme stylesheets style every page exactly as the theme's own files do.

The build cuts pydata-sphinx-theme's stylesheet to the rules the pages use (theme_css.py).
Each page here is opened with the trimmed files, in the states a reader reaches (dark mode,
the phone's menu open, search results), and every element's computed style is compared
with the same page restyled by the theme's untrimmed files, straight from the installed theme.
"""

from pathlib import Path

import myst_nb
import pydata_sphinx_theme
import pytest
import sphinx_book_theme
from browser import open_offline
from twitchbook_site.theme_css import THEME_STYLESHEETS

from conftest import ROOT

SITE = ROOT / "_build" / "html"
ORIGINALS = {
    "pydata-sphinx-theme.css": Path(pydata_sphinx_theme.__file__).parent
    / "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css",
    "sphinx-book-theme.css": next(
        Path(sphinx_book_theme.__file__).parent.rglob("sphinx-book-theme.css")
    ),
    "mystnb.": Path(myst_nb.__file__).parent / "static" / "mystnb.css",  # named mystnb.<hash>.css
}
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
RESTYLE = """async uris => {
  for (const [name, uri] of Object.entries(uris)) {
    const link = document.querySelector(`link[href*="${name}"]`);
    await new Promise((done, fail) => {
      link.onload = done; link.onerror = fail; link.href = uri; });
  }
}"""
STATES = [
    ("02_benign_twitches.html", (1280, 800), "dark", None),
    ("02_benign_twitches.html", (390, 844), "light", "button.primary-toggle"),
    ("06_treatment.html", (390, 844), "dark", "button.secondary-toggle"),
    ("search.html?q=spasm", (1280, 800), "light", None),
]


def test_the_theme_stylesheets_are_trimmed():
    built = [p for pattern in THEME_STYLESHEETS for p in (SITE / "_static").glob(pattern)]
    assert len(built) == len(ORIGINALS)
    for path in built:
        original = next(o for name, o in ORIGINALS.items() if path.name.startswith(name))
        trimmed = path.stat().st_size
        assert trimmed < original.stat().st_size * 0.7, f"{path.name}: {trimmed} bytes"


def computed_styles(browser, name, viewport, mode, opened, stylesheets=None) -> list[str]:
    """Every element's computed style once the page is in the state, optionally restyled
    first by other stylesheets."""
    path, _, query = name.partition("?")
    url = (SITE / path).as_uri() + (f"?{query}" if query else "")
    page, _ = open_offline(browser, url, viewport)
    if stylesheets:
        page.evaluate(RESTYLE, {n: p.as_uri() for n, p in stylesheets.items()})
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
def test_every_element_is_styled_as_the_untrimmed_theme_styles_it(
    browser, name, viewport, mode, opened
):
    trimmed = computed_styles(browser, name, viewport, mode, opened)
    untrimmed = computed_styles(browser, name, viewport, mode, opened, ORIGINALS)
    assert len(trimmed) == len(untrimmed)
    differing = [(a, b) for a, b in zip(trimmed, untrimmed, strict=True) if a != b]
    assert differing == [], f"{len(differing)} elements styled otherwise, first: {differing[:2]}"
