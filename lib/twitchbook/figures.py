"""Show plotly figures so they draw in JupyterLab, on the static site and in the slides,
offline and stably, with controls a keyboard and a finger can use.

A figure is one HTML output: its name, real HTML controls (from illustrations/controls.py),
an inert JSON block with the figure and its precomputed states, the text description, and
the small script (assets/figure.js) that draws it with plotly.js when it nears the screen.
No plotly mime type is written, so JupyterLab saves no image beside the output, and nothing
in the output is random, so re-running a lesson writes the same bytes.
"""

import json
import os
import re
import shutil
from importlib.resources import files
from pathlib import Path

import plotly
import plotly.graph_objects as go
from IPython.display import display

from . import palette  # noqa: F401  (registers the template)
from .citations import cite_list
from .illustrations.controls import meta_of
from .paths import ROOT
from .presenter import font_scale
from .render import escape

# No modebar: its buttons are clutter on a phone and plotly's "Share chart" offers an upload.
CONFIG = {
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": False,
    "scrollZoom": False,
    "typesetMath": False,  # JupyterLab has MathJax: plotly would wait on it and never finish
}
# Where JupyterLab fetches plotly.js (the server's files/ route, from the project folder).
LAB_PLOTLY = Path("_build") / "lab" / "plotly.min.js"


def styled(fig: go.Figure) -> go.Figure:
    """Apply the workbook's template and, when presenting, scale the type."""
    fig.update_layout(template="twitchbook")
    scale = font_scale()
    if scale != 1:
        fig.update_layout(font_size=round(14 * scale))
        # Larger tick labels need room: let plotly move axis titles and margins out for them.
        fig.update_xaxes(automargin=True)
        fig.update_yaxes(automargin=True)
    return fig


def for_larger_type(figure: dict) -> None:
    """Apply a figure spec's own changes for larger type (a slide, a presenter) to its data and
    layout: names on longer lines, labels moved apart. They are in plotly's relayout and
    restyle form ("annotations.3.ay": 20; a list gives one value per trace), as figure.js
    applies a figure's narrow-screen changes."""
    _relayout(figure.setdefault("layout", {}), figure.get("projector", {}))
    changes = figure.get("projector_data", {}).items()
    for n, trace in enumerate(figure.get("data", [])):
        _relayout(trace, {k: v[n % len(v)] if isinstance(v, list) else v for k, v in changes})


def _relayout(node: dict, changes: dict) -> None:
    for path, value in changes.items():
        *parents, last = path.split(".")
        at = node
        for key in parents:
            at = at[int(key)] if isinstance(at, list) else at.setdefault(key, {})
        if isinstance(at, list):
            at[int(last)] = value
        else:
            at[last] = value


def figure_spec(fig: go.Figure) -> dict:
    """What the page needs to draw the figure: data, layout, config, controls, narrow layout
    (and, for a figure that has them, the changes a slide makes).

    Controls come from the workbook's own control list only: plotly's updatemenus and sliders
    are drawn in SVG, out of reach of a keyboard, so a figure that uses them is refused.
    """
    fig = styled(go.Figure(fig))
    meta = meta_of(fig)
    if fig.layout.updatemenus or fig.layout.sliders:
        raise ValueError(
            "plotly updatemenus and sliders cannot be used by keyboard: build the states with "
            "twitchbook.illustrations.controls instead"
        )
    fig.layout.meta = None
    plain = json.loads(json.dumps(fig.to_plotly_json(), cls=_PlotlyEncoder))
    spec = {
        "data": plain["data"],
        "layout": plain["layout"],
        "config": CONFIG,
        "controls": [
            {
                "kind": c["kind"],
                "states": [{k: s[k] for k in ("data", "layout", "text")} for s in c["states"]],
            }
            for c in meta.get("controls", [])
        ],
        "narrow": meta.get("narrow", {}),
        "narrow_data": meta.get("narrow_data", {}),
        # Only the slide decks use these (twitchbook_site.slides.figures).
        **{key: meta[key] for key in ("projector", "projector_data") if key in meta},
    }
    if font_scale() != 1:
        for_larger_type(spec)
    return spec


