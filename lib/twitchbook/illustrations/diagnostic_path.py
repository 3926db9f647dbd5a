"""The path from a twitch to a diagnosis (lesson 05), drawn as a flow schematic.

An illustration, not data: boxes are steps, arrows are the usual order. Hover over a box to
read what that step looks for; buttons light up the path three typical patients take.
"""

import plotly.graph_objects as go

from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .controls import attach, control, state
from .labels import illustration_badge

# Each step: key, label in the box, (x, y) position, hover text. The hover texts are
# summaries of lesson 05's cited sources; the lesson text carries the citations.
STEPS = [
    (
        "twitch",
        "Twitch<br>noticed",
        (0, 0),
        "Most twitches are harmless and stop within days or weeks.<br>"
        "Self-care first: rest, less caffeine and alcohol.",
    ),
    (
        "gp",
        "GP",
        (1, 0),
        "Asks where the twitch is, how long it has lasted, whether it spreads,<br>"
        "and looks for causes such as stress or a medicine.<br>"
        "May review in a few weeks, or refer to a neurologist for tests.",
    ),
    (
        "review",
        "Self-care,<br>review",
        (2, 0.9),
        "No red flags: reassure, give self-care advice,<br>"
        "come back if the twitch has not stopped in a few weeks.",
    ),
    (
        "neuro",
        "Neurologist",
        (2, -0.6),
        "Watches the movement: which muscles, one side or both, spread,<br>"
        "the 'other Babinski sign' (brow rises as the eye closes);<br>"
        "looks for weakness, wasting, stiffness, facial numbness.",
    ),
    (
        "emg",
        "EMG",
        (3, 0.3),
        "Needle recordings from muscles, with nerve stimulation:<br>"
        "fasciculation potentials, myokymic discharges,<br>"
        "the high-frequency bursts of hemifacial spasm,<br>"
        "the lateral spread response; blink reflex.",
    ),
    (
        "mri",
        "MRI /<br>MRA",
        (3, -1.5),
        "Looks for a vessel touching the facial nerve at the root exit zone,<br>"
        "a tumour (under 1% of hemifacial spasm), or MS lesions.<br>"
        "Vessel contact is also seen in people without symptoms.",
    ),
    (
        "dx",
        "Diagnosis",
        (4, -0.6),
        "Primary or secondary hemifacial spasm, or a mimic:<br>"
        "blepharospasm, myokymia, tic, synkinesis, focal seizure;<br>"
        "benign fasciculations; rarely ALS, which needs progressive<br>"
        "motor impairment with motor neuron signs (Gold Coast criteria).",
    ),
]
ARROWS = [
    ("twitch", "gp"),
    ("gp", "review"),
    ("gp", "neuro"),
    ("neuro", "emg"),
    ("neuro", "mri"),
    ("emg", "dx"),
    ("mri", "dx"),
]

# Which steps each typical patient passes through; the buttons dim the rest.
PATHS = {
    "Whole path": [key for key, *_ in STEPS],
    "Eyelid twitch, settles": ["twitch", "gp", "review"],
    "Spreading one-sided spasm": ["twitch", "gp", "neuro", "emg", "mri", "dx"],
    "Twitching, normal strength": ["twitch", "gp", "neuro", "emg", "dx"],
}
DIM = 0.15


def _opacities(path_keys) -> list[float]:
    """One opacity per trace, arrows first then boxes, in the order the traces are added."""
    keys = set(path_keys)
    arrows = [1.0 if a in keys and b in keys else DIM for a, b in ARROWS]
    boxes = [1.0 if key in keys else DIM for key, *_ in STEPS]
    return arrows + boxes


def figure() -> go.Figure:
    """The flow schematic with hover text on every step and a button per typical patient."""
    where = {key: xy for key, _, xy, _ in STEPS}
    fig = go.Figure()
    for start, end in ARROWS:
        (x0, y0), (x1, y1) = where[start], where[end]
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
    for key, text, (x, y), hover in STEPS:
        colour = PALETTE["vermilion"] if key == "dx" else PALETTE["blue"]
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[y],
                mode="markers+text",
                text=[text],
                textposition="middle center",
                textfont=dict(size=13, color=TEXT),
                showlegend=False,
                name=text.replace("<br>", " "),
                marker=dict(
                    symbol="square", size=96, color="#ffffff", line=dict(color=colour, width=3)
                ),
                hovertext=[f"<b>{text.replace('<br>', ' ')}</b><br>{hover}"],
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
    attach(
        fig,
        control(
            "buttons",
            "Path",
            [state(name, data={"opacity": _opacities(keys)}) for name, keys in PATHS.items()],
        ),
        narrow={"height": 420, "xaxis.range": [-0.75, 4.75]},
        # Boxes and their words shrink to fit five columns in a phone's width.
        narrow_data={"marker.size": [[0, 9]] * len(ARROWS) + [50] * len(STEPS), "textfont.size": 9},
    )
    return fig


def describe() -> str:
    """The schematic in words: each step, what it looks for, and the arrows between steps."""
    names = {key: text.replace("<br>", " ") for key, text, _, _ in STEPS}
    steps = " ".join(f"{names[key]}: {hover.replace('<br>', ' ')}" for key, _, _, hover in STEPS)
    arrows = "; ".join(f"{names[a]} to {names[b]}" for a, b in ARROWS)
    paths = " ".join(
        f"Button '{name}' highlights: {', '.join(names[k] for k in keys)}."
        for name, keys in PATHS.items()
        if name != "Whole path"
    )
    return (
        f"Flow schematic, an illustration rather than data. Steps: {steps} "
        f"Arrows: {arrows}. {paths}"
    )
