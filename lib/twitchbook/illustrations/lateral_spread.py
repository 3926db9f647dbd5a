"""The lateral spread response as an electrical test shows it, a schematic figure, not data:
stimulate the branch to the eye and record from a chin muscle, in a healthy nerve and in
hemifacial spasm. Wave shapes are drawn from fixed rules, not recorded.
"""

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..palette import NEUTRAL, PALETTE, TEXT
from .controls import attach, control, state
from .labels import illustration_badge

EYE = PALETTE["blue"]
CHIN = PALETTE["vermilion"]
ONSET_MS = 10  # the response begins about 10 ms after the stimulus (Misawa 2006, lesson 01)
VIEWS = {
    "Healthy nerve": "Healthy nerve: stimulating the zygomatic branch makes only its own "
    "muscle, around the eye, respond. The chin stays silent.",
    "Hemifacial spasm": f"Hemifacial spasm: the chin muscle answers too, about {ONSET_MS} ms "
    "after the stimulus. This is the lateral spread response; it often disappears during "
    "surgery when the vessel is moved off the nerve.",
}


def figure() -> go.Figure:
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
            line=dict(color=CHIN, width=2),
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

    illustration_badge(fig)
    views = [
        state(
            label,
            data={"visible": [True, label == "Healthy nerve", label == "Hemifacial spasm"]},
            text=text,
        )
        for label, text in VIEWS.items()
    ]
    attach(fig, control("buttons", "Nerve", views))
    fig.update_layout(height=440, margin=dict(l=50, r=20, t=40, b=50))
    fig.update_yaxes(range=[-1.3, 1.3], showticklabels=False, title_text="EMG", fixedrange=True)
    fig.update_xaxes(range=[-2, 40], fixedrange=True)
    fig.update_xaxes(title_text="Time after the stimulus (ms)", row=2, col=1)
    return fig


def describe() -> str:
    """The figure in words, from the same views the buttons show."""
    return (
        "Illustration, not data. Two stacked traces show electrical activity against time after "
        "a stimulus to the zygomatic branch at 0 ms, on an axis from 0 to 40 ms. Top trace, "
        "orbicularis oculi (the branch's own muscle): a direct response within the first few "
        "milliseconds in both views. Bottom trace, mentalis (a chin muscle of another branch): "
        f"buttons switch between {len(VIEWS)} views. " + " ".join(VIEWS.values())
    )
