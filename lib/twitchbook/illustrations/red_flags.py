"""The red flag checklist of lesson 04.

Each feature of a twitch is placed under the next step it calls for.

Built from the data table data/tables/red_flags.yaml (tb.table_frame("red_flags")), so the
figure and the HTML table beside it can never disagree.
"""

import plotly.graph_objects as go

from ..citations import label
from ..loader import workbook
from ..palette import GRID, PALETTE, TEXT
from ..tables import table_frame
from .controls import attach, control, state
from .labels import wrap

TABLE = "red_flags"

# The three choices of the lesson's sorter, in order of concern. The short names label the
# columns; the long ones must match the "action" column of the data table exactly.
STEPS = [
    ("Reassure and give self-care advice", "Reassure", PALETTE["green"], "circle"),
    ("See a GP", "See a GP", PALETTE["orange"], "diamond"),
    ("Refer to a neurologist", "Neurologist", PALETTE["vermilion"], "square"),
]


def _sources(ids) -> str:
    references = workbook().references
    return "; ".join(label(references[ref_id]) for ref_id in ids)


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def figure(frame=None) -> go.Figure:
    """A dot chart: one row per feature, one column per next step, with buttons to filter.

    frame: the red_flags data table as a DataFrame (columns feature, action, why, references);
    default: that table.
    """
    frame = _frame(frame)
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
            f"<b>{wrap(row.feature, 40)}</b><br>Next step: {step}<br>{wrap(row.why, 40)}"
            f"<br>Sources: {wrap(_sources(row.references), 40)}"
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
    visible_sets = {
        "All features": [True, True, True, True],
        "Reassure": [True, True, False, False],
        "See a GP": [True, False, True, False],
        "Neurologist": [True, False, False, True],
    }
    attach(
        fig,
        control(
            "buttons",
            "Show",
            [state(name, data={"visible": shown}) for name, shown in visible_sets.items()],
        ),
        # On a phone the features are wrapped short and the legend goes below.
        narrow={
            "yaxis.tickvals": rows,
            "yaxis.ticktext": [wrap(f, 18) for f in frame["feature"]],
            "yaxis.tickfont.size": 10,
            "height": 120 + 44 * len(rows),
        },
    )
    fig.update_layout(
        height=140 + 46 * len(rows),
        margin=dict(l=10, r=20, t=40, b=40),
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
            automargin=True,
            tickfont=dict(size=12),
        ),
        legend=dict(orientation="h", y=-0.02, yanchor="top", x=0, font=dict(size=12)),
    )
    return fig


def describe(frame=None) -> str:
    """The figure in words: every feature, grouped under its next step."""
    frame = _frame(frame)
    parts = []
    for step, *_ in STEPS:
        features = frame[frame["action"] == step]["feature"]
        parts.append(f"{step}: " + "; ".join(features) + ".")
    return (
        "A checklist chart with one row per feature of a twitch and three columns, "
        "Reassure, See a GP and Neurologist; a marker in a column shows the next step. "
        + " ".join(parts)
    )
