"""Read every data file through its schema, in one way, and gather them into a Workbook.

Each kind of data file is one entry in KINDS: where its files live under data/ and the model
that validates each. The rules themselves live in schema.py; this module finds the files,
reads them (reading.py), validates each with what earlier files provided (the reference ids,
the lesson headings, the source text's lines) and turns whatever is wrong into one DataError
naming the file, the line, the item and the field.
"""

import functools
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .lessons import lessons
from .paths import ROOT
from .reading import MAX_NOTEBOOK_BYTES, Document, read_csv, read_text, read_yaml, relative
from .schema import (
    ClinicalCase,
    CoverageFile,
    CoverageRow,
    DataTable,
    DiagnosticAccuracyFile,
    FigureText,
    GlossaryFile,
    GlossaryTerm,
    QuizBank,
    RedFlagFile,
    Reference,
    ReferenceFile,
    SectionNotes,
    SlideOutline,
    SourceText,
    SpeakerNotes,
    StudyDesignFile,
)


@dataclass(frozen=True)
class Kind:
    """One kind of data file: its name on the Workbook, where it lives, the model it keeps."""

    name: str
    place: str  # under data/: one file ("references.yaml"), or a folder ("glossary/*.yaml")
    model: type[BaseModel]
    required: bool = False  # a single file that must exist

    @property
    def folder(self) -> str | None:
        return self.place.split("/")[0] if "/" in self.place else None

    @property
    def suffix(self) -> str:
        return "." + self.place.rsplit(".", 1)[-1]


# Load order matters: a kind may check what the kinds above it provided.
KINDS = (
    Kind("references", "references.yaml", ReferenceFile, required=True),
    Kind("references", "references/*.yaml", ReferenceFile),
    Kind("source_text", "source_text.yaml", SourceText, required=True),
    Kind("glossary", "glossary/*.yaml", GlossaryFile),
    Kind("quizzes", "quizzes/*.yaml", QuizBank),
    Kind("tables", "tables/*.yaml", DataTable),
    Kind("coverage", "seed_coverage.csv", CoverageFile, required=True),
    Kind("speaker_notes", "speaker_notes/*.yaml", SpeakerNotes),
    Kind("red_flags", "red_flags.yaml", RedFlagFile),
    Kind("cases", "cases/*.yaml", ClinicalCase),
    Kind("diagnostic_tests", "tests/*.yaml", DiagnosticAccuracyFile),
    Kind("study_designs", "studies/*.yaml", StudyDesignFile),
    Kind("figures", "figures/*.yaml", FigureText),  # the words of schematic figures
    Kind("slide_outlines", "slide_outlines/*.yaml", SlideOutline),
    # A new kind is one line here, e.g. Kind("drills", "drills/*.yaml", DrillFile); it appears
    # as book.drills, a dict from file name (without .yaml) to its model.
)


@dataclass(frozen=True)
class Workbook:
    """Every data file, validated: files[kind name][file name without extension] -> model."""

    files: dict[str, dict[str, BaseModel]]
    headings: dict[str, list[str]]

    def __getattr__(self, name: str):
        # Any kind without a property below: a folder kind's files by name, or a single
        # file's model (None when the file is absent).
        files = self.__dict__.get("files", {})
        if name not in files:
            raise AttributeError(name)
        if any(kind.name == name and kind.folder for kind in KINDS):
            return files[name]
        return next(iter(files[name].values()), None)

    @cached_property
    def references(self) -> dict[str, Reference]:
        return {ref.id: ref for f in self.files["references"].values() for ref in f.references}

    @cached_property
    def glossary(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for f in self.files["glossary"].values() for term in f.terms}

    @cached_property
    def quizzes(self) -> dict[str, QuizBank]:
        return {bank.lesson: bank for bank in self.files["quizzes"].values()}

    @cached_property
    def tables(self) -> dict[str, DataTable]:
        return dict(self.files["tables"])

    @cached_property
    def coverage(self) -> list[CoverageRow]:
        return [row for f in self.files["coverage"].values() for row in f.rows]

    @cached_property
    def source_text(self) -> SourceText:
        return self.files["source_text"]["source_text"]

    @cached_property
    def speaker_notes(self) -> dict[str, dict[str, SectionNotes]]:
        """Each lesson's notes by section heading."""
        return {
            notes.lesson: {section.section: section for section in notes.notes}
            for notes in self.files["speaker_notes"].values()
        }


