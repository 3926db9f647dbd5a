"""Figures: they draw offline, keep a stable id, carry a text alternative, use the palette,
and come to JupyterLab with no plotly mime type (so no image is saved beside them)."""

import json
import re

import nbformat
import plotly.graph_objects as go
import pytest
import twitchbook as tb
from bs4 import BeautifulSoup
from IPython.core.interactiveshell import InteractiveShell
from twitchbook.figures import figure_json
from twitchbook.illustrations.controls import attach, control, state
from twitchbook.palette import ALLOWED

from conftest import ROOT


@pytest.fixture
def displayed(monkeypatch):
    """Collect what twitchbook.show displays, as a notebook would receive it."""
    shown = []
    monkeypatch.setattr(
        "twitchbook.figures.display", lambda bundle, raw, metadata=None: shown.append(bundle)
    )
    monkeypatch.setattr(
        "twitchbook.render.display", lambda bundle, raw, metadata=None: shown.append(bundle)
    )
    InteractiveShell.instance()
    return shown


def sample_figure() -> go.Figure:
    return go.Figure(go.Bar(x=["Women", "Men"], y=[61, 39], name="</script><b>x</b>"))


def test_figure_output_is_html_and_text_only_with_no_plotly_script_or_cdn_and_a_stable_id(
    displayed,
):
    tb.show(sample_figure(), id="l00-sample", title="Share by sex", alt="Bars: 61 and 39.")
    assert len(displayed) == 1 and set(displayed[0]) == {"text/html", "text/plain"}
    html = displayed[0]["text/html"]
    assert 'id="plot-l00-sample"' in html
    assert "cdn" not in html.lower() and "<script src" not in html
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", html), "a random id leaked in"


def test_the_same_figure_gives_the_same_output_twice(displayed):
    tb.show(sample_figure(), id="l00-sample", title="T", alt="A.")
    tb.show(sample_figure(), id="l00-sample", title="T", alt="A.")
    assert displayed[0] == displayed[1]


def test_text_alternative_reaches_screen_readers_and_sighted_readers(displayed):
    tb.show(sample_figure(), id="l00-sample", title="Share by sex", alt="Bars: 61 and 39.")
    page = BeautifulSoup(displayed[0]["text/html"], "html.parser")
    figure = page.select_one("figure.tb-figure")
    assert page.find(id=figure["aria-labelledby"]).get_text() == "Share by sex"
    description = page.find(id=figure["aria-describedby"])
    assert description.name == "details" and "Bars: 61 and 39." in description.get_text()
    assert displayed[0]["text/plain"] == "Figure: Share by sex. Bars: 61 and 39."


def spec_of(html: str) -> dict:
    block = BeautifulSoup(html, "html.parser").select_one("script.tb-plot-data")
    return json.loads(block.string.replace("<\\/", "</"))


def test_the_figure_carries_its_data_caption_and_the_script_that_draws_it(displayed):
    tb.show(sample_figure(), id="l00-sample", title="T", alt="A.", caption="C.")
    page = BeautifulSoup(displayed[0]["text/html"], "html.parser")
    assert spec_of(displayed[0]["text/html"])["data"][0]["type"] == "bar"
    assert "C." in page.select_one("figcaption").get_text()
    script = page.select("figure script:not([type])")
    assert script and "twitchbookFigures" in script[0].string
    assert spec_of(displayed[0]["text/html"])["config"]["displayModeBar"] is False


def test_data_text_cannot_close_the_json_block():
    text = figure_json(sample_figure())
    assert "</script>" not in text and "<\\/script>" in text
    assert json.loads(text.replace("<\\/", "</"))["data"][0]["name"] == "</script><b>x</b>"


