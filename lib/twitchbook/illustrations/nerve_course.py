"""The facial nerve's course from the pons to the face, as a labelled schematic (not to scale).

One figure: the nerve drawn segment by segment, the vessels that most often press on it near
the brainstem, and a menu that picks out one part at a time. Every segment carries hover text
with a one-line description, so the figure can be read without the menu; the lesson gives
the same content as a text alternative.
"""

import plotly.graph_objects as go

from ..palette import GRID, NEUTRAL, PALETTE, TEXT
from .controls import attach, control, state
from .labels import figure_words, illustration_badge, parts_of, plain, wrap

NERVE = PALETTE["blue"]
HIGHLIGHT = PALETTE["black"]  # the root exit zone, kept apart from the red of AICA
DIM = 0.22  # opacity of the parts not picked out, still visible so the whole path stays in view

TEXT_FILE = "nerve_course"  # data/figures/nerve_course.yaml: every label and sentence

# Drawing positions only; the words are in the data file, under the same keys. Coordinates
# are arbitrary schematic units: the brainstem sits on the left, the face on the right, so
# the path reads left to right in the order the fibres run.
SEGMENTS = {
    "nucleus": ([6.0, 8.5, 11.0], [36.0, 38.0, 36.0]),
    "rez": ([11.0, 17.0], [36.0, 36.0]),
    "cpa": ([17.0, 34.0], [36.0, 36.0]),
    "iam": ([34.0, 44.0], [36.0, 36.0]),
    "canal": ([44.0, 47.0, 49.0, 57.0, 58.5, 58.5], [36.0, 39.0, 39.0, 37.0, 35.0, 21.0]),
    "smf": ([58.5, 60.5], [21.0, 17.0]),
    "parotid": ([60.5, 68.0], [17.0, 17.0]),
}
# Five terminal branches fan out from the division point in the parotid gland.
BRANCHES = {
    "temporal": ([68.0, 80.0, 94.0], [17.0, 38.0, 50.0]),
    "zygomatic": ([68.0, 82.0, 95.0], [17.0, 30.0, 37.0]),
    "buccal": ([68.0, 83.0, 96.0], [17.0, 21.0, 24.0]),
    "mandibular": ([68.0, 82.0, 95.0], [17.0, 11.0, 10.0]),
    "cervical": ([68.0, 78.0, 90.0], [17.0, 4.0, -3.0]),
}
# Landmarks drawn as light outlines behind the nerve: shape, corners (x0, y0, x1, y1), line
# dash, opacity, and where the name sits.
LANDMARKS = {
    "brainstem": ("rect", (-1, 4, 11, 54), "solid", 0.55, (5, 52)),
    "temporal-bone": ("rect", (33, 18, 61, 45), "dot", 0.35, (40, 27)),
    "gland": ("circle", (57, 7, 76, 27), "dot", 0.3, (66.5, 5)),
}
# Where the names along the nerve sit on a slide (pixels from the point they name), and
# where two landmarks' names go there.
SLIDE_LANDMARK_NAMES = {
    "brainstem": {"x": -1, "y": 3, "xanchor": "left"},
    "temporal-bone": {"x": 47, "y": 25},
}
SLIDE_OFFSETS = {"cpa": (0, 48), "iam": (0, -52), "canal": (0, -105), "smf": (-62, 40)}
# On a phone the brainstem's name would cover the vessels at the root exit zone (so it goes
# under the brainstem), and the gland's would touch the lowest branch.
NARROW_LANDMARK_NAMES = {"brainstem": {"x": -7, "y": 3, "xanchor": "left"}, "gland": {"x": 63}}
# Vessels near the root exit zone: colour, dash, x points, y points.
VESSELS = {
    "aica": (
        PALETTE["vermilion"],
        "solid",
        [9.0, 13.0, 15.0, 17.0, 21.0],
        [47.0, 42.0, 37.5, 42.0, 47.0],
    ),
    "pica": (
        PALETTE["orange"],
        "solid",
        [10.0, 13.0, 15.5, 18.0, 22.0],
        [22.0, 28.0, 34.5, 28.0, 22.0],
    ),
    "va": (PALETTE["purple"], "solid", [11.5, 12.5, 13.5, 13.0], [6.0, 16.0, 26.0, 33.0]),
    "vein": (PALETTE["sky"], "dash", [21.0, 23.5, 26.0, 28.5], [50.0, 44.0, 38.0, 44.0]),
}


