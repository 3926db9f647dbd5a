"""Lesson 04 on the built site, without a kernel: a branching case and the triage builder
work by keyboard alone and by tap on a phone (390 x 844), and what they show is what the
data say. Build the site first (./workbook site)."""

import pytest
import yaml
from browser import AXE_RULES, LOCAL, open_offline, without_transitions

from conftest import ROOT

PAGE = ROOT / "_build" / "html" / "04_red_flags.html"
CASE_ID = "spasm-with-hearing-loss"
PHONE = (390, 844)

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="site not built: run ./workbook site")


def case_data() -> dict:
    return yaml.safe_load((ROOT / "data" / "cases" / f"{CASE_ID}.yaml").read_text("utf-8"))


def flags_data() -> dict:
    return yaml.safe_load((ROOT / "data" / "red_flags.yaml").read_text("utf-8"))


def sound_path(data: dict) -> list[tuple[dict, dict]]:
    steps = {step["id"]: step for step in data["steps"]}
    path, step_id = [], data["start"]
    while step_id != "debrief":
        choice = next(c for c in steps[step_id]["choices"] if c["sound"])
        path.append((steps[step_id], choice))
        step_id = choice["next"]
    return path


def tab_until(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches selector (as a keyboard user would)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def visible_text(locator) -> str:
    return " ".join(locator.inner_text().split())


def test_a_case_walks_to_its_debrief_by_keyboard_alone(browser):
    page, log = open_offline(browser, PAGE.as_uri(), viewport=PHONE)
    root = f"#case-{CASE_ID}"
    data = case_data()
    page.focus(f"{root} h3")  # start at the case's heading, then use only the keyboard
    for step, choice in sound_path(data):
        current = f'{root} [data-step="{step["id"]}"]'
        assert page.locator(current).is_visible()
        assert page.locator(f"{root} [data-step]:visible").count() == 1
        tab_until(page, f'{current} button[data-choice="{choice["id"]}"]')
        page.keyboard.press("Enter")
        feedback = page.locator(f'{current} [data-for="{choice["id"]}"]')
        assert feedback.is_visible()
        assert " ".join(choice["feedback"].split()) in visible_text(feedback)
        assert "A sound choice." in visible_text(feedback)
        assert page.locator(f"{current} [data-for]:visible").count() == 1
        tab_until(page, f'{current} [data-for="{choice["id"]}"] button[data-next]')
        page.keyboard.press("Space")
    debrief = page.locator(f'{root} [data-step="debrief"]')
    assert debrief.is_visible()
    assert data["debrief"]["summary"] in visible_text(debrief)
    # Focus moved to the new part's heading, so the next Tab continues from there.
    assert page.evaluate("document.activeElement.id") == f"case-{CASE_ID}-debrief"
    assert page.locator(f"{root} .tb-case-trail li").count() == len(sound_path(data))
    assert log.blocked == [] and log.errors == []
    page.close()


def test_the_triage_builder_works_by_keyboard_and_shows_the_most_urgent_finding(browser):
    page, log = open_offline(browser, PAGE.as_uri(), viewport=PHONE)
    rules = {rule["id"]: rule for rule in flags_data()["rules"]}
    result = page.locator(".tb-triage-result")
    assert "Nothing ticked yet" in visible_text(result)
    page.focus(".tb-triage h3")  # start at the builder's heading, then use only the keyboard
    tab_until(page, "#triage-over-2-weeks")
    page.keyboard.press("Space")
    assert f"Urgency: {rules['over-2-weeks']['tier']}." in visible_text(result)
    tab_until(page, "#triage-one-sided-hearing-loss")
    page.keyboard.press("Space")
    text = visible_text(result)
    assert f"Urgency: {rules['one-sided-hearing-loss']['tier']}." in text
    assert rules["one-sided-hearing-loss"]["finding"] in text
    assert rules["over-2-weeks"]["finding"] not in text  # only the deciding reason is shown
    page.keyboard.press("Space")  # untick: back to the other finding
    assert f"Urgency: {rules['over-2-weeks']['tier']}." in visible_text(result)
    assert log.blocked == [] and log.errors == []
    page.close()


def test_case_and_triage_work_by_tap_on_a_phone(browser):
    context = browser.new_context(
        viewport={"width": PHONE[0], "height": PHONE[1]}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    blocked = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else blocked.append(r.url))
    page.goto(PAGE.as_uri(), wait_until="load")
    root = f"#case-{CASE_ID}"
    data = case_data()
    step, choice = sound_path(data)[0]
    unsound = next(c for c in step["choices"] if not c["sound"])
    current = f'{root} [data-step="{step["id"]}"]'
    page.locator(f'{current} button[data-choice="{unsound["id"]}"]').tap()
    shown = visible_text(page.locator(f'{current} [data-for="{unsound["id"]}"]'))
    assert "Not the best choice." in shown
    page.locator(f'{current} [data-for="{unsound["id"]}"] button[data-next]').tap()
    assert page.locator(current).is_visible()  # "try again" stays on the step
    page.locator(f'{current} button[data-choice="{choice["id"]}"]').tap()
    page.locator(f'{current} [data-for="{choice["id"]}"] button[data-next]').tap()
    assert page.locator(f'{root} [data-step="{choice["next"]}"]').is_visible()
    page.locator('label[for="triage-tetany"]').tap()
    assert "Urgency: Emergency (same day)." in visible_text(page.locator(".tb-triage-result"))
    wide = page.evaluate(
        "[...document.querySelectorAll('.tb-case, .tb-triage')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length"
    )
    assert wide == 0, "a case or the triage builder is wider than the phone screen"
    assert blocked == []
    context.close()


def test_case_and_triage_pass_the_accessibility_audit_in_light_and_dark(browser):
    page, _ = open_offline(browser, PAGE.as_uri())
    without_transitions(page)
    page.locator(f'#case-{CASE_ID} button[data-choice="a"]').first.click()
    page.locator("#triage-tetany").check()
    page.evaluate("window.axe || null")
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    found = []
    for mode in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
        results = page.evaluate(
            "opts => axe.run({include: [['.tb-case'], ['.tb-triage']]}, opts)", AXE_RULES
        )
        found += [
            f"{mode}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
    page.close()
    assert found == []
