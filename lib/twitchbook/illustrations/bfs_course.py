"""Benign fasciculation syndrome in numbers: a bar chart from the table benign_bfs_outcomes.

Two views behind buttons: what happened to the twitching over follow-up, and which other
symptoms patients reported. Every bar carries its study, size and follow-up in the hover text,
and its short name (source and size) is made from the same row, never typed in.
"""

import plotly.graph_objects as go

from ..citations import label
from ..loader import workbook
from ..palette import PALETTE
from ..tables import table_frame
from .controls import attach, control, state
from .labels import plain, wrap

TABLE = "benign_bfs_outcomes"
COLOURS = [PALETTE["blue"], PALETTE["sky"], PALETTE["vermilion"], PALETTE["orange"]]


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def _study_name(row) -> str:
    """The source's label and the number of patients, as the row gives them."""
    source = "; ".join(label(workbook().references[r]) for r in row["references"])
    patients = str(row["patients"])
    return f"{source}, n = {patients}" if patients.isdigit() else source


def figure(frame=None) -> go.Figure:
    """Horizontal bars, one trace per study and view; buttons switch between the views."""
    frame = _frame(frame)
    views = list(dict.fromkeys(frame["view"]))
    studies = list(dict.fromkeys(frame["study"]))
    fig = go.Figure()
    shown_in, slide_names = [], []
    for view in views:
        part = frame[frame["view"] == view]
        for study, rows in part.groupby("study", sort=False):
            fig.add_trace(
                go.Bar(
                    x=rows["percent"],
                    y=[
                        f"{wrap(r['measure'], 24)}<br><sup>{plain(_study_name(r))}</sup>"
                        for _, r in rows.iterrows()
                    ],
                    orientation="h",
                    name=plain(study),
                    marker_color=COLOURS[studies.index(study) % len(COLOURS)],
                    # Zero is a finding here (no motor neuron disease), so print every value.
                    text=[f"{p:g}%" for p in rows["percent"]],
                    textposition="outside",
                    cliponaxis=False,
                    customdata=[
                        [plain(r["study"]), plain(r["patients"]), plain(r["follow_up"])]
                        for _, r in rows.iterrows()
                    ],
                    hovertemplate=(
                        "<b>%{x:g}%</b><br>%{customdata[0]}"
                        "<br>Patients: %{customdata[1]}"
                        "<br>Follow-up: %{customdata[2]}<extra></extra>"
                    ),
                    visible=view == views[0],
                )
            )
            shown_in.append(view)
            slide_names.append(
                [
                    f"{wrap(r['measure'], 40)}<br><sup>{plain(_study_name(r))}</sup>"
                    for _, r in rows.iterrows()
                ]
            )
    attach(
        fig,
        control(
            "buttons",
            "Show",
            [state(v, data={"visible": [s == v for s in shown_in]}) for v in views],
        ),
        narrow={"xaxis.title.text": "Per cent of patients"},
        # On a slide the type is larger: a name on one line leaves room for eight rows.
        projector_data={"y": slide_names},
    )
    fig.update_layout(
        xaxis=dict(
            title="Per cent of patients in the study",
            range=[0, 115],
            ticksuffix="%",
            fixedrange=True,
        ),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True),
        barmode="group",
        height=520,
        margin=dict(l=10, t=20),
        showlegend=False,  # each bar's label already names its study
    )
    return fig


def describe(frame=None) -> str:
    """The chart in words, every number from the same rows as the bars."""
    frame = _frame(frame)
    views = []
    for view in dict.fromkeys(frame["view"]):
        rows = frame[frame["view"] == view]
        items = [
            f"{r['measure']} {r['percent']:g}% ({r['study']}; {_study_name(r)}; "
            f"follow-up {r['follow_up']})"
            for _, r in rows.iterrows()
        ]
        views.append(f"View '{view}': " + "; ".join(items) + ".")
    return (
        f"Horizontal bar chart in {len(views)} views chosen with buttons, one bar per study and "
        "measure, in per cent of the patients each study followed. " + " ".join(views)
    )
