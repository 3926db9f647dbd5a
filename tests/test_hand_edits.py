"""A second catalogue of hand edits an instructor, or a hostile contributor, might make.

YAML that parses but means something else, text that looks right but is not, files that are
not ordinary files, files too big to be data, notes that would silently vanish, and messages
that must name the file (not its folder), the item and the field a person has to change. Each
case asserts the DataError's structured file, item and field, and a fragment of its problem.
"""

import os
from pathlib import Path

import pytest
from test_bad_input import COVER, GLOSS, QUIZ, REFS, TABLE, edit, write
from twitchbook import DataError, load_workbook
from twitchbook.reading import MAX_FILE_BYTES, MAX_TEXT

from conftest import refusal

NOTES = "data/speaker_notes/01_test.yaml"
SOURCE = "data/source_text.yaml"
SPEAKER_NOTES = """\
provenance: Notes for tests.
lesson: 01_test
notes:
  - section: Where it starts
    minutes: 5
    points: [Start here.]
"""


def link(project: Path, name: str, target: Path) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def outside_file(project: Path) -> Path:
    secret = project.parent / f"{project.name}-outside.yaml"
    secret.write_text("provenance: Not part of the project.\nterms: []\n", encoding="utf-8")
    return secret


def notes(project: Path, old: str = "", new: str = "", name: str = NOTES) -> None:
    write(project, name, SPEAKER_NOTES.replace(old, new) if old else SPEAKER_NOTES)


