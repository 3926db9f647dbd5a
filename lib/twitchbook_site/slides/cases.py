"""Branching cases and the triage builder on a slide: their kernel-free HTML, as the lessons'
saved outputs show it, driven in the deck by the site's cases.js (twitchbook/widgets/cases.js).

The case is shown as the lesson saved it (a choice's feedback appears when it is picked, so the
room votes before the instructor clicks), with its links opened beside the deck.
"""

from bs4 import BeautifulSoup
from markupsafe import Markup

from .markdown import beside_the_deck

CASE_ROOTS = ".tb-case[data-case], .tb-triage[data-case]"


def saved_cases(notebooks, page_prefix: str) -> dict[str, Markup]:
    """Every case the lessons' outputs show, by id, with the styles it came with."""
    found = {}
    for notebook in notebooks:
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                html = "".join(html) if isinstance(html, list) else html
                if not html or "data-case=" not in html:
                    continue
                soup = BeautifulSoup(html, "html.parser")
                styles = "".join(str(style) for style in soup.find_all("style"))
                for root in soup.select(CASE_ROOTS):
                    # reveal.js takes every <section> in a deck for a slide of its own.
                    for step in root.find_all("section"):
                        step.name, step["role"] = "div", "region"
                    shown = Markup(styles + beside_the_deck(str(root), page_prefix))
                    found.setdefault(root["data-case"], shown)
    return found
