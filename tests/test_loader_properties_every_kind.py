"""Property-based, for every kind of data file: whatever is written, it loads or one DataError
names a file (never a folder), in printable words; what loads is what was written."""

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_bad_input import COVER, GLOSS, QUIZ, REFS, TABLE, write
from test_hand_edits import NOTES, SOURCE, SPEAKER_NOTES
from twitchbook import DataError, load_workbook
from twitchbook.errors import is_hidden

MORE_REFS = "data/references/01_test.yaml"
MORE_REFERENCES = """\
provenance: More references for tests.
references:
  - id: gamma2010
    type: article-journal
    author: [{family: Gamma, given: G}]
    title: Another study
    issued: 2010
    PMID: "654321"
    checked: Record seen.
"""
TARGETS = [REFS, MORE_REFS, SOURCE, GLOSS, QUIZ, TABLE, NOTES, COVER]
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 3000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=20),
    st.sampled_from(["NO", "012", "1:30", "2026-02-30", "~", "", "q01-first", "alpha2001"]),
)
keys = st.sampled_from(
    ["id", "provenance", "references", "lesson", "notes", "section", "minutes", "points"]
    + ["statements", "line", "text", "terms", "questions", "rows", "columns", "answer", "x"]
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=20,
)
# Visible text: letters, digits, punctuation and spaces, no hidden or control characters.
visible_text = st.text(
    st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=40
).filter(lambda t: t.strip() and not any(is_hidden(c) for c in t))
hidden = st.sampled_from(
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\u061c"]
    + ["\u180e", "\u3164", "\ufe0f", "\u0007", "\ue000", "\u2028"]
)


@pytest.fixture
def every_kind(project: Path) -> Path:
    write(project, MORE_REFS, MORE_REFERENCES)
    write(project, NOTES, SPEAKER_NOTES)
    load_workbook(project)  # the starting point is valid
    return project


def project_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def load_or_data_error(root: Path, target: str, content: bytes) -> DataError | None:
    """Put content in one file, load, put the file back; return the error, if any."""
    path = root / target
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        load_workbook(root)
        return None
    except DataError as err:
        assert err.file in project_files(root), f"names no file: {err}"
        assert str(err).isprintable(), repr(str(err))
        for library_words in ("pydantic", "Input should", "instance of", "function-", "[key]"):
            assert library_words not in str(err), str(err)
        return err
    finally:
        path.write_bytes(original)


@SETTINGS
@given(target=st.sampled_from(TARGETS), document=documents)
def test_any_yaml_document_in_any_kind_of_file_loads_or_names_a_file(every_kind, target, document):
    load_or_data_error(every_kind, target, yaml.safe_dump(document, allow_unicode=True).encode())


@SETTINGS
@given(target=st.sampled_from(TARGETS), raw=st.binary(max_size=300))
def test_any_bytes_in_any_kind_of_file_load_or_name_a_file(every_kind, target, raw):
    load_or_data_error(every_kind, target, raw)


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_a_line_of_any_file_written_twice_loads_or_is_refused(every_kind, target, data):
    """Duplicating a line repeats a key, a list entry or a CSV row: never a traceback."""
    lines = (every_kind / target).read_text(encoding="utf-8").splitlines(keepends=True)
    number = data.draw(st.integers(0, len(lines) - 1))
    spoilt = lines[: number + 1] + [lines[number]] + lines[number + 1 :]
    err = load_or_data_error(every_kind, target, "".join(spoilt).encode())
    if target != COVER and re.match(r"\s*[A-Za-z_-]+:( |$)", lines[number]):
        # A mapping's key written twice: the later would silently win.
        assert err is not None and err.file == target and "given twice" in err.problem, err


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=st.data(), character=hidden)
def test_a_hidden_character_anywhere_in_a_value_is_refused_and_shown(
    every_kind, target, data, character
):
    text = (every_kind / target).read_text(encoding="utf-8")
    # Insert inside a word (a letter followed by a letter): part of some value or key.
    spots = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
    at = data.draw(st.sampled_from(spots))
    err = load_or_data_error(every_kind, target, (text[:at] + character + text[at:]).encode())
    assert err is not None, "a hidden character was accepted"
    assert err.file == target, str(err)
    assert f"U+{ord(character):04X}" in str(err), str(err)


@SETTINGS
@given(text=visible_text)
def test_any_visible_text_loads_exactly_as_written(project, text):
    path = project / GLOSS
    original = path.read_text(encoding="utf-8")
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    path.write_text(original.replace("plain: A rippling twitch.", f"plain: {quoted}"), "utf-8")
    try:
        assert load_workbook(project).glossary["myokymia"].plain == text.strip()
    finally:
        path.write_text(original, encoding="utf-8")


plain_scalars = st.text(
    st.sampled_from("0123456789.:-+_eExXoOabfnNtTyYsl~ "), min_size=1, max_size=12
).map(str.strip)


@SETTINGS
@given(written=plain_scalars)
def test_an_unquoted_table_value_is_kept_as_written_or_as_the_number_it_reads(project, written):
    assume(written and written[0] not in "-:?" and ": " not in written and " #" not in written)
    path = project / TABLE
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("value: 61,", f"value: {written},"), encoding="utf-8")
    try:
        try:
            value = load_workbook(project).tables["counts"].rows[0].model_extra["value"]
        except DataError as err:
            assert err.file == TABLE
            return
        if isinstance(value, str):
            assert value == written
        else:
            assert type(value) in (int, float) and repr(value) == written
    finally:
        path.write_text(original, encoding="utf-8")
