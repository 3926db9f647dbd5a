"""Two stacked panels of schematic traces over one shared time axis, as the pressure slider
(compression) and the lateral spread figure draw them: the same frame, margins and axes, so
the two read alike. The traces have no scale, so the activity axis shows no numbers.
"""

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .labels import plain


def stacked(
    titles: tuple[str, str],
    *,
    spacing: float,
    height: int,
    x_range: list,
    x_title: str,
    y_range: list,
    y_title: str,
) -> go.Figure:
    """An empty two-row figure: a title over each panel, the time axis under the lower one."""
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=spacing,
        subplot_titles=tuple(plain(title) for title in titles),
    )
    fig.update_layout(height=height, margin=dict(l=50, r=20, t=40, b=50))
    fig.update_yaxes(range=y_range, title_text=y_title, showticklabels=False, fixedrange=True)
    fig.update_xaxes(range=x_range, fixedrange=True)
    fig.update_xaxes(title_text=x_title, row=2, col=1)
    return fig


def trace(
    x, y, *, colour: str, name: str, hover: str, width: float = 2, visible=True, filled=False
) -> go.Scatter:
    """One schematic trace: a line, optionally filled down to zero, with no legend entry.

    name: text from a data file, escaped here; hover: a plotly hover template, already escaped.
    """
    fill = dict(fill="tozeroy", fillcolor=colour, opacity=0.9) if filled else {}
    return go.Scatter(
        x=x,
        y=y,
        mode="lines",
        line=dict(color=colour, width=width),
        name=plain(name),
        visible=visible,
        hovertemplate=hover,
        showlegend=False,
        **fill,
    )