def words(text=None):
    """The figure's labels and sentences (a twitchbook.schema.FigureText)."""
    return figure_words(TEXT_FILE, text)


def _keys() -> list[str]:
    """Trace keys in drawing order; each view's opacity lists follow this order."""
    return [*SEGMENTS, *BRANCHES, *VESSELS, "landmarks"]


def _opacities(picked: set | None) -> list[float]:
    # Why: the landmark markers stay half visible so the picked part keeps its context.
    return [
        1.0 if not picked or key in picked else (0.6 if key == "landmarks" else DIM)
        for key in _keys()
    ]


def _widths(picked: set | None) -> list[float]:
    # Why: a thicker line shows the picked part without relying on colour alone.
    widths = []
    for key in _keys():
        base = 4.0 if key in VESSELS else 6.0
        widths.append(base + 3.0 if picked and key in picked else base)
    return widths


def figure(text=None) -> go.Figure:
    """The labelled schematic with hover text and a menu that picks out one part at a time.

    text: the figure's words (default: data/figures/nerve_course.yaml).
    """
    text = words(text)
    parts = parts_of(text)
    fig = go.Figure()
    # Nerve segments and branches, then the vessels, which alone have a legend entry.
    lines = [
        (key, xs, ys, dict(color=HIGHLIGHT if key == "rez" else NERVE, width=6), False)
        for key, (xs, ys) in {**SEGMENTS, **BRANCHES}.items()
    ] + [
        (key, xs, ys, dict(color=colour, width=4, dash=dash, shape="spline"), True)
        for key, (colour, dash, xs, ys) in VESSELS.items()
    ]
    for key, xs, ys, line, legend in lines:
        part = parts[key]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                # Why the short name: the legend must fit a narrow column; hover gives it in full.
                name=plain(part.label.split(" (")[0] if legend else part.label),
                line=line,
                hovertemplate=f"<b>{plain(part.label)}</b><br>{wrap(part.description, 40)}"
                "<extra></extra>",
                showlegend=legend,
            )
        )
    placed = {}  # part id: the index of the annotation that names it
    narrow = _draw_landmarks(fig, parts, placed)
    narrow |= _label_parts(fig, parts, placed)
    # On a slide, in larger type: the brainstem's name under it, the temporal bone's to the
    # right, and the names along the nerve further from it, clear of the nerve and each other.
    projector = {
        f"annotations.{placed[key]}.{k}": v
        for key, place in SLIDE_LANDMARK_NAMES.items()
        for k, v in place.items()
    }
    for key, (ax, ay) in SLIDE_OFFSETS.items():
        projector |= {f"annotations.{placed[key]}.ax": ax, f"annotations.{placed[key]}.ay": ay}
    illustration_badge(fig)
    views = [
        state(
            view.label,
            data={"opacity": _opacities(set(view.parts)), "line.width": _widths(set(view.parts))},
            text=view.text,
        )
        for view in text.views
    ]
    # Why a menu: eight choices do not fit in a row beside the diagram on a phone.
    attach(
        fig,
        control("menu", "Pick out", views),
        # On a phone the diagram gets more room round it, and numbers with a key under it
        # stand in for the labels along the nerve, which would overlap at that width.
        narrow={"xaxis.range": [-8, 148], "height": 440, "margin.t": 50, "margin.b": 95, **narrow},
        projector=projector,
    )
    fig.update_layout(
        xaxis=dict(visible=False, range=[-2, 132], fixedrange=True),
        yaxis=dict(visible=False, range=[-7, 57], fixedrange=True),
        height=520,
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(
            title=dict(text="Vessels:"),
            orientation="h",
            x=0.0,
            y=1.0,
            xanchor="left",
            yanchor="bottom",
            font=dict(size=12),
        ),
        hovermode="closest",
    )
    return fig


