"""Results and risks of microvascular decompression as horizontal bars, one group at a time.

Buttons switch between the results (resolution, recurrence), the transient complications and
the permanent complications. Every bar's name, above it, carries its source, and its hover
text the size of the study, so a large systematic review and a small old series are never
confused.
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
# Each bar's name sits above it across the plot's width, not in a column beside it, so a long
# name costs a line, not the bars' room. Lines of a name: on a laptop, on a phone.
CHARS_WIDE, CHARS_NARROW = 64, 32
# Pixels of a row: a line of the name on a laptop (14 px type) and on a phone (12 px), the
# bar, the gap to the next row; and of the title and the axis under the bars.
LINE_PX_WIDE, LINE_PX_NARROW, BAR_PX, GAP_PX, FRAME_PX = 17, 15, 18, 14, 140

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


def _on_the_bar(shown: str) -> str:
    """The number alone beside its bar; the qualifier after it ("(95% CI ...)") would run
    out of the figure, and is in the hover text, the description and the table."""
    return plain(shown.split(" (")[0])


def _row_px(names: list[str]) -> int:
    """A row as tall as its group's longest name needs, on a laptop or a phone."""

    def lines(chars: int) -> int:
        return max(wrap(name, chars).count("<br>") + 1 for name in names)

    name_px = max(LINE_PX_WIDE * lines(CHARS_WIDE), LINE_PX_NARROW * lines(CHARS_NARROW))
    return name_px + BAR_PX + GAP_PX


def figure(rows: pd.DataFrame | None = None) -> go.Figure:
    """Build the chart from the rows of data/tables/mvd_outcomes.yaml (default: that table);
    each bar is labelled with its measure and its source's author-year label."""
    rows = _frame(rows)
    groups = list(dict.fromkeys(rows.group))  # keep the table's order
    fig = go.Figure()
    layouts, labels, narrow = {}, {}, {}  # per group: its state's layout, its names' indices
    for number, group in enumerate(groups):
        part = rows[rows.group == group]  # first table row at the top
        sources = part.references.map(_sources)
        names = [f"{m} ({s})" for m, s in zip(part.measure, sources, strict=True)]
        row = _row_px(names)
        # Row i spans i - 0.5 to i + 0.5 (the axis runs downwards); its bar sits at the
        # bottom of the row, its name just above the bar.
        bar_y = [i + 0.5 - (GAP_PX + BAR_PX / 2) / row for i in range(len(part))]
        fig.add_trace(
            go.Bar(
                x=part.percent,
                y=bar_y,
                width=BAR_PX / row,
                orientation="h",
                name=plain(group),
                marker=dict(
                    color=GROUP_COLOURS.get(group, PALETTE["blue"]),
                    line=dict(color=TEXT, width=0.5),
                ),
                text=[_on_the_bar(v) for v in part.shown],
                textposition="outside",
                cliponaxis=False,
                textfont=dict(color=TEXT),
                customdata=np.stack(
                    [
                        [wrap(name, 40) for name in names],
                        part.shown.map(plain),
                        part.cohort.map(lambda c: wrap(c, 40)),
                    ],
                    axis=-1,
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}"
                "<extra></extra>",
                visible=number == 0,
            )
        )
        first_label = len(fig.layout.annotations)
        for name, y in zip(names, bar_y, strict=True):
            at = f"annotations.{len(fig.layout.annotations)}"
            narrow[f"{at}.text"] = wrap(name, CHARS_NARROW)
            fig.add_annotation(
                x=0,
                y=y - (BAR_PX / 2 + 2) / row,
                xref="x",
                yref="y",
                text=wrap(name, CHARS_WIDE),
                xanchor="left",
                yanchor="bottom",
                align="left",
                showarrow=False,
                visible=number == 0,
            )
        labels[group] = range(first_label, len(fig.layout.annotations))
        top = float(part.percent.max())
        layouts[group] = {
            # Small percentages get a short axis so the bars stay readable.
            "xaxis.range": [0, 100 if top > 50 else round(top * 1.35, 1)],
            "yaxis.range": [len(part) - 0.5, -0.5],
            "height": len(part) * row + FRAME_PX,
            "title.text": plain(GROUP_TITLES.get(group, group)),
        }
    for group in groups:  # each state shows its own bars' names only
        for k in range(len(fig.layout.annotations)):
            layouts[group][f"annotations.{k}.visible"] = k in labels[group]
    attach(
        fig,
        control(
            "buttons",
            "Show",
            [
                state(group, data={"visible": [g == group for g in groups]}, layout=layouts[group])
                for group in groups
            ],
        ),
        narrow={"margin.r": 75, **narrow},  # room for the number beside the longest bar
    )
    opening = layouts[groups[0]]
    fig.update_layout(
        title=dict(text=opening["title.text"], x=0, xanchor="left", y=0.98, yanchor="top"),
        xaxis=dict(
            title="Percent of operated patients",
            ticksuffix="%",
            range=opening["xaxis.range"],
            fixedrange=True,
        ),
        yaxis=dict(visible=False, range=opening["yaxis.range"], fixedrange=True),
        showlegend=False,
        height=opening["height"],
        margin=dict(l=24, t=50, r=60),  # room for half of the "0%" under the bars
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