def plain_words(error: dict) -> str:
    """pydantic's complaint in the words of the data files (no model or type names)."""
    kind, given, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if isinstance(given, str | int) and len(str(given)) > 60:
        given = str(given)[:57] + "..."
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field this file knows (check the spelling)"
    if kind == "string_too_short" or (kind == "too_short" and isinstance(given, str)):
        return "is empty"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(given, str)):
        return f"is longer than {ctx.get('max_length')} characters: shorten it"
    if kind == "string_pattern_mismatch":
        return f"'{given}' does not have the expected form"
    if kind in {"string_type", "str_type"}:
        return "should be text, not a list or mapping"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "should be a mapping of fields (name: value)"
    if kind == "list_type":
        return "should be a list"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"'{given}' should be a whole number"
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return f"'{given}' is not a real date: write it as YYYY-MM-DD"
    if kind == "literal_error":
        return f"'{given}' should be {ctx.get('expected', 'one of the allowed values')}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{given} is too small (at least {ctx.get('ge', ctx.get('gt'))})"
    if kind in {"less_than_equal", "less_than"}:
        return f"{given} is too large (at most {ctx.get('le', ctx.get('lt'))})"
    if kind == "too_short":
        least, actual = ctx.get("min_length"), ctx.get("actual_length")
        return f"has too few entries (at least {least}, not {actual})"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    if kind in {"float_parsing", "float_type"}:
        return f"'{given}' should be a number"
    message = error["msg"].removeprefix("Value error, ").removeprefix("Input ")
    return message[0].lower() + message[1:] if message else "is not valid"


def data_error(err: ValidationError, document: Document) -> DataError:
    """The one translation from pydantic's first complaint to a DataError."""
    first = err.errors()[0]
    location = list(first["loc"])
    cause = (first.get("ctx") or {}).get("error")
    location += list(getattr(cause, "at", ()))
    return document.error(tuple(location), plain_words(first))


def validate(model: type[BaseModel], document: Document, context: dict | None = None):
    """Validate a document against its model; the only place pydantic errors are translated."""
    document.named_by = getattr(model, "NAMED_BY", "id")
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as err:
        raise data_error(err, document) from None


def notebook_headings(path: Path, root: Path) -> list[str]:
    """The heading texts of a notebook's markdown cells, in order."""
    name = relative(path, root)
    try:
        notebook = json.loads(read_text(path, name, MAX_NOTEBOOK_BYTES))
    except json.JSONDecodeError as err:
        raise DataError(
            name, None, None, f"is not valid notebook JSON: {err.msg}", line=err.lineno
        ) from None
    headings, fenced = [], False
    cells = notebook.get("cells", []) if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise DataError(name, None, "cells", "should be a list of cells")
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        for line in ("".join(source) if isinstance(source, list) else str(source)).splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and line.startswith("#"):
                headings.append(line.lstrip("#").strip())
    return headings


def lesson_headings(root: Path) -> dict[str, list[str]]:
    return {
        lesson.notebook.name: notebook_headings(lesson.notebook, root) for lesson in lessons(root)
    }


def lesson_figures(root: Path) -> dict[str, set[str]]:
    """The figure ids each lesson's saved outputs show (tb.show(id=...) writes id="fig-...")."""
    return {
        lesson.notebook.name: set(
            re.findall(
                r'id=\\"fig-([a-z0-9-]+)\\"',
                read_text(lesson.notebook, lesson.notebook.name, MAX_NOTEBOOK_BYTES),
            )
        )
        for lesson in lessons(root)
    }


def data_files(root: Path) -> list[tuple[Kind, Path]]:
    """Every data file with its kind, in load order; anything else under data/ is refused."""
    data = root / "data"
    if not data.is_dir() or data.is_symlink():
        raise DataError("data", None, None, "should be the project's folder of data files")
    files = {kind.place: kind for kind in KINDS if not kind.folder}
    folders = {kind.folder: kind for kind in KINDS if kind.folder}
    for entry in sorted(data.iterdir()):
        name = relative(entry, root)
        if entry.name in folders:
            if entry.is_symlink() or not entry.is_dir():
                raise DataError(name, None, None, "should be a folder of data files")
            kind = folders[entry.name]
            for inner in sorted(entry.iterdir()):
                if inner.suffix != kind.suffix:
                    raise DataError(
                        relative(inner, root),
                        None,
                        None,
                        f"is not a data file: {name}/ holds only {kind.suffix} files "
                        f"(rename it to end in {kind.suffix}, or move it out of data/)",
                    )
        elif entry.name not in files:
            known = ", ".join(sorted([*files, *(f"{f}/" for f in folders)]))
            raise DataError(
                name,
                None,
                None,
                f"is not a data file the workbook knows (data/ holds {known}): "
                "rename it or move it out of data/",
            )
    found = []
    for kind in KINDS:
        if kind.folder:
            found += [(kind, path) for path in sorted(data.glob(kind.place))]
        elif (data / kind.place).exists() or (data / kind.place).is_symlink():
            found.append((kind, data / kind.place))
        elif kind.required:
            raise DataError(f"data/{kind.place}", None, None, "does not exist")
    return found


