"""How long twitches last: range bars on a logarithmic time axis, from benign_durations.

The axis runs from a second to twenty years, so a cramp and a chronic eyelid twitch fit on
one chart; a dashed line marks the NHS advice to see a GP after two weeks.
"""

import math

import pandas as pd
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE, TEXT
from ..tables import table_frame
from .controls import attach
from .labels import plain, wrap

TABLE = "benign_durations"

DAY = 86400
# Ticks at least a decade apart, so their names never touch on a laptop (on this scale
# "1 week" would run into "1 day", and "10 years" into "1 year"); the dashed line marks two
# weeks.
TICKS = {
    1: "1 s",
    60: "1 min",
    3600: "1 h",
    DAY: "1 day",
    30.44 * DAY: "1 month",
    365.25 * DAY: "1 year",
}
TWO_WEEKS = 14 * DAY
# Brief, self-limiting patterns in one colour; long-lasting ones in another.
LONG_LASTING = ("Chronic eyelid myokymia", "Benign fasciculation syndrome")


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def _span(seconds: float) -> str:
    """A duration in the largest whole unit that fits, for the text description."""
    for size, unit in (
        (365.25 * DAY, "year"),
        (30.44 * DAY, "month"),
        (7 * DAY, "week"),
        (DAY, "day"),
        (3600, "hour"),
        (60, "minute"),
        (1, "second"),
    ):
        if seconds >= size:
            count = seconds / size
            return f"{count:.3g} {unit}{'s' if round(count, 2) != 1 else ''}"
    return f"{seconds:g} seconds"


def figure(frame: pd.DataFrame | None = None) -> go.Figure:
    """One horizontal bar per row, from its shortest to its longest duration."""
    frame = _frame(frame)
    fig = go.Figure()
    for _, row in frame.iterrows():
        long = row["pattern"].startswith(LONG_LASTING)
        fig.add_trace(
            go.Scatter(
                x=[row["shortest_seconds"], row["longest_seconds"]],
                y=[wrap(row["pattern"], 26)] * 2,
                mode="lines+markers",
                line=dict(color=PALETTE["vermilion"] if long else PALETTE["blue"], width=14),
                marker=dict(size=14, symbol="line-ns-open", color=TEXT),
                name=plain(row["pattern"]),
                showlegend=False,
                hovertemplate=f"<b>{plain(row['pattern'])}</b><br>“{wrap(row['wording'], 40)}”"
                "<extra></extra>",
            )
        )
    fig.add_vline(x=TWO_WEEKS, line=dict(color=NEUTRAL, dash="dash", width=2))
    # On a log axis, annotation positions are given as powers of ten.
    fig.add_annotation(
        x=math.log10(TWO_WEEKS),
        y=1.02,
        yref="paper",
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        text="NHS: see a GP after 2 weeks ",
        font=dict(color=TEXT, size=13),
    )
    fig.update_layout(
        xaxis=dict(
            type="log",
            title="Duration (logarithmic scale)",
            tickvals=list(TICKS),
            ticktext=list(TICKS.values()),
            tickangle=0,
            range=[-0.2, 8.9],
        ),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True),
        height=430,
        margin=dict(l=10, t=50),
    )
    fig.update_xaxes(fixedrange=True)
    # On a phone, fewer ticks, so their labels do not run into each other, and shorter lines
    # in the row names, so the bars keep room.
    few = {1: "1 s", 3600: "1 h", 365.25 * DAY: "1 yr"}
    attach(
        fig,
        narrow={"xaxis.tickvals": list(few), "xaxis.ticktext": list(few.values()), "height": 540},
        narrow_data={"y": [[wrap(p, 16)] * 2 for p in frame["pattern"]]},
        # In larger type "1 month" would run into "1 year".
        projector={
            "xaxis.tickvals": [t for t in TICKS if TICKS[t] != "1 month"],
            "xaxis.ticktext": [n for n in TICKS.values() if n != "1 month"],
        },
    )
    return fig


def describe(frame: pd.DataFrame | None = None) -> str:
    """The bars in words, each with the source's wording and the span drawn."""
    frame = _frame(frame)
    bars = " ".join(
        f"{row['pattern']}: “{row['wording']}” (drawn {_span(row['shortest_seconds'])} to "
        f"{_span(row['longest_seconds'])})."
        for _, row in frame.iterrows()
    )
    beyond = [row["pattern"] for _, row in frame.iterrows() if row["longest_seconds"] > TWO_WEEKS]
    return (
        "Horizontal range bars on a logarithmic time axis from 1 second to 20 years, with a "
        "dashed line at 2 weeks labelled 'NHS: see a GP after 2 weeks'. "
        + bars
        + f" Bars that reach beyond the 2-week line: {'; '.join(beyond)}."
    )
