"""The slide outlines (data/slide_outlines): one per lesson, timed to the lesson, short enough for
a room, saying only what the lesson says, and refused with a clear message when they name
something that does not exist."""

import json
import re
from pathlib import Path

import pytest
from twitchbook import DataError, load_workbook
from twitchbook.schema import SLIDE_BULLET_WORDS, SLIDE_WORDS

from conftest import refusal

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# The workbook's canonical statements (ALS criteria, Awaji, UK referral) cite these even where
# a lesson has not yet been brought into line with them.
CANONICAL = {"shefner2020", "decarvalho2008", "nice-ng127", "nice-ng42"}


@pytest.fixture(scope="module")
def workbook():
    return load_workbook(ROOT)


def lesson_text(lesson: str) -> str:
    """Everything a lesson shows: its markdown and its saved outputs (quizzes, tables, figures)."""
    notebook = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    parts = []
    for cell in notebook["cells"]:
        parts.append("".join(cell["source"]) if cell["cell_type"] == "markdown" else "")
        for output in cell.get("outputs", []):
            for value in output.get("data", {}).values():
                parts.append(value if isinstance(value, str) else "".join(map(str, value)))
    return "\n".join(parts)


def stated_minutes(lesson: str) -> int:
    found = re.search(r"\*\*Time:\*\* about (\d+) minutes", lesson_text(lesson))
    assert found, f"{lesson} states no time"
    return int(found.group(1))


def test_every_lesson_has_an_outline(workbook):
    assert sorted(workbook.slide_outlines) == LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_minutes_match_the_lesson_and_one_to_two_a_slide(workbook, lesson):
    outline = workbook.slide_outlines[lesson]
    assert outline.minutes == stated_minutes(lesson)
    assert sum(slide.minutes for slide in outline.slides) == outline.minutes
    assert outline.minutes / 2 <= len(outline.slides) <= outline.minutes


@pytest.mark.parametrize("lesson", LESSONS)
def test_bullets_cite_what_the_lesson_cites(workbook, lesson):
    cited = set(re.findall(r"references\.ipynb#ref-([a-z0-9-]+)", lesson_text(lesson)))
    for number, slide in enumerate(workbook.slide_outlines[lesson].slides, start=1):
        for bullet in slide.bullets:
            stray = set(bullet.cite) - cited - CANONICAL
            assert not stray, f"{lesson} slide {number} cites {stray}, which the lesson does not"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_number_on_a_slide_is_in_the_lesson(workbook, lesson):
    """The lesson is the source of truth: a slide may shorten it, not add figures to it."""
    text = lesson_text(lesson).replace(",", "")
    for number, slide in enumerate(workbook.slide_outlines[lesson].slides, start=1):
        for bullet in slide.bullets:
            for figure in re.findall(r"\d[\d,]*(?:\.\d+)?", bullet.text):
                bare = re.escape(figure.replace(",", ""))
                assert re.search(rf"(?<![\d.]){bare}(?![\d]|\.\d)", text), (
                    f"{lesson} slide {number}: {figure} is not in the lesson ({bullet.text!r})"
                )


def test_no_outline_teaches_the_old_als_rule(workbook):
    """Gold Coast criteria: upper motor neuron signs are not required."""
    for lesson, outline in workbook.slide_outlines.items():
        for slide in outline.slides:
            said = " ".join([slide.title, *(b.text for b in slide.bullets), *slide.notes]).lower()
            assert "needs upper and lower motor neuron" not in said, lesson
            assert "require three things" not in said, lesson


def test_quiz_slides_show_questions_of_their_own_lesson(workbook):
    for lesson, outline in workbook.slide_outlines.items():
        for slide in outline.slides:
            if slide.quiz and lesson != "08_review":
                assert slide.quiz in {q.id for q in workbook.quizzes[lesson].questions}


# ---- Bad outlines: one message naming the file, the slide and the field ----

FIGURE_OUTPUT = {
    "output_type": "display_data",
    "metadata": {},
    "data": {"text/html": '<figure class="tb-figure" id="fig-l01-test-figure"></figure>'},
}

