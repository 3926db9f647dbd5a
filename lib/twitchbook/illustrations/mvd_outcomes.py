"""Results and risks of microvascular decompression as horizontal bars, one group at a time.

Buttons switch between the results (resolution, recurrence), the transient complications and
the permanent complications. Every bar carries its source and the size of the study in its
hover text, so a large systematic review and a small old series are never confused.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..citations import label
from ..loader import workbook
from ..palette import PALETTE, TEXT
from ..tables import table_frame
from .controls import attach, control, state
from .labels import plain, wrap

TABLE = "mvd_outcomes"

GROUP_COLOURS = {
    "Results": PALETTE["blue"],
    "Transient complications": PALETTE["orange"],
    "Permanent complications": PALETTE["vermilion"],
}
GROUP_TITLES = {
    "Results": "How often the spasm goes, and how often it comes back",
    "Transient complications": "Complications that pass",
    "Permanent complications": "Complications that last",
}


def _frame(rows):
    return table_frame(TABLE) if rows is None else rows


def _sources(refs) -> str:
    return "; ".join(label(workbook().references[r]) for r in refs)


def figure(rows: pd.DataFrame | None = None) -> go.Figure:
    """Build the chart from the rows of data/tables/mvd_outcomes.yaml (default: that table);
    each bar is labelled with its measure and its source's author-year label."""
    rows = _frame(rows)
    groups = list(dict.fromkeys(rows.group))  # keep the table's order
    fig = go.Figure()
    for number, group in enumerate(groups):
        part = rows[rows.group == group].iloc[::-1]  # first table row at the top
        sources = part.references.map(_sources)
        # Why a label per bar: the same measure appears from different sources.
        names = [
            f"{wrap(m, 24)}<br>({plain(s)})" for m, s in zip(part.measure, sources, strict=True)
        ]
        fig.add_trace(
            go.Bar(
                x=part.percent,
                y=names,
                orientation="h",
                name=plain(group),
                marker=dict(
                    color=GROUP_COLOURS.get(group, PALETTE["blue"]),
                    line=dict(color=TEXT, width=0.5),
                ),
                text=[plain(v) for v in part.shown],
                textposition="outside",
                cliponaxis=False,
                textfont=dict(color=TEXT),
                customdata=np.stack(
                    [
                        part.shown.map(plain),
                        part.cohort.map(lambda c: wrap(c, 40)),
                        sources.map(plain),
                    ],
                    axis=-1,
                ),
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>%{customdata[1]}"
                "<br>Source: %{customdata[2]}<extra></extra>",
                visible=number == 0,
            )
        )

    def axis_for(group: str) -> dict:
        top = float(rows.loc[rows.group == group, "percent"].max())
        # Small percentages get a short axis so the bars stay readable; room is left for labels.
        return {"xaxis.range": [0, 100 if top > 50 else round(top * 1.35, 1)]}

    attach(
        fig,
        control(
            "buttons",
            "Show",
            [
                state(
                    group,
                    data={"visible": [g == group for g in groups]},
                    layout={"title.text": plain(GROUP_TITLES.get(group, group)), **axis_for(group)},
                )
                for group in groups
            ],
        ),
        narrow={"margin.t": 70},  # room for the title on two lines
    )
    fig.update_layout(
        title=dict(
            text=plain(GROUP_TITLES.get(groups[0], groups[0])),
            x=0,
            xanchor="left",
            y=0.98,
            yanchor="top",
        ),
        xaxis=dict(
            title="Percent of operated patients",
            ticksuffix="%",
            range=axis_for(groups[0])["xaxis.range"],
            fixedrange=True,
        ),
        yaxis=dict(automargin=True, fixedrange=True),
        showlegend=False,
        height=480,
        margin=dict(l=10, t=50, r=60),
        bargap=0.35,
    )
    return fig


def describe(rows: pd.DataFrame | None = None) -> str:
    """The chart in words, with every number and its source, for the text alternative."""
    rows = _frame(rows)
    parts = []
    for group in dict.fromkeys(rows.group):
        part = rows[rows.group == group]
        items = [
            f"{row.measure} {row.shown} ({row.cohort}; {_sources(row.references)})"
            for row in part.itertuples()
        ]
        parts.append(f"{group}: " + "; ".join(items) + ".")
    return (
        "Horizontal bar chart of percentages of operated patients, with one button per group. "
        + " ".join(parts)
        + " Figures printed as less than 0.1% are drawn as bars of 0.1%."
    )
