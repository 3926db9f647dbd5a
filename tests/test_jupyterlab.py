"""The workbook in a real JupyterLab, as a student alone with it uses it.

One JupyterLab for the module (loopback, a free port, a token, stopped at the end), driven by
Debian's Chromium through Playwright. Lessons are opened, run and saved; the widgets are moved
by keyboard and mouse; a quiz is answered by keyboard alone; links land on their targets.
"""

import json

import nbformat
import pytest
import yaml
from jupyterlab_server import start_lab
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright
from twitchbook_site.chromium import ARGS, CHROMIUM

from conftest import ROOT

pytestmark = pytest.mark.xdist_group("jupyterlab")

WAIT = 60_000  # ms: a kernel start and a lesson's first run on a busy 2-core machine


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = start_lab(ROOT / "notebooks", tmp_path_factory.mktemp("jupyterlab"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def chromium():
    """Chromium that reaches loopback (JupyterLab) and nothing else (a dead proxy)."""
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*ARGS, "--proxy-server=http://127.0.0.1:9"]
    )
    yield browser
    browser.close()
    playwright.stop()


def wait_for_idle_kernel(page) -> None:
    """Wait until the notebook on screen has an idle kernel. A restored workspace holds several
    notebooks, each with its own indicator, and the hidden ones may come first."""
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle'] >> visible=true")
    idle.first.wait_for(timeout=WAIT)


def open_notebook(chromium, lab, name: str):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(lab.lab_url(name))
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", timeout=WAIT)
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    try:  # a new notebook may ask which kernel to start
        dialog.click(timeout=3000)
    except Exception:
        pass
    wait_for_idle_kernel(page)
    return page


def run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(
        "() => !document.querySelector('.jp-Notebook .jp-InputPrompt')"
        "?.textContent.includes('*') && [...document.querySelectorAll('.jp-InputPrompt')]"
        ".every(p => !p.textContent.includes('*'))",
        timeout=WAIT,
    )


def save(page, path) -> None:
    """Ctrl+S, and wait until the server has written the file."""
    before = path.stat().st_mtime_ns
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.lm-TabBar-tab.lm-mod-current.jp-mod-dirty')",
        timeout=WAIT,
    )
    for _ in range(200):
        page.wait_for_timeout(100)
        if path.stat().st_mtime_ns == before:
            continue
        try:  # written whole (the server may still be writing it)
            json.loads(path.read_text(encoding="utf-8"))
            return
        except ValueError:
            continue
    raise AssertionError(f"JupyterLab did not save {path.name}")


# ---------------------------------------------------------------- notebooks stay clean


@pytest.mark.parametrize("name", ["00_welcome.ipynb", "05_diagnosis.ipynb", "glossary.ipynb"])
def test_a_lesson_opened_and_saved_in_jupyterlab_is_unchanged(lab, chromium, name):
    page = open_notebook(chromium, lab, name)
    page.wait_for_timeout(1500)  # let every output render (plotly draws after the page)
    page.locator(".jp-Notebook .jp-InputPrompt").first.click()
    save(page, lab.root / name)
    page.close()
    diff = lab.git("diff", "--", name)
    assert diff.stdout == "", f"JupyterLab changed {name} on save:\n{diff.stdout[:3000]}"


# ---------------------------------------------------------------- quizzes by keyboard


def test_a_quiz_is_answered_by_keyboard_alone_with_a_non_first_choice(lab, chromium):
    page = open_notebook(chromium, lab, "01_facial_nerve.ipynb")
    quiz = page.locator("form.tb-quiz").first
    quiz.scroll_into_view_if_needed()
    # The quiz's cell is the active one (JupyterLab hands focus back to the active cell on
    # a key press elsewhere): a click on the question's text, which is no control. Then the
    # first choice takes focus, as Tab gives it.
    quiz.locator("legend").click()
    dirty = page.locator(".lm-TabBar-tab.lm-mod-current.jp-mod-dirty")
    assert dirty.count() == 0, "the lesson was marked changed before any key was pressed"
    first = quiz.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowDown")
    second = quiz.locator("input[type=radio]").nth(1)
    expect(second).to_be_checked()
    expect(second).to_be_focused()
    page.keyboard.press("b")  # a notebook command ("insert a cell below") outside quizzes
    page.keyboard.press("ArrowDown")
    third = quiz.locator("input[type=radio]").nth(2)
    expect(third).to_be_checked()
    # A new cell would mark the notebook changed; choosing an answer does not.
    assert dirty.count() == 0, "a key pressed in the quiz ran a notebook command"
    feedback = quiz.locator(".tb-choice").nth(2).locator(".tb-feedback")
    expect(feedback).to_be_visible()
    verdict = feedback.locator("strong").inner_text()
    assert verdict in {"✓ Correct.", "✗ Not quite."}, verdict
    # The answer opens with Enter on its summary, also by keyboard.
    quiz.locator("details.tb-answer summary").focus()
    page.keyboard.press("Enter")
    expect(quiz.locator("details.tb-answer")).to_have_attribute("open", "")
    page.close()