OUTLINE = """\
provenance: An outline for tests.
lesson: 01_test
minutes: 2
slides:
  - title: Where it starts
    section: Where it starts
    bullets:
      - {text: "Twitches are common", cite: [alpha2001]}
    minutes: 1
    notes: ["Say it."]
  - title: A figure
    section: Where it starts
    figure: l01-test-figure
    minutes: 1
    notes: ["Point at it."]
"""
NAME = "data/slide_outlines/01_test.yaml"


@pytest.fixture
def outlined(project: Path) -> Path:
    path = project / "notebooks" / "01_test.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": "",
            "execution_count": 1,
            "outputs": [FIGURE_OUTPUT],
        }
    )
    path.write_text(json.dumps(notebook), encoding="utf-8")
    (project / "data" / "slide_outlines").mkdir()
    (project / NAME).write_text(OUTLINE, encoding="utf-8")
    return project


def spoil(project: Path, old: str, new: str) -> None:
    path = project / NAME
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_valid_outline_loads(outlined):
    outline = load_workbook(outlined).slide_outlines["01_test"]
    assert [s.figure for s in outline.slides] == [None, "l01-test-figure"]


LONG = " ".join(["word"] * (SLIDE_BULLET_WORDS + 1))

BAD = [
    ("figure: l01-test-figure", "figure: l01-no-such", ["'slides[2]'", "'figure'", "l01-no-such"]),
    ("figure: l01-test-figure", "quiz: q99-missing", ["'slides[2]'", "'quiz'", "q99-missing"]),
    ("figure: l01-test-figure", "case: no-such-case", ["'slides[2]'", "'case'", "no-such-case"]),
    ("figure: l01-test-figure", "table: {name: nothing}", ["'slides[2]'", "table.name", "nothing"]),
    (
        "figure: l01-test-figure",
        "table: {name: counts, columns: [colour]}",
        ["'slides[2]'", "table.columns[1]", "colour"],
    ),
    (
        "    section: Where it starts\n    figure",
        "    section: Nowhere\n    figure",
        ["'slides[2]'", "'section'", "Nowhere"],
    ),
    ("cite: [alpha2001]", "cite: [gamma2003]", ["'slides[1]'", "bullets[1].cite[1]", "gamma2003"]),
    (
        "Twitches are common",
        LONG,
        ["'slides[1]'", "'bullets[1].text'", f"at most {SLIDE_BULLET_WORDS}"],
    ),
    (
        '    minutes: 1\n    notes: ["Say it."]',
        "    minutes: 1",
        ["'slides[1]'", "'notes'", "missing"],
    ),
    ("minutes: 2\nslides", "minutes: 3\nslides", ["add up to 2, not 3"]),
    (
        "figure: l01-test-figure",
        "figure: l01-test-figure\n    quiz: q01-first",
        ["'slides[2]'", "one of them per slide"],
    ),
]


@pytest.mark.parametrize("old, new, expected", BAD, ids=[b[1][:30] for b in BAD])
def test_bad_outline_is_refused_with_file_slide_and_field(outlined, old, new, expected):
    spoil(outlined, old, new)
    message = str(refusal(outlined))
    for part in [NAME, *expected]:
        assert part in message, f"{part!r} missing from: {message}"


def test_a_slide_over_the_word_limit_is_refused(outlined):
    bullets = "".join(
        f'      - {{text: "{" ".join(["word"] * SLIDE_BULLET_WORDS)}"}}\n' for _ in range(4)
    )
    spoil(outlined, '      - {text: "Twitches are common", cite: [alpha2001]}\n', bullets)
    with pytest.raises(DataError, match=f"at most {SLIDE_WORDS}"):
        load_workbook(outlined)


def test_the_cases_slides_show_exist(workbook):
    shown = [s.case for o in workbook.slide_outlines.values() for s in o.slides if s.case]
    assert shown and set(shown) <= set(workbook.cases)
