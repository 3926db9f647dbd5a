"""Headless Chromium for the site tests: Debian's chromium driven by Playwright, offline.

Every request that leaves the page's own files fails and is recorded, so a test can assert
that a page asks for nothing from the network.
"""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from twitchbook_site.chromium import start_browser  # noqa: F401  (tests take it from here)


@dataclass
class PageLog:
    loaded: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


LOCAL = ("file://", "data:", "blob:")


def open_offline(browser, url: str, viewport=(1280, 900)) -> tuple[Page, PageLog]:
    """Open a page with no network, logging every request and every console error."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    log = PageLog()

    def record(request):
        (log.loaded if request.url.startswith(LOCAL) else log.blocked).append(request.url)

    page.on("request", record)
    page.on("console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: log.errors.append(str(err)))
    page.goto(url, wait_until="load")
    return page, log


AXE_RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Report failures only: listing every passing node cost about a second a page.
    "resultTypes": ["violations"],
}


def without_transitions(page) -> None:
    """axe must see final colours: a colour or fade caught mid-transition fails contrast."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")


def serious_violations(page) -> list[str]:
    """An axe-core audit (WCAG 2.1 A and AA) of the page as it is now: serious or worse."""
    # axe-core is put into the page once; Axe().run would inject it again for every audit.
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(Axe().axe_script)
    results = page.evaluate("options => axe.run(document, options)", AXE_RULES)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


# Words plotly drew in one figure that run into each other or off the figure (plotly places
# text but never checks that it fits): a function of the plot element and a label for the
# state it is in, for page.evaluate scripts to call.
TEXT_CLASHES = """(plot, label) => {
  const svg = plot.querySelector("svg.main-svg").getBoundingClientRect();
  const texts = [...plot.querySelectorAll(
    "g.annotation text, text.legendtext, g.xtick text, g.ytick text, g.x2tick text, " +
    "g.y2tick text, text.xtitle, text.ytitle, text.x2title, text.y2title, text.gtitle, " +
    "text.bartext")]
    .map(t => { const r = t.getBoundingClientRect();
      return {text: t.textContent.slice(0, 30), l: r.left, r: r.right, t: r.top, b: r.bottom}; })
    .filter(r => r.r - r.l > 0 && r.b - r.t > 0);
  const problems = [];
  texts.forEach((a, i) => {
    if (a.l < svg.left - 1 || a.r > svg.right + 1 || a.t < svg.top - 1 || a.b > svg.bottom + 1)
      problems.push(`${label}: "${a.text}" runs outside the figure`);
    texts.slice(i + 1).forEach(b => {
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > 2 && h > 2) problems.push(`${label}: "${a.text}" overlaps "${b.text}"`);
    });
  });
  return problems;
}"""
