"""A catalogue of mistakes an instructor can make in the data files.

Each one must stop the loader with one DataError that names the file, the item and the field
in plain words: never a traceback from inside a library, never silent acceptance.
"""

from pathlib import Path

import pytest
from twitchbook import load_workbook

from conftest import refusal


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(project: Path, name: str, content: str | bytes) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


REFS, QUIZ, GLOSS, COVER, TABLE = (
    "data/references.yaml",
    "data/quizzes/01_test.yaml",
    "data/glossary/01_test.yaml",
    "data/seed_coverage.csv",
    "data/tables/counts.yaml",
)
FIGURE = "data/figures/demo.yaml"
# The words of a schematic figure (data/figures/), valid as written; each case breaks one thing.
FIGURE_TEXT = """\
provenance: Figure words for tests.
title: A demo schematic
parts:
  - {id: eye, label: Eye, description: The muscle round the eye., references: [alpha2001]}
  - {id: mouth, label: Mouth, description: A muscle of the lower face., references: [alpha2001]}
views:
  - {label: Both, parts: [eye, mouth], text: Both muscles twitch., references: [nhs-page]}
"""

# (case id, how to break the project, (file, item, field) of the error, what the message says)
CASES = [
    (
        "yaml-malformed",
        lambda p: edit(p, REFS, "provenance: A small", "provenance: [A small"),
        (REFS, "provenance[2]", None),  # where the parser stopped, inside the unclosed list
        [REFS, "not valid YAML", "line"],
    ),
    (
        "yaml-not-a-mapping",
        lambda p: write(p, GLOSS, "- just\n- a list\n"),
        (GLOSS, None, None),
        [GLOSS, "mapping"],
    ),
    ("file-empty", lambda p: write(p, QUIZ, ""), (QUIZ, None, None), [QUIZ, "is empty"]),
    (
        "file-not-utf8",
        lambda p: write(p, GLOSS, b"provenance: caf\xe9\n"),
        (GLOSS, None, None),
        [GLOSS, "not UTF-8"],
    ),
    (
        "csv-malformed",
        lambda p: write(p, COVER, 'line,claim,notebook,section,references\n2,"open\n'),
        (COVER, None, None),
        [COVER],
    ),
    (
        "csv-wrong-header",
        lambda p: edit(p, COVER, "line,claim", "line,statement"),
        (COVER, None, "header"),
        [COVER, "header"],
    ),
    (
        "csv-short-row",
        lambda p: edit(p, COVER, ",alpha2001;nhs-page", ""),
        (COVER, "rows[1]", None),
        [COVER, "line 2", "wrong number of columns"],
    ),
    (
        "missing-field",
        lambda p: edit(p, REFS, '    title: "A study of twitches"\n', ""),
        (REFS, "alpha2001", "title"),
        [REFS, "alpha2001", "title", "missing"],
    ),
    (
        "extra-field",
        lambda p: edit(p, GLOSS, "    plain:", "    colour: red\n    plain:"),
        (GLOSS, "myokymia", "colour"),
        [GLOSS, "myokymia", "colour", "not a field"],
    ),
    (
        "wrong-type",
        lambda p: edit(p, REFS, "issued: 2001", "issued: last year"),
        (REFS, "alpha2001", "issued"),
        [REFS, "alpha2001", "issued"],
    ),
    (
        "empty-string",
        lambda p: edit(p, QUIZ, "stem: Which is right?", 'stem: "  "'),
        (QUIZ, "q01-first", "stem"),
        [QUIZ, "q01-first", "stem", "empty"],
    ),
    (
        "duplicate-reference-id",
        lambda p: edit(p, REFS, "id: nhs-page", "id: alpha2001"),
        (REFS, "alpha2001", "id"),
        [REFS, "alpha2001", "id", "already used"],
    ),
    (
        "duplicate-question-id",
        lambda p: (
            write(p, "notebooks/02_more.ipynb", (p / "notebooks/01_test.ipynb").read_text()),
            write(
                p,
                "data/quizzes/02_more.yaml",
                (p / QUIZ).read_text().replace("01_test", "02_more"),
            ),
        ),
        ("data/quizzes/02_more.yaml", "q01-first", "id"),
        ["02_more.yaml", "q01-first", "id", "already used"],
    ),
    (
        "answer-not-a-choice",
        lambda p: edit(p, QUIZ, "answer: a", "answer: c"),
        (QUIZ, "q01-first", "answer"),
        [QUIZ, "q01-first", "answer", "not one of the choices"],
    ),
    (
        "one-choice-only",
        lambda p: edit(p, QUIZ, "      - {id: b, text: That one, feedback: No.}\n", ""),
        (QUIZ, "q01-first", "choices"),
        [QUIZ, "q01-first", "choices", "too few"],
    ),
    (
        "duplicate-choice",
        lambda p: edit(p, QUIZ, "{id: b,", "{id: a,"),
        (QUIZ, "q01-first", "choices[2].id"),
        [QUIZ, "q01-first", "choices", "used twice"],
    ),
    (
        "unknown-citation-in-quiz",
        lambda p: edit(p, QUIZ, "references: [alpha2001]", "references: [nobody1999]"),
        (QUIZ, "q01-first", "references[1]"),
        [QUIZ, "q01-first", "references", "nobody1999"],
    ),
    (
        "unknown-citation-in-coverage",
        lambda p: edit(p, COVER, "alpha2001;nhs-page", "ghost2000"),
        (COVER, "rows[1]", "references"),
        [COVER, "line 2", "references", "ghost2000"],
    ),
    (
        "reference-without-identifier",
        lambda p: edit(p, REFS, '    PMID: "123456"\n    DOI: 10.1000/test.1\n', ""),
        (REFS, "alpha2001", None),
        [REFS, "alpha2001", "PMID, a DOI or a URL"],
    ),
    (
        "same-work-twice",
        lambda p: edit(
            p,
            REFS,
            "    URL: https://www.nhs.uk/conditions/twitching/",
            "    DOI: 10.1000/TEST.1\n    URL: https://www.nhs.uk/conditions/twitching/",
        ),
        (REFS, "nhs-page", "DOI"),
        [REFS, "nhs-page", "DOI", "same work as 'alpha2001'"],
    ),
    (
        "malformed-pmid",
        lambda p: edit(p, REFS, 'PMID: "123456"', 'PMID: "12a456"'),
        (REFS, "alpha2001", "PMID"),
        [REFS, "alpha2001", "PMID", "12a456"],
    ),
    (
        "malformed-doi",
        lambda p: edit(p, REFS, "DOI: 10.1000/test.1", "DOI: doi.org/10.1000"),
        (REFS, "alpha2001", "DOI"),
        [REFS, "alpha2001", "DOI"],
    ),
    (
        "javascript-url",
        lambda p: edit(
            p, REFS, "URL: https://www.nhs.uk/conditions/twitching/", "URL: javascript:alert(1)"
        ),
        (REFS, "nhs-page", "URL"),
        [REFS, "nhs-page", "URL"],
    ),
    (
        "webpage-without-access-date",
        lambda p: edit(p, REFS, "    accessed: 2026-11-24\n", ""),
        (REFS, "nhs-page", "accessed"),
        [REFS, "nhs-page", "accessed"],
    ),
    (
        "coverage-missing-notebook",
        lambda p: edit(p, COVER, "01_test.ipynb", "09_gone.ipynb"),
        (COVER, "rows[1]", "notebook"),
        [COVER, "line 2", "notebook", "09_gone.ipynb"],
    ),
    (
        "coverage-missing-heading",
        lambda p: edit(p, COVER, "Where it starts", "Nowhere"),
        (COVER, "rows[1]", "section"),
        [COVER, "line 2", "section", "Nowhere"],
    ),
    (
        "quiz-missing-heading",
        lambda p: edit(p, QUIZ, "section: Where it starts", "section: Elsewhere"),
        (QUIZ, "q01-first", "section"),
        [QUIZ, "q01-first", "section", "Elsewhere"],
    ),
    (
        "glossary-term-twice",
        lambda p: write(
            p,
            "data/glossary/02_more.yaml",
            (p / GLOSS).read_text().replace("id: myokymia", "id: myokymia-again"),
        ),
        ("data/glossary/02_more.yaml", "myokymia-again", "term"),
        ["02_more.yaml", "myokymia-again", "term", "already defined"],
    ),
    (
        "bank-name-mismatch",
        lambda p: edit(p, QUIZ, "lesson: 01_test", "lesson: 03_other"),
        (QUIZ, None, "lesson"),
        [QUIZ, "lesson", "match the file name"],
    ),
    (
        "table-row-without-sources",
        lambda p: edit(p, TABLE, ", references: [alpha2001]", ""),
        (TABLE, "rows[1]", "references"),
        [TABLE, "item 'rows[1]'", "field 'references'", "missing"],
    ),
    (
        "table-row-missing-column",
        lambda p: edit(p, TABLE, "value: 61, ", ""),
        (TABLE, "rows[1]", "value"),
        [TABLE, "rows[1]", "value", "missing"],
    ),
    (
        "coverage-line-not-a-number",
        lambda p: edit(p, COVER, "\n2,", "\ntwo,"),
        (COVER, "rows[1]", "line"),
        [COVER, "line 2", "line"],
    ),
    (
        "figure-part-cites-unknown-reference",
        lambda p: write(
            p,
            FIGURE,
            FIGURE_TEXT.replace("[alpha2001]}\n  - {id: mouth", "[nobody2000]}\n  - {id: mouth"),
        ),
        (FIGURE, "eye", "references[1]"),
        [FIGURE, "item 'eye'", "field 'references[1]'", "nobody2000", "no reference list"],
    ),
    (
        "figure-view-names-unknown-part",
        lambda p: write(
            p, FIGURE, FIGURE_TEXT.replace("parts: [eye, mouth]", "parts: [eye, chin]")
        ),
        (FIGURE, "views[1]", "parts"),
        [FIGURE, "item 'views[1]'", "field 'parts'", "view 'Both'", "'chin'", "not listed"],
    ),
    (
        "figure-part-twice",
        lambda p: write(p, FIGURE, FIGURE_TEXT.replace("{id: mouth", "{id: eye")),
        (FIGURE, "eye", "id"),
        [FIGURE, "item 'eye'", "field 'id'", "listed twice"],
    ),
    (
        "figure-view-cites-unknown-reference",
        lambda p: write(p, FIGURE, FIGURE_TEXT.replace("[nhs-page]", "[nhs-page, gone2020]")),
        (FIGURE, "views[1]", "references[2]"),
        [FIGURE, "views[1]", "references[2]", "gone2020"],
    ),
    (
        "notebook-not-json",
        lambda p: write(p, "notebooks/01_test.ipynb", "{not json"),
        ("notebooks/01_test.ipynb", None, None),
        ["notebooks/01_test.ipynb", "not valid notebook JSON"],
    ),
]


def test_the_fixture_itself_loads(project):
    book = load_workbook(project)
    assert set(book.references) == {"alpha2001", "nhs-page"}
    assert book.headings["01_test.ipynb"] == ["Where it starts", "Key points"]


def test_the_figure_words_of_the_cases_load_as_written(project):
    write(project, FIGURE, FIGURE_TEXT)
    words = load_workbook(project).figures["demo"]
    assert [part.id for part in words.parts] == ["eye", "mouth"]
    assert words.cited == ["alpha2001", "nhs-page"]


@pytest.mark.parametrize(
    "breaks, where, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_mistake_gets_one_clear_message(project, breaks, where, expected):
    breaks(project)
    error = refusal(project)
    assert (error.file, error.item, error.field) == where, str(error)
    message = str(error)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in: {message}"
    assert "Traceback" not in message and "pydantic" not in message.lower()
