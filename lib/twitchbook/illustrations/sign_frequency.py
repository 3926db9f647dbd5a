"""How often a clinical sign is present in each condition, study by study (lesson 05).

Built from a data table with columns study, group, patients and percent, such as
data/tables/other_babinski_sign.yaml; one bar per study and patient group.
"""

import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE

# One colour per patient group, so the same condition looks the same in every study.
GROUP_COLOURS = [PALETTE["blue"], PALETTE["orange"], PALETTE["sky"], PALETTE["purple"]]


def sign_frequency_bars(frame, *, sign: str) -> go.Figure:
    """Horizontal bars of the percent of patients with the sign, grouped by condition.

    frame: DataFrame with columns study, group, patients, percent (and references).
    sign: the sign's name, used in the axis title and hover text.
    """
    groups = list(dict.fromkeys(frame["group"]))
    fig = go.Figure()
    for number, group in enumerate(groups):
        rows = frame[frame["group"] == group]
        fig.add_trace(
            go.Bar(
                x=rows["percent"],
                y=[f"{r.study}<br>{r.group}" for r in rows.itertuples()],
                orientation="h",
                name=group,
                marker=dict(color=GROUP_COLOURS[number % 4]),
                # Print the value and the group size on the bar: readable without colour or hover.
                text=[f"{r.percent:g}% of {r.patients}" for r in rows.itertuples()],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    f"<b>{r.study}</b><br>{r.group}: {r.percent:g}% of {r.patients} "
                    f"patients had the {sign}"
                    for r in rows.itertuples()
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        height=120 + 52 * len(frame),
        margin=dict(l=230, r=40, t=40, b=60),
        # Each bar has its own row, so bars need no side-by-side offset.
        barmode="overlay",
        xaxis=dict(title=f"Patients with the {sign} (%)", range=[0, 105], fixedrange=True),
        yaxis=dict(
            autorange="reversed",
            fixedrange=True,
            linecolor=NEUTRAL,
            categoryorder="array",
            categoryarray=[f"{r.study}<br>{r.group}" for r in frame.itertuples()],
        ),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, title=None),
    )
    return fig


def sign_frequency_alt(frame, *, sign: str) -> str:
    """The chart in words: every bar's study, group, percent and number of patients."""
    bars = "; ".join(
        f"{r.study}, {r.group}: {r.percent:g}% of {r.patients}" for r in frame.itertuples()
    )
    return f"Horizontal bar chart of the percent of patients with the {sign}. {bars}."
