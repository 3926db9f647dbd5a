"""The path from a twitch to a diagnosis (lesson 05), drawn as a flow schematic.

An illustration, not data: boxes are steps, arrows are the usual order. Hover over a box to
read what that step looks for; buttons light up the path three typical patients take. The
words (box labels, hover sentences, paths) are in data/figures/diagnostic_path.yaml.
"""

import plotly.graph_objects as go

from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .controls import attach, control, state
from .labels import figure_words, illustration_badge, parts_of, plain, wrap

TEXT_FILE = "diagnostic_path"

# Where each step's box sits, under the part ids of the data file.
STEPS = {
    "twitch": (0, 0),
    "gp": (1, 0),
    "review": (2, 0.9),
    "neuro": (2, -0.6),
    "emg": (3, 0.3),
    "mri": (3, -1.5),
    "dx": (4, -0.6),
}
ARROWS = [
    ("twitch", "gp"),
    ("gp", "review"),
    ("gp", "neuro"),
    ("neuro", "emg"),
    ("neuro", "mri"),
    ("emg", "dx"),
    ("mri", "dx"),
]
DIM = 0.15


def words(text=None):
    """The figure's labels and sentences (a twitchbook.schema.FigureText)."""
    return figure_words(TEXT_FILE, text)


def _path(view) -> set[str]:
    """The steps a view lights up; a view naming none shows the whole path."""
    return set(view.parts) or set(STEPS)


def _opacities(keys: set[str]) -> list[float]:
    """One opacity per trace, arrows first then boxes, in the order the traces are added."""
    arrows = [1.0 if a in keys and b in keys else DIM for a, b in ARROWS]
    boxes = [1.0 if key in keys else DIM for key in STEPS]
    return arrows + boxes


def figure(text=None) -> go.Figure:
    """The flow schematic with hover text on every step and a button per typical patient.

    text: the figure's words (default: data/figures/diagnostic_path.yaml).
    """
    text = words(text)
    parts = parts_of(text)
    fig = go.Figure()
    for start, end in ARROWS:
        (x0, y0), (x1, y1) = STEPS[start], STEPS[end]
        # Stop the line short of the boxes so the arrow head stays visible.
        fx, fy = x0 + 0.3 * (x1 - x0), y0 + 0.3 * (y1 - y0)
        tx, ty = x0 + 0.66 * (x1 - x0), y0 + 0.66 * (y1 - y0)
        fig.add_trace(
            go.Scatter(
                x=[fx, tx],
                y=[fy, ty],
                mode="lines+markers",
                hoverinfo="skip",
                showlegend=False,
                line=dict(color=NEUTRAL, width=2),
                marker=dict(symbol="arrow", size=[0, 14], angleref="previous", color=NEUTRAL),
            )
        )
    for key, (x, y) in STEPS.items():
        part = parts[key]
        colour = PALETTE["vermilion"] if key == "dx" else PALETTE["blue"]
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[y],
                mode="markers+text",
                # Box labels break after about 8 characters so they fit inside the square.
                text=[wrap(part.label, 8)],
                textposition="middle center",
                textfont=dict(size=13, color=TEXT),
                showlegend=False,
                name=plain(part.label),
                marker=dict(
                    symbol="square", size=96, color="#ffffff", line=dict(color=colour, width=3)
                ),
                hovertext=[f"<b>{plain(part.label)}</b><br>{wrap(part.description, 60)}"],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        height=460,
        margin=dict(l=20, r=20, t=20, b=20),
        plot_bgcolor="#ffffff",
        xaxis=dict(visible=False, range=[-0.5, 4.5], fixedrange=True),
        yaxis=dict(visible=False, range=[-2.2, 1.6], fixedrange=True),
        hoverlabel=dict(bgcolor="#ffffff", bordercolor=GRID, font=dict(color=TEXT)),
    )
    illustration_badge(fig)
    paths = [
        state(view.label, data={"opacity": _opacities(_path(view))}, text=view.text)
        for view in text.views
    ]
    attach(
        fig,
        control("buttons", "Path", paths),
        narrow={"height": 420, "xaxis.range": [-0.75, 4.75]},
        # Boxes and their words shrink to fit five columns in a phone's width.
        narrow_data={"marker.size": [[0, 9]] * len(ARROWS) + [50] * len(STEPS), "textfont.size": 9},
    )
    return fig


def describe(text=None) -> str:
    """The schematic in words: each step, what it looks for, the arrows and the paths."""
    text = words(text)
    parts = parts_of(text)
    steps = " ".join(f"{parts[key].label}: {parts[key].description}" for key in STEPS)
    arrows = "; ".join(f"{parts[a].label} to {parts[b].label}" for a, b in ARROWS)
    paths = " ".join(
        f"Button '{view.label}' highlights: "
        f"{', '.join(parts[k].label for k in STEPS if k in _path(view))}. {view.text}"
        for view in text.views
    )
    return (
        f"Flow schematic, an illustration rather than data. Steps: {steps} "
        f"Arrows: {arrows}. {paths}"
    )
