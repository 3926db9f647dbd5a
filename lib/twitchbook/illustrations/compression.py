"""How pressure on the facial nerve turns into twitching: two schematic figures, not data.

compression_slider_figure: a slider for pressure at the root exit zone; each step shows made-up
bursts of activity in an eye muscle and a mouth muscle, spreading from eye to mouth and firing
together as the pressure rises, which is the sequence the theories in lesson 01 try to explain.

lateral_spread_figure: the lateral spread response as an electrical test shows it: stimulate the
branch to the eye and record from a chin muscle, in a healthy nerve and in hemifacial spasm.

Both are drawn from fixed rules and a seeded random generator, so every run gives the same
figure; neither is a recording from a patient.
"""

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .labels import description_box, illustration_badge, wrap

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


def compression_slider_figure() -> go.Figure:
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

    description_box(fig, LEVELS[0][3], y=-0.5)
    illustration_badge(fig)

    steps = []
    for number, (label, _, _, text) in enumerate(LEVELS):
        visible = [level == number for level in range(len(LEVELS)) for _ in ("eye", "mouth")]
        steps.append(
            dict(
                label=label,
                method="update",
                args=[{"visible": visible}, {"annotations[0].text": wrap(text, 70)}],
            )
        )
    fig.update_layout(
        sliders=[
            dict(
                active=0,
                steps=steps,
                x=0.0,
                len=1.0,
                y=-0.12,
                yanchor="top",
                currentvalue=dict(
                    prefix="Pressure at the root exit zone: ", font=dict(size=14, color=TEXT)
                ),
                pad=dict(t=30),
                bgcolor=GRID,
                bordercolor=NEUTRAL,
                activebgcolor=PALETTE["blue"],
                font=dict(size=13),
            )
        ],
        height=680,
        margin=dict(l=60, r=20, t=60, b=260),
    )
    fig.update_yaxes(range=[0, 1.05], title_text="Activity", showticklabels=False, fixedrange=True)
    fig.update_xaxes(range=[0, DURATION], fixedrange=True)
    fig.update_xaxes(title_text="Time (seconds)", row=2, col=1)
    return fig


def lateral_spread_figure() -> go.Figure:
    """Stimulate the zygomatic branch, record from mentalis: healthy nerve versus HFS."""
    ms = np.round(np.arange(0, 40.01, 0.25), 2)

    # Why Gaussian-derivative wiggles: they look like a compound muscle response without
    # pretending to be a recording.
    def wave(centre, size, width=1.2):
        x = (ms - centre) / width
        return size * -x * np.exp(-x * x / 2) * 1.6

    eye_direct = np.round(wave(4.0, 1.0), 3)
    chin_healthy = np.zeros_like(ms)
    chin_hfs = np.round(wave(13.5, 0.45, 1.4), 3)  # onset near 10 ms

    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.14,
        subplot_titles=(
            "Orbicularis oculi (the branch's own muscle)",
            "Mentalis, chin (a muscle of another branch)",
        ),
    )
    fig.add_trace(
        go.Scatter(
            x=ms,
            y=eye_direct,
            mode="lines",
            line=dict(color=EYE, width=2),
            name="Direct response",
            showlegend=False,
            hovertemplate="%{x:.1f} ms<extra>Direct response</extra>",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=ms,
            y=chin_healthy,
            mode="lines",
            line=dict(color=NEUTRAL, width=2),
            name="Healthy: no response",
            visible=True,
            showlegend=False,
            hovertemplate="%{x:.1f} ms<extra>Healthy: flat</extra>",
        ),
        row=2,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=ms,
            y=chin_hfs,
            mode="lines",
            line=dict(color=MOUTH, width=2),
            name="Hemifacial spasm: lateral spread response",
            visible=False,
            showlegend=False,
            hovertemplate="%{x:.1f} ms<extra>Lateral spread response</extra>",
        ),
        row=2,
        col=1,
    )
    for row in (1, 2):
        fig.add_vline(x=0.0, line=dict(color=TEXT, width=1, dash="dot"), row=row, col=1)
    fig.add_annotation(
        x=0.3,
        y=1.05,
        xref="x",
        yref="y",
        text="Stimulus to the zygomatic branch",
        showarrow=False,
        xanchor="left",
        font=dict(size=12),
    )

    texts = {
        "Healthy nerve": "Healthy nerve: stimulating the zygomatic branch makes only its own "
        "muscle, around the eye, respond. The chin stays silent.",
        "Hemifacial spasm": "Hemifacial spasm: the chin muscle answers too, about 10 ms after "
        "the stimulus. This is the lateral spread response; it often "
        "disappears during surgery when the vessel is moved off the nerve.",
    }
    description_box(fig, texts["Healthy nerve"], y=-0.3)
    illustration_badge(fig)
    buttons = [
        dict(
            label=label,
            method="update",
            args=[
                {"visible": [True, label == "Healthy nerve", label == "Hemifacial spasm"]},
                {"annotations[0].text": wrap(text, 70)},
            ],
        )
        for label, text in texts.items()
    ]
    fig.update_layout(
        updatemenus=[
            dict(
                type="buttons",
                direction="right",
                buttons=buttons,
                x=0.0,
                y=1.16,
                xanchor="left",
                yanchor="bottom",
                showactive=True,
                bgcolor="#ffffff",
                bordercolor=NEUTRAL,
                font=dict(size=13),
            )
        ],
        height=560,
        margin=dict(l=60, r=20, t=100, b=160),
    )
    fig.update_yaxes(range=[-1.3, 1.3], showticklabels=False, title_text="EMG", fixedrange=True)
    fig.update_xaxes(range=[-2, 40], fixedrange=True)
    fig.update_xaxes(title_text="Time after the stimulus (ms)", row=2, col=1)
    return fig