def describe(text=None) -> str:
    """The schematic in words, from the same labels and sentences as the figure."""
    text = words(text)
    parts = parts_of(text)
    course = "; ".join(f"{parts[k].label}: {parts[k].description.rstrip('.')}" for k in SEGMENTS)
    branches = "; ".join(f"{parts[k].label} ({parts[k].target})" for k in BRANCHES)
    vessels = "; ".join(f"{parts[k].label}: {parts[k].description.rstrip('.')}" for k in VESSELS)
    views = ", ".join(view.label.lower() for view in text.views)
    landmarks = ", ".join(parts[k].label for k in LANDMARKS)
    return (
        "Schematic, not to scale, read from left (brainstem) to right (face), with light "
        f"outlines behind the nerve for: {landmarks}. The nerve's course: "
        f"{course}. The root exit zone is drawn as a thick black segment. Five branches: "
        f"{branches}. Vessels drawn near the root exit zone: {vessels}. A menu picks out, in "
        f"turn: {views}; a sentence under the diagram describes the part picked out."
    )


def _draw_landmarks(fig: go.Figure, parts: dict, placed: dict) -> dict:
    """Brainstem, temporal bone and parotid gland as light outlines behind the nerve.
    Returns the narrow-screen layout changes for their names."""
    narrow = {}
    for key, (shape, (x0, y0, x1, y1), dash, opacity, (x, y)) in LANDMARKS.items():
        placed[key] = len(fig.layout.annotations)
        at = f"annotations.{placed[key]}"
        narrow |= {f"{at}.{k}": v for k, v in NARROW_LANDMARK_NAMES.get(key, {}).items()}
        narrow[f"{at}.text"] = wrap(parts[key].label, 9)  # clear of the nerve beside it
        fig.add_shape(
            type=shape,
            x0=x0,
            y0=y0,
            x1=x1,
            y1=y1,
            layer="below",
            line=dict(color=NEUTRAL, width=1, dash=dash),
            fillcolor=GRID,
            opacity=opacity,
        )
        fig.add_annotation(
            x=x,
            y=y,
            text=wrap(parts[key].label, 14),
            showarrow=False,
            font=dict(size=12, color=NEUTRAL),
            yanchor="top",
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
            text=[plain(parts["nucleus"].label), plain(parts["smf"].label)],
            name=f"{plain(parts['nucleus'].label)}, {plain(parts['smf'].label)}",
        )
    )
    return narrow


def _label_parts(fig: go.Figure, parts: dict, placed: dict) -> dict:
    """Short labels with arrows, so the printed figure names every part. Returns the
    narrow-screen layout changes: a number beside each point and a key under the diagram."""
    # Where each short label points; the offset of its text from that point (pixels); and,
    # on a phone, the offset of its number, placed clear of the vessels round the nerve.
    pointers = {
        "rez": (14.0, 36.0, (30, 100), (-16, 22)),
        "cpa": (26.0, 36.0, (0, 30), (0, 20)),
        "iam": (39.0, 36.0, (0, -38), (0, -20)),
        "canal": (53.0, 38.0, (0, -52), (0, -20)),
        "smf": (59.5, 19.0, (-62, 10), (16, -10)),
    }
    narrow, numbered = {}, []
    for number, (part_key, (x, y, (ax, ay), (nx, ny))) in enumerate(pointers.items(), start=1):
        name = parts[part_key].short or parts[part_key].label
        placed[part_key] = len(fig.layout.annotations)
        at = f"annotations.{placed[part_key]}"
        fig.add_annotation(
            x=x,
            y=y,
            text=wrap(name, 16),
            showarrow=True,
            ax=ax,
            ay=ay,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=NEUTRAL,
            font=dict(size=12, color=TEXT),
        )
        narrow |= {f"{at}.text": f"<b>{number}</b>", f"{at}.ax": nx, f"{at}.ay": ny}
        numbered.append(f"<b>{number}</b> {plain(name)}")
    fig.add_annotation(
        text="<br>".join(numbered),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        visible=False,  # drawn on a phone only
        font=dict(size=12, color=TEXT),
    )
    narrow[f"annotations.{len(fig.layout.annotations) - 1}.visible"] = True
    # Branch names sit just beyond each branch end, so they stay inside a narrow figure; on
    # a phone their lines are shorter.
    for key, (xs, ys) in BRANCHES.items():
        part = parts[key]
        name = part.short or part.label
        narrow[f"annotations.{len(fig.layout.annotations)}.text"] = (
            f"{wrap(name, 10)}<br>({wrap(part.target, 12)})"
        )
        fig.add_annotation(
            x=xs[-1] + 1.0,
            y=ys[-1],
            text=f"{plain(part.short or part.label)}<br>({plain(part.target)})",
            showarrow=False,
            xanchor="left",
            align="left",
            font=dict(size=12, color=TEXT),
        )
    return narrow
