"""The widgets' kernel-free pages in a browser, offline: the controls work by keyboard and
show the states computed ahead in Python."""

from browser import open_offline
from twitchbook.pages import stylesheet
from twitchbook.widgets import study_explorer, test_reasoning


def page_file(tmp_path, body: str):
    path = tmp_path / "widget.html"
    path.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>w</title>'
        f"<style>{stylesheet()}</style></head><body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    return path.as_uri()


def test_test_reasoning_page_follows_the_keyboard(browser, tmp_path):
    data = test_reasoning.load_tests()
    first = data.tests[0]
    page, log = open_offline(
        browser, page_file(tmp_path, test_reasoning.page_html(data, first, 52, "tr"))
    )
    steps = test_reasoning.ladder(data)
    slider = page.locator("#tr-pre")
    slider.focus()
    page.keyboard.press("ArrowRight")
    shown = steps[steps.index(52) + 1]
    expected = test_reasoning.post_test(shown / 100, first.sensitivity, first.specificity)
    assert page.locator("output").inner_text() == f"{shown}%"
    assert page.locator(".tb-icons-text").inner_text() == test_reasoning.describe(
        expected, first.condition
    )
    assert page.locator(".tb-icons .tb-fp").count() == expected.false_positive
    other = data.tests[-1]
    page.locator("#tr-test").select_option(other.id)
    expected = test_reasoning.post_test(shown / 100, other.sensitivity, other.specificity)
    assert page.locator(".tb-result strong").inner_text() == test_reasoning.headline(expected)
    assert page.locator(f".tb-test-source[data-test='{other.id}']").is_visible()
    assert log.blocked == [] and log.errors == []
    page.close()


def test_study_explorer_page_hides_the_studies_the_menus_leave_out(browser, tmp_path):
    frame = study_explorer.studies_frame()
    page, log = open_offline(browser, page_file(tmp_path, study_explorer.page_html(frame)))
    page.locator("select[data-menu=design]").select_option("case series")
    rows = study_explorer.filter_rows(frame, "case series", 0, 0)  # any size, any year
    assert page.locator("tr[data-row]:visible").count() == len(rows)
    assert page.locator(".tb-summary").inner_text() == study_explorer.summary(rows)
    visible = page.locator("li[data-study]:visible")
    assert sorted(visible.evaluate_all("els => els.map(e => e.dataset.study)")) == sorted(
        rows["reference"].unique()
    )
    assert log.blocked == [] and log.errors == []
    page.close()
