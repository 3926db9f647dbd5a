"""The live widgets, driven without a browser: clicks and ticks change what is shown as the
data say. Expected values are read from the data files, not from the widget code."""

import ipywidgets as widgets
import pytest
import yaml
from twitchbook.widgets import case_walk, triage
from twitchbook.widgets.display_bundle import bundle

from conftest import ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def case_data(case_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "cases" / f"{case_id}.yaml").read_text("utf-8"))


def flags_data() -> dict:
    return yaml.safe_load((ROOT / "data" / "red_flags.yaml").read_text("utf-8"))


def step_of(data: dict, step_id: str) -> dict:
    return next(step for step in data["steps"] if step["id"] == step_id)


@pytest.mark.parametrize(
    "case_id", sorted(p.stem for p in (ROOT / "data" / "cases").glob("*.yaml"))
)
def test_walking_the_first_choice_at_every_step_follows_the_data_to_the_debrief(case_id):
    data = case_data(case_id)
    walk = case_walk.CaseWalk(case_walk.get_case(case_id), presenting=False)
    step_id, seen = data["start"], []
    while step_id != "debrief":
        step = step_of(data, step_id)
        assert step["prompt"] in walk.prompt.value.replace("&#x27;", "'")
        assert [b.description for b in walk.choice_buttons] == [c["text"] for c in step["choices"]]
        # Take the first choice that moves on, so a "try again" choice does not loop forever.
        choice = next((c for c in step["choices"] if c["next"] != step_id), step["choices"][0])
        index = step["choices"].index(choice)
        assert walk.continue_button.layout.display == "none"  # nothing to continue to yet
        walk.choice_buttons[index].click()
        shown = walk.feedback.value.replace("&#x27;", "'")
        assert choice["feedback"] in shown
        assert ("A sound choice." if choice["sound"] else "Not the best choice.") in shown
        assert walk.continue_button.layout.display is None
        walk.continue_button.click()
        seen.append(step_id)
        step_id = choice["next"]
    assert data["debrief"]["summary"] in walk.prompt.value.replace("&#x27;", "'")
    assert walk.choice_buttons == []
    assert len(walk.trail_items) == len(seen)
    walk.restart_button.click()
    assert step_of(data, data["start"])["prompt"] in walk.prompt.value.replace("&#x27;", "'")


def test_a_try_again_choice_returns_to_the_same_step_with_its_feedback():
    data = case_data("exam-week-eyelid")
    start = step_of(data, data["start"])
    retry = next(c for c in start["choices"] if c["next"] == start["id"])
    walk = case_walk.CaseWalk(case_walk.get_case("exam-week-eyelid"), presenting=False)
    walk.choice_buttons[start["choices"].index(retry)].click()
    assert retry["feedback"] in walk.feedback.value
    assert walk.continue_button.description == "Try this step again"
    walk.continue_button.click()
    assert start["prompt"] in walk.prompt.value
    assert walk.feedback.value == ""


def test_presenter_mode_holds_case_feedback_until_revealed():
    data = case_data("spasm-with-hearing-loss")
    first = step_of(data, data["start"])["choices"][0]
    walk = case_walk.CaseWalk(case_walk.get_case("spasm-with-hearing-loss"), presenting=True)
    walk.choice_buttons[0].click()
    assert first["feedback"] not in walk.feedback.value
    assert "held until it is revealed" in walk.feedback.value
    assert walk.continue_button.layout.display == "none"
    walk.reveal_button.click()
    assert first["feedback"] in walk.feedback.value
    assert walk.continue_button.layout.display is None


def test_every_choice_is_its_own_button_named_by_its_text():
    walk = case_walk.CaseWalk(case_walk.get_case("both-eyes-forced-shut"), presenting=False)
    assert all(isinstance(b, widgets.Button) for b in walk.choice_buttons)
    assert all(b.description and b.tooltip == b.description for b in walk.choice_buttons)


def most_urgent_by_hand(rule_ids: list[str]) -> dict:
    data = flags_data()
    rank = {tier["name"]: tier["rank"] for tier in data["tiers"]}
    rules = [r for r in data["rules"] if r["id"] in rule_ids]
    return min(rules, key=lambda r: rank[r["tier"]])


@pytest.mark.parametrize(
    "ticked",
    [
        ["over-2-weeks"],
        ["over-2-weeks", "one-sided-hearing-loss"],
        ["normal-strength", "tetany", "bulbar-symptoms"],
        ["spread-to-mouth", "feels-weak-or-stiff"],
    ],
)
def test_the_triage_shows_the_most_urgent_ticked_finding_and_its_tier(ticked):
    builder = triage.TriageBuilder(presenting=False)
    assert "Nothing ticked yet" in builder.result.value
    for rule_id in ticked:
        builder.checkboxes[rule_id].value = True
    expected = most_urgent_by_hand(ticked)
    shown = builder.result.value.replace("&#x27;", "'")
    assert f"Urgency: {expected['tier']}." in shown
    assert f"Decided by: {expected['finding']}" in shown
    builder.checkboxes[expected["id"]].value = False
    rest = [r for r in ticked if r != expected["id"]]
    if rest:
        assert f"Urgency: {most_urgent_by_hand(rest)['tier']}." in builder.result.value
    else:
        assert "Nothing ticked yet" in builder.result.value


def test_presenter_mode_holds_the_triage_result_until_revealed():
    builder = triage.TriageBuilder(presenting=True)
    builder.checkboxes["tetany"].value = True
    assert "Urgency:" not in builder.result.value
    assert "held until it is revealed" in builder.result.value
    builder.reveal_button.click()
    assert "Urgency: Emergency (same day)." in builder.result.value


def test_every_rule_is_a_checkbox_labelled_by_its_finding():
    data = flags_data()
    builder = triage.TriageBuilder(presenting=False)
    assert {r["id"]: r["finding"] for r in data["rules"]} == {
        rule_id: box.description for rule_id, box in builder.checkboxes.items()
    }


def test_the_bundle_carries_the_widget_only_when_a_live_front_end_is_attached():
    html, text = "<p>kernel-free</p>", "text twin"
    made = []

    def make():
        made.append(True)
        return widgets.Button(description="x")

    saved = bundle(make, html, text, live=False)
    assert WIDGET_VIEW not in saved and made == []  # no widget model made for saved outputs
    assert saved["text/plain"] == text and html in saved["text/html"]
    live = bundle(make, html, text, live=True)
    assert WIDGET_VIEW in live and live["text/plain"] == text and html in live["text/html"]


def test_the_text_twins_hold_the_whole_case_and_the_whole_rule_list():
    data = case_data("fasciculations-with-wasting")
    text = case_walk.case_text(case_walk.get_case("fasciculations-with-wasting"))
    for step in data["steps"]:
        assert step["prompt"] in text
        for choice in step["choices"]:
            assert choice["text"] in text and choice["feedback"] in text
    assert data["debrief"]["summary"] in text
    rules_text = triage.triage_text(triage.triage_rules())
    for rule in flags_data()["rules"]:
        assert f"{rule['finding']}: {rule['tier']}." in rules_text


def test_the_page_html_gives_each_finding_the_rank_of_its_tier():
    data = flags_data()
    rank = {tier["name"]: tier["rank"] for tier in data["tiers"]}
    html = triage.triage_html(triage.triage_rules())
    for rule in data["rules"]:
        assert f'value="{rule["id"]}" data-rank="{rank[rule["tier"]]}"' in html