def test_controls_become_html_controls_with_their_states(displayed):
    fig = sample_figure()
    states = [
        state("Women", data={"visible": [True]}, text="Only women."),
        state("Men", layout={"title.text": "Men"}, text="Only men."),
    ]
    attach(
        fig,
        control("buttons", "Show", states),
        control("slider", "Level", states),
        control("menu", "Pick", states, active=1),
    )
    tb.show(fig, id="l00-controls", title="T", alt="A.")
    html = displayed[0]["text/html"]
    page = BeautifulSoup(html, "html.parser")
    buttons = page.select('.tb-buttons button[type="button"]')
    assert [b.get_text() for b in buttons] == ["Women", "Men"]
    assert [b["aria-pressed"] for b in buttons] == ["true", "false"]
    group = page.select_one(".tb-buttons")
    assert group["role"] == "group" and page.find(id=group["aria-labelledby"]).get_text() == "Show:"
    slider = page.select_one('input[type="range"]')
    assert (slider["min"], slider["max"], slider["aria-valuetext"]) == ("0", "1", "Women")
    assert page.find("label", attrs={"for": slider["id"]})
    select = page.select_one("select")
    assert [o.get_text() for o in select.find_all("option")] == ["Women", "Men"]
    assert select.find("option", selected=True).get_text() == "Men"
    assert page.select_one(".tb-figure-state").get_text() == "Only women."
    spec = spec_of(html)
    assert [c["kind"] for c in spec["controls"]] == ["buttons", "slider", "menu"]
    assert spec["controls"][0]["states"][1]["layout"] == {"title.text": "Men"}
    assert "meta" not in spec["layout"], "the control list must not reach plotly"


def test_plotly_svg_controls_are_refused():
    fig = sample_figure()
    fig.update_layout(updatemenus=[dict(type="buttons", buttons=[dict(label="A")])])
    with pytest.raises(ValueError, match="keyboard"):
        figure_json(fig)


def test_figure_id_must_be_a_plain_slug():
    with pytest.raises(ValueError, match="lowercase"):
        tb.show(sample_figure(), id="Bad Id", title="T", alt="A.")


COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\))$")


def colours_in(node, key=""):
    """Every colour value in a plotly figure, wherever it is nested."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "template":
                continue  # the template is the palette itself
            yield from colours_in(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from colours_in(item, key)
    elif isinstance(node, str) and "color" in key.lower() and COLOUR.match(node):
        yield node


def to_hex(value: str) -> str:
    if value.startswith("#"):
        return value.lower()
    parts = [float(x) for x in re.findall(r"[\d.]+", value)[:3]]
    return "#" + "".join(f"{round(p):02x}" for p in parts)


def notebook_figures():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert not any("plotly" in mime for mime in data), f"{path.name}: plotly mime"
                html = data.get("text/html", "")
                html = "".join(html) if isinstance(html, list) else html
                if "tb-plot-data" in html:
                    yield path.name, spec_of(html)


def test_every_figure_in_the_lessons_uses_only_palette_colours():
    off_palette = {
        (name, c)
        for name, fig in notebook_figures()
        for c in colours_in(fig)
        if to_hex(c) not in ALLOWED
    }
    assert off_palette == set()


def test_the_palette_check_catches_a_stray_colour():
    figure = go.Figure(go.Bar(x=[1], y=[1], marker_color="#ff0000")).to_plotly_json()
    assert [to_hex(c) for c in colours_in(figure)] == ["#ff0000"]


def test_presenter_mode_draws_larger_type(displayed):
    tb.presenter_mode(True)
    try:
        tb.show(sample_figure(), id="l00-sample", title="T", alt="A.")
    finally:
        tb.presenter_mode(False)
    tb.show(sample_figure(), id="l00-sample", title="T", alt="A.")
    presenting, normal = spec_of(displayed[0]["text/html"]), spec_of(displayed[1]["text/html"])
    assert (
        presenting["layout"]["font"]["size"]
        > normal["layout"]["template"]["layout"]["font"]["size"]
    )


def test_lessons_use_only_trace_types_the_sites_plotly_bundle_draws():
    from twitchbook_site.paths import BASIC_TRACES

    used = {trace.get("type", "scatter") for _, fig in notebook_figures() for trace in fig["data"]}
    assert used and used <= BASIC_TRACES
