"""An axe-core audit (WCAG 2.1 A and AA rules) of every page of the built site, light and dark.

axe-core comes inside the axe-playwright-python package, so the audit runs offline.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import open_offline
from conftest import ROOT

SITE = ROOT / "_build" / "html"
PAGES = sorted(p.name for p in SITE.glob("*.html"))
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_violations(page) -> list[str]:
    results = Axe().run(page, options=RULES)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(browser, name, mode):
    page, _ = open_offline(browser, (SITE / name).as_uri())
    # No colour transitions: axe must see the final colours of the chosen theme.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.evaluate(
        "Promise.all([...document.querySelectorAll('.tb-plot')].map(p =>"
        " new Promise(r => { const t = setInterval(() => { if (p.dataset.drawn)"
        " { clearInterval(t); r(); } }, 50); setTimeout(r, 5000); })))"
    )
    found = serious_violations(page)
    page.close()
    assert found == [], f"{name} ({mode}):\n" + "\n".join(found)
