"""What counts as a lesson, written down once.

A lesson is a notebook named ``NN_slug.ipynb`` in notebooks/ (00 to 99). Its data files share
its stem: ``data/quizzes/NN_slug.yaml``, ``data/glossary/NN_slug.yaml`` and so on. The site,
the slide decks, the tools and the tests all ask this module rather than globbing themselves.
"""

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .paths import ROOT

LESSON_NAME = re.compile(r"^(?P<number>\d\d)_(?P<slug>[a-z0-9_]+)$")
# Pages that are notebooks but not lessons: built into the site after the lessons.
BACK_MATTER = ("glossary", "references")
DATA_KINDS = ("quizzes", "glossary", "references", "speaker_notes", "slide_outlines", "cases")
TIME_LINE = re.compile(r"\*\*Time:\*\* about (\d+) minutes")


def cell_sources(notebook: dict) -> list[tuple[str, str]]:
    """A notebook's cells as (cell type, source) pairs, from its JSON."""
    cells = []
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        cells.append(
            (cell.get("cell_type", ""), "".join(source) if isinstance(source, list) else source)
        )
    return cells


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook and the data files named after it."""

    number: str
    slug: str
    notebook: Path

    @property
    def stem(self) -> str:
        return self.notebook.stem

    @cached_property
    def _cells(self) -> list[tuple[str, str]]:
        # Plain JSON, not nbformat: importing nbformat costs a second in every kernel that
        # imports this package (its schema validator's imports).
        return cell_sources(json.loads(self.notebook.read_text(encoding="utf-8")))

    @cached_property
    def title(self) -> str:
        """The first markdown cell's '# Title' line."""
        for cell_type, source in self._cells:
            if cell_type == "markdown":
                for line in source.splitlines():
                    if line.startswith("# "):
                        return line[2:].strip()
        raise SystemExit(f"{self.notebook.name}: the first markdown cell needs a '# Title' heading")

    @cached_property
    def minutes(self) -> int:
        """The teaching time the lesson states in its first cell ('**Time:** about N minutes')."""
        match = TIME_LINE.search(self._cells[0][1]) if self._cells else None
        if not match:
            raise SystemExit(
                f"{self.notebook.name}: the first cell needs '**Time:** about N minutes.'"
            )
        return int(match.group(1))

    @classmethod
    def from_notebook(cls, path: Path) -> "Lesson":
        match = LESSON_NAME.match(Path(path).stem)
        if not match:
            raise ValueError(f"{Path(path).name} is not named like a lesson (NN_slug.ipynb)")
        return cls(match["number"], match["slug"], Path(path))

    def data_file(self, kind: str, root: Path = ROOT) -> Path:
        """Where this lesson's file of one data kind lives (it may not exist)."""
        if kind not in DATA_KINDS:
            raise ValueError(f"unknown data kind {kind!r}; expected one of {DATA_KINDS}")
        return Path(root) / "data" / kind / f"{self.stem}.yaml"


def lessons(root: Path = ROOT) -> list[Lesson]:
    """Every lesson under root/notebooks, in order."""
    found = []
    for path in sorted((Path(root) / "notebooks").glob("*.ipynb")):
        if LESSON_NAME.match(path.stem):
            found.append(Lesson.from_notebook(path))
    return found


def back_matter(root: Path = ROOT) -> list[Path]:
    """The glossary and reference-list notebooks that exist under root/notebooks."""
    paths = [Path(root) / "notebooks" / f"{name}.ipynb" for name in BACK_MATTER]
    return [p for p in paths if p.exists()]


def is_lesson(name: str) -> bool:
    """Whether a notebook stem or file name ('03_serious_causes.ipynb') names a lesson."""
    return bool(LESSON_NAME.match(Path(name).stem))
