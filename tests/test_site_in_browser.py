"""Every page of the built site, opened in headless Chromium from file:// with no network.

The site is built by `./workbook test` (or `./workbook site`) before the tests run.
"""

import pytest
from browser import open_offline
from conftest import ROOT

SITE = ROOT / "_build" / "html"
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.glob("*.html"))


def test_the_site_was_built_with_every_notebook():
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    missing = [n for n in notebooks if not (SITE / f"{n}.html").exists()]
    assert missing == [], f"pages missing from {SITE}: run ./workbook site"


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_without_errors(browser, name):
    page, log = open_offline(browser, (SITE / name).as_uri())
    page.wait_for_timeout(300)
    page.close()
    assert log.blocked == [], f"{name} asked the network for {log.blocked}"
    assert log.errors == [], f"{name} logged errors: {log.errors}"


@pytest.mark.parametrize("name", [p for p in PAGES if p[:2].isdigit()])
def test_every_figure_draws(browser, name):
    page, _ = open_offline(browser, (SITE / name).as_uri())
    plots = page.locator(".tb-plot")
    for i in range(plots.count()):
        plot = plots.nth(i)
        plot.scroll_into_view_if_needed()
        page.wait_for_function(
            "el => el.dataset.drawn === 'true'", arg=plot.element_handle(), timeout=10_000
        )
        assert plot.locator("svg.main-svg").count() >= 1
        figure = plot.locator("xpath=ancestor::figure[1]")
        named = figure.get_attribute("aria-labelledby")
        described = figure.get_attribute("aria-describedby")
        assert page.locator(f"#{named}").inner_text().strip(), "figure without a name"
        assert page.locator(f"#{described}").inner_text().strip(), "figure without a description"
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


LESSONS_WITH_QUIZZES = [p for p in PAGES if p[:2].isdigit() and p[:2] != "00"]


@pytest.mark.parametrize("name", LESSONS_WITH_QUIZZES)
def test_every_quiz_works_by_keyboard_alone(browser, name):
    page, _ = open_offline(browser, (SITE / name).as_uri())
    quizzes = page.locator("form.tb-quiz")
    assert quizzes.count() >= 1, f"{name} has no quiz"
    for i in range(quizzes.count()):
        answer_by_keyboard(page, quizzes.nth(i))
    page.close()
