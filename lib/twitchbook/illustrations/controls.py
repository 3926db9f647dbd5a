"""The one kind of control the figures share: a row of plotly buttons above the plot.

Plotly's own buttons keep working on the static site, where no Python runs.
"""


def button_row(buttons: list[dict], y: float, **style) -> dict:
    """An updatemenu of buttons in a row, left-aligned, its bottom edge at height y."""
    return dict(
        type="buttons",
        direction="right",
        buttons=buttons,
        x=0,
        xanchor="left",
        y=y,
        yanchor="bottom",
        **style,
    )
