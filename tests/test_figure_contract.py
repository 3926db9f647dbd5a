"""Every figure module keeps one contract: `figure(...)` and `describe(...)`, taking the same
arguments, built from the same data; controls only as HTML; and text from data escaped, so
plotly draws no link or styling that came from a data file."""

import importlib
import inspect
import json
import pkgutil
import re

import plotly.graph_objects as go
import pytest
import twitchbook.illustrations as illustrations
from twitchbook.figures import figure_html, figure_json
from twitchbook.tables import table_frame
from twitchbook_site.paths import PLOTLY_JS

HELPERS = {"controls", "labels", "panels"}
MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(illustrations.__path__) if name not in HELPERS
)


def module(name):
    return importlib.import_module(f"twitchbook.illustrations.{name}")


def test_there_are_figure_modules():
    assert len(MODULES) >= 10, MODULES


@pytest.mark.parametrize("name", MODULES)
def test_module_exposes_figure_and_description_with_the_same_arguments(name):
    mod = module(name)
    assert callable(getattr(mod, "figure", None)) and callable(getattr(mod, "describe", None))
    assert inspect.signature(mod.figure).parameters.keys() == (
        inspect.signature(mod.describe).parameters.keys()
    ), f"{name}: figure() and describe() must take the same arguments"
    fig, text = mod.figure(), mod.describe()
    assert isinstance(fig, go.Figure)
    assert isinstance(text, str) and len(text) > 80
    spec = json.loads(figure_json(fig).replace("<\\/", "</"))  # refuses plotly's SVG controls
    for control in spec["controls"]:
        assert len(control["states"]) >= 2
        for state in control["states"]:
            assert not any("[" in key for key in state["layout"]), "no index paths: merge breaks"


TABLE_MODULES = [name for name in MODULES if getattr(module(name), "TABLE", None)]


@pytest.mark.parametrize("name", TABLE_MODULES)
def test_figure_and_description_follow_the_table_they_are_given(name):
    mod = module(name)
    full = table_frame(mod.TABLE)
    fewer = full.iloc[:-1]
    assert figure_json(mod.figure(fewer)) != figure_json(mod.figure(full))
    assert mod.describe(fewer) != mod.describe(full)
    assert mod.describe(full) == mod.describe(), "the default data is the module's table"


HOSTILE = (
    '<a href="https://example.org/x">link</a><b>bold</b><span style="color:red">red</span><i>it</i>'
)
# Columns whose values a module matches against its own names: they stay as they are.
KEYS = {"botulinum_timeline": {"event"}}


def hostile(name):
    mod = module(name)
    frame = table_frame(mod.TABLE).copy()
    for column in frame.columns:
        if column == "references" or column in KEYS.get(name, set()):
            continue
        if frame[column].map(lambda v: isinstance(v, str)).all():
            frame[column] = [f"{value} {HOSTILE}" for value in frame[column]]
    return mod.figure(frame)


@pytest.mark.parametrize("name", TABLE_MODULES)
def test_text_from_a_table_reaches_plotly_escaped(name):
    text = figure_json(hostile(name))
    tags = re.findall(r"<(a|span|i)[\s>]|<b>bold", text)
    assert tags == [], f"{name}: tags from the table reached plotly: {tags}"
    assert "&lt;a" in text, f"{name}: no table text in the figure at all"


def test_a_figure_drawn_from_hostile_table_text_shows_it_as_text(browser):
    html = figure_html(hostile("hfs_numbers"), id="hostile", title="T", alt="A.")
    page = browser.new_page(viewport={"width": 800, "height": 900})
    page.set_content(f"<html><body>{html}</body></html>")
    page.add_script_tag(path=str(PLOTLY_JS))
    page.evaluate("window.twitchbookDrawFigures()")
    page.wait_for_function("document.querySelector('.tb-plot').dataset.drawn === 'true'")
    svg = page.locator(".tb-plot svg.main-svg").first
    links = page.locator(".tb-plot svg a").count()
    styled = page.evaluate(
        "[...document.querySelectorAll('.tb-plot svg tspan')]"
        ".filter(t => (t.getAttribute('style') || '').includes('red')).length"
    )
    shown = page.locator(".tb-plot svg").all_text_contents()
    page.close()
    assert svg and links == 0 and styled == 0
    assert any("<a href" in text for text in shown), "the markup should be drawn as text"
