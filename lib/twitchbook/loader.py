"""Read every data file through its schema, then check that the files agree with each other.

Whatever is wrong comes back as one DataError naming the file, the item and the field.
"""

import csv
import dataclasses
import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError
from .paths import ROOT
from .schema import (
    CoverageRow,
    DataTable,
    GlossaryFile,
    GlossaryTerm,
    QuizBank,
    Reference,
    ReferenceFile,
    SlideOutline,
)

COVERAGE_COLUMNS = ["line", "claim", "notebook", "section", "references"]


@dataclass(frozen=True)
class Workbook:
    references: dict[str, Reference]
    glossary: dict[str, GlossaryTerm]
    quizzes: dict[str, QuizBank]
    tables: dict[str, DataTable]
    coverage: list[CoverageRow]
    headings: dict[str, list[str]]
    slide_outlines: dict[str, SlideOutline] = dataclasses.field(default_factory=dict)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _read_text(path: Path, root: Path) -> str:
    name = _relative(path, root)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(
            name, None, None, f"is not UTF-8 text (bad byte at position {err.start})"
        ) from None
    if not text.strip():
        raise DataError(name, None, None, "is empty")
    return text


# libyaml's parser, where PyYAML was built with it, reads the data files about 6 times faster
# than the pure-Python one; every lesson loads them when it starts.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path, root: Path) -> dict:
    name = _relative(path, root)
    try:
        document = yaml.load(_read_text(path, root), Loader=SAFE_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "cannot be read"
        raise DataError(name, None, None, f"is not valid YAML{at}: {problem}") from None
    if not isinstance(document, dict):
        raise DataError(name, None, None, "should hold a mapping of fields at the top level")
    return document


def _plain_words(error: dict) -> str:
    kind, given = error["type"], error.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field this file knows (check the spelling)"
    if kind == "string_too_short":
        return "is empty"
    if kind == "string_pattern_mismatch":
        return f"'{given}' does not have the expected form"
    if kind == "too_short":
        return "has too few entries: " + error["msg"].split(", ", 1)[-1]
    message = error["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else "is not valid"


def _validate(model: type[BaseModel], document, name: str, item: str | None = None):
    try:
        return model.model_validate(document)
    except ValidationError as err:
        first = err.errors()[0]
        location = list(first["loc"])
        found_item, field = item, []
        node = document
        # Walk the location: the last id-bearing mapping on the way names the item.
        for step in location:
            if isinstance(node, dict | list):
                try:
                    node = node[step]
                except (KeyError, IndexError, TypeError):
                    node = None
            if isinstance(node, dict) and "id" in node:
                found_item, field = str(node["id"]), []
            elif isinstance(step, int) and field:
                field[-1] += f"[{step + 1}]"  # counted from 1, as a person reads the file
            else:
                field.append(str(step))
        return_field = ".".join(field) or None
        raise DataError(name, found_item, return_field, _plain_words(first)) from None


def notebook_headings(path: Path, root: Path) -> list[str]:
    """The heading texts of a notebook's markdown cells, in order."""
    name = _relative(path, root)
    try:
        notebook = json.loads(_read_text(path, root))
    except json.JSONDecodeError as err:
        raise DataError(
            name, None, None, f"is not valid notebook JSON: {err.msg} at line {err.lineno}"
        ) from None
    headings, fenced = [], False
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        for line in ("".join(source) if isinstance(source, list) else source).splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and line.startswith("#"):
                headings.append(line.lstrip("#").strip())
    return headings


def _load_references(root: Path) -> dict[str, Reference]:
    """data/references.yaml, plus any further lists in data/references/ (ids unique across all)."""
    paths = [root / "data" / "references.yaml", *sorted(root.glob("data/references/*.yaml"))]
    references, owner = {}, {}
    for path in paths:
        name = _relative(path, root)
        for ref in _validate(ReferenceFile, _read_yaml(path, root), name).references:
            if ref.id in owner:
                raise DataError(name, ref.id, "id", f"is already used in {owner[ref.id]}")
            owner[ref.id] = name
            references[ref.id] = ref
    _one_id_per_work(references, owner)
    return references


def _one_id_per_work(references: dict[str, Reference], owner: dict[str, str]) -> None:
    """The same paper under two ids would be listed twice: catch it by its identifiers."""
    seen: dict[tuple[str, str], str] = {}
    for ref in references.values():
        for kind in ("PMID", "DOI"):
            value = getattr(ref, kind)
            if not value:
                continue
            key = (kind, value.lower())
            if key in seen:
                raise DataError(
                    owner[ref.id],
                    ref.id,
                    kind,
                    f"{value} is the same work as '{seen[key]}': cite that id",
                )
            seen[key] = ref.id


def _load_glossary(root: Path) -> dict[str, GlossaryTerm]:
    terms, owner = [], {}
    for path in sorted((root / "data" / "glossary").glob("*.yaml")):
        name = _relative(path, root)
        for term in _validate(GlossaryFile, _read_yaml(path, root), name).terms:
            for key, what in ((term.id, "id"), (term.term.casefold(), "term")):
                if (key, what) in owner:
                    raise DataError(
                        name, term.id, what, f"'{key}' is already defined in {owner[key, what]}"
                    )
                owner[key, what] = name
            terms.append(term)
    return {term.id: term for term in terms}


def _load_quizzes(root: Path) -> dict[str, QuizBank]:
    banks, question_owner = {}, {}
    for path in sorted((root / "data" / "quizzes").glob("*.yaml")):
        name = _relative(path, root)
        bank = _validate(QuizBank, _read_yaml(path, root), name)
        if path.stem != bank.lesson:
            raise DataError(name, None, "lesson", f"'{bank.lesson}' should match the file name")
        for question in bank.questions:
            if question.id in question_owner:
                raise DataError(
                    name, question.id, "id", f"is already used in {question_owner[question.id]}"
                )
            question_owner[question.id] = name
            choice_ids = [choice.id for choice in question.choices]
            for choice_id in choice_ids:
                if choice_ids.count(choice_id) > 1:
                    raise DataError(
                        name, question.id, "choices", f"choice '{choice_id}' is used twice"
                    )
            if question.answer not in {choice.id for choice in question.choices}:
                raise DataError(
                    name,
                    question.id,
                    "answer",
                    f"'{question.answer}' is not one of the choices "
                    f"({', '.join(c.id for c in question.choices)})",
                )
        banks[bank.lesson] = bank
    return banks


def _load_tables(root: Path) -> dict[str, DataTable]:
    tables = {}
    for path in sorted((root / "data" / "tables").glob("*.yaml")):
        name = _relative(path, root)
        table = _validate(DataTable, _read_yaml(path, root), name)
        for number, row in enumerate(table.rows, start=1):
            values = row.model_extra or {}
            for column in table.columns:
                if column not in values:
                    raise DataError(name, f"rows[{number}]", column, "is missing")
            for column in values:
                if column not in table.columns:
                    raise DataError(name, f"rows[{number}]", column, "is not one of the columns")
        tables[path.stem] = table
    return tables


def _load_coverage(root: Path) -> list[CoverageRow]:
    path = root / "data" / "seed_coverage.csv"
    name = _relative(path, root)
    text = _read_text(path, root)
    try:
        reader = csv.DictReader(io.StringIO(text), strict=True)
        header = reader.fieldnames or []
        if header != COVERAGE_COLUMNS:
            raise DataError(name, None, "header", f"should be {','.join(COVERAGE_COLUMNS)}")
        rows = []
        for number, raw in enumerate(reader, start=2):
            if None in raw or None in raw.values():
                raise DataError(name, f"line {number}", None, "has the wrong number of columns")
            rows.append(_validate(CoverageRow, raw, name, item=f"line {number}"))
    except csv.Error as err:
        raise DataError(name, None, None, f"is not valid CSV: {err}") from None
    return rows


def _check_citations(ids, references, name: str, item: str, field: str = "references"):
    for ref in ids:
        if ref not in references:
            raise DataError(
                name, item, field, f"cites '{ref}', which is not in data/references.yaml"
            )


def _check_section(headings, notebook: str, section: str, name: str, item: str):
    if notebook not in headings:
        raise DataError(name, item, "notebook", f"'{notebook}' is not in notebooks/")
    if section not in headings[notebook]:
        raise DataError(name, item, "section", f"'{section}' is not a heading of {notebook}")


def load_workbook(root: Path = ROOT) -> Workbook:
    """Load and cross-check every data file under root/data."""
    root = Path(root)
    references = _load_references(root)
    glossary = _load_glossary(root)
    quizzes = _load_quizzes(root)
    tables = _load_tables(root)
    coverage = _load_coverage(root)
    headings = {
        path.name: notebook_headings(path, root)
        for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    }
    for term in glossary.values():
        _check_citations(term.references, references, "data/glossary", term.id)
    for lesson, bank in quizzes.items():
        name = f"data/quizzes/{lesson}.yaml"
        for question in bank.questions:
            _check_citations(question.references, references, name, question.id)
            _check_section(headings, f"{lesson}.ipynb", question.section, name, question.id)
    for table_name, table in tables.items():
        for number, row in enumerate(table.rows, start=1):
            _check_citations(
                row.references, references, f"data/tables/{table_name}.yaml", f"row {number}"
            )
    for row in coverage:
        item = f"line {row.line}: {row.claim[:40]}"
        _check_citations(row.reference_ids, references, "data/seed_coverage.csv", item)
        _check_section(headings, row.notebook, row.section, "data/seed_coverage.csv", item)
    outlines = _load_slide_outlines(root, references, quizzes, tables, headings)
    return Workbook(references, glossary, quizzes, tables, coverage, headings, outlines)


@functools.cache
def workbook() -> Workbook:
    """The project's own data, loaded once per kernel."""
    return load_workbook(ROOT)


def _notebook_figures(path: Path, root: Path) -> set[str]:
    """The figure ids a notebook's saved outputs show (tb.show(id=...) writes id="fig-...")."""
    return set(re.findall(r'id=\\"fig-([a-z0-9-]+)\\"', _read_text(path, root)))


def _case_ids(root: Path) -> set[str]:
    """Ids of the branching cases and triage exercises: one file each in data/cases."""
    ids = set()
    for path in sorted((root / "data" / "cases").glob("*.yaml")):
        case_id = _read_yaml(path, root).get("id")
        ids.add(str(case_id) if case_id else path.stem)
    return ids


def _load_slide_outlines(root: Path, references, quizzes, tables, headings):
    """data/slide_outlines/NN_name.yaml: every figure, question, table, case, heading and
    reference a slide names must exist."""
    known = {
        "references": references,
        "tables": tables,
        "questions": {q.id for bank in quizzes.values() for q in bank.questions},
        "cases": None,  # read on first use: most outlines name no case
    }
    outlines = {}
    for path in sorted((root / "data" / "slide_outlines").glob("*.yaml")):
        name = _relative(path, root)
        outline = _validate(SlideOutline, _read_yaml(path, root), name)
        notebook = root / "notebooks" / f"{outline.lesson}.ipynb"
        if path.stem != outline.lesson:
            raise DataError(name, None, "lesson", f"'{outline.lesson}' should match the file name")
        if notebook.name not in headings:
            raise DataError(name, None, "lesson", f"'{outline.lesson}' is not in notebooks/")
        known["headings"] = headings[notebook.name]
        known["figures"] = _notebook_figures(notebook, root)
        for number, slide in enumerate(outline.slides, start=1):
            problem = _outline_slide_problem(slide, notebook.name, known, root)
            if problem:
                raise DataError(name, f"slide {number} ({slide.title})", *problem)
        outlines[outline.lesson] = outline
    return outlines


def _outline_slide_problem(slide, notebook: str, known: dict, root: Path):
    """(field, problem) for the first thing a slide names that does not exist, or None."""
    if slide.section not in known["headings"]:
        return "section", f"'{slide.section}' is not a heading of {notebook}"
    if slide.figure and slide.figure not in known["figures"]:
        return "figure", f"'{slide.figure}' is not a figure of {notebook}"
    if slide.quiz and slide.quiz not in known["questions"]:
        return "quiz", f"'{slide.quiz}' is not a question in data/quizzes"
    if slide.case:
        if known["cases"] is None:
            known["cases"] = _case_ids(root)
        if slide.case not in known["cases"]:
            return "case", f"'{slide.case}' is not a case in data/cases"
    if slide.table:
        table = known["tables"].get(slide.table.name)
        if table is None:
            return "table.name", f"'{slide.table.name}' is not a table in data/tables"
        for column in slide.table.columns:
            if column not in table.columns:
                return "table.columns", f"'{column}' is not a column of {slide.table.name}"
        for row in slide.table.rows:
            if row > len(table.rows):
                return "table.rows", f"{slide.table.name} has no row {row}"
    for point, bullet in enumerate(slide.bullets, start=1):
        for ref in bullet.cite:
            if ref not in known["references"]:
                return f"bullets[{point}].cite", f"cites '{ref}', which is not a reference"
    return None
