"""A timeline of botulinum toxin doses for hemifacial spasm: how each takes hold and wears off.

Two panels share one week axis. The upper panel is data: the cited time points (first effect,
end of benefit, when the next dose is due), one marker per source. The lower panel is a model,
an illustration and not data: a smooth curve drawn through those time points, repeated for one,
two or three injection cycles. Buttons switch the number of cycles; they work on a static page.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..citations import label
from ..loader import workbook
from ..palette import GRID, PALETTE, TEXT
from ..tables import table_frame
from .controls import attach, control, state
from .labels import plain, wrap

TABLE = "botulinum_timeline"

# The model's shape (illustration only). Onset and end are set from the cited anchors by the
# caller; the peak and the start of the decline are not taken from any source.
PEAK_WEEK = 2.0
DECLINE_FROM_WEEK = 8.0
CYCLES = (1, 2, 3)
EVENT_ORDER = ["First effect", "End of benefit", "Next injection due"]
EVENT_COLOURS = {
    "First effect": PALETTE["green"],
    "End of benefit": PALETTE["vermilion"],
    "Next injection due": PALETTE["blue"],
}


def _smoothstep(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


def relief_after_one_dose(weeks: np.ndarray, end_week: float) -> np.ndarray:
    """Modelled relief (0-100) after a dose given at week 0: rises to a plateau, then fades.

    The relief is zero at injection, full by PEAK_WEEK, and back to zero at end_week.
    """
    rise = _smoothstep(weeks / PEAK_WEEK)
    fall = 1 - _smoothstep((weeks - DECLINE_FROM_WEEK) / (end_week - DECLINE_FROM_WEEK))
    relief = 100 * rise * fall
    relief[weeks < 0] = 0.0
    return relief


def relief_over_cycles(weeks: np.ndarray, cycles: int, interval: float, end_week: float):
    """Relief for repeated doses every `interval` weeks; a new dose restarts the curve."""
    total = np.zeros_like(weeks)
    for k in range(cycles):
        # Why max, not sum: a fresh dose does not add to a fading one in this simple model.
        total = np.maximum(total, relief_after_one_dose(weeks - k * interval, end_week))
    return total


def _frame(anchors):
    return table_frame(TABLE) if anchors is None else anchors


def source(refs) -> str:
    """The author-year labels of a row's references."""
    return "; ".join(label(workbook().references[r]) for r in refs)


