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
