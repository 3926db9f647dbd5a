"""How often a clinical sign is present in each condition, study by study (lesson 05).

Built from a data table with columns study, group, patients and percent, such as
data/tables/other_babinski_sign.yaml; one bar per study and patient group.
"""

import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE
from ..tables import table_frame
from .controls import attach
from .labels import plain, wrap

TABLE = "other_babinski_sign"
SIGN = "other Babinski sign"

# One colour per patient group, so the same condition looks the same in every study.
GROUP_COLOURS = [PALETTE["blue"], PALETTE["orange"], PALETTE["sky"], PALETTE["purple"]]


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def _bar_label(r, width: int = 24) -> str:
    return f"{wrap(r.study, width)}<br>{wrap(r.group, width)}"


def figure(frame=None, sign: str = SIGN) -> go.Figure:
    """Horizontal bars of the percent of patients with the sign, grouped by condition.

    frame: DataFrame with columns study, group, patients, percent (and references);
    default: the table of the other Babinski sign.
    sign: the sign's name, used in the axis title and hover text.
    """
    frame = _frame(frame)
    groups = list(dict.fromkeys(frame["group"]))
    fig = go.Figure()
    for number, group in enumerate(groups):
        rows = frame[frame["group"] == group]
        fig.add_trace(
            go.Bar(
                x=rows["percent"],
                y=[_bar_label(r) for r in rows.itertuples()],
                orientation="h",
                name=plain(group),
                marker=dict(color=GROUP_COLOURS[number % 4]),
                # Print the value and the group size on the bar: readable without colour or hover.
                text=[f"{r.percent:g}% of {r.patients}" for r in rows.itertuples()],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    f"<b>{plain(r.study)}</b><br>{plain(r.group)}: {r.percent:g}% of "
                    f"{r.patients} patients had the {plain(sign)}"
                    for r in rows.itertuples()
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        height=120 + 52 * len(frame),
        margin=dict(l=10, r=40, t=40, b=60),
        # Each bar has its own row, so bars need no side-by-side offset.
        barmode="overlay",
        xaxis=dict(title=f"Patients with the {plain(sign)} (%)", range=[0, 115], fixedrange=True),
        yaxis=dict(
            autorange="reversed",
            fixedrange=True,
            linecolor=NEUTRAL,
            categoryorder="array",
            categoryarray=[_bar_label(r) for r in frame.itertuples()],
            automargin=True,
        ),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, title=None),
    )
    # On a phone, shorter lines in the row names leave the bars room for their numbers.
    attach(
        fig,
        narrow={
            "xaxis.range": [0, 135],
            "height": 120 + 70 * len(frame),  # four lines to a row name
            "yaxis.categoryarray": [_bar_label(r, 18) for r in frame.itertuples()],
        },
        narrow_data={
            "y": [
                [_bar_label(r, 18) for r in frame[frame["group"] == g].itertuples()] for g in groups
            ]
        },
        # In larger type (a slide, a presenter): study and group each on one line, and taller
        # rows (a slide keeps its own height).
        projector={
            "yaxis.categoryarray": [_bar_label(r, 40) for r in frame.itertuples()],
            "height": 170 + 66 * len(frame),
        },
        projector_data={
            "y": [
                [_bar_label(r, 40) for r in frame[frame["group"] == g].itertuples()] for g in groups
            ]
        },
    )
    return fig


def describe(frame=None, sign: str = SIGN) -> str:
    """The chart in words: every bar's study, group, percent and number of patients."""
    frame = _frame(frame)
    bars = "; ".join(
        f"{r.study}, {r.group}: {r.percent:g}% of {r.patients}" for r in frame.itertuples()
    )
    return f"Horizontal bar chart of the percent of patients with the {sign}. {bars}."
