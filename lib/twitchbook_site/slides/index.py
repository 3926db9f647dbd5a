"""The page listing every deck, with its length and time."""

from .deck import environment
from .model import PAGE_PREFIX, Deck


def index_html(decks: list[Deck]) -> str:
    listed = [
        {
            "file": f"{deck.lesson}.html",
            "title": deck.title,
            "count": len(deck.slides),
            "minutes": deck.minutes,
        }
        for deck in decks
    ]
    return environment().get_template("index.html.j2").render(decks=listed, page_prefix=PAGE_PREFIX)
