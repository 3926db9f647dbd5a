"""How a twitch changes over the years: charts of natural-history outcomes from a data table.

The figure works without a kernel: two buttons switch the bars between percentages and
numbers of patients, and every bar carries its value as text so colour is never the only cue.
"""

import pandas as pd
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE
from ..tables import table_frame
from .controls import attach, control, state
from .labels import plain, wrap

TABLE = "living_hfs_natural_history"

# Worse outcomes in warm colours, better ones in cool colours; the order of the table is kept.
OUTCOME_COLOURS = {
    "Aggravated": PALETTE["vermilion"],
    "Stationary": PALETTE["orange"],
    "Partly improved": PALETTE["sky"],
    "Remission": PALETTE["blue"],
}


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def figure(frame: pd.DataFrame | None = None) -> go.Figure:
    """Horizontal bars, one per outcome, with buttons for 'Percent' and 'Number of patients'.

    frame: rows with 'outcome', 'patients', 'percent' and 'detail' (default: the table);
    the cohort's size is the sum of its patients.
    """
    frame = _frame(frame)
    total = int(frame["patients"].astype(int).sum())
    outcomes = list(frame["outcome"])
    percents = [float(p) for p in frame["percent"]]
    counts = [int(n) for n in frame["patients"]]
    colours = [OUTCOME_COLOURS.get(o, NEUTRAL) for o in outcomes]
    hover = [
        f"<b>{plain(o)}</b><br>{n} of {total} patients ({p:.1f}%)<br>{wrap(d, 40)}"
        for o, n, p, d in zip(outcomes, counts, percents, frame["detail"], strict=True)
    ]
    percent_text = [f"{p:.1f}%" for p in percents]
    count_text = [f"{n} of {total}" for n in counts]

    fig = go.Figure(
        go.Bar(
            y=[plain(o) for o in outcomes],
            x=percents,
            orientation="h",
            marker_color=colours,
            text=percent_text,
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    # Buttons restyle the one trace and relabel the axis, so the switch needs no Python.
    # Room right of the longest bar for its printed value.
    percent_axis = {
        "xaxis.title.text": "Percent of patients",
        "xaxis.range": [0, max(percents) * 1.35],
    }
    count_axis = {
        "xaxis.title.text": f"Number of patients (of {total})",
        "xaxis.range": [0, max(counts) * 1.45],
    }
    attach(
        fig,
        control(
            "buttons",
            "Show",
            [
                state(
                    "Percent", data={"x": [percents], "text": [percent_text]}, layout=percent_axis
                ),
                state(
                    "Number of patients",
                    data={"x": [counts], "text": [count_text]},
                    layout=count_axis,
                ),
            ],
        ),
    )
    fig.update_layout(
        xaxis=dict(
            title_text="Percent of patients", range=percent_axis["xaxis.range"], fixedrange=True
        ),
        yaxis=dict(autorange="reversed", fixedrange=True, automargin=True),
        margin=dict(l=10, r=40, t=20, b=60),
        height=320,
    )
    return fig


def describe(frame: pd.DataFrame | None = None) -> str:
    """The bars in words, every count and percentage from the same rows."""
    frame = _frame(frame)
    total = int(frame["patients"].astype(int).sum())
    bars = " ".join(
        f"{row['outcome']}: {int(row['patients'])} patients, {float(row['percent']):.1f}%."
        for _, row in frame.iterrows()
    )
    return (
        f"Horizontal bar chart of {len(frame)} outcomes in {total} patients. {bars} Buttons "
        "above the chart switch the bars between percentages and numbers of patients."
    )
