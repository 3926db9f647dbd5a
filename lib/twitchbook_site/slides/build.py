"""Build every lesson's deck, the index of decks and their assets into SITE/slides.

Usage: python -m twitchbook_site.slides.build [--out DIR]  (DIR: the built site, _build/html)
"""

import argparse
import shutil
import sys
from pathlib import Path

import nbformat
from twitchbook.errors import exit_on_data_error
from twitchbook.freshness import check_fresh
from twitchbook.loader import load_workbook
from twitchbook.paths import ROOT

from ..paths import BUILD
from .assets import copy_assets
from .cases import saved_cases
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
    notebooks = {
        lesson: nbformat.read(root / "notebooks" / f"{lesson}.ipynb", as_version=4)
        for lesson in lessons
    }
    titles = {lesson: lesson_title(notebook) for lesson, notebook in notebooks.items()}
    cases = saved_cases(notebooks.values(), PAGE_PREFIX)
    built = []
    for position, lesson in enumerate(lessons):
        outline = book.slide_outlines[lesson]
        notes = book.speaker_notes.get(lesson, {})
        links = {}
        if position + 1 < len(lessons):
            following = lessons[position + 1]
            links[f"Next deck: {titles[following]}"] = f"{following}.html"
        links["All decks"] = "index.html"
        links[f"The lesson page: {titles[lesson]}"] = f"{PAGE_PREFIX}{lesson}.html"
        figures = saved_figures(notebooks[lesson])
        built.append(build_deck(outline, book, titles[lesson], figures, notes, links, cases))
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


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the slide decks into DIR/slides")
    parser.add_argument("--out", type=Path, default=BUILD / "html")
    args = parser.parse_args()
    load_workbook(ROOT)  # a data error ends the build in one line, before anything is written
    check_fresh(ROOT)  # decks show the lessons' saved figures: never ones made from older data
    written = build_slides(args.out)
    print(f"{len(written)} slide decks built in {args.out / 'slides'}")
    return 0


if __name__ == "__main__":
    sys.exit(exit_on_data_error(main))
