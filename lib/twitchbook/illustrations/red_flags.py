"""The five levels of care of lesson 04, drawn as a ladder: most urgent at the top.

Built from data/red_flags.yaml, the same rules the checklist table, the sorter and the triage
builder use. Each bar counts the findings the lesson lists at that level (a count of rules,
not of how often they happen); hovering over it lists them.
"""

import plotly.graph_objects as go

from ..loader import workbook
from ..palette import PALETTE, TEXT
from ..schema import RedFlagFile
from .labels import plain, wrap

# Most urgent first; shape-free bars, so each bar also carries its level's name in words.
COLOURS = [
    PALETTE["vermilion"],
    PALETTE["orange"],
    PALETTE["purple"],
    PALETTE["blue"],
    PALETTE["green"],
]


def _flags(flags):
    return workbook().red_flags if flags is None else flags


def _by_tier(flags: RedFlagFile) -> list[tuple[str, str, list[str]]]:
    return [
        (tier.name, tier.meaning, [r.finding for r in flags.rules if r.tier == tier.name])
        for tier in flags.tiers
    ]


def figure(flags: RedFlagFile | None = None) -> go.Figure:
    """The ladder from data/red_flags.yaml (default: the project's file)."""
    rows = _by_tier(_flags(flags))
    names = [plain(name) for name, _, _ in rows]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=[len(findings) for _, _, findings in rows],
            orientation="h",
            marker=dict(color=COLOURS[: len(rows)], line=dict(color=TEXT, width=1)),
            text=[f"{len(findings)} findings" for _, _, findings in rows],
            textposition="outside",
            hovertext=[
                f"<b>{plain(name)}</b><br>{wrap(meaning, 40)}<br>"
                + "<br>".join(f"• {wrap(f, 40)}" for f in findings)
                for name, meaning, findings in rows
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_layout(
        height=380,
        margin=dict(l=10, r=40, t=30, b=50),
        xaxis=dict(
            title="Findings listed in this lesson",
            dtick=2,
            range=[0, max(len(f) for _, _, f in rows) + 3],  # room for the labels
            fixedrange=True,
        ),
        yaxis=dict(
            autorange="reversed",
            categoryorder="array",
            categoryarray=names,
            fixedrange=True,
            automargin=True,
        ),
    )
    return fig


def describe(flags: RedFlagFile | None = None) -> str:
    """The figure in words: each level, what it means, and every red flag at that level."""
    flags = _flags(flags)
    parts = [
        f"{name} ({len(findings)}): {meaning} Findings: " + "; ".join(findings) + "."
        for name, meaning, findings in _by_tier(flags)
    ]
    return (
        "A bar chart of the five levels of care, most urgent at the top; each bar counts the "
        "findings listed at that level. " + " ".join(parts)
    )
