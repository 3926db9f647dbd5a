"""Mistakes in a branching case or in the red-flag rules stop the loader with one message.

The message names the file (a case's file is named by its id), the step (or rule, or sorter
question) and the field:
a missing step, a choice leading nowhere, a loop with no way out, an unknown citation, a
sorter whose answer disagrees with its rules.
"""

import textwrap
from pathlib import Path

import pytest
from twitchbook import load_workbook

from conftest import refusal

CASE_FILE = "data/cases/test-case.yaml"
FLAGS_FILE = "data/red_flags.yaml"
SORTER_FILE = "data/quizzes/01_test.yaml"

CASE = """\
provenance: A case for tests.
id: test-case
title: A test case
lesson: 01_test
section: Where it starts
presentation: Someone twitches.
start: ask
steps:
  - id: ask
    kind: history
    prompt: What do you ask?
    choices:
      - {id: a, text: About it, sound: true, feedback: Good., next: look, references: [alpha2001]}
      - {id: b, text: Nothing, sound: false, feedback: Ask., next: ask, references: [alpha2001]}
  - id: look
    kind: examination
    prompt: What do you examine?
    choices:
      - {id: a, text: The face, sound: true, feedback: Good., next: test, references: [alpha2001]}
      - {id: b, text: Nothing, sound: false, feedback: Look., next: test, references: [alpha2001]}
  - id: test
    kind: tests
    prompt: Which test?
    choices:
      - {id: a, text: None, sound: true, feedback: Right., next: plan, references: [alpha2001]}
      - {id: b, text: A scan, sound: false, feedback: No., next: plan, references: [alpha2001]}
  - id: plan
    kind: decision
    prompt: What next?
    choices:
      - {id: a, text: Reassure, sound: true, feedback: Yes., next: debrief, references: [nhs-page]}
      - {id: b, text: Refer, sound: false, feedback: No., next: debrief, references: [nhs-page]}
debrief:
  summary: It was harmless.
  references: [alpha2001]
"""

FLAGS = """\
provenance: Rules for tests.
title: Red flags
tiers:
  - {rank: 1, name: Emergency, meaning: Today., references: [nhs-page]}
  - {rank: 2, name: Self-care, meaning: Rest., references: [nhs-page]}
rules:
  - {id: droop, finding: A droop, tier: Emergency, why: Stroke., references: [nhs-page]}
  - {id: brief, finding: A brief twitch, tier: Self-care, why: Harmless., references: [nhs-page]}
"""

SORTER = """\
provenance: A sorter for tests.
lesson: 01_test
kind: sorter
questions:
  - id: q01-sort
    section: Where it starts
    stem: A face droops and an eyelid twitches.
    choices:
      - {id: a, text: Emergency, feedback: Yes.}
      - {id: b, text: Self-care, feedback: No.}
    answer: a
    decided_by: [droop, brief]
    references: [alpha2001]
"""


def write(project: Path, name: str, text: str) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def with_cases(project: Path) -> Path:
    write(project, CASE_FILE, CASE)
    write(project, FLAGS_FILE, FLAGS)
    write(project, SORTER_FILE, SORTER)
    return project


def test_the_fixture_itself_loads(with_cases):
    book = load_workbook(with_cases)
    assert list(book.cases) == ["test-case"]
    assert [rule.id for rule in book.red_flags.rules] == ["droop", "brief"]