def read(kind: Kind, path: Path, root: Path) -> Document:
    name = relative(path, root)
    if kind.suffix == ".csv":
        rows = get_args(kind.model.model_fields["rows"].annotation)[0]
        return read_csv(path, name, list(rows.model_fields))
    return read_yaml(path, name)


def load_file(kind: Kind, path: Path, root: Path, context: dict) -> BaseModel:
    """One file, validated with what the files before it provided."""
    document = read(kind, path, root)
    return validate(
        kind.model,
        document,
        {**context, "file": document.file, "stem": path.stem, "here": set()},
    )


def load_workbook(root: Path = ROOT) -> Workbook:
    """Load and cross-check every data file under root/data."""
    root = Path(root)
    headings = lesson_headings(root)
    files: dict[str, dict[str, BaseModel]] = {kind.name: {} for kind in KINDS}
    # Later kinds may check the files of earlier ones; slide outlines, the lessons' figures.
    context = {"headings": headings, "taken": {}, "works": {}, "files": files}
    context["figures"] = lesson_figures(root)
    for kind, path in data_files(root):
        model = load_file(kind, path, root, context)
        files[kind.name][path.stem] = model
        if isinstance(model, SourceText):
            context["source lines"] = {s.line for s in model.statements}
    book = Workbook(files, headings)
    check_sorters(book)
    return book


def kind_named(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


@functools.cache
def workbook() -> Workbook:
    """The project's own data, loaded once per kernel."""
    return load_workbook(ROOT)


# Kept for loaders written before KINDS existed, so that they too read through the one path
# above (duplicate keys, hidden characters, links refused); new kinds register in KINDS.


def _relative(path: Path, root: Path) -> str:
    return relative(path, root)


def _read_text(path: Path, root: Path) -> str:
    return read_text(path, relative(path, root))


def _read_yaml(path: Path, root: Path) -> dict:
    return read_yaml(path, relative(path, root)).data


def _validate(model: type[BaseModel], document, name: str, item: str | None = None):
    return validate(model, Document(name, document))


def _plain_words(error: dict) -> str:
    return plain_words(error)


def _check_citations(ids, references, name: str, item: str, field: str = "references"):
    for number, ref in enumerate(ids, start=1):
        if ref not in references:
            raise DataError(
                name, item, f"{field}[{number}]", f"cites '{ref}', which is in no reference list"
            )


RED_FLAGS = "data/red_flags.yaml"


def check_sorters(book: Workbook) -> None:
    """A sorter offers the urgency tiers, in order, and its answer is the most urgent tier of
    the red-flag rules it names (decided_by): the rules are written once, in red_flags.yaml."""
    flags = book.red_flags
    if flags is None:
        return
    tiers = [tier.name for tier in flags.tiers]
    rank = {tier.name: tier.rank for tier in flags.tiers}
    rules = {rule.id: rule for rule in flags.rules}
    for lesson, bank in book.quizzes.items():
        if bank.kind != "sorter":
            continue
        name = f"data/quizzes/{lesson}.yaml"
        for question in bank.questions:
            if [choice.text for choice in question.choices] != tiers:
                raise DataError(
                    name, question.id, "choices", f"should be the tiers of {RED_FLAGS}, in order"
                )
            if not question.decided_by:
                raise DataError(name, question.id, "decided_by", "is missing")
            for rule_id in question.decided_by:
                if rule_id not in rules:
                    raise DataError(
                        name, question.id, "decided_by", f"'{rule_id}' is not a rule in {RED_FLAGS}"
                    )
            deciding = min((rules[r] for r in question.decided_by), key=lambda r: rank[r.tier])
            answer = next(c for c in question.choices if c.id == question.answer)
            if answer.text != deciding.tier:
                raise DataError(
                    name,
                    question.id,
                    "answer",
                    f"'{answer.text}' disagrees with rule '{deciding.id}' ({deciding.tier})",
                )
