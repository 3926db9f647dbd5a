"""Deck and index pages from the Jinja templates in website/slides_template (autoescaped: text
from the data files reaches the page escaped unless the model marked it safe)."""

import jinja2

from ..paths import SOURCES
from .model import PAGE_PREFIX, Deck

TEMPLATES = SOURCES / "slides_template"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def deck_html(env: jinja2.Environment, deck: Deck) -> str:
    return env.get_template("deck.html.j2").render(
        deck=deck,
        plotly=any(slide.kind == "figure" for slide in deck.slides),
        cases=any(slide.kind == "case" for slide in deck.slides),
        page_prefix=PAGE_PREFIX,
    )