def figure(anchors: pd.DataFrame | None = None) -> go.Figure:
    """Build the two-panel timeline.

    anchors: the rows of data/tables/botulinum_timeline.yaml (columns event, finding, weeks,
      population, references); default: that table.
    """
    anchors = _frame(anchors)

    end_week = float(anchors.loc[anchors.event == "End of benefit", "weeks"].min())
    due = anchors.loc[anchors.event == "Next injection due", "weeks"]
    interval = float(due.min())  # the earliest cited re-injection time sets the model's rhythm
    onset = float(anchors.loc[anchors.event == "First effect", "weeks"].min())

    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.38, 0.62],
        vertical_spacing=0.08,
        subplot_titles=(
            "Cited time points after one injection (data)",
            "Modelled relief, repeated doses (illustration, not data)",
        ),
    )

    # Upper panel: one marker per cited figure, one trace per kind of event (legend groups).
    for level, event in enumerate(EVENT_ORDER):
        rows = anchors[anchors.event == event]
        # Why the small vertical offsets: several sources give nearly the same week, and
        # markers drawn on one line would hide each other (and their hover text).
        offsets = (np.arange(len(rows)) - (len(rows) - 1) / 2) * 0.12
        fig.add_trace(
            go.Scatter(
                x=rows.weeks,
                y=level + offsets,
                mode="markers",
                name=event,
                marker=dict(
                    size=13,
                    color=EVENT_COLOURS[event],
                    symbol="diamond",
                    line=dict(width=1, color=TEXT),
                ),
                customdata=np.stack(
                    [
                        rows.finding.map(lambda t: wrap(t, 40)),
                        rows.population.map(lambda t: wrap(t, 40)),
                        rows.references.map(source).map(plain),
                    ],
                    axis=-1,
                ),
                hovertemplate=f"<b>{event}</b>: week %{{x}}<br>%{{customdata[0]}}<br>"
                "%{customdata[1]}<br>Source: %{customdata[2]}<extra></extra>",
                legendgroup="data",
                legendgrouptitle_text="Cited figures",
            ),
            row=1,
            col=1,
        )
    # The re-injection window as a bar between its two cited ends.
    due_level = EVENT_ORDER.index("Next injection due")
    fig.add_trace(
        go.Scatter(
            x=[due.min(), due.max()],
            y=[due_level] * 2,
            mode="lines",
            line=dict(color=PALETTE["blue"], width=6),
            name="3-4 month window",
            hoverinfo="skip",
            showlegend=False,
        ),
        row=1,
        col=1,
    )

    # Lower panel: one curve and one set of injection markers per choice of cycles.
    weeks = np.round(np.arange(0, max(CYCLES) * interval + 8, 0.1), 2)
    cycle_traces: dict[int, list[int]] = {}
    for cycles in CYCLES:
        first = len(fig.data)
        relief = relief_over_cycles(weeks, cycles, interval, end_week)
        visible = cycles == CYCLES[0]
        fig.add_trace(
            go.Scatter(
                x=weeks,
                y=np.round(relief, 1),
                mode="lines",
                name="Modelled relief",
                line=dict(color=PALETTE["blue"], width=3, shape="spline"),
                hovertemplate="Week %{x}: modelled relief %{y:.0f} of 100 (illustration)"
                "<extra></extra>",
                legendgroup="model",
                legendgrouptitle_text="Illustration",
                visible=visible,
            ),
            row=2,
            col=1,
        )
        shots = [k * interval for k in range(cycles)]
        fig.add_trace(
            go.Scatter(
                x=shots,
                y=[0] * cycles,
                mode="markers+text",
                name="Injection",
                text=[f"Dose {k + 1}" for k in range(cycles)],
                textposition="top right",
                marker=dict(size=14, symbol="triangle-up", color=PALETTE["black"]),
                hovertemplate="Injection at week %{x}<extra></extra>",
                legendgroup="model",
                visible=visible,
            ),
            row=2,
            col=1,
        )
        onsets = [s + onset for s in shots]
        fig.add_trace(
            go.Scatter(
                x=onsets,
                y=relief_over_cycles(np.array(onsets), cycles, interval, end_week),
                mode="markers",
                name="First effect (cited)",
                marker=dict(
                    size=10,
                    color=PALETTE["green"],
                    symbol="diamond",
                    line=dict(width=1, color=TEXT),
                ),
                hovertemplate="First effect about week %{x:.1f} (median 4 days)<extra></extra>",
                legendgroup="model",
                visible=visible,
                showlegend=False,
            ),
            row=2,
            col=1,
        )
        cycle_traces[cycles] = list(range(first, len(fig.data)))

    fixed = list(range(len(EVENT_ORDER) + 1))  # upper-panel traces stay on
    states = []
    for cycles in CYCLES:
        shown = set(fixed) | set(cycle_traces[cycles])
        span = cycles * interval + 6
        states.append(
            state(
                f"{cycles} injection{'s' if cycles > 1 else ''}",
                data={"visible": [i in shown for i in range(len(fig.data))]},
                layout={
                    "xaxis.range": [-0.5, span],
                    "xaxis2.range": [-0.5, span],
                    "xaxis.dtick": 2 if cycles == 1 else 4,
                    "xaxis2.dtick": 2 if cycles == 1 else 4,
                },
            )
        )
    attach(
        fig,
        control("buttons", "Show", states),
        narrow={
            "legend.y": -0.3,
            "margin.b": 200,
            "height": 640,
            "yaxis.ticktext": [wrap(event, 13) for event in EVENT_ORDER],
            # A wider gap between the panels for the lower one's title on two lines.
            "yaxis2.domain": [0, 0.5],
            "annotations.1.y": 0.5,
        },
        # In larger type: the legend at the side, as on a slide, and the lower panel's axis
        # title on two lines, clear of the upper panel's names.
        projector={
            "legend.orientation": "v",
            "legend.x": 1.02,
            "legend.xanchor": "left",
            "legend.y": 1,
            "legend.yanchor": "top",
            "margin.b": 80,
            "yaxis2.title.text": "Relief<br>(0-100, modelled)",
        },
    )
    first_span = CYCLES[0] * interval + 6
    fig.update_layout(
        # Legend below the plot: the site's column is narrow and a side legend squeezes the axes.
        height=620,
        margin=dict(t=40, l=10, b=130),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.16, yanchor="top"),
        hovermode="closest",
    )
    fig.update_xaxes(range=[-0.5, first_span], gridcolor=GRID, dtick=2)
    fig.update_xaxes(title_text="Weeks after the first injection", row=2, col=1)
    fig.update_yaxes(
        tickvals=list(range(len(EVENT_ORDER))),
        ticktext=EVENT_ORDER,
        range=[len(EVENT_ORDER) - 0.5, -0.5],
        zeroline=False,
        row=1,
        col=1,
    )
    fig.update_yaxes(title_text="Relief (0-100, modelled)", range=[-5, 110], row=2, col=1)
    fig.update_yaxes(automargin=True, fixedrange=True)
    fig.update_xaxes(fixedrange=True)
    return fig


def describe(anchors: pd.DataFrame | None = None) -> str:
    """The figure in words, with every cited number, for the text alternative."""
    anchors = _frame(anchors)
    interval = float(anchors.loc[anchors.event == "Next injection due", "weeks"].min())
    end_week = float(anchors.loc[anchors.event == "End of benefit", "weeks"].min())
    parts = []
    for event in EVENT_ORDER:
        rows = anchors[anchors.event == event]
        items = [
            f"{row.finding} (plotted at week {row.weeks:g}; {row.population}; "
            f"{source(row.references)})"
            for row in rows.itertuples()
        ]
        parts.append(f"{event}: " + "; ".join(items) + ".")
    return (
        "Two panels share an axis of weeks after the first injection. Upper panel, cited data, one "
        "marker per source. "
        + " ".join(parts)
        + " The next-injection window is drawn as a bar from "
        f"week {anchors.loc[anchors.event == 'Next injection due', 'weeks'].min():g} to week "
        f"{anchors.loc[anchors.event == 'Next injection due', 'weeks'].max():g}. Lower panel, an "
        "illustration and not data: a smooth curve of relief from 0 to 100 that starts rising "
        "at each "
        "injection, passes the earliest cited first-effect point, "
        f"is full by week {PEAK_WEEK:g}, "
        f"fades from week {DECLINE_FROM_WEEK:g} and reaches zero at week {end_week:g}; "
        "the next dose "
        f"is given at week {interval:g}, "
        "so the spasm returns briefly before each new dose takes hold. "
        "Buttons show 1, 2 or 3 injections, at weeks "
        + ", ".join(f"{k * interval:g}" for k in range(max(CYCLES)))
        + "."
    )
