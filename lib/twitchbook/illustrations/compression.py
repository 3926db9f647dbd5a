"""How pressure on the facial nerve turns into twitching: a schematic figure, not data.

A slider for pressure at the root exit zone; each step shows made-up bursts of activity in an
eye muscle and a mouth muscle, spreading from eye to mouth and firing together as the
pressure rises, which is the sequence the theories in lesson 01 try to explain.

Drawn from fixed rules and a seeded random generator, so every run gives the same figure;
it is not a recording from a patient. The words are in data/figures/compression.yaml.
"""

import numpy as np
import plotly.graph_objects as go

from ..palette import PALETTE
from .controls import attach, control, state
from .labels import figure_words, illustration_badge, parts_of, plain
from .panels import stacked, trace

TEXT_FILE = "compression"

EYE = PALETTE["blue"]
MOUTH = PALETTE["vermilion"]
SEED = 20261124  # fixed so the "random" jitter is the same on every run
RATE = 40  # samples per second: enough to show bursts, small enough to keep pages light
DURATION = 10.0

# The eye's bursts at each step of the slider, under the view labels of the data file:
# (start s, length s, size, tonic?), and which of them the mouth copies (same start),
# because in hemifacial spasm the lower face twitches together with the eye rather than on
# its own schedule. A muscle the view does not name stays at rest.
LEVELS = {
    "None": ([], []),
    "Mild": ([(1.4, 0.25, 0.55, False), (5.1, 0.35, 0.6, False), (8.3, 0.2, 0.5, False)], []),
    "Moderate": (
        [
            (0.8, 0.4, 0.7, False),
            (2.3, 0.3, 0.6, False),
            (3.6, 0.6, 0.8, False),
            (5.4, 0.3, 0.6, False),
            (6.7, 0.5, 0.8, False),
            (8.6, 0.6, 0.85, False),
        ],
        [2, 4, 5],
    ),
    "Severe": (
        [
            (0.5, 0.5, 0.8, False),
            (1.6, 0.4, 0.8, False),
            (2.6, 2.8, 0.95, True),
            (6.2, 0.5, 0.85, False),
            (7.3, 0.6, 0.9, False),
            (8.5, 1.1, 0.95, True),
        ],
        [0, 1, 2, 3, 4, 5],
    ),
}


def words(text=None):
    """The figure's labels and sentences (a twitchbook.schema.FigureText)."""
    return figure_words(TEXT_FILE, text)


def _bursts(view) -> tuple[list, list]:
    """The eye's and the mouth's bursts at one step, each only if the view names the muscle."""
    eye, copied = LEVELS[view.label]
    return (
        eye if "eye" in view.parts else [],
        [eye[i] for i in copied] if "mouth" in view.parts else [],
    )


def _activity(bursts, rng: np.random.Generator, scale: float = 1.0) -> np.ndarray:
    """Rectified muscle activity (arbitrary units): low resting noise plus the given bursts."""
    t = np.arange(0, DURATION, 1 / RATE)
    signal = 0.04 + 0.02 * rng.random(t.size)
    for start, length, size, tonic in bursts:
        inside = (t >= start) & (t < start + length)
        if tonic:
            # Why: a tonic spasm is a sustained contraction, drawn as a high plateau.
            level = size * (0.85 + 0.15 * rng.random(inside.sum()))
        else:
            # Why: a clonic twitch is a run of quick jerks, drawn as a rippled burst.
            phase = 2 * np.pi * 7 * (t[inside] - start)
            level = (
                size
                * (0.45 + 0.55 * np.abs(np.sin(phase)))
                * (0.8 + 0.2 * rng.random(inside.sum()))
            )
        signal[inside] = np.maximum(signal[inside], scale * level)
    return np.round(signal, 3)


def figure(text=None) -> go.Figure:
    """Pressure slider (none to severe) with simulated eye and mouth muscle activity.

    text: the figure's words (default: data/figures/compression.yaml).
    """
    text = words(text)
    parts = parts_of(text)
    eye, mouth = parts["eye"], parts["mouth"]
    rng = np.random.default_rng(SEED)
    t = np.round(np.arange(0, DURATION, 1 / RATE), 3)
    fig = stacked(
        (eye.label, mouth.label),
        spacing=0.12,
        height=480,
        x_range=[0, DURATION],
        x_title="Time (seconds)",
        y_range=[0, 1.05],
        y_title="Activity",
    )
    for number, view in enumerate(text.views):
        eye_bursts, mouth_bursts = _bursts(view)
        for row, (part, colour, activity) in enumerate(
            [
                (eye, EYE, _activity(eye_bursts, rng)),
                (mouth, MOUTH, _activity(mouth_bursts, rng, scale=0.8)),
            ],
            start=1,
        ):
            short = plain(part.short)
            fig.add_trace(
                trace(
                    t,
                    activity,
                    colour=colour,
                    name=f"{part.short} ({view.label.lower()})",
                    hover=f"{short}, %{{x:.1f}} s: %{{y:.2f}}<extra></extra>",
                    width=1.6,
                    visible=number == 0,
                    filled=True,
                ),
                row=row,
                col=1,
            )

    illustration_badge(fig)
    steps = [
        state(
            view.label,
            data={"visible": [level == n for level in range(len(text.views)) for _ in "em"]},
            text=view.text,
        )
        for n, view in enumerate(text.views)
    ]
    attach(fig, control("slider", parts["pressure"].label, steps))
    return fig


def describe(text=None) -> str:
    """The figure in words, from the same bursts the figure draws."""
    text = words(text)
    parts = parts_of(text)
    steps = []
    for view in text.views:
        eye, mouth_bursts = _bursts(view)
        tonic = sum(1 for *_, sustained in eye if sustained)
        if not eye:
            steps.append(f"{view.label}: both panels flat, at resting level.")
            continue
        mouth = (
            "the mouth stays flat"
            if not mouth_bursts
            else "the mouth contracts together with the eye every time"
            if len(mouth_bursts) == len(eye)
            else f"the mouth bursts at the same moments as {len(mouth_bursts)} of them"
        )
        held = f", {tonic} of them long sustained (tonic) contractions" if tonic else ""
        steps.append(f"{view.label}: {len(eye)} eye bursts{held}; {mouth}.")
    return (
        "Illustration, not data. Two stacked panels show simulated muscle activity (arbitrary "
        f"units) over {DURATION:g} seconds; top panel: {parts['eye'].label}; bottom panel: "
        f"{parts['mouth'].label}. A slider sets the "
        f"{parts['pressure'].label.lower()} to {', '.join(v.label for v in text.views)}. "
        + " ".join(steps)
        + " A sentence under the slider explains each step."
    )
