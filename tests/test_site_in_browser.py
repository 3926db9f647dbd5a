"""Every page of the built site, opened in headless Chromium from file:// with no network.

The site is built by `./workbook test` (or `./workbook site`) before the tests run.
"""

import pytest
from browser import open_offline
from twitchbook.lessons import is_lesson

from conftest import ROOT

SITE = ROOT / "_build" / "html"
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.glob("*.html"))


def test_the_site_was_built_with_every_notebook():
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    missing = [n for n in notebooks if not (SITE / f"{n}.html").exists()]
    assert missing == [], f"pages missing from {SITE}: run ./workbook site"


def scripts(log) -> list[str]:
    return [url.split("/")[-1].split("?")[0] for url in log.loaded if ".js" in url]


# Every figure on the page once drawn: plotly's SVG inside, a name and a text description.
FIGURES = """() => [...document.querySelectorAll('.tb-plot')].map(plot => {
  const figure = plot.closest('figure');
  const text = id => (document.getElementById(id) || {}).textContent || '';
  return {id: plot.id, drawn: plot.dataset.drawn === 'true',
          svg: plot.querySelectorAll('svg.main-svg').length,
          name: text(figure && figure.getAttribute('aria-labelledby')).trim(),
          description: text(figure && figure.getAttribute('aria-describedby')).trim()};
})"""


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_draws_every_figure_and_loads_only_the_scripts_it_uses(browser, name):
    page, log = open_offline(browser, (SITE / name).as_uri())
    page.evaluate("window.twitchbookDrawFigures && window.twitchbookDrawFigures()")  # below too
    figures = page.evaluate(FIGURES)
    page.close()
    for figure in figures:
        assert figure["drawn"] and figure["svg"] >= 1, f"{name}: {figure['id']} not drawn"
        assert figure["name"] and figure["description"], f"{name}: {figure['id']} has no text"
    has_figures = bool(figures)
    assert log.blocked == [], f"{name} asked the network for {log.blocked}"
    assert log.errors == [], f"{name} logged errors: {log.errors}"
    loaded = scripts(log)
    assert len(loaded) == len(set(loaded)), f"{name} loads a script twice: {loaded}"
    assert ("plotly.min.js" in loaded) == has_figures, f"{name}: plotly.js without need"
    assert "fontawesome.js" not in loaded, "icons come from the theme's web font, not a script"
    assert ("searchindex.js" in loaded) == (name == "search.html"), f"{name}: search index"


def test_search_finds_pages_offline(browser):
    page, log = open_offline(browser, (SITE / "search.html").as_uri() + "?q=botulinum")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=10_000)
    found = results.count()
    page.close()
    assert found >= 3, f"only {found} pages found for 'botulinum'"
    assert log.errors == [] and log.blocked == [], log.errors + log.blocked


def test_theme_icons_are_drawn_from_the_web_font(browser):
    page, _ = open_offline(browser, (SITE / "index.html").as_uri())
    icon = page.locator("i.fa-magnifying-glass:visible").first
    font = icon.evaluate("i => getComputedStyle(i, '::before').fontFamily")
    page.evaluate("document.fonts.ready.then(() => true)")
    loaded = page.evaluate("document.fonts.check('900 16px \"Font Awesome 7 Free\"')")
    width = icon.evaluate("i => i.getBoundingClientRect().width")
    page.close()
    assert "Font Awesome" in font and loaded and width > 0


def test_figures_below_the_screen_are_drawn_when_the_reader_reaches_them(browser):
    page, _ = open_offline(browser, (SITE / "01_facial_nerve.html").as_uri(), viewport=(1280, 700))
    last = page.locator(".tb-plot").last
    assert last.evaluate("p => p.getBoundingClientRect().top") > 3000, "pick a lower figure"
    page.wait_for_timeout(200)
    assert last.get_attribute("data-drawn") is None, "a figure far below was drawn at load"
    last.scroll_into_view_if_needed()
    page.wait_for_function("p => p.dataset.drawn === 'true'", arg=last.element_handle())
    page.close()


def answer_by_keyboard(page, quiz):
    """Tab into the quiz, pick a choice with Space, then open the answer with Enter."""
    quiz.evaluate(
        "q => { const s = document.createElement('span'); s.tabIndex = 0;"
        " s.id = 'start-here'; q.before(s); s.focus(); }"
    )
    page.keyboard.press("Tab")
    radio = page.locator(":focus")
    assert radio.get_attribute("type") == "radio", "Tab did not reach the quiz's choices"
    page.keyboard.press("Space")
    assert radio.is_checked()
    feedback = radio.locator("xpath=following-sibling::*[contains(@class,'tb-feedback')]")
    assert feedback.is_visible(), "no feedback shown after choosing"
    assert feedback.inner_text().strip().startswith(("✓ Correct", "✗ Not quite"))
    answer = quiz.locator("details.tb-answer")
    assert not answer.locator("p").first.is_visible(), "the answer shows before it is asked for"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        raise AssertionError("Tab never reached 'Show the answer'")
    page.keyboard.press("Enter")
    assert answer.locator("p").first.is_visible()
    assert "Answer:" in answer.inner_text()


LESSONS_WITH_QUIZZES = [p for p in PAGES if is_lesson(p) and not p.startswith("00")]


@pytest.mark.parametrize("name", LESSONS_WITH_QUIZZES)
def test_quizzes_work_by_keyboard_alone(browser, name):
    page, _ = open_offline(browser, (SITE / name).as_uri())
    quizzes = page.locator("form.tb-quiz")
    assert quizzes.count() >= 1, f"{name} has no quiz"
    # Every quiz is the same markup from twitchbook.quiz (tests/test_quiz.py); going through
    # the first of each page by keyboard checks that the page leaves it reachable and usable.
    answer_by_keyboard(page, quizzes.first)
    page.close()
