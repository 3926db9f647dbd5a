"""The facial nerve's course from the pons to the face, as a labelled schematic (not to scale).

One figure: the nerve drawn segment by segment, the vessels that most often press on it near
the brainstem, and a menu that picks out one part at a time. Every segment carries hover text
with a one-line description, so the figure can be read without the menu; the lesson gives
the same content as a text alternative.
"""

import plotly.graph_objects as go

from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .labels import description_box, wrap

NERVE = PALETTE["blue"]
HIGHLIGHT = PALETTE["black"]  # the root exit zone, kept apart from the red of AICA
DIM = 0.22  # opacity of the parts not picked out, still visible so the whole path stays in view

# Each segment: key, label, x points, y points, one-line description (hover and button text).
# Coordinates are arbitrary schematic units: the brainstem sits on the left, the face on the
# right, so the path reads left to right in the order the fibres run.
SEGMENTS = [
    (
        "nucleus",
        "Facial motor nucleus (pons)",
        [6.0, 8.5, 11.0],
        [36.0, 38.0, 36.0],
        "Motor cell bodies in the pons; their axons form the motor part of the facial nerve.",
    ),
    (
        "rez",
        "Root exit zone and transition zone",
        [11.0, 17.0],
        [36.0, 36.0],
        "The first stretch after the nerve leaves the brainstem: central myelin, ending in a "
        "short transition zone; the usual site of vascular compression.",
    ),
    (
        "cpa",
        "Cerebellopontine angle (cisternal segment)",
        [17.0, 34.0],
        [36.0, 36.0],
        "The nerve crosses the fluid-filled angle beside the pons with the hearing and balance "
        "nerve; only a thin sheath covers its fibres here.",
    ),
    (
        "iam",
        "Internal acoustic meatus",
        [34.0, 44.0],
        [36.0, 36.0],
        "A bony canal in the temporal bone, shared with the vestibulocochlear nerve.",
    ),
    (
        "canal",
        "Facial canal in the temporal bone",
        [44.0, 47.0, 49.0, 57.0, 58.5, 58.5],
        [36.0, 39.0, 39.0, 37.0, 35.0, 21.0],
        "The nerve's own bony tunnel through the temporal bone.",
    ),
    (
        "smf",
        "Stylomastoid foramen",
        [58.5, 60.5],
        [21.0, 17.0],
        "The hole in the skull base behind the ear where the nerve leaves the skull.",
    ),
    (
        "parotid",
        "Trunk in the parotid gland",
        [60.5, 68.0],
        [17.0, 17.0],
        "The trunk runs forward into the parotid gland and divides there into five branches.",
    ),
]

# Five terminal branches fan out from the division point in the parotid gland.
BRANCHES = [
    (
        "temporal",
        "Temporal branch",
        [68.0, 80.0, 94.0],
        [17.0, 38.0, 50.0],
        "Muscles of the forehead.",
    ),
    (
        "zygomatic",
        "Zygomatic branch",
        [68.0, 82.0, 95.0],
        [17.0, 30.0, 37.0],
        "Towards orbicularis oculi, the ring muscle that closes the eye.",
    ),
    (
        "buccal",
        "Buccal branch",
        [68.0, 83.0, 96.0],
        [17.0, 21.0, 24.0],
        "Muscles of the cheek and upper lip.",
    ),
    (
        "mandibular",
        "Marginal mandibular branch",
        [68.0, 82.0, 95.0],
        [17.0, 11.0, 10.0],
        "Muscles of the lower lip and chin, including mentalis.",
    ),
    (
        "cervical",
        "Cervical branch",
        [68.0, 78.0, 90.0],
        [17.0, 4.0, -3.0],
        "Platysma, the thin muscle sheet of the neck.",
    ),
]

