"""The site as a reader uses it on a phone (390x844, touch) and by keyboard: the menu opens,
a glossary term shows its definition on a tap, inside the screen, a quiz is answered, and
every figure control works by touch and by keyboard without widening the page."""

import pytest
from browser import LOCAL, PageLog

from conftest import ROOT

SITE = ROOT / "_build" / "html"
FIGURE_PAGES = sorted(
    p.name for p in SITE.glob("0*.html") if "tb-plot-data" in p.read_text(encoding="utf-8")
)


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    log = PageLog()
    page.on(
        "request", lambda r: (log.loaded if r.url.startswith(LOCAL) else log.blocked).append(r.url)
    )
    page.on("pageerror", lambda err: log.errors.append(str(err)))
    page.tb_log = log
    yield page
    context.close()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_menu_and_contents_buttons_open_their_panels(phone):
    phone.goto((SITE / "01_facial_nerve.html").as_uri())
    for button, panel in (
        ("button.primary-toggle:visible", "#pst-primary-sidebar-modal"),
        ("button.secondary-toggle:visible", "#pst-secondary-sidebar-modal"),
    ):
        phone.locator(button).first.tap()
        dialog = phone.locator(panel)
        dialog.wait_for(state="visible", timeout=3000)
        assert dialog.locator("a").count() > 0, f"{panel} opened empty"
        phone.keyboard.press("Escape")
        dialog.wait_for(state="hidden", timeout=3000)
    assert phone.tb_log.errors == []


def test_a_tap_on_a_glossary_term_shows_its_definition_inside_the_screen(phone):
    phone.goto((SITE / "02_benign_twitches.html").as_uri())
    terms = phone.locator("a.tb-term")
    assert terms.count() > 0
    for index in range(min(terms.count(), 6)):
        term = terms.nth(index)
        term.scroll_into_view_if_needed()
        term.tap()
        tip = term.locator("xpath=following-sibling::span[@role='tooltip']")
        tip.wait_for(state="visible", timeout=2000)
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"tip {index} off screen"
        assert phone.url.endswith("02_benign_twitches.html"), "the first tap left the page"
        assert page_width(phone) <= 390
        phone.locator("section > h1").first.tap()
        assert not tip.is_visible(), "a tap elsewhere should close the definition"


def test_a_quiz_is_answered_by_tap(phone):
    phone.goto((SITE / "02_benign_twitches.html").as_uri())
    quiz = phone.locator("form.tb-quiz").first
    label = quiz.locator(".tb-choice label").first
    label.scroll_into_view_if_needed()
    label.tap()
    feedback = quiz.locator(".tb-feedback:visible")
    assert feedback.count() == 1
    assert feedback.inner_text().startswith(("✓ Correct", "✗ Not quite"))
    radio, text = quiz.locator(".tb-choice input").first, label
    # The option's text wraps beside its radio button, not under it.
    assert text.bounding_box()["x"] > radio.bounding_box()["x"] + radio.bounding_box()["width"]


FIGURE_STATE = """plot => ({drawn: plot.dataset.drawn === 'true',
  data: JSON.stringify(plot.data.map(t => [t.visible === undefined ? true : t.visible,
    t.opacity === undefined ? 1 : t.opacity, t.x && t.x.length])),
  layout: JSON.stringify([plot.layout.title, plot.layout.xaxis && plot.layout.xaxis.range]),
  height: plot.getBoundingClientRect().height,
  rows: Math.max(0, ...plot.data.filter(t => t.visible !== false && t.orientation === 'h')
    .map(t => t.y.length))})"""


def drawn_state(page, plot):
    page.wait_for_function("p => p.dataset.drawn === 'true'", arg=plot.element_handle())
    page.wait_for_timeout(50)
    return plot.evaluate(FIGURE_STATE)


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_every_figure_control_works_by_touch_and_keyboard_on_a_phone(phone, name):
    phone.goto((SITE / name).as_uri())
    figures = phone.locator("figure.tb-figure")
    for index in range(figures.count()):
        figure = figures.nth(index)
        plot = figure.locator(".tb-plot")
        plot.scroll_into_view_if_needed()
        before = drawn_state(phone, plot)
        # A drawing fits the screen; a chart of rows may take what its rows need.
        limit = max(700, 100 * before["rows"])
        assert before["height"] < limit, f"{name} figure {index} too tall for a phone"
        controls = figure.locator(".tb-control")
        for c in range(controls.count()):
            control = controls.nth(c)
            buttons = control.locator("button")
            if buttons.count():
                buttons.nth(1).tap()
                assert buttons.nth(1).get_attribute("aria-pressed") == "true"
                after_tap = drawn_state(phone, plot)
                assert after_tap != before, f"{name}: tapping a button changed nothing"
                buttons.nth(0).focus()
                phone.keyboard.press("Enter")
                assert buttons.nth(0).get_attribute("aria-pressed") == "true"
                assert drawn_state(phone, plot)["data"] == before["data"]
            select = control.locator("select")
            if select.count():
                select.focus()
                phone.keyboard.press("ArrowDown")
                assert select.input_value() == "1"
                assert drawn_state(phone, plot) != before, f"{name}: the menu changed nothing"
                select.select_option("0")
            slider = control.locator('input[type="range"]')
            if slider.count():
                slider.focus()
                phone.keyboard.press("ArrowRight")
                assert slider.input_value() == "1"
                assert slider.get_attribute("aria-valuetext") != ""
                assert drawn_state(phone, plot) != before, f"{name}: the slider changed nothing"
                box = slider.bounding_box()
                phone.touchscreen.tap(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
                assert slider.input_value() == slider.get_attribute("max")
        assert page_width(phone) <= 390, f"{name}: figure {index} widened the page"
    assert phone.tb_log.blocked == [] and phone.tb_log.errors == []


def test_a_swipe_that_starts_on_a_figure_is_left_to_the_page(phone):
    """Plotly marks its drag layers touch-action: none, which keeps a swipe from scrolling the
    page; every part of a drawn figure must let vertical swipes through to the page."""
    phone.goto((SITE / "01_facial_nerve.html").as_uri())
    plot = phone.locator(".tb-plot").first
    plot.scroll_into_view_if_needed()
    drawn_state(phone, plot)
    box = plot.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    blocking = phone.evaluate(
        """([x, y]) => [...document.elementsFromPoint(x, y)]
             .filter(e => e.closest('.tb-plot'))
             .map(e => getComputedStyle(e).touchAction)
             .filter(a => a === 'none' || a === 'pinch-zoom' || a === 'pan-x')""",
        list(centre),
    )
    assert blocking == [], f"parts of the figure block a vertical swipe: {blocking}"
