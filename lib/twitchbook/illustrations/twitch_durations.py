"""How long twitches last: range bars on a logarithmic time axis, from benign_durations.

The axis runs from a second to twenty years, so a cramp and a chronic eyelid twitch fit on
one chart; a dashed line marks the NHS advice to see a GP after two weeks.
"""

import math

import pandas as pd
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE, TEXT

DAY = 86400
# No "1 month" tick: on this scale it would collide with "1 week".
TICKS = {
    1: "1 s",
    60: "1 min",
    3600: "1 h",
    DAY: "1 day",
    7 * DAY: "1 week",
    365.25 * DAY: "1 year",
    3652.5 * DAY: "10 years",
}
TWO_WEEKS = 14 * DAY
# Brief, self-limiting patterns in one colour; long-lasting ones in another.
LONG_LASTING = ("Chronic eyelid myokymia", "Benign fasciculation syndrome")


def duration_ranges(frame: pd.DataFrame) -> go.Figure:
    """One horizontal bar per row, from its shortest to its longest duration."""
    fig = go.Figure()
    for _, row in frame.iterrows():
        long = row["pattern"].startswith(LONG_LASTING)
        fig.add_trace(
            go.Scatter(
                x=[row["shortest_seconds"], row["longest_seconds"]],
                y=[row["pattern"], row["pattern"]],
                mode="lines+markers",
                line=dict(color=PALETTE["vermilion"] if long else PALETTE["blue"], width=14),
                marker=dict(size=14, symbol="line-ns-open", color=TEXT),
                name=row["pattern"],
                showlegend=False,
                hovertemplate=f"<b>{row['pattern']}</b><br>“{row['wording']}”<extra></extra>",
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
        yaxis=dict(autorange="reversed"),
        height=430,
        margin=dict(l=330, t=60),
    )
    return fig
