"""Benign fasciculation syndrome in numbers: a bar chart from the table benign_bfs_outcomes.

Two views behind buttons: what happened to the twitching over follow-up, and which other
symptoms patients reported. Every bar carries its study, size and follow-up in the hover text.
"""

import pandas as pd
import plotly.graph_objects as go

from ..palette import PALETTE
from .controls import button_row

VIEWS = ["Course of the twitching", "Other symptoms reported"]
# One colour and a short name per study, so a 34-patient abstract reads apart from a review.
STUDIES = {
    "Prospective study (meeting abstract)": (PALETTE["blue"], "2017 abstract, n = 34"),
    "Prospective study (full paper)": (PALETTE["sky"], "2018 paper, n = 35"),
    "Systematic review of 3 studies": (PALETTE["vermilion"], "2024 review, n = 180"),
    "Systematic review (the 2 studies that reported it)": (
        PALETTE["orange"],
        "2024 review, 2 of its 3 studies",
    ),
}


def _label(row: pd.Series) -> str:
    return f"{row['measure']}<br><sup>{STUDIES[row['study']][1]}</sup>"


def outcome_bars(frame: pd.DataFrame) -> go.Figure:
    """Horizontal bars, one trace per study and view; buttons switch between the views."""
    fig = go.Figure()
    visibility = []
    for view in VIEWS:
        part = frame[frame["view"] == view]
        for study, rows in part.groupby("study", sort=False):
            labels = [_label(r) for _, r in rows.iterrows()]
            fig.add_trace(
                go.Bar(
                    x=rows["percent"],
                    y=labels,
                    orientation="h",
                    name=study,
                    marker_color=STUDIES[study][0],
                    # Zero is a finding here (no motor neuron disease), so print every value.
                    text=[f"{p:g}%" for p in rows["percent"]],
                    textposition="outside",
                    cliponaxis=False,
                    customdata=rows[["study", "patients", "follow_up"]].to_numpy(),
                    hovertemplate=(
                        "<b>%{x:g}%</b><br>%{customdata[0]}"
                        "<br>Patients: %{customdata[1]}"
                        "<br>Follow-up: %{customdata[2]}<extra></extra>"
                    ),
                    visible=view == VIEWS[0],
                )
            )
            visibility.append(view)
    buttons = [
        dict(label=view, method="update", args=[{"visible": [v == view for v in visibility]}])
        for view in VIEWS
    ]
    fig.update_layout(
        updatemenus=[
            button_row(
                buttons,
                y=1.14,
                showactive=True,
            )
        ],
        xaxis=dict(title="Per cent of patients in the study", range=[0, 112], ticksuffix="%"),
        yaxis=dict(autorange="reversed"),
        barmode="group",
        height=520,
        margin=dict(l=250, t=90),
        showlegend=False,  # each bar's label already names its study
    )
    return fig
