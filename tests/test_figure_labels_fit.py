"""Every figure's words fit, in every state a reader can pick, on a small phone (320 px),
a common phone (390 px) and a laptop: no label, tick, legend entry, title or number runs
into another or off the figure. (Plotly places text but never checks that it fits.)"""

import pytest
from browser import TEXT_CLASHES, open_offline

from conftest import ROOT

SITE = ROOT / "_build" / "html"
FIGURE_PAGES = sorted(
    p.name for p in SITE.glob("0*.html") if "tb-plot-data" in p.read_text(encoding="utf-8")
)
# Takes each of the figure's controls through its states, as a reader would, and after each
# one measures the text plotly drew.
IN_EVERY_STATE = """async (plotId) => {
  const plot = document.getElementById(plotId);
  const figure = plot.closest("figure");
  const settle = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const check = label => (TEXT_CLASHES)(plot, label);
  let problems = check("as drawn");
  for (const box of figure.querySelectorAll(".tb-control")) {
    const name = box.querySelector(".tb-control-name, label")?.textContent.trim();
    const buttons = [...box.querySelectorAll("button[data-state]")];
    const input = box.querySelector("select, input[type=range]");
    const count = buttons.length ||
      (input && (input.tagName === "SELECT" ? input.options.length : +input.max + 1));
    for (let i = 0; i < count; i++) {
      if (buttons.length) buttons[i].click();
      else { input.value = String(i); input.dispatchEvent(new Event("input")); }
      await settle();
      problems = problems.concat(check(`${name} ${i}`));
    }
    if (buttons.length) buttons[0].click();
    else { input.value = "0"; input.dispatchEvent(new Event("input")); }
    await settle();
  }
  return problems;
}""".replace("TEXT_CLASHES", TEXT_CLASHES)


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_words_in_a_figure_overlap_or_run_off_it_in_any_state(browser, width):
    problems, figures = [], 0
    for name in FIGURE_PAGES:
        page, log = open_offline(browser, (SITE / name).as_uri(), viewport=(width, 844))
        page.evaluate("window.twitchbookDrawFigures()")
        for plot in page.evaluate("[...document.querySelectorAll('.tb-plot')].map(p => p.id)"):
            figures += 1
            problems += [f"{name} {plot} {p}" for p in page.evaluate(IN_EVERY_STATE, plot)]
        page.close()
        assert log.errors == [], log.errors
    assert figures >= 10
    assert problems == [], "\n".join(sorted(set(problems)))
