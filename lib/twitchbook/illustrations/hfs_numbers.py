"""Hemifacial spasm in numbers: one bar chart per measure, switched by a dropdown.

The table behind it (data/tables/hfs_epidemiology.yaml) holds one row per study and measure.
Each measure becomes its own bar trace; the dropdown shows one trace at a time and relabels
the axis, so the switch works on a static page with no kernel. Every bar carries the figure
as the study printed it, so no reader depends on colour or hover to get the number.
"""

import pandas as pd
import plotly.graph_objects as go

from ..palette import PALETTE
from ..tables import table_frame
from .controls import attach, control, state
from .labels import plain, wrap

TABLE = "hfs_epidemiology"

# Hemifacial spasm in blue; ALS (shown only for scale) in vermilion, so the two never blend.
HFS_COLOUR = PALETTE["blue"]
ALS_COLOUR = PALETTE["vermilion"]


def _colour(study: str) -> str:
    return ALS_COLOUR if study.startswith("ALS") else HFS_COLOUR


def _value_text(value: float) -> str:
    """'9.8', '62', '0.44': as few digits as the value needs."""
    return f"{value:g}"


def _frame(frame):
    return table_frame(TABLE) if frame is None else frame


def figure(frame: pd.DataFrame | None = None) -> go.Figure:
    """Horizontal bars of one measure at a time, chosen from a dropdown above the chart.

    frame: rows with 'measure', 'study', 'value', 'reported' and 'setting'
    (a tb.table_frame result); measures appear in the dropdown in table order.
    """
    frame = _frame(frame)
    measures = list(dict.fromkeys(frame["measure"]))
    fig = go.Figure()
    for number, measure in enumerate(measures):
        rows = frame[frame["measure"] == measure]
        values = [float(v) for v in rows["value"]]
        hover = [
            f"<b>{plain(study)}</b><br>{wrap(reported, 40)}<br>{wrap(setting, 40)}"
            for study, reported, setting in zip(
                rows["study"], rows["reported"], rows["setting"], strict=True
            )
        ]
        fig.add_trace(
            go.Bar(
                y=[wrap(study, 22) for study in rows["study"]],
                x=values,
                orientation="h",
                name=plain(measure),
                marker_color=[_colour(s) for s in rows["study"]],
                text=[_value_text(v) for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertext=hover,
                hoverinfo="text",
                showlegend=False,
                # Only the first measure is drawn until the reader picks another.
                visible=number == 0,
            )
        )

    def axis_range(measure: str) -> list[float]:
        # Room to the right of the longest bar for its printed value.
        top = max(float(v) for v in frame.loc[frame["measure"] == measure, "value"])
        return [0, top * 1.25]

    attach(
        fig,
        control(
            "menu",
            "Measure",
            [
                state(
                    measure,
                    data={"visible": [m == measure for m in measures]},
                    layout={"xaxis.title.text": plain(measure), "xaxis.range": axis_range(measure)},
                )
                for measure in measures
            ],
        ),
    )
    fig.update_layout(
        xaxis=dict(title_text=plain(measures[0]), range=axis_range(measures[0]), fixedrange=True),
        yaxis=dict(autorange="reversed", fixedrange=True, automargin=True),
        margin=dict(l=10, r=40, t=20, b=60),
        height=380,
        bargap=0.35,
    )
    return fig


def describe(frame: pd.DataFrame | None = None) -> str:
    """The chart in words, every number included: one sentence per measure, in table order.

    Built from the same table as the chart so the text alternative can never fall out of step.
    """
    frame = _frame(frame)
    sentences = ["A bar chart with a menu that switches between measures; each bar is one study."]
    for measure in dict.fromkeys(frame["measure"]):
        rows = frame[frame["measure"] == measure]
        parts = [
            f'{study}: {_value_text(float(value))}, reported as "{reported}", {setting}.'
            for study, value, reported, setting in zip(
                rows["study"], rows["value"], rows["reported"], rows["setting"], strict=True
            )
        ]
        sentences.append(f"{measure}: " + " ".join(parts))
    return " ".join(sentences)
