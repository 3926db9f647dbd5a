"""The controls every figure shares: buttons, a drop-down menu or a slider, drawn as real HTML
controls beside the plot (plotly's own are SVG and cannot be reached by keyboard).

A figure module builds each state of its figure ahead of time; a control lists those states
and twitchbook.show turns it into HTML that applies a state with Plotly.update, so it works
on the static site and in JupyterLab alike, with no Python running.
"""

KINDS = {"buttons", "menu", "slider"}


def state(
    label: str, *, data: dict | None = None, layout: dict | None = None, text: str = ""
) -> dict:
    """One precomputed state: trace changes (Plotly.restyle form), layout changes (relayout
    form) and, optionally, a sentence shown under the plot while this state is on."""
    return {"label": label, "data": data or {}, "layout": layout or {}, "text": text}


def control(kind: str, name: str, states: list[dict], active: int = 0) -> dict:
    """A control of one kind ('buttons', 'menu' or 'slider') named for screen readers."""
    if kind not in KINDS:
        raise ValueError(f"control kind '{kind}' is not one of {sorted(KINDS)}")
    if not 0 <= active < len(states):
        raise ValueError(f"control '{name}': active state {active} out of range")
    return {"kind": kind, "name": name, "states": states, "active": active}


def attach(
    fig,
    *controls: dict,
    narrow: dict | None = None,
    narrow_data: dict | None = None,
    projector: dict | None = None,
    projector_data: dict | None = None,
):
    """Give the figure its controls and, optionally, changes for narrow screens and for a
    slide (where every font is larger): layout (relayout form) and traces (restyle form).

    They travel in layout.meta, which plotly keeps with the figure but never draws; the
    figure itself must already show each control's active state.
    """
    extra = {"controls": list(controls)}
    if narrow:
        extra["narrow"] = narrow
    if narrow_data:
        extra["narrow_data"] = narrow_data
    if projector:
        extra["projector"] = projector
    if projector_data:
        extra["projector_data"] = projector_data
    fig.update_layout(meta={**meta_of(fig), **extra})
    return fig


def meta_of(fig) -> dict:
    """What the workbook keeps in layout.meta: controls, narrow-screen and slide layouts, badge."""
    meta = fig.layout.meta
    return dict(meta) if isinstance(meta, dict) else {}
