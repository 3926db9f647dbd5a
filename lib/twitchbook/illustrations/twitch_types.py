"""Schematic needle-EMG traces of four involuntary movements: an illustration, not recordings.

One plot with four buttons: fasciculation, myokymia, cramp and spasm. The traces are drawn
from simple rules (when the motor units fire), so the figure is the same on every run.
"""

import numpy as np
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE
from .controls import attach, control, state
from .labels import illustration_badge

SECONDS = 2.0
RATE = 500  # samples per second: enough to draw each spike, few enough to keep pages light
TIME = np.linspace(0, SECONDS, int(SECONDS * RATE), endpoint=False)


def _spike(centre: float, height: float = 1.0, width: float = 0.004) -> np.ndarray:
    """One motor unit potential, drawn as a biphasic wave (up, then down)."""
    shifted = (TIME - centre) / width
    return height * -shifted * np.exp(-(shifted**2) / 2) * 1.6


def _fasciculation() -> np.ndarray:
    # Single discharges of one motor unit at irregular moments, with quiet in between.
    return sum(_spike(t) for t in (0.21, 0.78, 0.93, 1.52, 1.87))


def _myokymia() -> np.ndarray:
    # The same unit fires in short bursts, and the bursts recur regularly (here 4 a second).
    starts = np.arange(0.1, SECONDS, 0.25)
    return sum(_spike(s + k * 0.012, 0.9) for s in starts for k in range(3))


def _cramp() -> np.ndarray:
    # Many units firing densely and without pause once the cramp starts; seeded, so stable.
    rng = np.random.default_rng(2)
    onset = 0.35
    times = np.sort(rng.uniform(onset, SECONDS, 900))
    heights = rng.uniform(0.4, 1.6, times.size)
    return sum(_spike(t, h, 0.003) for t, h in zip(times, heights, strict=True)) * 0.3


TYPES = {
    "Fasciculation": (
        _fasciculation,
        PALETTE["blue"],
        "Single discharges of one motor unit, firing at irregular moments.",
    ),
    "Myokymia": (
        _myokymia,
        PALETTE["green"],
        "Short bursts from one motor unit, recurring regularly (several times a second).",
    ),
    "Cramp": (
        _cramp,
        PALETTE["vermilion"],
        "Dense firing of many motor units that starts suddenly and keeps going; painful.",
    ),
    "Spasm": (
        lambda: np.zeros_like(TIME),
        NEUTRAL,
        "No single pattern: 'spasm' is a general word for any involuntary contraction.",
    ),
}


def figure() -> go.Figure:
    """Four schematic traces on one axis; buttons show one at a time."""
    fig = go.Figure()
    for name, (draw, colour, _) in TYPES.items():
        fig.add_trace(
            # x0 and dx instead of a time array: the same plot at half the page weight.
            go.Scatter(
                x0=0,
                dx=1 / RATE,
                y=np.round(draw(), 2),
                mode="lines",
                name=name,
                line=dict(color=colour, width=1.2),
                visible=name == "Fasciculation",
                hoverinfo="skip",
            )
        )
    names = list(TYPES)
    attach(
        fig,
        control(
            "buttons",
            "Twitch",
            [
                state(name, data={"visible": [n == name for n in names]}, text=TYPES[name][2])
                for name in names
            ],
        ),
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


def describe() -> str:
    """The traces in words, from the same patterns the figure draws."""
    return (
        f"Schematic electrical traces over {SECONDS:g} seconds, one at a time, chosen with "
        f"{len(TYPES)} buttons. "
        + " ".join(f"{name}: {TYPES[name][2]}" for name in TYPES)
        + " The traces are drawn from simple rules, not recorded from patients, and have no "
        "voltage scale."
    )