# ---------------------------------------------------------------- links land on their entry


def follow_link_from_lesson_05(chromium, lab, listing: str, fragment: str, nth: int, entry: str):
    """Click lesson 05's nth link into listing (opened first, in another tab) and wait until
    the entry the link names is on the screen."""
    # The list is open in another tab, drawn: JupyterLab looks for the entry when the link is
    # followed, and a notebook opened by the link itself may not have drawn its outputs yet.
    page = open_notebook(chromium, lab, listing)
    page.goto(lab.lab_url("05_diagnosis.ipynb").replace("&reset", ""))
    wait_for_idle_kernel(page)
    link = page.locator(
        f".jp-RenderedMarkdown a[href*='{listing}'][href*='#{fragment}'] >> visible=true"
    ).nth(nth)
    target = link.get_attribute("href").split("#", 1)[1]
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_function(
        """([entry, id]) => { const e = document.querySelector(`${entry}[data-jupyter-id='${id}']`);
        const r = e && e.getBoundingClientRect();
        return r && r.top >= 0 && r.top < innerHeight; }""",
        arg=[entry, target],
        timeout=WAIT,
    )
    page.close()


def test_citation_and_glossary_links_open_the_list_at_the_entry(lab, chromium):
    follow_link_from_lesson_05(chromium, lab, "references.ipynb", "ref-", 3, entry="")
    follow_link_from_lesson_05(chromium, lab, "glossary.ipynb", "term-", 2, entry="dt")


def test_review_link_in_quiz_feedback_lands_on_the_lesson_section(lab, chromium):
    page = open_notebook(chromium, lab, "02_benign_twitches.ipynb")
    quiz = page.locator("form.tb-quiz").nth(1)
    quiz.scroll_into_view_if_needed()
    quiz.locator("details.tb-answer summary").click()
    back = quiz.locator("details.tb-answer a.tb-back")
    heading = back.inner_text().removeprefix("Review: ")
    in_view = """text => [...document.querySelectorAll('.jp-RenderedMarkdown :is(h2, h3)')]
        .some(h => h.textContent.replace('¶', '').trim() === text &&
          h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight)"""
    back.click()
    try:
        page.wait_for_function(in_view, arg=heading, timeout=20_000)
    except PlaywrightTimeout:
        # On a loaded machine, outputs above the heading can still be drawing (and growing)
        # when JupyterLab scrolls; a second click scrolls again once the layout has settled.
        back.click()
        page.wait_for_function(in_view, arg=heading, timeout=WAIT)
    page.close()


# ---------------------------------------------------------------- widgets in a live kernel

DEMO_CELLS = [
    "import twitchbook as tb\ntb.notice()",
    "from twitchbook.widgets.test_reasoning import show_test_reasoning\nshow_test_reasoning()",
    "from twitchbook.widgets.study_explorer import show_study_explorer\nshow_study_explorer()",
]


def post_test_positive(pretest: float, sensitivity: float, specificity: float) -> int:
    """Bayes' rule, written here from the definition, in whole percent."""
    true_pos = pretest * sensitivity
    return round(100 * true_pos / (true_pos + (1 - pretest) * (1 - specificity)))


