"""Property-based: whatever document the loaders are fed, they load it or raise DataError."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twitchbook import DataError, load_workbook

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 3000),
    st.text(max_size=30),
    st.sampled_from(["", "a", "10.1/x", "https://x.org", "2026-11-24", "q01-x"]),
)
keys = st.sampled_from(
    [
        "id",
        "provenance",
        "references",
        "terms",
        "questions",
        "lesson",
        "choices",
        "answer",
        "author",
        "title",
        "issued",
        "DOI",
        "PMID",
        "URL",
        "type",
        "term",
        "plain",
        "technical",
        "stem",
        "section",
        "text",
        "feedback",
        "rows",
        "columns",
        "checked",
        "kind",
        "x",
    ]
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=25,
)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TARGETS = [
    "data/references.yaml",
    "data/glossary/01_test.yaml",
    "data/quizzes/01_test.yaml",
    "data/tables/counts.yaml",
]


def load_or_data_error(root, target, content: bytes):
    """Put content in one file, load, then put the file back for the next example."""
    path = root / target
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        load_workbook(root)
    except DataError as err:
        assert str(err).startswith(("in data/", "in notebooks/"))
    finally:
        path.write_bytes(original)


@SETTINGS
@given(target=st.sampled_from(TARGETS), document=documents)
def test_any_yaml_document_loads_or_raises_data_error(project, target, document):
    load_or_data_error(project, target, yaml.safe_dump(document).encode())


@SETTINGS
@given(target=st.sampled_from(TARGETS + ["data/seed_coverage.csv"]), raw=st.binary(max_size=200))
def test_any_bytes_load_or_raise_data_error(project, target, raw):
    load_or_data_error(project, target, raw)


@SETTINGS
@given(rows=st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=7), max_size=4))
def test_any_csv_rows_load_or_raise_data_error(project, rows):
    lines = ["line,claim,notebook,section,references"] + [",".join(r) for r in rows]
    load_or_data_error(project, "data/seed_coverage.csv", "\n".join(lines).encode())