# Vessels drawn near the root exit zone. The order follows how often reviews name them;
# the lesson gives the figures with their sources.
VESSELS = [
    (
        "aica",
        "AICA (anterior inferior cerebellar artery)",
        PALETTE["vermilion"],
        "solid",
        [9.0, 13.0, 15.0, 17.0, 21.0],
        [47.0, 42.0, 37.5, 42.0, 47.0],
        "One of the most frequent offenders at the root exit zone.",
    ),
    (
        "pica",
        "PICA (posterior inferior cerebellar artery)",
        PALETTE["orange"],
        "solid",
        [10.0, 13.0, 15.5, 18.0, 22.0],
        [22.0, 28.0, 34.5, 28.0, 22.0],
        "One of the most frequent offenders at the root exit zone.",
    ),
    (
        "va",
        "Vertebral artery",
        PALETTE["purple"],
        "solid",
        [11.5, 12.5, 13.5, 13.0],
        [6.0, 16.0, 26.0, 33.0],
        "With the basilar artery, a frequent offender, especially when elongated.",
    ),
    (
        "vein",
        "Vein (rarely the offender)",
        PALETTE["sky"],
        "dash",
        [21.0, 23.5, 26.0, 28.5],
        [50.0, 44.0, 38.0, 44.0],
        "Venous compression is very rare.",
    ),
]

# Menu entries: what each one picks out, and the sentence shown in the description box.
VIEWS = [
    (
        "Whole course",
        None,
        "The whole course, from the pons (left) to the face (right). Hover on any part for a "
        "description, or pick a part from the menu above.",
    ),
    (
        "Root exit zone",
        {"rez", "nucleus"},
        "Root exit zone: where the nerve leaves the brainstem. Its central myelin ends in a short "
        "transition zone; this is where a vessel most often presses.",
    ),
    (
        "Cerebellopontine angle",
        {"cpa"},
        "Cerebellopontine angle: the nerve crosses a fluid-filled space beside the pons, next to "
        "loops of the cerebellar arteries.",
    ),
    (
        "Internal acoustic meatus",
        {"iam"},
        "Internal acoustic meatus: the bony canal it shares with the hearing and balance nerve.",
    ),
    (
        "Facial canal",
        {"canal"},
        "Facial canal: the nerve's own bony tunnel through the temporal bone.",
    ),
    (
        "Stylomastoid foramen & parotid",
        {"smf", "parotid"},
        "Stylomastoid foramen and parotid: the nerve leaves the skull behind the ear and divides "
        "inside the parotid gland.",
    ),
    (
        "Five branches",
        {"temporal", "zygomatic", "buccal", "mandibular", "cervical"},
        "Five branches: temporal, zygomatic, buccal, marginal mandibular and cervical, each to "
        "its own group of face and neck muscles.",
    ),
    (
        "Offending vessels",
        {"aica", "pica", "va", "vein", "rez"},
        "Offending vessels: AICA, PICA and the vertebral artery are the usual culprits at the "
        "root exit zone; a vein only rarely.",
    ),
]


def _keys() -> list[str]:
    """Trace keys in drawing order; the menu's opacity lists follow this order."""
    return (
        [s[0] for s in SEGMENTS]
        + [b[0] for b in BRANCHES]
        + [v[0] for v in VESSELS]
        + ["landmarks"]
    )


def _opacities(picked: set | None) -> list[float]:
    # Why: the landmark markers stay half visible so the picked part keeps its context.
    return [
        1.0 if picked is None or key in picked else (0.6 if key == "landmarks" else DIM)
        for key in _keys()
    ]


def _widths(picked: set | None) -> list[float]:
    # Why: a thicker line shows the picked part without relying on colour alone.
    widths = []
    for key in _keys():
        base = 4.0 if key in {v[0] for v in VESSELS} else 6.0
        widths.append(base + 3.0 if picked is not None and key in picked else base)
    return widths