@pytest.fixture(scope="module")
def demo(lab):
    """A notebook that shows both widgets, in the served folder (not in the project)."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in DEMO_CELLS]
    lesson = nbformat.read(ROOT / "notebooks" / "00_welcome.ipynb", as_version=4)
    notebook.metadata = lesson.metadata
    nbformat.write(notebook, lab.root / "widgets_demo.ipynb")
    lab.trust("widgets_demo.ipynb")
    return "widgets_demo.ipynb"


def headline(page) -> str:
    return page.locator(".widget-html .tb-result").first.inner_text()


def test_test_reasoning_widget_follows_the_data_by_keyboard_and_mouse(lab, chromium, demo):
    data = yaml.safe_load((ROOT / "data/tests/diagnostic_accuracy.yaml").read_text())
    first, douglass = (
        data["tests"][0],
        next(t for t in data["tests"] if t["id"] == "awaji-douglass"),
    )
    start = data["pretest"][0]["probability"]
    page = open_notebook(chromium, lab, demo)
    run_all(page)
    page.wait_for_selector(".widget-html .tb-result", timeout=WAIT)
    expected = post_test_positive(start, first["sensitivity"], first["specificity"])
    assert f"After a positive result: {expected}%" in headline(page)

    # Keyboard: the pre-test slider moves one percent per arrow key.
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    pretest = round(start + 0.08, 2)
    expected = post_test_positive(pretest, first["sensitivity"], first["specificity"])
    expect(page.locator(".widget-html .tb-result").first).to_contain_text(
        f"After a positive result: {expected}%", timeout=10_000
    )

    # Mouse: another study's criteria set sensitivity and specificity from the data.
    page.locator(".widget-dropdown select").first.select_option(label=douglass["name"])
    expected = post_test_positive(pretest, douglass["sensitivity"], douglass["specificity"])
    expect(page.locator(".widget-html .tb-result").first).to_contain_text(
        f"After a positive result: {expected}%", timeout=10_000
    )
    readouts = page.locator(".widget-readout")
    assert readouts.nth(1).inner_text() == f"{100 * douglass['sensitivity']:.1f}"

    # Mouse on a slider's track: the result follows the value it shows.
    track = page.locator(".widget-slider .noUi-target").nth(2)
    box = track.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)
    specificity = float(readouts.nth(2).inner_text()) / 100
    assert 0.3 < specificity < 0.7, specificity
    expected = post_test_positive(pretest, douglass["sensitivity"], specificity)
    expect(page.locator(".widget-html .tb-result").first).to_contain_text(
        f"After a positive result: {expected}%", timeout=10_000
    )

    # The study explorer: a menu narrows the table and the chart's studies.
    explorer = page.locator(".widget-dropdown select").nth(1)
    explorer.select_option(label="Case series")
    summary = page.locator(".widget-html .tb-summary").first
    designs = yaml.safe_load((ROOT / "data/studies/mvd_outcomes.yaml").read_text())["studies"]
    series = sum(1 for study in designs if study["design"] == "case series")
    expect(summary).to_contain_text(f"{series} studies", timeout=10_000)
    rows = page.locator(".widget-html .tb-study-explorer, .widget-html table tbody tr")
    assert rows.count() >= 1
    page.close()


def test_widget_outputs_and_dark_theme_text_pass_contrast(lab, chromium, demo):
    page = open_notebook(chromium, lab, "01_facial_nerve.ipynb")
    page.locator(".lm-MenuBar-itemLabel", has_text="Settings").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Theme", exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text("JupyterLab Dark", exact=True).click()
    page.wait_for_function("document.body.dataset.jpThemeLight === 'false'", timeout=WAIT)
    page.wait_for_timeout(1000)
    quiz = page.locator("form.tb-quiz").first
    quiz.scroll_into_view_if_needed()
    for index in range(quiz.locator("input[type=radio]").count()):
        quiz.locator("input[type=radio]").nth(index).check()
        found = contrast_failures(page, "form.tb-quiz")
        assert found == [], found
    assert contrast_failures(page, ".tb-notice, .tb-table") == []
    page.close()


def contrast_failures(page, selector: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(Axe().axe_script)
    result = page.evaluate(
        """s => axe.run({include: [...document.querySelectorAll(s)].map(e => [e])},
        {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']})""",
        selector,
    )
    return [
        f"{n['target']}: {' '.join(n['failureSummary'].split())[:200]}"
        for v in result["violations"]
        for n in v["nodes"]
    ]
