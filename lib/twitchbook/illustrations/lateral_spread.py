"""The lateral spread response as an electrical test shows it, a schematic figure, not data:
stimulate the branch to the eye and record from a chin muscle, in a healthy nerve and in
hemifacial spasm. Wave shapes are drawn from fixed rules, not recorded; the words are in
data/figures/lateral_spread.yaml.
"""

import numpy as np
import plotly.graph_objects as go

from ..palette import NEUTRAL, PALETTE, TEXT
from .controls import attach, control, state
from .labels import figure_words, illustration_badge, parts_of, plain
from .panels import stacked, trace

TEXT_FILE = "lateral_spread"

EYE = PALETTE["blue"]
CHIN = PALETTE["vermilion"]
MS = np.round(np.arange(0, 40.01, 0.25), 2)  # milliseconds after the stimulus


def words(text=None):
    """The figure's labels and sentences (a twitchbook.schema.FigureText)."""
    return figure_words(TEXT_FILE, text)


def _wave(centre: float, size: float, width: float = 1.2) -> np.ndarray:
    # Why Gaussian-derivative wiggles: they look like a compound muscle response without
    # pretending to be a recording.
    x = (MS - centre) / width
    return np.round(size * -x * np.exp(-x * x / 2) * 1.6, 3)


def _visible(view) -> list[bool]:
    """Traces in drawing order: the direct response, the silent chin, the chin's response."""
    return [True, "chin" not in view.parts, "chin" in view.parts]


def figure(text=None) -> go.Figure:
    """Stimulate the zygomatic branch, record from mentalis: healthy nerve versus HFS.

    text: the figure's words (default: data/figures/lateral_spread.yaml).
    """
    text = words(text)
    parts = parts_of(text)
    eye, chin, healthy = parts["eye"], parts["chin"], text.views[0]
    fig = stacked(
        (eye.label, chin.label),
        spacing=0.14,
        height=440,
        x_range=[-2, 40],
        x_title="Time after the stimulus (ms)",
        y_range=[-1.3, 1.3],
        y_title="EMG",
    )
    first = _visible(healthy)
    drawn = [
        (_wave(4.0, 1.0), EYE, eye.short, 1),
        (np.zeros_like(MS), NEUTRAL, healthy.label, 2),
        # The chin's response is drawn to begin near 10 ms after the stimulus.
        (_wave(13.5, 0.45, 1.4), CHIN, chin.short, 2),
    ]
    for (y, colour, name, row), visible in zip(drawn, first, strict=True):
        fig.add_trace(
            trace(
                MS,
                y,
                colour=colour,
                name=name,
                hover=f"%{{x:.1f}} ms<extra>{plain(name)}</extra>",
                visible=visible,
            ),
            row=row,
            col=1,
        )
    for row in (1, 2):
        fig.add_vline(x=0.0, line=dict(color=TEXT, width=1, dash="dot"), row=row, col=1)
    fig.add_annotation(
        x=0.3,
        y=1.05,
        xref="x",
        yref="y",
        text=plain(parts["stimulus"].label),
        showarrow=False,
        xanchor="left",
        font=dict(size=12),
    )

    illustration_badge(fig)
    views = [
        state(view.label, data={"visible": _visible(view)}, text=view.text) for view in text.views
    ]
    # On a phone the two panels need more height than the width gives, for their titles.
    attach(fig, control("buttons", "Nerve", views), narrow={"height": 400})
    return fig


def describe(text=None) -> str:
    """The figure in words, from the same parts and views the buttons show."""
    text = words(text)
    parts = parts_of(text)
    stimulus, eye, chin = parts["stimulus"], parts["eye"], parts["chin"]
    return (
        f"Illustration, not data. {stimulus.label} at 0 ms: {stimulus.description} Two stacked "
        f"traces show electrical activity from 0 to 40 ms after it. Top trace, {eye.label}: a "
        "direct response within the first few milliseconds in both views. Bottom trace, "
        f"{chin.label}: {chin.description} Buttons switch between {len(text.views)} views. "
        + " ".join(view.text for view in text.views)
    )
