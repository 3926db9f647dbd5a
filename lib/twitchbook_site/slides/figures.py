"""Figures for the projector: the plotly JSON saved in a lesson's outputs, redrawn at the size of
the slide with type large enough to read from the back of a room.

The lesson draws its figures for a page about 700 px wide with 14 px type. Shrinking that to a
slide made labels 7 to 12 px; here the same figure is given the slide's width and height, and
every font in it (layout, template, axes, legends, annotations, buttons, traces) is scaled up,
never below MIN_FONT.
"""

import copy
import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from twitchbook.figures import for_larger_type

# The plot's box on a 1280x720 slide (slides.css: 24 px side padding, title above, sources
# and the description button below).
PLOT_WIDTH = 1232
PLOT_HEIGHT = 560
MIN_FONT = 22  # px, measured in the browser by tests/test_slides_in_browser.py
FONT_SCALE = 1.6  # 14 px lesson type becomes 22 px
MARGIN_SCALE = 1.3  # room for the larger tick labels and buttons
FONT_KEYS = {"font", "tickfont", "textfont", "insidetextfont", "outsidetextfont", "titlefont"}


@dataclass(frozen=True)
class SavedFigure:
    id: str
    title: str
    alt: str
    sources: list[str]  # reference ids behind the figure
    figure: dict  # plotly's data and layout, as the lesson saved them
    controls: tuple = ()  # ({"name", "labels", "active"}, ...) for a figure's HTML controls


def saved_figures(notebook) -> dict[str, SavedFigure]:
    """Every figure a lesson's outputs show (tb.show), by id."""
    found = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if not html or "tb-plot-data" not in html:
                continue
            html = "".join(html) if isinstance(html, list) else html
            soup = BeautifulSoup(html, "html.parser")
            for box in soup.select("figure.tb-figure"):
                figure_id = box["id"].removeprefix("fig-")
                data = box.select_one("script.tb-plot-data").string
                alt = box.select_one("details.tb-alt p")
                found[figure_id] = SavedFigure(
                    id=figure_id,
                    title=box.select_one(".tb-figure-title").get_text(" ", strip=True),
                    alt=alt.get_text(" ", strip=True) if alt else "",
                    sources=_cited(box),
                    figure=json.loads(data.replace("<\\/", "</").replace("<\\!--", "<!--")),
                    controls=_controls(box),
                )
    return found


def _controls(box) -> tuple:
    """The names and state labels of a figure's HTML controls (buttons, menu or slider)."""
    found = []
    for control in box.select(".tb-control"):
        label = control.select_one(".tb-control-name, label")
        name = label.find(string=True, recursive=False) if label else ""
        if control.select("button[data-state]"):
            options = control.select("button[data-state]")
            labels = [b.get_text(" ", strip=True) for b in options]
            active = next((i for i, b in enumerate(options) if b.get("aria-pressed") == "true"), 0)
        elif control.select("option"):
            options = control.select("option")
            labels = [o.get_text(" ", strip=True) for o in options]
            active = next((i for i, o in enumerate(options) if o.has_attr("selected")), 0)
        else:
            labels = [t.get_text(" ", strip=True) for t in control.select(".tb-ticks span")]
            slider = control.select_one("input[type=range]")
            active = int(slider.get("value", 0)) if slider else 0
        found.append({"name": (name or "").strip().rstrip(":"), "labels": labels, "active": active})
    return tuple(found)


def _cited(box) -> list[str]:
    ids = []
    for link in box.select("figcaption a.tb-cite"):
        found = re.search(r"#ref-([a-z0-9-]+)$", link.get("href", ""))
        if found and found.group(1) not in ids:
            ids.append(found.group(1))
    return ids


def for_the_projector(figure: dict) -> dict:
    """A copy of the figure laid out at the slide's size, with every font scaled up (slides.js
    takes the height of any row of controls off the plot's)."""
    shown = copy.deepcopy(figure)
    layout = shown.setdefault("layout", {})
    for_larger_type(shown)  # the figure's own changes: names on longer lines, labels apart
    _scale_fonts(shown)
    font = layout.setdefault("font", {})
    font["size"] = max(MIN_FONT, round(FONT_SCALE * font.get("size", 14)))
    layout.update(width=PLOT_WIDTH, height=PLOT_HEIGHT, autosize=False)
    # plotly shrinks a bar's label to fit the bar; on a slide it keeps its size instead.
    layout["uniformtext"] = {"minsize": MIN_FONT, "mode": "show"}
    for trace in shown.get("data", []):
        if trace.get("type") == "bar":
            trace["constraintext"] = "none"
    margin = layout.get("margin", {})
    layout["margin"] = {side: round(MARGIN_SCALE * size) for side, size in margin.items()}
    legend = layout.get("legend")
    if isinstance(legend, dict) and legend.get("orientation") == "h" and legend.get("y", 1) < 0:
        # A legend under the plot collides with the larger axis titles; a slide has room at
        # the side instead.
        legend.update(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top")
        layout["margin"]["b"] = min(layout["margin"].get("b", 80), 90)
    for key, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", key) and isinstance(axis, dict):
            axis["automargin"] = True
            if key.startswith("y"):
                _wrap_title(axis, layout)
    return shown


def _wrap_title(axis: dict, layout: dict) -> None:
    """A y-axis title longer than its panel is tall runs into the next panel: break it."""
    title = axis.get("title")
    text = title.get("text") if isinstance(title, dict) else None
    if not text or "<br>" in text or " " not in text:
        return
    low, high = axis.get("domain", [0, 1])
    margin = layout.get("margin", {})
    room = (high - low) * (PLOT_HEIGHT - margin.get("t", 80) - margin.get("b", 80))
    size = (title.get("font") or {}).get("size") or layout["font"]["size"]
    if len(text) * 0.55 * size > room:
        words = text.split(" ")
        half = len(words) // 2
        title["text"] = " ".join(words[:half]) + "<br>" + " ".join(words[half:])


def _scale_fonts(node) -> None:
    """Every font size anywhere in the figure, template included, scaled and floored."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FONT_KEYS and isinstance(value, dict):
                if isinstance(value.get("size"), int | float):
                    value["size"] = max(MIN_FONT, round(FONT_SCALE * value["size"]))
                else:
                    value["size"] = MIN_FONT
            _scale_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _scale_fonts(item)


def figure_json(figure: dict) -> str:
    """JSON safe inside a <script type="application/json"> block."""
    text = json.dumps(figure, sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")