def figure_json(fig: go.Figure) -> str:
    """The figure's spec as JSON safe to place inside a <script type="application/json">."""
    text = json.dumps(figure_spec(fig), sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


class _PlotlyEncoder(json.JSONEncoder):
    def default(self, obj):
        from plotly.utils import PlotlyJSONEncoder

        return PlotlyJSONEncoder().default(obj)


def show(
    fig: go.Figure, *, id: str, title: str, alt: str, caption: str = "", sources: tuple = ()
) -> None:
    """Display a figure with its name, controls, a visible caption and a text alternative.

    id: a stable name for the figure (lowercase words and hyphens), unique in the workbook.
    title: the figure's name, shown above it.
    alt: what the figure shows, in words; given to screen readers and openable by anyone.
    caption: a sentence or two under the figure (plain text).
    sources: reference ids behind the figure; shown as citations linked to the reference list.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", id):
        raise ValueError(f"figure id '{id}' should be lowercase words joined by hyphens")
    display(
        {
            "text/html": figure_html(
                fig, id=id, title=title, alt=alt, caption=caption, sources=sources
            ),
            "text/plain": f"Figure: {title}. {alt}",
        },
        raw=True,
    )
    serve_plotly_for_lab()


def figure_html(fig, *, id: str, title: str, alt: str, caption: str = "", sources=()) -> str:
    meta = meta_of(go.Figure(fig))
    controls = meta.get("controls", [])
    badge = f' <span class="tb-badge">{escape(meta["badge"])}</span>' if meta.get("badge") else ""
    texts = [c["states"][c["active"]]["text"] for c in controls if c["states"][c["active"]]["text"]]
    state = (
        f'<p class="tb-figure-state" id="state-{id}" aria-live="polite">{escape(texts[0])}</p>'
        if texts
        else ""
    )
    # The <figure> carries the name and description; plotly's SVG inside is hidden from
    # screen readers, and the controls sit outside the plot where a finger can reach them.
    return (
        f"<style>{_asset('figure.css')}</style>"
        f'<figure class="tb-figure" id="fig-{id}" aria-labelledby="title-{id}"'
        f' aria-describedby="alt-{id}">'
        f'<div class="tb-figure-title" id="title-{id}">{escape(title)}{badge}</div>'
        + "".join(_control_html(id, n, c) for n, c in enumerate(controls))
        + f'<div class="tb-plot" id="plot-{id}"><p class="tb-plot-waiting">The figure is drawn'
        " when it comes into view; its text description is under it.</p></div>"
        f"{state}"
        f'<script type="application/json" class="tb-plot-data" data-target="plot-{id}">'
        f"{figure_json(fig)}</script>"
        f"{_caption_html(id, caption, alt, sources)}"
        f"<script>{_asset('figure.js')}</script></figure>"
    )


def _control_html(id: str, n: int, control: dict) -> str:
    name, states, active = escape(control["name"]), control["states"], control["active"]
    key = f"ctl-{id}-{n}"
    if control["kind"] == "buttons":
        buttons = "".join(
            f'<button type="button" data-state="{i}" aria-pressed="{str(i == active).lower()}">'
            f"{escape(s['label'])}</button>"
            for i, s in enumerate(states)
        )
        return (
            f'<div class="tb-control tb-buttons" role="group" aria-labelledby="{key}">'
            f'<span class="tb-control-name" id="{key}">{name}:</span>{buttons}</div>'
        )
    if control["kind"] == "menu":
        options = "".join(
            f'<option value="{i}"{" selected" if i == active else ""}>{escape(s["label"])}</option>'
            for i, s in enumerate(states)
        )
        return (
            f'<div class="tb-control tb-menu"><label for="{key}">{name}:</label>'
            f'<select id="{key}">{options}</select></div>'
        )
    ticks = "".join(f"<span>{escape(s['label'])}</span>" for s in states)
    return (
        f'<div class="tb-control tb-slider"><label for="{key}">{name}: '
        f"<output>{escape(states[active]['label'])}</output></label>"
        f'<input type="range" id="{key}" min="0" max="{len(states) - 1}" step="1"'
        f' value="{active}" aria-valuetext="{escape(states[active]["label"])}">'
        f'<div class="tb-ticks" aria-hidden="true">{ticks}</div></div>'
    )


def _caption_html(id: str, caption: str, alt: str, sources) -> str:
    cited = f" Sources: {cite_list(sources)}." if sources else ""
    return (
        f"<figcaption>{escape(caption)}{cited}"
        f'<details class="tb-alt" id="alt-{id}"><summary>Text description of the figure'
        f"</summary><p>{escape(alt)}</p></details></figcaption>"
    )


def _asset(name: str) -> str:
    text = files("twitchbook").joinpath(f"assets/{name}").read_text(encoding="utf-8")
    return text.replace("</", "<\\/")


def serve_plotly_for_lab(root: Path = ROOT) -> Path:
    """Put plotly.js where JupyterLab's file server finds it (LAB_PLOTLY under the project),
    copied from the plotly package, so it is always the version the Python side expects."""
    source = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = root / LAB_PLOTLY
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")  # lessons run in parallel
        shutil.copyfile(source, partial)
        partial.replace(target)
    return target
