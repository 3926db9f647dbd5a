"""Shared fixtures: a small, valid copy of the project's data that tests can spoil on purpose."""

import json
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def refusal(root: Path):
    """The DataError the loader raises for the project at root; the test fails if it loads."""
    from twitchbook import DataError, load_workbook

    with pytest.raises(DataError) as caught:
        load_workbook(root)
    return caught.value


def displayed(call) -> list[dict]:
    """The output bundles a call displays, caught from IPython's display publisher."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    outputs = []
    shell.display_pub.publish = lambda data, metadata=None, **kw: outputs.append(data)
    call()
    return outputs


REFERENCES = """\
provenance: A small reference list for tests.
references:
  - id: alpha2001
    type: article-journal
    author: [{family: Alpha, given: A}, {family: Beta, given: B}]
    title: "A study of twitches"
    container-title: Journal of Tests
    issued: 2001
    PMID: "123456"
    DOI: 10.1000/test.1
    checked: "Record seen."
  - id: nhs-page
    type: webpage
    author: [{literal: NHS}]
    title: Twitching
    issued: 2023
    URL: https://www.nhs.uk/conditions/twitching/
    accessed: 2026-11-24
    checked: "Page seen."
"""

GLOSSARY = """\
provenance: Terms for tests.
terms:
  - id: myokymia
    term: Myokymia
    plain: A rippling twitch.
    technical: Grouped motor unit discharges.
    references: [alpha2001]
"""

QUIZ = """\
provenance: Questions for tests.
lesson: 01_test
questions:
  - id: q01-first
    section: Where it starts
    stem: Which is right?
    choices:
      - {id: a, text: This one, feedback: Yes.}
      - {id: b, text: That one, feedback: No.}
    answer: a
    references: [alpha2001]
"""

TABLE = """\
provenance: A table for tests.
title: Counts
columns: {measure: Measure, value: Value}
rows:
  - {measure: Women, value: 61, references: [alpha2001]}
"""

SOURCE_TEXT = """\
provenance: A source text for tests.
statements:
  - {line: 1, text: Twitching is never serious.}
  - {line: 2, text: Twitches are common.}
"""

COVERAGE = """\
line,claim,notebook,section,references
2,Twitches are common,01_test.ipynb,Where it starts,alpha2001;nhs-page
"""


def notebook(*headings: str) -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": f"## {h}\n\nText."} for h in headings
    ]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test; each test opens its own pages."""
    from browser import start_browser

    playwright, chromium = start_browser()
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A valid project root: each test breaks one thing and expects one clear error."""
    files = {
        "data/references.yaml": REFERENCES,
        "data/glossary/01_test.yaml": GLOSSARY,
        "data/quizzes/01_test.yaml": QUIZ,
        "data/tables/counts.yaml": TABLE,
        "data/seed_coverage.csv": COVERAGE,
        "data/source_text.yaml": SOURCE_TEXT,
        "notebooks/01_test.ipynb": notebook("Where it starts", "Key points"),
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path