# (case id, how to break the project, file, item, field, what the problem must say)
CASES = [
    # YAML that parses but means something else
    (
        "key-twice-answer-flips",
        lambda p: edit(p, QUIZ, "    answer: a\n", "    answer: a\n    answer: b\n"),
        QUIZ,
        "q01-first",
        "answer",
        "given twice",
    ),
    (
        "key-twice-terms-vanish",
        lambda p: edit(p, GLOSS, "terms:\n", "terms: []\nterms:\n"),
        GLOSS,
        None,
        "terms",
        "given twice",
    ),
    (
        "key-twice-in-flow-mapping",
        lambda p: edit(p, QUIZ, "{id: b, text: That one,", "{id: b, text: That one, id: c,"),
        QUIZ,
        "q01-first",
        "choices[2].id",
        "given twice",
    ),
    (
        "empty-table-cell",
        lambda p: edit(p, TABLE, "value: 61,", "value: ,"),
        TABLE,
        "rows[1]",
        "value",
        "is empty",
    ),
    (
        "empty-text-field",
        lambda p: edit(p, QUIZ, "stem: Which is right?", "stem:"),
        QUIZ,
        "q01-first",
        "stem",
        "is empty",
    ),
    (
        "impossible-date",
        lambda p: edit(p, REFS, "accessed: 2026-11-24", "accessed: 2026-02-30"),
        REFS,
        "nhs-page",
        "accessed",
        "not a real date",
    ),
    (
        "enormous-integer",
        lambda p: edit(p, REFS, "issued: 2001", "issued: " + "9" * 400),
        REFS,
        "alpha2001",
        "issued",
        "too large",
    ),
    (
        "explicit-tag",
        lambda p: edit(p, REFS, "issued: 2001", "issued: !!int 2001"),
        REFS,
        "alpha2001",
        "issued",
        "tag",
    ),
    (
        "python-object-tag",
        lambda p: edit(p, REFS, "issued: 2001", 'issued: !!python/object/apply:os.system ["x"]'),
        REFS,
        "alpha2001",
        "issued",
        "tag",
    ),
    (
        "alias",
        lambda p: edit(p, GLOSS, "plain: A rippling twitch.", "plain: *rippling"),
        GLOSS,
        "myokymia",
        "plain",
        "alias *rippling",
    ),
    (
        "anchor-and-alias",
        lambda p: edit(
            p,
            GLOSS,
            "    plain: A rippling twitch.\n    technical: Grouped motor unit discharges.",
            "    plain: &what A rippling twitch.\n    technical: *what",
        ),
        GLOSS,
        "myokymia",
        "technical",
        "alias *what",
    ),
    (
        "merge-key",
        lambda p: edit(
            p,
            QUIZ,
            "      - {id: b, text: That one, feedback: No.}",
            "      - &c {id: b, text: That one, feedback: No.}\n      - {<<: *c, id: c}",
        ),
        QUIZ,
        "q01-first",
        "choices[3].<<",
        "alias *c",
    ),
    (
        "aliases-expanding-to-gigabytes",
        lambda p: write(
            p,
            TABLE,
            "provenance: A.\ntitle: B\ncolumns: {a: A}\n"
            + "".join(
                f"x{n}: &x{n + 1} [*x{n}, *x{n}, *x{n}, *x{n}]\n" for n in range(1, 30)
            ).replace("x1: &x2 [*x1, *x1, *x1, *x1]", "x1: &x2 [lol, lol, lol, lol]")
            + "rows: [{a: 1, references: [alpha2001]}]\n",
        ),
        TABLE,
        "x2[1]",
        None,
        "alias *x2",
    ),
    (
        "two-documents",
        lambda p: edit(p, GLOSS, "provenance: Terms", "---\nprovenance: x\n---\nprovenance: Terms"),
        GLOSS,
        None,
        None,
        "more than one YAML document",
    ),
    (
        "key-not-text",
        lambda p: edit(p, GLOSS, "    plain:", "    ? [a, b]\n    : c\n    plain:"),
        GLOSS,
        "myokymia",
        None,
        "key that is not plain text",
    ),
    (
        "nested-too-deep",
        lambda p: edit(
            p, GLOSS, "    plain:", "    aliases: " + "[" * 50 + "]" * 50 + "\n    plain:"
        ),
        GLOSS,
        "myokymia",
        "aliases",
        "levels deep",
    ),
    # Text that looks right but is not
    (
        "zero-width-space-in-id",
        lambda p: edit(p, GLOSS, "id: myokymia", "id: myo\u200bkymia"),
        GLOSS,
        "myo\u200bkymia",
        "id",
        "does not have the expected form",
    ),
    (
        "term-of-invisible-characters-only",
        lambda p: edit(p, GLOSS, "term: Myokymia", 'term: "\u200b\u200c\u2060"'),
        GLOSS,
        "myokymia",
        "term",
        "U+200B, U+200C, U+2060",
    ),
    (
        "same-term-with-a-hidden-joiner",
        lambda p: write(
            p,
            "data/glossary/02_more.yaml",
            (p / GLOSS)
            .read_text()
            .replace("id: myokymia", "id: myokymia-two")
            .replace("term: Myokymia", "term: Myo\u200dkymia"),
        ),
        "data/glossary/02_more.yaml",
        "myokymia-two",
        "term",
        "U+200D",
    ),
    (
        "same-term-in-full-width-letters",
        lambda p: write(
            p,
            "data/glossary/02_more.yaml",
            (p / GLOSS)
            .read_text()
            .replace("id: myokymia", "id: myokymia-two")
            .replace("term: Myokymia", "term: \uff2dyokymia"),
        ),
        "data/glossary/02_more.yaml",
        "myokymia-two",
        "term",
        "already defined in data/glossary/01_test.yaml",
    ),
    (
        "bidi-override-reverses-a-number",
        lambda p: edit(p, GLOSS, "plain: A rippling twitch.", "plain: Lasts \u202e12\u202c weeks."),
        GLOSS,
        "myokymia",
        "plain",
        "U+202E",
    ),
    (
        "bidi-isolate-in-a-choice",
        lambda p: edit(p, QUIZ, "text: That one", "text: That \u2067one\u2069"),
        QUIZ,
        "q01-first",
        "choices[2].text",
        "U+2067",
    ),
    (
        "hidden-character-in-a-csv-cell",
        lambda p: edit(p, COVER, "Twitches are common", "Twitches are\u200e common"),
        COVER,
        "rows[1]",
        "claim",
        "U+200E",
    ),
    (
        "hidden-character-in-a-table-cell",
        lambda p: edit(p, TABLE, "measure: Women", "measure: Wo\u00admen"),
        TABLE,
        "rows[1]",
        "measure",
        "U+00AD",
    ),
    (
        "hidden-character-in-a-field-name",
        lambda p: edit(p, GLOSS, "    plain:", "    pla\u200bin:"),
        GLOSS,
        "myokymia",
        "pla\u200bin",
        "field name 'pla\u200bin', which contains the invisible character U+200B",
    ),
    (
        "hidden-character-in-a-column-name",
        lambda p: edit(p, TABLE, "columns: {measure:", "columns: {mea\ufeffsure:"),
        TABLE,
        None,
        "columns.mea\ufeffsure",
        "U+FEFF",
    ),
    (
        "hidden-character-in-speaker-notes",
        lambda p: notes(p, "Start here.", "Start\u2063 here."),
        NOTES,
        "Where it starts",
        "points[1]",
        "U+2063",
    ),
    (
        "hidden-character-in-a-url",
        lambda p: edit(p, REFS, "www.nhs.uk/conditions", "www.nhs\u200b.uk/conditions"),
        REFS,
        "nhs-page",
        "URL",
        "U+200B",
    ),
    (
        "raw-line-separator",
        lambda p: edit(p, GLOSS, "plain: A rippling", "plain: A\u2028rippling"),
        GLOSS,
        None,
        None,
        "U+2028",
    ),
    (
        "control-character-in-text",
        lambda p: edit(p, QUIZ, "feedback: Yes.", 'feedback: "Yes.\\u0007"'),
        QUIZ,
        "q01-first",
        "choices[1].feedback",
        "U+0007",
    ),
    # Files that are not ordinary files
    (
        "symlink-to-a-file-outside",
        lambda p: link(p, "data/glossary/02_more.yaml", outside_file(p)),
        "data/glossary/02_more.yaml",
        None,
        None,
        "symbolic link",
    ),
    (
        "symlink-to-a-device",
        lambda p: link(p, "data/glossary/02_more.yaml", Path("/dev/zero")),
        "data/glossary/02_more.yaml",
        None,
        None,
        "symbolic link",
    ),
    (
        "data-file-replaced-by-a-symlink",
        lambda p: (
            (p / REFS).rename(p / "refs.yaml"),
            link(p, REFS, p / "refs.yaml"),
        ),
        REFS,
        None,
        None,
        "symbolic link",
    ),
    (
        "named-pipe",
        lambda p: os.mkfifo(p / "data/glossary/02_more.yaml"),
        "data/glossary/02_more.yaml",
        None,
        None,
        "not an ordinary file",
    ),
    (
        "folder-named-like-a-data-file",
        lambda p: (p / "data/glossary/02_more.yaml").mkdir(),
        "data/glossary/02_more.yaml",
        None,
        None,
        "is a folder",
    ),
    (
        "emacs-lock-file",
        lambda p: link(p, "data/quizzes/.#01_test.yaml", Path("user@host.1234:1700000000")),
        "data/quizzes/.#01_test.yaml",
        None,
        None,
        "symbolic link",
    ),
    (
        "vim-swap-file",
        lambda p: write(p, "data/glossary/.01_test.yaml.swp", b"b0VIM 9.0\x00"),
        "data/glossary/.01_test.yaml.swp",
        None,
        None,
        "holds only .yaml files",
    ),
    (
        "office-lock-file",
        lambda p: write(p, "data/.~lock.seed_coverage.csv#", "user,host\n"),
        "data/.~lock.seed_coverage.csv#",
        None,
        None,
        "not a data file the workbook knows",
    ),
    (
        "bank-saved-as-yml",
        lambda p: write(p, "data/quizzes/02_more.yml", (p / QUIZ).read_text()),
        "data/quizzes/02_more.yml",
        None,
        None,
        "rename it to end in .yaml",
    ),
    (
        "unknown-data-folder",
        lambda p: write(p, "data/quizes/01_test.yaml", (p / QUIZ).read_text()),
        "data/quizes",
        None,
        None,
        "not a data file the workbook knows",
    ),
    (
        "data-folder-is-a-file",
        lambda p: (
            [f.unlink() for f in (p / "data/tables").iterdir()],
            (p / "data/tables").rmdir(),
            write(p, "data/tables", "rows: []\n"),
        ),
        "data/tables",
        None,
        None,
        "should be a folder",
    ),
    (
        "source-text-missing",
        lambda p: (p / SOURCE).unlink(),
        SOURCE,
        None,
        None,
        "does not exist",
    ),
    # Size
    (
        "file-too-large",
        lambda p: write(
            p, GLOSS, (p / GLOSS).read_text() + "# padding\n" * (MAX_FILE_BYTES // 10 + 1)
        ),
        GLOSS,
        None,
        None,
        "larger than 512 KB",
    ),
    (
        "text-too-long",
        lambda p: edit(p, GLOSS, "plain: A rippling twitch.", "plain: " + "twitch " * MAX_TEXT),
        GLOSS,
        "myokymia",
        "plain",
        f"longer than {MAX_TEXT} characters",
    ),
    (
        "csv-cell-too-long",
        lambda p: edit(p, COVER, "Twitches are common", "x" * (MAX_TEXT + 1)),
        COVER,
        "rows[1]",
        None,
        f"longer than {MAX_TEXT} characters",
    ),
    # Speaker notes: checked with the data, never silently dropped
    (
        "notes-file-name-misspelt",
        lambda p: notes(p, "lesson: 01_test", "lesson: 01_tset", "data/speaker_notes/01_tset.yaml"),
        "data/speaker_notes/01_tset.yaml",
        None,
        "lesson",
        "no notebooks/01_tset.ipynb",
    ),
    (
        "notes-lesson-not-the-file-name",
        lambda p: notes(p, "lesson: 01_test", "lesson: 02_other"),
        NOTES,
        None,
        "lesson",
        "should match the file name",
    ),
    (
        "notes-section-not-a-heading",
        lambda p: notes(p, "section: Where it starts", "section: Where it begins"),
        NOTES,
        "Where it begins",
        "section",
        "not a heading of 01_test.ipynb",
    ),
    (
        "notes-section-twice",
        lambda p: notes(p, "notes:\n", "notes:\n  - {section: Where it starts, minutes: 2}\n"),
        NOTES,
        "Where it starts",
        "section",
        "already used earlier in this file",
    ),
    (
        "notes-minutes-zero",
        lambda p: notes(p, "minutes: 5", "minutes: 0"),
        NOTES,
        "Where it starts",
        "minutes",
        "too small",
    ),
    # Messages: the file, the item and the field, in the data files' own words
    (
        "choices-written-as-text",
        lambda p: edit(
            p,
            QUIZ,
            "      - {id: a, text: This one, feedback: Yes.}\n"
            "      - {id: b, text: That one, feedback: No.}",
            "      - a\n      - b",
        ),
        QUIZ,
        "q01-first",
        "choices[1]",
        "should be a mapping of fields",
    ),
    (
        "list-where-text-is-meant",
        lambda p: edit(p, QUIZ, "stem: Which is right?", "stem: [Which, is, right]"),
        QUIZ,
        "q01-first",
        "stem",
        "should be text",
    ),
    (
        "text-where-a-list-is-meant",
        lambda p: edit(p, GLOSS, "references: [alpha2001]", "references: alpha2001"),
        GLOSS,
        "myokymia",
        "references",
        "should be a list",
    ),
    (
        "unknown-kind-of-bank",
        lambda p: edit(p, QUIZ, "lesson: 01_test\n", "lesson: 01_test\nkind: quizz\n"),
        QUIZ,
        None,
        "kind",
        "should be 'quiz' or 'sorter'",
    ),
    (
        "glossary-citation-names-the-file",
        lambda p: edit(p, GLOSS, "references: [alpha2001]", "references: [alpha2001, ghost1999]"),
        GLOSS,
        "myokymia",
        "references[2]",
        "cites 'ghost1999'",
    ),
    (
        "table-citation-names-the-row",
        lambda p: edit(p, TABLE, "references: [alpha2001]", "references: [ghost1999]"),
        TABLE,
        "rows[1]",
        "references[1]",
        "cites 'ghost1999'",
    ),
    (
        "table-cell-is-a-list",
        lambda p: edit(p, TABLE, "value: 61,", "value: [6, 1],"),
        TABLE,
        "rows[1]",
        "value",
        "should be one value",
    ),
    (
        "table-column-not-declared",
        lambda p: edit(p, TABLE, "value: 61,", "value: 61, colour: red,"),
        TABLE,
        "rows[1]",
        "colour",
        "not one of the columns (measure, value)",
    ),
    (
        "coverage-line-not-in-the-source",
        lambda p: edit(p, COVER, "\n2,", "\n99,"),
        COVER,
        "rows[1]",
        "line",
        "99 is not a line of the source text",
    ),
    (
        "source-text-numbering-skips",
        lambda p: edit(p, SOURCE, "{line: 2,", "{line: 3,"),
        SOURCE,
        "statements[2]",
        "line",
        "should be 2",
    ),
    (
        "csv-header-misspelt",
        lambda p: edit(p, COVER, "line,claim", "line,clam"),
        COVER,
        None,
        "header",
        "not line,clam,",
    ),
]


@pytest.mark.parametrize(
    "breaks, file, item, field, problem", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hand_edit_is_refused_naming_file_item_and_field(
    project, breaks, file, item, field, problem
):
    breaks(project)
    err = refusal(project)
    assert (err.file, err.item, err.field) == (file, item, field), str(err)
    assert problem in err.problem, str(err)
    message = str(err)
    assert "pydantic" not in message.lower() and "instance of" not in message, message
    assert message.isprintable(), f"a hidden character reached the message: {message!r}"


def test_the_catalogue_has_a_case_for_every_class_of_fault():
    ids = {case[0] for case in CASES}
    assert len(ids) == len(CASES), "two cases share an id"
    assert len(CASES) >= 50


def test_a_message_shows_a_hidden_character_by_its_code_point(project):
    edit(project, GLOSS, "id: myokymia", "id: myo\u200bkymia")
    assert "myo[U+200B]kymia" in str(refusal(project))


def test_every_refusal_gives_the_line_of_the_mistake(project):
    edit(project, QUIZ, "    answer: a\n", "    answer: a\n    answer: b\n")
    error = refusal(project)
    lines = (project / QUIZ).read_text().splitlines()
    assert lines[error.line - 1] == "    answer: b"
    first = lines.index("    answer: a") + 1
    assert f"line {first + 1}," in str(error) and f"first at line {first}" in str(error)


WRITTEN_AS_TEXT = ["NO", "yes", "off", "~", "null", "012", "1:30", "2026-11-24", "1e3", "0x1F"]
WRITTEN_AS_TEXT += [".5", "4.50", "+1", "1_000", "NaN", ".inf"]


@pytest.mark.parametrize("written", WRITTEN_AS_TEXT)
def test_an_unquoted_value_is_kept_as_written(project, written):
    edit(project, TABLE, "value: 61,", f"value: {written},")
    row = load_workbook(project).tables["counts"].rows[0]
    assert row.model_extra["value"] == written


@pytest.mark.parametrize("written, number", [("61", 61), ("-3", -3), ("4.2", 4.2), ("0", 0)])
def test_a_plain_number_stays_a_number_for_charts(project, written, number):
    edit(project, TABLE, "value: 61,", f"value: {written},")
    value = load_workbook(project).tables["counts"].rows[0].model_extra["value"]
    assert value == number and type(value) is type(number)


def test_a_number_where_text_is_meant_is_the_text_as_written(project):
    edit(project, GLOSS, "term: Myokymia", "term: 1984")
    edit(project, REFS, "    issued: 2001\n", "    issued: 2001\n    volume: 012\n")
    book = load_workbook(project)
    assert book.glossary["myokymia"].term == "1984"
    assert book.references["alpha2001"].volume == "012"


def test_a_byte_order_mark_before_a_correct_header_is_read_as_the_header(project):
    path = project / COVER
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (project / GLOSS).write_bytes(b"\xef\xbb\xbf" + (project / GLOSS).read_bytes())
    book = load_workbook(project)
    assert [row.line for row in book.coverage] == [2]
    assert book.glossary["myokymia"].term == "Myokymia"


def test_speaker_notes_are_loaded_and_checked_with_the_rest_of_the_data(project):
    notes(project)
    book = load_workbook(project)
    assert book.speaker_notes["01_test"]["Where it starts"].points == ["Start here."]


def test_a_billion_aliases_are_refused_quickly(project):
    import time

    CASES_BY_ID["aliases-expanding-to-gigabytes"](project)
    started = time.perf_counter()
    with pytest.raises(DataError):
        load_workbook(project)
    assert time.perf_counter() - started < 2


CASES_BY_ID = {case[0]: case[1] for case in CASES}


def test_a_new_kind_of_data_file_is_one_entry_in_kinds(project, monkeypatch):
    from twitchbook import loader
    from twitchbook.schema import CitedIds, Id, Strict, Text

    class Case(Strict):
        id: Id
        story: Text
        references: CitedIds = []

    class CaseFile(Strict):
        provenance: Text
        cases: list[Case]

    write(project, "data/drills/01_test.yaml", "provenance: P.\ncases: [{id: c1, story: S.}]\n")
    with pytest.raises(DataError, match="not a data file the workbook knows"):
        load_workbook(project)
    monkeypatch.setattr(
        loader, "KINDS", (*loader.KINDS, loader.Kind("drills", "drills/*.yaml", CaseFile))
    )
    assert load_workbook(project).drills["01_test"].cases[0].story == "S."
    edit(project, "data/drills/01_test.yaml", "story: S.}", "story: S., references: [ghost]}")
    err = refusal(project)
    assert (err.file, err.item, err.field) == ("data/drills/01_test.yaml", "c1", "references[1]")


def test_loaders_written_before_kinds_read_through_the_same_path(project):
    from twitchbook.loader import _read_yaml

    edit(project, GLOSS, "    plain: A rippling twitch.\n", "    plain: A.\n    plain: B.\n")
    with pytest.raises(DataError, match="given twice"):
        _read_yaml(project / GLOSS, project)
