"""Text for figures. Plotly reads its labels, hover text and titles as a little HTML (<a>,
<b>, <span style>, <br>), so text from data files is escaped here before it reaches a
figure; plotly neither wraps hover text nor annotations, so lines are broken here too.
Also the words of the schematic figures (data/figures/) and the badge they carry."""

import html
import textwrap

from ..loader import workbook
from .controls import meta_of

BADGE = "Illustration, not data"


def plain(text) -> str:
    """Text shown as written: <, > and & become entities, which plotly draws as characters."""
    return html.escape(str(text), quote=False)


def wrap(text, width: int) -> str:
    """Escaped text broken into lines of at most width characters (whole words), joined by
    <br>, the one tag plotly needs from us."""
    lines = textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(plain(line) for line in lines or [""])


def unwrap(text: str) -> str:
    """A wrapped label back on one line, for sentences."""
    return html.unescape(text.replace("<br>", " "))


def figure_words(name: str, text=None):
    """A schematic's labels and sentences (a twitchbook.schema.FigureText): the text given,
    or data/figures/<name>.yaml."""
    return workbook().figures[name] if text is None else text


def parts_of(text) -> dict:
    """The figure's parts by id, for code that places them."""
    return {part.id: part for part in text.parts}


def illustration_badge(fig) -> None:
    """Mark the figure as a drawing that explains an idea, not measured data; twitchbook.show
    prints the badge beside the figure's title."""
    fig.update_layout(meta={**meta_of(fig), "badge": BADGE})
