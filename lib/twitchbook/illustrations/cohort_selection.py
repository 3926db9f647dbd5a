"""Who ends up in a study: one stacked bar that splits a clinic's patients into groups.

Used to show why a remission rate measured in an 'untreated' group cannot be applied to all
patients: most of the clinic's patients were treated and so never entered that group.
"""

import pandas as pd
import plotly.graph_objects as go

from ..palette import GRID, NEUTRAL, PALETTE
from ..tables import table_frame
from .controls import attach
from .labels import plain, wrap

TABLE = "hfs_untreated_cohort"

# The group a figure is about is drawn in orange; the excluded groups in cool colours and grey.
GROUP_COLOURS = [PALETTE["blue"], PALETTE["sky"], NEUTRAL, GRID, PALETTE["orange"]]


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def figure(frame: pd.DataFrame | None = None) -> go.Figure:
    """One horizontal bar of all the clinic's patients, split into the table's groups in
    table order; the total is the sum of the groups.

    frame: rows with 'group', 'patients', 'percent' and 'meaning' (default: the table).
    """
    frame = _frame(frame)
    total = int(frame["patients"].astype(int).sum())
    label = "Patients with a compressing vessel"
    fig = go.Figure()
    for number, row in enumerate(frame.itertuples(index=False)):
        patients = int(row.patients)
        fig.add_trace(
            go.Bar(
                y=[label],
                x=[patients],
                orientation="h",
                width=0.45,
                name=f"{plain(row.group)}: {patients:,}",
                marker=dict(
                    color=GROUP_COLOURS[number % len(GROUP_COLOURS)],
                    line=dict(color="#ffffff", width=1),
                ),
                # Only a wide segment fits its number; the legend and hover carry every group.
                text=[f"{patients:,}" if patients >= total / 4 else ""],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                hovertext=[
                    f"<b>{plain(row.group)}</b> ({label})<br>"
                    f"{patients:,} of {total:,} ({float(row.percent):g}%)"
                    f"<br>{wrap(row.meaning, 40)}"
                ],
                hoverinfo="text",
            )
        )
    # Point at the last group, the one the figure is about, since its segment is too thin to label.
    last = frame.iloc[-1]
    fig.add_annotation(
        x=total - int(last.patients) / 2,
        y=0,
        yref="y",
        xref="x",
        text=f"{wrap(last.group, 24)}: {int(last.patients):,}",
        showarrow=True,
        arrowhead=2,
        arrowcolor=NEUTRAL,
        ax=-70,
        ay=-60,
        font=dict(size=13),
    )
    fig.update_layout(
        barmode="stack",
        xaxis=dict(title_text=f"Patients (of {total:,})", range=[0, total], fixedrange=True),
        # Headroom above the bar for the pointer; the bar's name is in the hover and the title.
        yaxis=dict(fixedrange=True, showticklabels=False, range=[-0.4, 0.9]),
        legend=dict(
            orientation="h", x=0, xanchor="left", y=-0.55, yanchor="top", traceorder="normal"
        ),
        margin=dict(l=30, r=30, t=30, b=40),
        height=380,
    )
    # On a phone a legend entry on one line would run off the screen.
    names = [f"{wrap(row.group, 22)}: {int(row.patients):,}" for row in frame.itertuples()]
    attach(fig, narrow={"height": 440}, narrow_data={"name": names})
    return fig


def describe(frame: pd.DataFrame | None = None) -> str:
    """The bar in words, every group and number included, in table order."""
    frame = _frame(frame)
    total = int(frame["patients"].astype(int).sum())
    parts = [
        f"{row.group}: {int(row.patients):,} ({float(row.percent):g}%)"
        for row in frame.itertuples(index=False)
    ]
    return (
        f"A single horizontal bar of {total:,} patients divided into {len(parts)} groups, "
        "left to right: " + "; ".join(parts) + "."
    )
