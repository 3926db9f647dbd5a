"""Text for figures: plotly neither wraps hover text nor annotations, so lines are broken here."""

import textwrap


def wrap(text: str, width: int) -> str:
    """Break text into lines of at most width characters (whole words), joined by <br>."""
    return "<br>".join(
        textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
    )
