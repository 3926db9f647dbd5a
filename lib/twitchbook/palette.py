"""One colour-blind-safe palette (Okabe & Ito) and the plotly template every figure uses."""

import plotly.graph_objects as go
import plotly.io as pio

# Okabe-Ito colours, ordered so the first ones keep 3:1 contrast on white for lines and bars.
PALETTE = {
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "green": "#009E73",
    "purple": "#CC79A7",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
TEXT = "#1a1a1a"
GRID = "#d9d9d9"
NEUTRAL = "#767676"  # mid grey with 4.5:1 contrast on white, for labels and outlines
ALLOWED = {value.lower() for value in PALETTE.values()} | {TEXT, GRID, NEUTRAL, "#ffffff"}

TEMPLATE = go.layout.Template(
    layout=dict(
        colorway=list(PALETTE.values()),
        font=dict(
            family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=14, color=TEXT
        ),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        xaxis=dict(gridcolor=GRID, linecolor=NEUTRAL, zeroline=False),
        yaxis=dict(gridcolor=GRID, linecolor=NEUTRAL, zeroline=False),
        margin=dict(l=60, r=20, t=50, b=50),
        hoverlabel=dict(font_size=14),
    )
)
pio.templates["twitchbook"] = TEMPLATE
