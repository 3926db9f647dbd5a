"""Schematic needle-EMG traces of four involuntary movements: an illustration, not recordings.

One plot with four buttons: fasciculation, myokymia, cramp and spasm. The traces are drawn
from simple rules (when the motor units fire), so the figure is the same on every run. The
words (names, sentences) are in data/figures/twitch_types.yaml; the firing rules are here.
"""

import numpy as np
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE
from .controls import attach, control, state
from .labels import figure_words, illustration_badge, parts_of, plain

TEXT_FILE = "twitch_types"

SECONDS = 6.0  # long enough to show several myokymic bursts with their silences between
RATE = 500  # samples per second: enough to draw each spike, few enough to keep pages light
TIME = np.linspace(0, SECONDS, int(SECONDS * RATE), endpoint=False)

# Myokymia: a few spikes close together in each burst, then a silence. The two rates differ:
# within a burst the unit fires 40 times a second; between bursts the silence lasts 0.5-3 s
# and varies from one burst to the next (fixed here, so the figure never changes).
BURST_SPIKES = (4, 6, 3, 5, 4)  # spikes in each burst
WITHIN_BURST = 0.025  # seconds from one spike to the next inside a burst
SILENCES = (1.1, 0.7, 2.1, 0.9)  # seconds from the last spike of a burst to the next burst


def words(text=None):
    """The figure's labels and sentences (a twitchbook.schema.FigureText)."""
    return figure_words(TEXT_FILE, text)


def _spike(centre: float, height: float = 1.0, width: float = 0.004) -> np.ndarray:
    """One motor unit potential, drawn as a biphasic wave (up, then down)."""
    shifted = (TIME - centre) / width
    return height * -shifted * np.exp(-(shifted**2) / 2) * 1.6


def _fasciculation() -> np.ndarray:
    # Single discharges of one motor unit at irregular moments, with quiet in between.
    moments = (0.21, 0.78, 0.93, 1.52, 1.87, 2.66, 3.38, 3.51, 4.27, 4.96, 5.63)
    return sum(_spike(t) for t in moments)


def burst_starts() -> list[float]:
    """When each myokymic burst begins (seconds), from the spike counts and the silences."""
    starts, moment = [], 0.2
    for spikes, silence in zip(BURST_SPIKES, (*SILENCES, 0.0), strict=True):
        starts.append(moment)
        moment += (spikes - 1) * WITHIN_BURST + silence
    return starts


def _myokymia() -> np.ndarray:
    return sum(
        _spike(start + k * WITHIN_BURST, 0.9)
        for start, spikes in zip(burst_starts(), BURST_SPIKES, strict=True)
        for k in range(spikes)
    )


def _cramp() -> np.ndarray:
    # Many units firing densely and without pause once the cramp starts; seeded, so stable.
    rng = np.random.default_rng(2)
    onset = 0.8
    times = np.sort(rng.uniform(onset, SECONDS, 2800))
    heights = rng.uniform(0.4, 1.6, times.size)
    return sum(_spike(t, h, 0.003) for t, h in zip(times, heights, strict=True)) * 0.3


# Drawing rules and colours, under the part ids of the data file.
TRACES = {
    "fasciculation": (_fasciculation, PALETTE["blue"]),
    "myokymia": (_myokymia, PALETTE["green"]),
    "cramp": (_cramp, PALETTE["vermilion"]),
    "spasm": (lambda: np.zeros_like(TIME), NEUTRAL),
}


def _trace(part, visible: bool) -> go.Scatter:
    draw, colour = TRACES[part.id]
    y = np.round(draw(), 2)
    # A flat trace needs only its two ends; the others are sampled from 0 at a fixed step,
    # in single precision, which is plenty for a schematic and halves the page weight.
    where = (
        dict(x=[0.0, SECONDS], y=[0.0, 0.0])
        if not y.any()
        else dict(x0=0, dx=1 / RATE, y=y.astype(np.float32))
    )
    return go.Scatter(
        **where,
        mode="lines",
        name=plain(part.label),
        line=dict(color=colour, width=1.2),
        visible=visible,
        hoverinfo="skip",
    )


def figure(text=None) -> go.Figure:
    """Four schematic traces on one axis; buttons show one at a time.

    text: the figure's words (default: data/figures/twitch_types.yaml).
    """
    text = words(text)
    first = set(text.views[0].parts)
    fig = go.Figure([_trace(part, part.id in first) for part in text.parts])
    views = [
        state(
            view.label,
            data={"visible": [part.id in view.parts for part in text.parts]},
            text=view.text,
        )
        for view in text.views
    ]
    # In a presenter's larger type the axis title is longer than the plot is tall.
    attach(
        fig,
        control("buttons", "Twitch", views),
        projector={"yaxis.title.text": "Electrical activity<br>(schematic)"},
    )
    illustration_badge(fig)
    fig.update_layout(
        xaxis=dict(title="Time (seconds)", range=[0, SECONDS], fixedrange=True),
        # The height is arbitrary: a schematic, so no voltage scale is claimed.
        yaxis=dict(
            title="Electrical activity (schematic)",
            showticklabels=False,
            range=[-2.4, 2.4],
            fixedrange=True,
        ),
        showlegend=False,
        height=380,
        margin=dict(t=20, b=50),
    )
    return fig


def describe(text=None) -> str:
    """The traces in words, from the same sentences and firing rules the figure draws."""
    text = words(text)
    parts = parts_of(text)
    views = " ".join(
        f"{view.label} ({'; '.join(parts[p].description.rstrip('.') for p in view.parts)}): "
        f"{view.text}"
        for view in text.views
    )
    return (
        f"Schematic electrical traces over {SECONDS:g} seconds, one at a time, chosen with "
        f"{len(text.views)} buttons. {views} The myokymia trace draws {len(BURST_SPIKES)} "
        f"bursts of {min(BURST_SPIKES)} to {max(BURST_SPIKES)} spikes, "
        f"{WITHIN_BURST * 1000:g} ms apart within a burst, separated by silences of "
        f"{min(SILENCES):g} to {max(SILENCES):g} seconds. The traces are drawn from simple "
        "rules, not recorded from patients, and have no voltage scale."
    )
