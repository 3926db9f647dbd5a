"""Text for figures: plotly neither wraps hover text nor annotations, so lines are broken here;
and the two boxes of text that several figures share."""

import textwrap

from ..palette import NEUTRAL, PALETTE, TEXT


def wrap(text: str, width: int) -> str:
    """Break text into lines of at most width characters (whole words), joined by <br>."""
    return "<br>".join(
        textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
    )


def description_box(fig, text: str, y: float) -> None:
    """A boxed description under the plot, made annotations[0] so that slider steps and menu
    buttons can rewrite it by that name."""
    fig.add_annotation(
        x=0.0,
        y=y,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        text=wrap(text, 70),
        showarrow=False,
        align="left",
        font=dict(size=13, color=TEXT),
        bgcolor="#ffffff",
        bordercolor=NEUTRAL,
        borderwidth=1,
        borderpad=6,
    )
    fig.layout.annotations = (fig.layout.annotations[-1],) + fig.layout.annotations[:-1]


def illustration_badge(fig) -> None:
    """Top right: this is a drawing to explain an idea, not measured data."""
    fig.add_annotation(
        x=1.0,
        y=1.0,
        xref="paper",
        yref="paper",
        xanchor="right",
        yanchor="bottom",
        text="<b>ILLUSTRATION, NOT DATA</b>",
        showarrow=False,
        font=dict(size=12, color=PALETTE["vermilion"]),
        bgcolor="#ffffff",
        bordercolor=PALETTE["vermilion"],
        borderwidth=1,
        borderpad=3,
        yshift=22,
    )
