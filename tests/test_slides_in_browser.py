"""The slide decks, built from the committed lessons into a temporary folder and opened in
headless Chromium from file:// with no network.

Beside the lessons, a small lesson made here from the workbook's own quiz and figure code (with
speaker notes) makes sure quizzes, figures, notes and long sections are always exercised.
"""

import textwrap

import nbformat
import plotly.graph_objects as go
import pytest
import twitchbook.figures
import twitchbook.render
from browser import open_offline, serious_violations, without_transitions
from bs4 import BeautifulSoup
from docutils.nodes import make_id
from twitchbook.errors import DataError
from twitchbook.lessons import lessons
from twitchbook.quiz import question_html
from twitchbook.schema import Question
from twitchbook_site.slides.build import build_slides
from twitchbook_site.web import with_slides_link

from conftest import ROOT

SMALLEST_TYPE = 28  # px at 1280x720: readable from the back of a lecture room
VIEWPORT = (1280, 720)
LESSONS = [lesson.stem for lesson in lessons()]
FIXTURE = "01_fixture"
LONG_TEXT = " ".join(["The facial nerve runs from the pons to the face."] * 8)
NOTES = """\
provenance: Notes for tests.
lesson: 01_fixture
notes:
  - section: Long section
    minutes: 7
    points: ["Say <b>this</b> & that"]
    misconceptions: [Twitching means ALS, "<img src=x onerror=window.pwned=1>"]
    questions:
      - {ask: "Is it serious?", answer: Rarely.}
  - section: Quiz
    minutes: 5
"""


def _question(qid: str, answer: str) -> Question:
    return Question(
        id=qid,
        section="Quiz",
        stem=f"Which is right ({qid})?",
        choices=[
            {"id": "a", "text": "This one", "feedback": "Feedback for a."},
            {"id": "b", "text": "That one", "feedback": "Feedback for b."},
            {"id": "c", "text": "The other", "feedback": "Feedback for c."},
        ],
        answer=answer,
    )


def _outputs(show) -> list:
    """What a code cell would display, captured from the workbook's own display helpers."""
    shown = []

    def display(data, raw=True, metadata=None):
        shown.append(nbformat.v4.new_output("display_data", data=data, metadata=metadata or {}))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(twitchbook.render, "display", display)
        patch.setattr(twitchbook.figures, "display", display)
        show()
    return shown


