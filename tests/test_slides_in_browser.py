"""Every slide deck, built from the outlines into a temporary folder and walked slide by slide in
headless Chromium at 1280x720, from file:// with no network, the way an instructor presents it.

Each slide is measured once: nothing runs over its edges, no text in a figure is under 22 px,
no slide has more words than the outline allows or a blank band over a third of its height,
every slide has speaker notes, and a quiz's answer stays hidden until A reveals it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from browser import TEXT_CLASHES, open_offline, serious_violations, without_transitions
from twitchbook.loader import load_workbook
from twitchbook.schema import SLIDE_WORDS
from twitchbook_site.slides.build import build_slides

from conftest import ROOT

WIDTH, HEIGHT = 1280, 720
SMALLEST_FIGURE_TEXT = 22  # px
SMALLEST_TYPE = 18  # px: footers and citations; everything else is larger
BLANK = HEIGHT / 3  # no empty band taller than this, except on figure slides
LESSONS = sorted(load_workbook(ROOT).slide_outlines)

# One call per slide: what the slide looks like after reveal.js has shown it and slides.js
# has fitted it.
MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const visible = el => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0
      && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }); };
  const all = selector => [...slide.querySelectorAll(selector)].filter(visible);
  const outside = all('h1, h2, li, p, table, fieldset, figure, button, summary')
    .filter(el => { const r = el.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
        || r.bottom > box.bottom + 1; })
    .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 40));
  const figureText = all('.js-plotly-plot svg text').filter(t => t.textContent.trim())
    .map(t => { const m = t.getScreenCTM();
      return { text: t.textContent.trim().slice(0, 30),
               px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) }; });
  const smallType = all('h1, h2, li, p, td, th, legend, label, summary, button, a, span')
    .filter(el => el.textContent.trim() && !el.closest('.js-plotly-plot'))
    .filter(el => parseFloat(getComputedStyle(el).fontSize) < SMALLEST)
    .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 30));
  const blocks = all('h1, h2, .tb-points > li, .tb-body > p, table, fieldset, .tb-reveal-bar,'
    + ' .tb-end-links li, .tb-deck-links, footer, .tb-case, .tb-triage')
    .map(el => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
  let gap = 0, reached = box.top;
  for (const r of blocks) {
    gap = Math.max(gap, r.top - reached); reached = Math.max(reached, r.bottom); }
  gap = Math.max(gap, box.bottom - reached);
  const title = slide.querySelector('h1, h2');
  const points = [...slide.querySelectorAll('.tb-points > li')].map(li => {
    const copy = li.cloneNode(true);
    copy.querySelectorAll('.tb-slide-cite').forEach(c => c.remove());
    return copy.textContent; });
  const words = [title ? title.textContent : '', ...points].join(' ')
    .split(/\\s+/).filter(Boolean).length;
  const answer = slide.querySelector('.tb-answer');
  const right = slide.querySelector('input[data-correct="true"] + label');
  return {
    id: slide.id, kind: slide.className, scroll: slide.scrollHeight, outside, figureText,
    smallType, gap, words, notes: (slide.querySelector('aside.notes') || {}).textContent || '',
    answerShown: answer ? visible(answer) : null,
    marked: right ? getComputedStyle(right, '::after').content : null,
    clashes: [...slide.querySelectorAll('.js-plotly-plot')]
      .flatMap(plot => (TEXT_CLASHES)(plot, 'as shown')),
  };
}""".replace("SMALLEST", str(SMALLEST_TYPE)).replace("TEXT_CLASHES", TEXT_CLASHES)
FIND = (
    "[...document.querySelectorAll('.reveal .slides > section')]"
    ".findIndex(s => s.querySelector('{}'))"
)


def open_deck(browser, site, lesson):
    page, log = open_offline(
        browser, (site / "slides" / f"{lesson}.html").as_uri(), (WIDTH, HEIGHT)
    )
    page.wait_for_selector("html[data-ready]")
    return page, log


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    build_slides(site)
    return site


LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => ({href: a.href,
  target: a.target, rel: a.rel,
  cite: !!a.closest('.tb-cite, .tb-slide-cite, .tb-slide-sources, .tb-quiz, .tb-case-slot')}))"""


@dataclass
class Deck:
    slides: list = field(default_factory=list)
    log: object = None
    errors: list = field(default_factory=list)
    links: list = field(default_factory=list)
    end_links: list = field(default_factory=list)
    violations: list = field(default_factory=list)


@pytest.fixture(scope="module")
def walked(browser, site) -> dict[str, Deck]:
    """Every deck opened once: every slide measured (quiz slides again after A), its links
    listed, and one accessibility audit, of a quiz slide or else a figure slide."""
    decks = {}
    for lesson in LESSONS:
        page, log = open_deck(browser, site, lesson)
        slides = []
        for index in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate("i => Reveal.slide(i)", index)
            if page.evaluate("!!Reveal.getCurrentSlide().querySelector('.tb-plot')"):
                page.wait_for_selector("section.present .tb-plot[data-drawn]")
            measured = page.evaluate(MEASURE)
            if measured["answerShown"] is not None:
                page.keyboard.press("a")
                measured["revealed"] = page.evaluate(MEASURE)
                page.keyboard.press("a")
            slides.append(measured)
        deck = decks[lesson] = Deck(slides=slides, log=log, links=page.evaluate(LINKS))
        deck.errors = list(log.errors)  # before the audit: axe's own requests log errors
        deck.end_links = page.evaluate(
            "[...Reveal.getCurrentSlide().querySelectorAll('.tb-end-links a')]"
            ".map(a => a.getAttribute('href'))"
        )
        kinds = [slide["kind"] for slide in slides]
        audited = next((i for i, k in enumerate(kinds) if "quiz" in k), None)
        audited = (
            next((i for i, k in enumerate(kinds) if "figure" in k), 0)
            if audited is None
            else audited
        )
        page.evaluate("i => Reveal.slide(i)", audited)
        without_transitions(page)
        deck.violations = serious_violations(page)
        page.close()
    return decks


def every_slide(walked):
    for lesson, deck in walked.items():
        for number, slide in enumerate(deck.slides, start=1):
            yield f"{lesson} slide {number} ({slide['id']})", slide


def test_nothing_runs_over_a_slide(walked):
    problems = []
    for where, slide in every_slide(walked):
        for state in (slide, slide.get("revealed")):
            if state and (state["scroll"] > HEIGHT + 1 or state["outside"]):
                problems.append(f"{where}: height {state['scroll']}, outside {state['outside']}")
    assert not problems, "\n".join(problems)


def test_figure_text_is_at_least_22_px(walked):
    smallest, figures = {}, 0
    for where, slide in every_slide(walked):
        if slide["figureText"]:
            figures += 1
            smallest[where] = min(slide["figureText"], key=lambda t: t["px"])
    assert figures >= 10, "the decks should show the lessons' figures"
    small = {w: t for w, t in smallest.items() if t["px"] < SMALLEST_FIGURE_TEXT - 0.01}
    assert not small, small


def test_no_words_in_a_figure_overlap_or_run_off_it_on_a_slide(walked):
    clashes = [f"{w}: {c}" for w, s in every_slide(walked) for c in s["clashes"]]
    assert not clashes, "\n".join(clashes)


def test_no_type_smaller_than_footers(walked):
    small = [f"{w}: {s['smallType']}" for w, s in every_slide(walked) if s["smallType"]]
    assert not small, "\n".join(small)


def test_word_limit_and_notes_on_every_slide(walked):
    for where, slide in every_slide(walked):
        if "tb-quiz-slide" not in slide["kind"]:
            assert slide["words"] <= SLIDE_WORDS, f"{where}: {slide['words']} words"
        assert len(slide["notes"].split()) >= 5, f"{where} has no speaker notes"
        if "tb-end-slide" not in slide["kind"]:
            assert re.search(r"About \d+ min", slide["notes"]), f"{where}: notes give no minutes"


def test_no_slide_is_a_third_empty(walked):
    empty = [
        f"{where}: blank band of {slide['gap']:.0f} px"
        for where, slide in every_slide(walked)
        if "tb-figure-slide" not in slide["kind"] and slide["gap"] > BLANK
    ]
    assert not empty, "\n".join(empty)


def test_answers_hidden_until_revealed(walked):
    quizzes = 0
    for where, slide in every_slide(walked):
        if slide["answerShown"] is None:
            continue
        quizzes += 1
        assert slide["answerShown"] is False, f"{where}: answer visible before A"
        assert "right answer" not in (slide["marked"] or ""), f"{where}: right choice marked"
        assert slide["revealed"]["answerShown"] is True, f"{where}: A did not reveal the answer"
        assert "right answer" in slide["revealed"]["marked"], where
    assert quizzes >= 20


def test_decks_load_nothing_from_the_network(walked):
    for lesson, deck in walked.items():
        assert not deck.log.blocked, f"{lesson} asked the network for {deck.log.blocked}"
        assert not deck.errors, f"{lesson}: {deck.errors}"


def test_no_broken_links_and_citations_open_beside_the_deck(site, walked):
    lessons = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    references = set(load_workbook(ROOT).references)
    for lesson, deck in walked.items():
        assert len(deck.links) >= 3
        for link in deck.links:
            url = urlparse(link["href"])
            assert url.scheme == "file", f"{lesson}: {link['href']} leaves the site"
            path = Path(unquote(url.path))
            if path.parent == site:  # a page of the site, built by the site build
                assert path.stem in lessons | {"index"}, f"{lesson}: no page {path.name}"
                if url.fragment.startswith("ref-"):
                    assert url.fragment[4:] in references, f"{lesson}: {link['href']}"
            else:
                assert path.exists(), f"{lesson}: {link['href']} is broken"
            if link["cite"]:
                assert link["target"] == "_blank" and "noopener" in link["rel"], link


def test_end_slide_leads_on(walked):
    for position, lesson in enumerate(LESSONS):
        expected = ["index.html", f"../{lesson}.html"]
        if position + 1 < len(LESSONS):
            expected.insert(0, f"{LESSONS[position + 1]}.html")
        assert walked[lesson].end_links == expected


def test_speaker_view_reveals_the_answer_on_the_main_window(site, browser):
    page, _ = open_deck(browser, site, "01_facial_nerve")
    quiz = page.evaluate(FIND.format(".tb-quiz"))
    page.evaluate("i => Reveal.slide(i)", quiz)
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    preview = speaker.wait_for_selector("#current-slide iframe").content_frame()
    preview.wait_for_function(
        f"window.Reveal && Reveal.isReady() && Reveal.getIndices().h === {quiz}"
    )
    assert page.evaluate("Reveal.getCurrentSlide().dataset.revealed") is None
    speaker.keyboard.press("a")
    page.wait_for_function("Reveal.getCurrentSlide().dataset.revealed === 'true'", timeout=5000)
    speaker.close()
    page.close()


def test_text_description_opens_without_a_scroll_box(site, browser):
    # Lesson 03's first figure has the longest description in the workbook.
    page, _ = open_deck(browser, site, "03_serious_causes")
    index = page.evaluate(FIND.format(".tb-slide-alt"))
    page.evaluate("i => Reveal.slide(i)", index)
    page.click("section.present .tb-slide-alt > summary")
    # The panel takes the focus on the details' toggle event, which fires after the click.
    page.wait_for_function(
        "document.activeElement && document.activeElement.matches('.tb-slide-alt-text')",
        timeout=3000,
    )
    state = page.evaluate(
        """() => { const s = Reveal.getCurrentSlide();
        const panel = s.querySelector('.tb-slide-alt-text');
        const r = panel.getBoundingClientRect();
        return {scroll: s.scrollHeight, overflow: getComputedStyle(s).overflowY,
                inside: r.top >= 0 && r.bottom <= 720 && r.left >= 0 && r.right <= 1280,
                focused: document.activeElement === panel,
                scrolls: getComputedStyle(panel).overflowY,
                longer: panel.scrollHeight > panel.clientHeight,
                words: panel.textContent.split(/\\s+/).length}; }"""
    )
    # The slide keeps its size; the description has a panel of its own, with the focus, which
    # scrolls by itself if the description is longer than the panel.
    assert state["scroll"] <= HEIGHT and state["overflow"] != "auto", state
    assert state["inside"] and state["focused"] and state["scrolls"] == "auto", state
    assert state["words"] > 100, state
    before = page.evaluate("Reveal.getIndices().h")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("PageDown")
    assert page.evaluate("Reveal.getIndices().h") == before, "the keys scrolled the deck"
    if state["longer"]:
        scrolled = "Reveal.getCurrentSlide().querySelector('.tb-slide-alt-text').scrollTop"
        page.wait_for_function(f"{scrolled} > 0", timeout=3000)  # keyboard scrolling is smooth
    page.keyboard.press("Escape")
    assert page.evaluate("!Reveal.getCurrentSlide().querySelector('.tb-slide-alt').open")
    page.close()


def test_one_accessibility_audit_per_deck(walked):
    problems = [f"{lesson}: {v}" for lesson, deck in walked.items() for v in deck.violations]
    assert not problems, "\n".join(problems)


def test_index_lists_every_deck(site):
    index = (site / "slides" / "index.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f'href="{lesson}.html"' in index
    assert "about 45 minutes" in index
