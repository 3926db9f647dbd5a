"""An axe-core audit (WCAG 2.1 A and AA rules) of every page of the built site, light and dark.

axe-core comes inside the axe-playwright-python package, so the audit runs offline.
"""

import pytest
from browser import open_offline, serious_violations, without_transitions

from conftest import ROOT

SITE = ROOT / "_build" / "html"
PAGES = sorted(p.name for p in SITE.glob("*.html"))


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations_in_light_or_dark_mode(browser, name):
    page, _ = open_offline(browser, (SITE / name).as_uri())
    without_transitions(page)
    page.evaluate("window.twitchbookDrawFigures && window.twitchbookDrawFigures()")  # all figures
    found = []
    for mode in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
        found += [f"{mode}: {problem}" for problem in serious_violations(page)]
    page.close()
    assert found == [], f"{name}:\n" + "\n".join(found)


# States a reader reaches by using the page, audited at phone width in light and dark mode:
# axe only sees what is on the page, and feedback, answers, tips and menus appear on use.
STATES = {
    "quiz answered right": "q => q.querySelector('input[data-correct=\"true\"]').click()",
    "quiz answered wrong": "q => q.querySelector('input[data-correct=\"false\"]').click()",
    "answer revealed": "q => { q.querySelector('details.tb-answer').open = true; }",
}
STATE_PAGES = ["02_benign_twitches.html"]  # a quiz, glossary terms and figures: each state


@pytest.mark.parametrize("name", STATE_PAGES)
def test_page_in_every_state_a_reader_reaches_has_no_serious_violations(browser, name):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto((SITE / name).as_uri(), wait_until="load")
    without_transitions(page)
    page.evaluate("window.twitchbookDrawFigures && window.twitchbookDrawFigures()")
    found = []
    quiz = page.locator("form.tb-quiz").first.element_handle()
    for mode in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
        for state, action in STATES.items():
            quiz.evaluate(action)
            found += [f"{mode}, {state}: {p}" for p in serious_violations(page)]
        term = page.locator("a.tb-term").first
        if term.count():
            term.scroll_into_view_if_needed()
            term.hover()  # a phone keeps the hover style on a tapped link: make it certain
            term.tap()
            found += [f"{mode}, glossary tip open: {p}" for p in serious_violations(page)]
        page.locator("button.primary-toggle:visible").first.tap()
        page.locator("#pst-primary-sidebar-modal").wait_for(state="visible")
        found += [f"{mode}, menu open: {p}" for p in serious_violations(page)]
        page.keyboard.press("Escape")
    context.close()
    assert found == [], f"{name}:\n" + "\n".join(found)
