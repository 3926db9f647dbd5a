"""The red flag checklist of lesson 04.

Each feature of a twitch is placed under the next step it calls for.

Built from the red-flag rules in data/red_flags.yaml (twitchbook.widgets.triage.rules_frame()),
the same rules the table, the sorter and the triage builder use, so they can never disagree.
"""

import plotly.graph_objects as go

from ..citations import label
from ..loader import workbook
from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .labels import wrap

# The urgency tiers, most urgent first. The long names must match the tiers of
# data/red_flags.yaml exactly; the short names label the columns. Shape as well as colour
# marks the tier, so the chart reads without colour.
STEPS = [
    ("Emergency (same day)", "Emergency", PALETTE["vermilion"], "square"),
    ("Urgent neurology", "Urgent", PALETTE["orange"], "triangle-up"),
    ("Routine neurology", "Routine", PALETTE["purple"], "diamond"),
    ("See a GP", "GP", PALETTE["blue"], "cross"),
    ("Reassure and self-care", "Reassure", PALETTE["green"], "circle"),
]


def _sources(ids) -> str:
    references = workbook().references
    return "; ".join(label(references[ref_id]) for ref_id in ids)


def red_flag_checklist(frame) -> go.Figure:
    """A dot chart: one row per feature, one column per next step, with buttons to filter.

    frame: the red-flag rules as a DataFrame (columns feature, action, why, references).
    """
    unknown = set(frame["action"]) - {step for step, *_ in STEPS}
    if unknown:
        raise ValueError(f"red_flags table has actions the checklist does not know: {unknown}")
    rows = [wrap(feature, 38) for feature in frame["feature"]]
    fig = go.Figure()
    # Faint dots in every cell keep all rows and columns on the axes while a filter hides
    # the coloured markers; they also make the grid readable as a checklist.
    fig.add_trace(
        go.Scatter(
            x=[short for _, short, _, _ in STEPS] * len(rows),
            y=[row for row in rows for _ in STEPS],
            mode="markers",
            marker=dict(size=9, color=GRID),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for step, short, colour, symbol in STEPS:
        chosen = frame[frame["action"] == step]
        hover = [
            f"<b>{wrap(row.feature, 60)}</b><br>Next step: {step}<br>{wrap(row.why, 60)}"
            f"<br>Sources: {_sources(row.references)}"
            for row in chosen.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=[short] * len(chosen),
                y=[wrap(f, 38) for f in chosen["feature"]],
                mode="markers",
                name=step,
                # Shape as well as colour marks the step, so the chart reads without colour.
                marker=dict(size=18, color=colour, symbol=symbol, line=dict(color=TEXT, width=1)),
                hovertext=hover,
                hoverinfo="text",
            )
        )
    visible_sets = {"All features": [True] * (len(STEPS) + 1)}
    for number, (_, short, _, _) in enumerate(STEPS):
        visible_sets[short] = [True] + [i == number for i in range(len(STEPS))]
    fig.update_layout(
        height=140 + 46 * len(rows),
        margin=dict(l=300, r=20, t=90, b=40),
        xaxis=dict(
            side="top",
            categoryorder="array",
            categoryarray=[short for _, short, _, _ in STEPS],
            showgrid=True,
            fixedrange=True,
        ),
        yaxis=dict(
            autorange="reversed",
            categoryorder="array",
            categoryarray=rows,
            showgrid=False,
            fixedrange=True,
            tickfont=dict(size=12),
        ),
        legend=dict(orientation="h", y=-0.02, yanchor="top", x=0, font=dict(size=12)),
        updatemenus=[
            dict(
                type="buttons",
                direction="right",
                x=0,
                xanchor="left",
                y=1.0,
                yanchor="bottom",
                pad=dict(b=40),
                showactive=True,
                bgcolor="#ffffff",
                bordercolor=NEUTRAL,
                buttons=[
                    dict(label=name, method="restyle", args=[{"visible": shown}])
                    for name, shown in visible_sets.items()
                ],
            )
        ],
    )
    return fig


def red_flag_checklist_alt(frame) -> str:
    """The figure in words: every feature, grouped under its next step."""
    parts = []
    for step, *_ in STEPS:
        features = frame[frame["action"] == step]["feature"]
        parts.append(f"{step}: " + "; ".join(features) + ".")
    return (
        "A checklist chart with one row per feature of a twitch and five columns, "
        + ", ".join(short for _, short, _, _ in STEPS)
        + "; a marker in a column shows the level of care it calls for. "
        + " ".join(parts)
    )
