"""Whole-page pieces: the notice every page carries, the glossary and the reference list."""

from importlib.resources import files

from .citations import anchor, formatted_entries, identifier_links, label
from .loader import workbook
from .render import escape, show_html

NOTICE = (
    "Educational use only, not medical advice. This workbook teaches medical students about "
    "facial twitching; it does not diagnose or treat anyone. If you are worried about a twitch, "
    "see a doctor."
)


def stylesheet() -> str:
    return files("twitchbook").joinpath("assets/twitchbook.css").read_text(encoding="utf-8")


def notice() -> None:
    """The notice at the top of every lesson, with the styles the quizzes and figures use."""
    show_html(
        f"<style>{stylesheet()}</style>"
        f'<aside class="tb-notice" role="note"><strong>Educational use only, not medical '
        f"advice.</strong> {escape(NOTICE.split('advice. ', 1)[1])}</aside>",
        NOTICE,
    )


def glossary_page() -> None:
    """Every glossary term: plain words first, then the technical definition."""
    book = workbook()
    terms = sorted(book.glossary.values(), key=lambda t: t.term.casefold())
    items = []
    first_of = {}
    for term in terms:
        first_of.setdefault(_initial(term.term), term.id)
        sources = "; ".join(
            f'<a class="tb-cite" href="references.ipynb#{anchor(r)}">'
            f"{escape(label(book.references[r]))}</a>"
            for r in term.references
        )
        items.append(
            # data-jupyter-id: what JupyterLab looks for when a link opens this page at a term.
            f'<dt id="term-{term.id}" data-jupyter-id="term-{term.id}">{escape(term.term)}</dt>'
            f"<dd><p>{escape(term.plain)}</p>"
            f'<p class="tb-technical"><em>Technical:</em> {escape(term.technical)}'
            f"{' Sources: ' + sources + '.' if sources else ''}</p></dd>"
        )
    plain = "\n".join(f"{t.term}: {t.plain}" for t in book.glossary.values())
    show_html(f'{_a_to_z(first_of)}<dl class="tb-glossary">{"".join(items)}</dl>', plain)


def _initial(term: str) -> str:
    letter = term.strip()[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def _a_to_z(first_of: dict[str, str]) -> str:
    """An A-Z index: each letter links to its first term; letters with no term are shown dim."""
    letters = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", *(["#"] if "#" in first_of else [])]
    cells = "".join(
        f'<li><a href="#term-{first_of[letter]}">{letter}</a></li>'
        if letter in first_of
        else f'<li aria-hidden="true"><span>{letter}</span></li>'
        for letter in letters
    )
    return f'<nav aria-label="Glossary A to Z"><ul class="tb-az">{cells}</ul></nav>'


def references_page() -> None:
    """The reference list, formatted by a CSL style, each entry with its PMID/DOI links."""
    book = workbook()
    entries = formatted_entries(book.references)
    items = []
    for ref_id, entry in entries.items():
        ref = book.references[ref_id]
        items.append(
            f'<li id="{anchor(ref_id)}" data-jupyter-id="{anchor(ref_id)}">'
            f'<span class="tb-ref-label">{escape(label(ref))}</span> '
            f'{entry} <span class="tb-ref-ids">{identifier_links(ref)}</span></li>'
        )
    plain = "\n".join(label(book.references[r]) for r in entries)
    show_html(f'<ol class="tb-references">{"".join(items)}</ol>', plain)
