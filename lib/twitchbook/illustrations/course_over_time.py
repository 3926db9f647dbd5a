"""How a twitch changes over the years: charts of natural-history outcomes from a data table.

The figure works without a kernel: two plotly buttons switch the bars between percentages and
numbers of patients, and every bar carries its value as text so colour is never the only cue.
"""

import pandas as pd
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE
from .controls import button_row

# Worse outcomes in warm colours, better ones in cool colours; the order of the table is kept.
OUTCOME_COLOURS = {
    "Aggravated": PALETTE["vermilion"],
    "Stationary": PALETTE["orange"],
    "Partly improved": PALETTE["sky"],
    "Remission": PALETTE["blue"],
}


def natural_history_bars(frame: pd.DataFrame, *, total: int) -> go.Figure:
    """Horizontal bars, one per outcome, with buttons for 'Percent' and 'Number of patients'.

    frame: rows with 'outcome', 'patients', 'percent' and 'detail' (a tb.table_frame result).
    total: the size of the cohort, shown in the axis title and the hover text.
    """
    outcomes = list(frame["outcome"])
    percents = [float(p) for p in frame["percent"]]
    counts = [int(n) for n in frame["patients"]]
    colours = [OUTCOME_COLOURS.get(o, NEUTRAL) for o in outcomes]
    hover = [
        f"<b>{o}</b><br>{n} of {total} patients ({p:.1f}%)<br>{d}"
        for o, n, p, d in zip(outcomes, counts, percents, frame["detail"], strict=True)
    ]
    percent_text = [f"{p:.1f}%" for p in percents]
    count_text = [f"{n} of {total}" for n in counts]

    fig = go.Figure(
        go.Bar(
            y=outcomes,
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
    percent_axis = {"xaxis.title.text": "Percent of patients", "xaxis.range": [0, 55]}
    count_axis = {"xaxis.title.text": f"Number of patients (of {total})", "xaxis.range": [0, 60]}
    fig.update_layout(
        updatemenus=[
            button_row(
                [
                    dict(
                        label="Percent",
                        method="update",
                        args=[{"x": [percents], "text": [percent_text]}, percent_axis],
                    ),
                    dict(
                        label="Number of patients",
                        method="update",
                        args=[{"x": [counts], "text": [count_text]}, count_axis],
                    ),
                ],
                y=1.18,
                showactive=True,
                bgcolor="#ffffff",
                bordercolor=NEUTRAL,
            )
        ],
        xaxis=dict(title_text="Percent of patients", range=[0, 55], fixedrange=True),
        yaxis=dict(autorange="reversed", fixedrange=True),
        margin=dict(l=130, r=40, t=80, b=60),
        height=360,
    )
    return fig
