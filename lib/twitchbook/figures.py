"""Show plotly figures so they draw in JupyterLab and on the static site, offline and stably.

JupyterLab draws plotly's own mime type. The site draws the text/html part: an inert JSON
block that the site's script hands to the one shared copy of plotly.js, so no figure pulls
plotly.js from a CDN and no figure carries a random id.
"""

import json
import re

import plotly.graph_objects as go
from IPython.display import display

from . import palette  # noqa: F401  (registers the template)
from .citations import cite_list
from .presenter import font_scale
from .render import escape, show_html

PLOTLY_MIME = "application/vnd.plotly.v1+json"
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["toImage"]}


def styled(fig: go.Figure) -> go.Figure:
    """Apply the workbook's template and, when presenting, scale the type."""
    fig.update_layout(template="twitchbook")
    scale = font_scale()
    if scale != 1:
        fig.update_layout(font_size=round(14 * scale))
    return fig


def figure_json(fig: go.Figure) -> str:
    """Plotly JSON safe to place inside a <script type="application/json"> block."""
    text = json.dumps(
        fig.to_plotly_json(), sort_keys=True, separators=(",", ":"), cls=_PlotlyEncoder
    )
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


class _PlotlyEncoder(json.JSONEncoder):
    def default(self, obj):
        from plotly.utils import PlotlyJSONEncoder

        return PlotlyJSONEncoder().default(obj)


def show(
    fig: go.Figure, *, id: str, title: str, alt: str, caption: str = "", sources: tuple = ()
) -> None:
    """Display a figure with a visible caption and a text alternative.

    id: a stable name for the figure (lowercase words and hyphens), unique in the workbook.
    title: the figure's name, shown above it.
    alt: what the figure shows, in words; given to screen readers and openable by anyone.
    caption: a sentence or two under the figure (plain text).
    sources: reference ids behind the figure; shown as citations linked to the reference list.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", id):
        raise ValueError(f"figure id '{id}' should be lowercase words joined by hyphens")
    fig = styled(go.Figure(fig))
    data = json.loads(figure_json(fig).replace("<\\/", "</").replace("<\\!--", "<!--"))
    # The <figure> carries the name and description; the plot inside holds plotly's own
    # controls, so it must not be role="img" (an image cannot contain buttons).
    figure_html = (
        f'<figure class="tb-figure" id="fig-{id}" aria-labelledby="title-{id}"'
        f' aria-describedby="alt-{id}">'
        f'<div class="tb-figure-title" id="title-{id}">{escape(title)}</div>'
        f'<div class="tb-plot" id="plot-{id}"></div>'
        f'<script type="application/json" class="tb-plot-data" data-target="plot-{id}">'
        f"{figure_json(fig)}</script>"
        f"{_caption_html(id, caption, alt, sources)}</figure>"
    )
    plain = f"Figure: {title}. {alt}"
    display(
        {PLOTLY_MIME: {**data, "config": CONFIG}, "text/html": figure_html, "text/plain": plain},
        raw=True,
    )
    # JupyterLab draws only the plotly part above, so show the caption there too.
    show_html(
        f'<div class="tb-figure">{_caption_html(id, caption, alt, sources, lab=True)}</div>',
        f"Caption: {caption}",
        lab_only=True,
    )


def _caption_html(id: str, caption: str, alt: str, sources, lab: bool = False) -> str:
    alt_id = f"alt-{id}-lab" if lab else f"alt-{id}"
    cited = f" Sources: {cite_list(sources)}." if sources else ""
    return (
        f"<figcaption>{escape(caption)}{cited}"
        f'<details class="tb-alt" id="{alt_id}"><summary>Text description of the figure</summary>'
        f"<p>{escape(alt)}</p></details></figcaption>"
    )