def fixture_notebook() -> nbformat.NotebookNode:
    def code(show, source="tb.show(...)  # SOURCE-MARKER"):
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-input"]})
        cell.outputs = _outputs(show)
        return cell

    def figure(name):
        fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"height": 500})
        return lambda: twitchbook.figures.show(
            fig, id=name, title=f"Figure {name}", alt="Two bars.", caption="A caption."
        )

    questions = [_question("q-one", "a"), _question("q-two", "b")]
    quiz_set = "".join(question_html(q, FIXTURE, n, 2, "t") for n, q in enumerate(questions, 1))
    sorter = question_html(_question("q-case", "c"), FIXTURE, 1, 1, "s", sorter=True)
    markdown = nbformat.v4.new_markdown_cell
    return nbformat.v4.new_notebook(
        cells=[
            markdown("# 01 · Fixture lesson\n\nA short opening."),
            markdown("## Long section\n\n" + "\n\n".join([LONG_TEXT] * 6)),
            markdown("## Figures"),
            code(figure("fixture-one")),
            code(figure("fixture-two")),
            markdown("## Quiz"),
            code(lambda: twitchbook.render.show_html(f"<div>{quiz_set}</div>", "quiz")),
            code(lambda: twitchbook.render.show_html(sorter, "case")),
        ]
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Every lesson's deck, plus the fixture lesson's deck built with its speaker notes."""
    project = tmp_path_factory.mktemp("project")
    notes = project / "data" / "speaker_notes" / f"{FIXTURE}.yaml"
    notes.parent.mkdir(parents=True)
    notes.write_text(NOTES, encoding="utf-8")
    (project / "notebooks").mkdir()
    nbformat.write(fixture_notebook(), project / "notebooks" / f"{FIXTURE}.ipynb")
    site = tmp_path_factory.mktemp("site")
    build_slides(site)
    fixture_site = tmp_path_factory.mktemp("fixture-site")
    build_slides(fixture_site, [project / "notebooks" / f"{FIXTURE}.ipynb"], root=project)
    (site / "slides" / f"{FIXTURE}.html").write_bytes(
        (fixture_site / "slides" / f"{FIXTURE}.html").read_bytes()
    )
    return site / "slides"


def open_deck(browser, slides, name):
    page, log = open_offline(browser, (slides / f"{name}.html").as_uri(), viewport=VIEWPORT)
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    return page, log


def test_every_lesson_has_a_deck_listed_in_the_index(site):
    assert LESSONS, "no lesson notebooks found"
    index = (site / "index.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert (site / f"{lesson}.html").exists()
        assert f'href="{lesson}.html"' in index


def test_building_twice_gives_the_same_bytes(site, tmp_path):
    build_slides(tmp_path)
    again = {p.relative_to(tmp_path / "slides"): p for p in (tmp_path / "slides").rglob("*")}
    first = {p.relative_to(site): p for p in site.rglob("*") if p.name != f"{FIXTURE}.html"}
    assert sorted(again) == sorted(first)
    changed = [
        str(n) for n, p in again.items() if p.is_file() and p.read_bytes() != first[n].read_bytes()
    ]
    assert changed == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_heading_starts_a_slide_and_no_code_is_shown(site, lesson):
    notebook = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4)
    deck = BeautifulSoup((site / f"{lesson}.html").read_text(encoding="utf-8"), "html.parser")
    ids = {section.get("id") for section in deck.select(".slides > section")}
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith(("# ", "## ")):
                    heading = line.lstrip("#").strip()
                    assert make_id(heading) in ids, f"no slide starts '{heading}'"
        elif cell.cell_type == "code" and cell.source.strip():
            assert cell.source.strip() not in deck.get_text(), "a code cell's source is shown"


def test_a_long_section_goes_on_over_several_slides(site):
    deck = BeautifulSoup((site / f"{FIXTURE}.html").read_text(encoding="utf-8"), "html.parser")
    sections = deck.select(".slides > section")
    long = [s for s in sections if "Long section" in s.get_text()]
    assert len(long) >= 3
    assert all(s.select_one(".tb-continued") for s in long[1:])
    quizzes = [s for s in sections if s.select("form.tb-quiz")]
    assert [len(s.select("form.tb-quiz")) for s in quizzes] == [1, 1, 1], "one question a slide"
    figures = [s for s in sections if s.select(".tb-figure")]
    assert [len(s.select(".tb-plot")) for s in figures] == [1, 1]
    assert "SOURCE-MARKER" not in str(deck)
    assert "alt-fixture-one-lab" not in str(deck), "a JupyterLab-only output reached the deck"


def test_speaker_notes_are_escaped_and_carry_timings(site):
    deck = BeautifulSoup((site / f"{FIXTURE}.html").read_text(encoding="utf-8"), "html.parser")
    notes = [s.select_one("aside.notes") for s in deck.select(".slides > section")]
    long_notes = next(n for n in notes if n and "Say" in n.get_text())
    assert "Say &lt;b&gt;this&lt;/b&gt; &amp; that" in str(long_notes)
    assert "About 7 min" in long_notes.get_text() and "7 of 12 min" in long_notes.get_text()
    assert "Is it serious?" in long_notes.get_text() and "Rarely." in long_notes.get_text()


# Steps through the deck with Reveal.next(), as a presenter would, and reports what each
# slide shows. One call per deck: asking from Python slide by slide cost seconds per deck.
WALK_THE_DECK = """async () => {
  const visible = e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
  const drawn = async plot => {
    for (let wait = 0; !plot.dataset.drawn && wait < 10000; wait += 50)
      await new Promise(r => setTimeout(r, 50));
    return Boolean(plot.dataset.drawn);
  };
  Reveal.slide(0);
  const slides = [];
  while (true) {
    const s = Reveal.getCurrentSlide();
    const text = [...s.querySelectorAll('p, li, td, th, label, legend, figcaption')]
      .filter(e => visible(e) && e.textContent.trim() && !e.closest('aside.notes'));
    const figures = [];
    for (const plot of s.querySelectorAll('.tb-plot')) {
      figures.push({drawn: await drawn(plot), bottom: plot.getBoundingClientRect().bottom});
    }
    slides.push({
      label: (s.querySelector('h1, h2, legend') || s).textContent.slice(0, 60),
      sizes: text.map(e => parseFloat(getComputedStyle(e).fontSize)),
      scroll: s.classList.contains('tb-scroll'),
      notesShown: [...s.querySelectorAll('aside.notes')].some(visible),
      answerShown: [...s.querySelectorAll('.tb-feedback, details.tb-answer > :not(summary)')]
        .some(visible),
      figures: figures,
    });
    if (Reveal.isLastSlide()) return slides;
    Reveal.next();
  }
}"""


@pytest.mark.parametrize("name", [*LESSONS, FIXTURE])
def test_deck_works_offline_and_every_slide_is_readable(browser, site, name):
    page, log = open_deck(browser, site, name)
    config = page.evaluate(
        "({hash: Reveal.getConfig().hash, notes: Reveal.hasPlugin('notes'),"
        " scale: Reveal.getScale(), total: Reveal.getTotalSlides()})"
    )
    assert config["hash"] and config["notes"]
    assert config["scale"] == pytest.approx(1), "at 1280x720 a slide is drawn at its own size"
    slides = page.evaluate(WALK_THE_DECK)
    page.close()
    assert len(slides) == config["total"]
    for number, state in enumerate(slides, start=1):
        where = f"{name} slide {number} ({state['label']!r})"
        assert state["sizes"] == [] or min(state["sizes"]) >= SMALLEST_TYPE, where
        assert not state["scroll"], f"{where} does not fit on the screen"
        assert not state["notesShown"], f"{where} shows its speaker notes to the audience"
        assert not state["answerShown"], f"{where} shows a quiz answer before it is revealed"
        for figure in state["figures"]:
            assert figure["drawn"], f"{where}: a figure was not drawn"
            assert figure["bottom"] <= VIEWPORT[1] + 1, f"{where}: figure off the slide"
    assert log.blocked == [], f"{name} asked the network for {log.blocked}"
    assert log.errors == [], f"{name} logged errors: {log.errors}"


def _held_back(page, slide) -> list[str]:
    """Everything on the slide that would give the answer away, if any of it shows."""
    shown = [
        e.inner_text()[:40]
        for e in slide.locator(".tb-feedback, details.tb-answer, .tb-verdict").all()
        if e.is_visible()
    ]
    right = slide.locator('input[data-correct="true"] + label').first
    mark = right.evaluate(
        "l => getComputedStyle(l, '::after').content + getComputedStyle(l).outlineStyle"
    )
    return shown + (
        [f"right choice marked: {mark}"] if mark not in {"nonenone", "normalnone"} else []
    )


def has_quiz(lesson: str) -> bool:
    notebook = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4)
    return any(
        '<form class="tb-quiz"' in "".join(out.get("data", {}).get("text/html", ""))
        for cell in notebook.cells
        for out in cell.get("outputs", [])
    )


QUIZ_DECKS = [FIXTURE] + [lesson for lesson in LESSONS if has_quiz(lesson)]


@pytest.mark.parametrize("name", QUIZ_DECKS)
def test_answers_stay_hidden_until_the_instructor_reveals_them(browser, site, name):
    page, log = open_deck(browser, site, name)
    count = page.evaluate("document.querySelectorAll('.slides > section.tb-quiz-slide').length")
    assert count >= 1, f"{name} has no quiz slide"
    # Every quiz slide is checked unrevealed by the walk through the deck above; revealing is
    # tried here on the first two, once with the A key and once with the button.
    for number in range(min(count, 2)):
        page.evaluate(
            f"Reveal.slide(Reveal.getIndices("
            f"document.querySelectorAll('.slides > section.tb-quiz-slide')[{number}]).h)"
        )
        slide = page.locator(".slides > section.present")
        assert _held_back(page, slide) == [], "an answer shows before it is revealed"
        wrong = slide.locator('input[data-correct="false"]').first
        slide.locator(f'label[for="{wrong.get_attribute("id")}"]').click()
        assert wrong.is_checked()
        assert _held_back(page, slide) == [], "choosing an answer gave the answer away"
        if number % 2 == 0:
            page.keyboard.press("a")
        else:
            slide.locator("button.tb-reveal").click()
        feedback = wrong.locator("xpath=following-sibling::*[contains(@class,'tb-feedback')]")
        assert feedback.is_visible(), "the chosen answer's feedback did not appear when revealed"
        assert "Not quite" in feedback.inner_text()
        answer = slide.locator("details.tb-answer")
        assert answer.is_visible() and answer.locator("p").last.is_visible()
        assert "right answer" in slide.locator('input[data-correct="true"] + label').evaluate(
            "l => getComputedStyle(l, '::after').content"
        )
        page.keyboard.press("a")  # pressed again, the answer goes away
        assert _held_back(page, slide) == []
    page.close()
    assert log.errors == []


@pytest.mark.parametrize("name", [*LESSONS, FIXTURE])
def test_title_figure_and_quiz_slides_pass_an_accessibility_audit(browser, site, name):
    page, _ = open_deck(browser, site, name)
    without_transitions(page)
    found = []
    for kind in ("section", "section:has(.tb-figure)", "section.tb-quiz-slide"):
        first = page.locator(f".slides > {kind}").first
        if first.count() == 0:
            continue
        page.evaluate("s => Reveal.slide(Reveal.getIndices(s).h)", first.element_handle())
        page.wait_for_function(
            "() => ![...document.querySelectorAll("
            "'section.present .tb-plot')].some(p => !p.dataset.drawn)"
        )
        if "quiz" in kind:
            page.keyboard.press("a")
        found += [f"{kind}: {problem}" for problem in serious_violations(page)]
    page.close()
    assert found == []


def test_speaker_view_opens_offline_with_the_notes(browser, site):
    page, log = open_deck(browser, site, FIXTURE)
    page.evaluate("Reveal.slide(1)")
    notes = page.locator(".slides > section.present aside.notes")
    assert "Twitching means ALS" in notes.inner_html()
    assert not notes.is_visible()
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function(
        "document.querySelector('.speaker-controls-notes')?.textContent.includes('ALS')"
    )
    assert speaker.evaluate("window.pwned") is None, "text from the notes file ran as code"
    assert page.evaluate("window.pwned") is None
    speaker.close()
    page.close()
    assert log.blocked == [] and log.errors == []


def test_lesson_page_gets_a_link_to_its_deck():
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 03 · Title"), nbformat.v4.new_code_cell("x")]
    )
    linked = with_slides_link(notebook, "03_serious_causes")
    assert 'href="slides/03_serious_causes.html"' in linked.cells[1].source
    assert linked.cells[0].source == "# 03 · Title"


def _notes_error(tmp_path, text: str) -> DataError:
    from twitchbook.speaker_notes import load_speaker_notes

    path = tmp_path / "data" / "speaker_notes" / "01_test.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_speaker_notes("01_test", ["Where it starts", "Key points"], tmp_path)
    return caught.value


@pytest.mark.parametrize(
    "notes, item, field, words",
    [
        ("- {section: Nowhere, minutes: 3}", "Nowhere", "section", "not a heading"),
        ("- {section: Key points}", "Key points", "minutes", "missing"),
        (
            "- {section: Key points, minutes: 3, questions: [Why]}",
            "Key points",
            "questions[1]",
            "mapping",
        ),
        ("- {section: Key points, minutes: 3, pionts: [x]}", "Key points", "pionts", "not a field"),
        (
            "- {section: Key points, minutes: 3}\n  - {section: Key points, minutes: 2}",
            "Key points",
            "section",
            "twice",
        ),
    ],
)
def test_bad_speaker_notes_name_file_item_and_field(tmp_path, notes, item, field, words):
    error = _notes_error(tmp_path, f"provenance: Tests.\nlesson: 01_test\nnotes:\n  {notes}\n")
    assert (error.file, error.item, error.field) == ("data/speaker_notes/01_test.yaml", item, field)
    assert words in error.problem
