"""Build every lesson's deck, the index of decks and their assets into SITE/slides."""

import shutil
from pathlib import Path

import nbformat
from twitchbook.loader import load_workbook
from twitchbook.paths import ROOT
from twitchbook.speaker_notes import load_speaker_notes

from .assets import copy_assets
from .deck import deck_html, environment
from .figures import saved_figures
from .index import index_html
from .model import PAGE_PREFIX, Deck, build_deck


def lesson_title(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def decks(root: Path = ROOT) -> list[Deck]:
    book = load_workbook(root)  # refuses an outline that names anything that does not exist
    lessons = sorted(book.slide_outlines)
    built = []
    for position, lesson in enumerate(lessons):
        notebook = nbformat.read(root / "notebooks" / f"{lesson}.ipynb", as_version=4)
        outline = book.slide_outlines[lesson]
        notes = load_speaker_notes(lesson, book.headings[f"{lesson}.ipynb"], root)
        links = {}
        if position + 1 < len(lessons):
            following = lessons[position + 1]
            links["Next deck: " + following[:2]] = f"{following}.html"
        links["All decks"] = "index.html"
        links["This lesson's page"] = f"{PAGE_PREFIX}{lesson}.html"
        built.append(
            build_deck(outline, book, lesson_title(notebook), saved_figures(notebook), notes, links)
        )
    return built


def build_slides(site_dir: Path, root: Path = ROOT) -> list[Path]:
    """Write a deck per lesson outline, an index of the decks and their assets."""
    out = Path(site_dir) / "slides"
    if out.exists():
        shutil.rmtree(out)  # no stale decks from renamed lessons
    out.mkdir(parents=True)
    copy_assets(out)
    env = environment()
    built = decks(root)
    written = []
    for deck in built:
        target = out / f"{deck.lesson}.html"
        target.write_text(deck_html(env, deck), encoding="utf-8")
        written.append(target)
    (out / "index.html").write_text(index_html(built), encoding="utf-8")
    return written


def slides_link(notebook: nbformat.NotebookNode, lesson: str) -> nbformat.NotebookNode:
    """Put a link to the lesson's deck under its title, for the site's lesson page."""
    link = nbformat.v4.new_markdown_cell(
        f'<p class="tb-slides-link"><a href="slides/{lesson}.html">'
        "Slides for this lesson</a> (for instructors)</p>"
    )
    link.id = "slides-link"
    first = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown"), -1)
    notebook.cells.insert(first + 1, link)
    return notebook