def nerve_course_figure() -> go.Figure:
    """The labelled schematic with hover text and a part-by-part menu."""
    fig = go.Figure()

    for key, label, xs, ys, text in SEGMENTS + BRANCHES:
        colour = HIGHLIGHT if key == "rez" else NERVE
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=label,
                line=dict(color=colour, width=6),
                hovertemplate=f"<b>{label}</b><br>{wrap(text, 55)}<extra></extra>",
                showlegend=False,
            )
        )
    for _key, label, colour, dash, xs, ys, text in VESSELS:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                # Why the short name: the legend must fit a narrow column; hover gives it in full.
                name=label.split(" (")[0],
                line=dict(color=colour, width=4, dash=dash, shape="spline"),
                hovertemplate=f"<b>{label}</b><br>{wrap(text, 55)}<extra></extra>",
                showlegend=True,
            )
        )

    _draw_landmarks(fig)
    _label_parts(fig)

    description_box(fig, VIEWS[0][2], y=-0.03)

    buttons = [
        dict(
            label=label,
            method="update",
            args=[
                {"opacity": _opacities(picked), "line.width": _widths(picked)},
                {"annotations[0].text": wrap(text, 70)},
            ],
        )
        for label, picked, text in VIEWS
    ]
    fig.update_layout(
        # Why a drop-down: eight buttons do not fit beside the diagram in a narrow page column.
        updatemenus=[
            dict(
                type="dropdown",
                direction="down",
                buttons=buttons,
                x=0.0,
                y=1.02,
                xanchor="left",
                yanchor="bottom",
                showactive=True,
                active=0,
                pad=dict(r=4, t=0),
                font=dict(size=13),
                bgcolor="#ffffff",
                bordercolor=NEUTRAL,
            )
        ],
        xaxis=dict(visible=False, range=[-2, 132], fixedrange=True),
        yaxis=dict(visible=False, range=[-7, 57], fixedrange=True),
        height=620,
        margin=dict(l=10, r=10, t=110, b=110),
        legend=dict(
            title=dict(text="Vessels:"),
            orientation="h",
            x=0.0,
            y=1.12,
            xanchor="left",
            yanchor="bottom",
            font=dict(size=12),
        ),
        hovermode="closest",
    )
    return fig


def _draw_landmarks(fig: go.Figure) -> None:
    """Brainstem, temporal bone and parotid gland as light outlines behind the nerve."""
    fig.add_shape(
        type="rect",
        x0=-1,
        y0=4,
        x1=11,
        y1=54,
        layer="below",
        line=dict(color=NEUTRAL, width=1),
        fillcolor=GRID,
        opacity=0.55,
    )
    fig.add_shape(
        type="rect",
        x0=33,
        y0=18,
        x1=61,
        y1=45,
        layer="below",
        line=dict(color=NEUTRAL, width=1, dash="dot"),
        fillcolor=GRID,
        opacity=0.35,
    )
    fig.add_shape(
        type="circle",
        x0=57,
        y0=7,
        x1=76,
        y1=27,
        layer="below",
        line=dict(color=NEUTRAL, width=1, dash="dot"),
        fillcolor=GRID,
        opacity=0.3,
    )
    for x, y, text in [
        (5, 52, "Brainstem<br>(pons)"),
        (40, 27, "Temporal bone"),
        (66.5, 5.0, "Parotid gland"),
    ]:
        fig.add_annotation(
            x=x, y=y, text=text, showarrow=False, font=dict(size=12, color=NEUTRAL), yanchor="top"
        )
    # Markers for the two landmarks that are points, not stretches of nerve.
    fig.add_trace(
        go.Scatter(
            x=[8.5, 58.5],
            y=[38.0, 21.0],
            mode="markers",
            showlegend=False,
            marker=dict(
                size=[14, 9],
                color=[NERVE, NERVE],
                symbol=["circle", "square"],
                line=dict(color="#ffffff", width=1),
            ),
            hovertemplate="%{text}<extra></extra>",
            text=["Facial motor nucleus", "Stylomastoid foramen"],
            name="landmarks",
        )
    )


def _label_parts(fig: go.Figure) -> None:
    """Short labels with arrows, so the printed figure names every part."""
    labels = [
        (14.0, 36.0, "Root exit zone", 30, 100),
        (26.0, 36.0, "Cerebellopontine<br>angle", 0, 30),
        (39.0, 36.0, "Internal acoustic<br>meatus", 0, -38),
        (53.0, 38.0, "Facial canal", 0, -52),
        (59.5, 19.0, "Stylomastoid<br>foramen", -62, 10),
    ]
    for x, y, text, ax, ay in labels:
        fig.add_annotation(
            x=x,
            y=y,
            text=text,
            showarrow=True,
            ax=ax,
            ay=ay,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=NEUTRAL,
            font=dict(size=12, color=TEXT),
        )
    # Branch names sit just beyond each branch end, so they stay inside a narrow figure.
    targets = {
        "temporal": "forehead",
        "zygomatic": "eye closure",
        "buccal": "cheek, upper lip",
        "mandibular": "lower lip, chin",
        "cervical": "neck",
    }
    for key, label, xs, ys, _ in BRANCHES:
        fig.add_annotation(
            x=xs[-1] + 1.0,
            y=ys[-1],
            text=f"{label.replace(' branch', '')}<br>({targets[key]})",
            showarrow=False,
            xanchor="left",
            align="left",
            font=dict(size=12, color=TEXT),
        )
