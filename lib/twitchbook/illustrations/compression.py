"""How pressure on the facial nerve turns into twitching: a schematic figure, not data.

A slider for pressure at the root exit zone; each step shows made-up bursts of activity in an
eye muscle and a mouth muscle, spreading from eye to mouth and firing together as the
pressure rises, which is the sequence the theories in lesson 01 try to explain.

Drawn from fixed rules and a seeded random generator, so every run gives the same figure;
it is not a recording from a patient.
"""

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..palette import PALETTE
from .controls import attach, control, state
from .labels import illustration_badge

EYE = PALETTE["blue"]
MOUTH = PALETTE["vermilion"]
SEED = 20261124  # fixed so the "random" jitter is the same on every run
RATE = 40  # samples per second: enough to show bursts, small enough to keep pages light
DURATION = 10.0

# Each level: bursts as (start s, length s, size, tonic?). Mouth bursts are copies of eye
# bursts (same start), because in hemifacial spasm the lower face twitches together with the
# eye rather than on its own schedule.
LEVELS = [
    (
        "None",
        [],
        [],
        "No pressure: the nerve is quiet at rest. The muscles contract only when you choose to "
        "move them (no voluntary movement is shown here).",
    ),
    (
        "Mild",
        [(1.4, 0.25, 0.55, False), (5.1, 0.35, 0.6, False), (8.3, 0.2, 0.5, False)],
        [],
        "Mild: brief, irregular twitches of the eyelid only. Hemifacial spasm usually begins in "
        "orbicularis oculi, around the eye.",
    ),
    (
        "Moderate",
        [
            (0.8, 0.4, 0.7, False),
            (2.3, 0.3, 0.6, False),
            (3.6, 0.6, 0.8, False),
            (5.4, 0.3, 0.6, False),
            (6.7, 0.5, 0.8, False),
            (8.6, 0.6, 0.85, False),
        ],
        [2, 4, 5],
        "Moderate: more frequent eye bursts, and now the mouth joins in. The mouth twitches at the "
        "same moments as the eye (synkinesis), as if signals crossed between branches.",
    ),
    (
        "Severe",
        [
            (0.5, 0.5, 0.8, False),
            (1.6, 0.4, 0.8, False),
            (2.6, 2.8, 0.95, True),
            (6.2, 0.5, 0.85, False),
            (7.3, 0.6, 0.9, False),
            (8.5, 1.1, 0.95, True),
        ],
        [0, 1, 2, 3, 4, 5],
        "Severe: near-constant clonic bursts and sustained (tonic) spasms, with eye and mouth "
        "contracting together; the eye may be forced shut.",
    ),
]


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


def figure() -> go.Figure:
    """Pressure slider (none to severe) with simulated eye and mouth muscle activity."""
    rng = np.random.default_rng(SEED)
    t = np.round(np.arange(0, DURATION, 1 / RATE), 3)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=(
            "Eye: orbicularis oculi (zygomatic and temporal branches)",
            "Mouth: orbicularis oris (buccal and marginal mandibular branches)",
        ),
    )
    for number, (label, eye_bursts, mouth_from_eye, _) in enumerate(LEVELS):
        mouth_bursts = [eye_bursts[i] for i in mouth_from_eye]
        eye = _activity(eye_bursts, rng)
        mouth = _activity(mouth_bursts, rng, scale=0.8)
        visible = number == 0
        fig.add_trace(
            go.Scatter(
                x=t,
                y=eye,
                mode="lines",
                line=dict(color=EYE, width=1.6),
                fill="tozeroy",
                fillcolor=EYE,
                opacity=0.9,
                name=f"Eye ({label.lower()})",
                visible=visible,
                hovertemplate="Eye, %{x:.1f} s: %{y:.2f}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=t,
                y=mouth,
                mode="lines",
                line=dict(color=MOUTH, width=1.6, dash="solid"),
                fill="tozeroy",
                fillcolor=MOUTH,
                opacity=0.9,
                name=f"Mouth ({label.lower()})",
                visible=visible,
                hovertemplate="Mouth, %{x:.1f} s: %{y:.2f}<extra></extra>",
                showlegend=False,
            ),
            row=2,
            col=1,
        )

    illustration_badge(fig)
    steps = [
        state(
            label,
            data={
                "visible": [level == n for level in range(len(LEVELS)) for _ in ("eye", "mouth")]
            },
            text=text,
        )
        for n, (label, _, _, text) in enumerate(LEVELS)
    ]
    attach(fig, control("slider", "Pressure at the root exit zone", steps))
    fig.update_layout(height=480, margin=dict(l=50, r=20, t=40, b=50))
    fig.update_yaxes(range=[0, 1.05], title_text="Activity", showticklabels=False, fixedrange=True)
    fig.update_xaxes(range=[0, DURATION], fixedrange=True)
    fig.update_xaxes(title_text="Time (seconds)", row=2, col=1)
    return fig


def describe() -> str:
    """The figure in words, from the same bursts the figure draws."""
    steps = []
    for label, eye, mouth_from_eye, _ in LEVELS:
        tonic = sum(1 for *_, sustained in eye if sustained)
        if not eye:
            steps.append(f"{label}: both panels flat, at resting level.")
            continue
        mouth = (
            "the mouth stays flat"
            if not mouth_from_eye
            else "the mouth contracts together with the eye every time"
            if len(mouth_from_eye) == len(eye)
            else f"the mouth bursts at the same moments as {len(mouth_from_eye)} of them"
        )
        held = f", {tonic} of them long sustained (tonic) contractions" if tonic else ""
        steps.append(f"{label}: {len(eye)} eye bursts{held}; {mouth}.")
    return (
        "Illustration, not data. Two stacked panels show simulated muscle activity (arbitrary "
        f"units) over {DURATION:g} seconds: the top panel for the eye muscle (orbicularis oculi), "
        "the bottom panel for the mouth muscle (orbicularis oris). A slider sets the pressure at "
        f"the root exit zone to {', '.join(level[0] for level in LEVELS)}. "
        + " ".join(steps)
        + " A sentence under the slider explains each step."
    )