# (what goes wrong, how to break it, file, item, field, words the message must contain)
BROKEN = [
    (
        "start-names-a-missing-step",
        lambda p: edit(p, CASE_FILE, "start: ask", "start: asking"),
        CASE_FILE,
        None,
        "start",
        "missing step 'asking'",
    ),
    (
        "choice-leads-to-a-missing-step",
        lambda p: edit(p, CASE_FILE, "next: look", "next: looking"),
        CASE_FILE,
        "ask",
        "choices[1].next",
        "missing step 'looking'",
    ),
    (
        "choice-leads-nowhere",
        lambda p: edit(p, CASE_FILE, "Good., next: test, ", "Good., "),
        CASE_FILE,
        "look",
        "choices[1].next",
        "is missing",
    ),
    (
        "loop-with-no-way-out",
        lambda p: (
            edit(p, CASE_FILE, "Right., next: plan", "Right., next: look"),
            edit(p, CASE_FILE, "No., next: plan", "No., next: test"),
        ),
        CASE_FILE,
        "ask",
        "choices",
        "loops with no way out",
    ),
    (
        "unknown-citation-in-a-choice",
        lambda p: edit(
            p,
            CASE_FILE,
            "Look., next: test, references: [alpha2001]",
            "Look., next: test, references: [nobody1999]",
        ),
        CASE_FILE,
        "look",
        "choices[2].references[1]",
        "'nobody1999'",
    ),
    (
        "unknown-citation-in-the-debrief",
        lambda p: edit(
            p,
            CASE_FILE,
            "summary: It was harmless.\n  references: [alpha2001]",
            "summary: It was harmless.\n  references: [ghost2020]",
        ),
        CASE_FILE,
        None,
        "debrief.references[1]",
        "'ghost2020'",
    ),
    (
        "a-kind-of-step-is-missing",
        lambda p: edit(p, CASE_FILE, "kind: tests", "kind: examination"),
        CASE_FILE,
        None,
        "steps",
        "no 'tests' step",
    ),
    (
        "a-step-cannot-be-reached",
        lambda p: edit(p, CASE_FILE, "Good., next: look", "Good., next: test"),
        CASE_FILE,
        "look",
        "id",
        "cannot be reached",
    ),
    (
        "a-step-has-an-unknown-kind",
        lambda p: edit(p, CASE_FILE, "kind: history", "kind: gossip"),
        CASE_FILE,
        "ask",
        "kind",
        "'history'",
    ),
    (
        "a-step-has-no-prompt",
        lambda p: edit(p, CASE_FILE, "    prompt: Which test?\n", ""),
        CASE_FILE,
        "test",
        "prompt",
        "is missing",
    ),
    (
        "case-section-is-not-a-heading",
        lambda p: edit(p, CASE_FILE, "section: Where it starts", "section: Nowhere"),
        CASE_FILE,
        None,
        "section",
        "not a heading",
    ),
    (
        "case-id-differs-from-its-file-name",
        lambda p: edit(p, CASE_FILE, "id: test-case", "id: other-case"),
        CASE_FILE,
        None,
        "id",
        "should match the file name",
    ),
    (
        "rule-names-an-unknown-tier",
        lambda p: edit(p, FLAGS_FILE, "tier: Self-care", "tier: Relax"),
        FLAGS_FILE,
        "brief",
        "tier",
        "'Relax' is not a tier",
    ),
    (
        "rule-cites-an-unknown-source",
        lambda p: edit(
            p,
            FLAGS_FILE,
            "why: Stroke., references: [nhs-page]",
            "why: Stroke., references: [nhs-pages]",
        ),
        FLAGS_FILE,
        "droop",
        "references[1]",
        "'nhs-pages'",
    ),
    (
        "tiers-out-of-rank-order",
        lambda p: edit(p, FLAGS_FILE, "rank: 2", "rank: 3"),
        FLAGS_FILE,
        None,
        "tiers",
        "ranks should run",
    ),
    (
        "sorter-answer-disagrees-with-its-rules",
        lambda p: edit(p, SORTER_FILE, "answer: a", "answer: b"),
        SORTER_FILE,
        "q01-sort",
        "answer",
        "disagrees with rule 'droop'",
    ),
    (
        "sorter-choices-are-not-the-tiers",
        lambda p: edit(p, SORTER_FILE, "text: Self-care", "text: Rest at home"),
        SORTER_FILE,
        "q01-sort",
        "choices",
        "should be the tiers",
    ),
    (
        "sorter-names-an-unknown-rule",
        lambda p: edit(p, SORTER_FILE, "decided_by: [droop, brief]", "decided_by: [droop, drop]"),
        SORTER_FILE,
        "q01-sort",
        "decided_by",
        "'drop' is not a rule",
    ),
    (
        "sorter-names-no-rule",
        lambda p: edit(p, SORTER_FILE, "    decided_by: [droop, brief]\n", ""),
        SORTER_FILE,
        "q01-sort",
        "decided_by",
        "is missing",
    ),
]


@pytest.mark.parametrize(
    "breaks, file, item, field, words", [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_bad_case_or_rule_is_refused_with_one_clear_message(
    with_cases, breaks, file, item, field, words
):
    breaks(with_cases)
    error = refusal(with_cases)
    assert (error.file, error.item, error.field) == (file, item, field), str(error)
    assert words in error.problem
    assert str(error).startswith(f"in {file}")
