"""The widgets without a browser: the arithmetic, the precomputed page, the data checks, and
the output contract (one bundle: live widget, kernel-free HTML, text)."""

import json

import pytest
import yaml
from bs4 import BeautifulSoup
from twitchbook.errors import DataError
from twitchbook.widgets import study_explorer, test_reasoning
from twitchbook.widgets.base import WIDGET_VIEW

from conftest import ROOT, displayed


def test_post_test_probability_follows_bayes_rule_and_counts_add_up():
    # 10% before, sensitivity 90%, specificity 80%: 9 true positives against 18 false ones.
    result = test_reasoning.post_test(0.10, 0.90, 0.80)
    assert result.positive == pytest.approx(0.09 / (0.09 + 0.18))
    assert result.negative == pytest.approx(0.01 / (0.01 + 0.72))
    assert (result.true_positive, result.false_negative) == (9, 1)
    assert (result.false_positive, result.true_negative) == (18, 72)
    assert len(result.icons) == 100 and result.icons.count("F") == 18


@pytest.mark.parametrize("bad", [-0.1, 1.2])
def test_probabilities_outside_zero_to_one_are_refused(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        test_reasoning.post_test(bad, 0.5, 0.5)


def test_the_text_says_what_the_icons_show():
    result = test_reasoning.post_test(0.52, 0.931, 0.288)
    text = test_reasoning.describe(result, "ALS")
    assert "After a positive result: 59%." in text
    assert f"positive in {result.true_positive} of the {result.ill}" in text


def spoil(project, text):
    path = project / test_reasoning.DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


GOOD = yaml.safe_load((ROOT / test_reasoning.DATA).read_text(encoding="utf-8"))


@pytest.mark.parametrize("field, value", [("sensitivity", 1.5), ("specificity", -0.2)])
def test_a_probability_outside_zero_to_one_in_the_data_is_one_clear_error(project, field, value):
    data = json.loads(json.dumps(GOOD))
    data["tests"][0][field] = value
    spoil(project, yaml.safe_dump(data))
    with pytest.raises(DataError) as err:
        test_reasoning.load_tests(project)
    message = str(err.value)
    assert "data/tests/diagnostic_accuracy.yaml" in message
    assert data["tests"][0]["id"] in message and field in message


def test_the_page_carries_every_state_computed_ahead_and_no_arithmetic():
    data = test_reasoning.load_tests()
    test = data.tests[0]
    page = BeautifulSoup(test_reasoning.page_html(data, test, 52, "tr"), "html.parser")
    states = json.loads(page.select_one("script.tb-states").string)
    steps = states["steps"]
    assert 52 in steps and steps == sorted(steps)
    for t in data.tests:
        for step, state in zip(steps, states["tests"][t.id], strict=True):
            expected = test_reasoning.post_test(step / 100, t.sensitivity, t.specificity)
            assert sum(state["counts"]) == 100
            assert state["counts"][0] == expected.true_positive
    script = page.find_all("script")[-1].string
    assert "*" not in script and "/" not in script.replace("//", ""), "the page must not compute"
    assert page.select_one("input[type=range]")["aria-valuetext"] == "52%"
    assert len(page.select(".tb-icons .tb-icon")) == 100


def test_each_widget_shows_one_bundle_with_live_view_html_and_text():
    for show in (test_reasoning.show_test_reasoning, study_explorer.show_study_explorer):
        outputs = displayed(show)
        assert len(outputs) == 1, show.__name__
        bundle = outputs[0]
        assert {"text/html", "text/plain"} <= set(bundle)
        assert WIDGET_VIEW in bundle
        assert "tb-widget" in bundle["text/html"] and bundle["text/plain"]


def test_study_filters_keep_only_matching_studies():
    frame = study_explorer.studies_frame()
    series = study_explorer.filter_rows(frame, "case series", 0, 1990)
    assert set(series["design"]) == {"case series"}
    large = study_explorer.filter_rows(frame, study_explorer.ANY, 1000, 1990)
    assert set(large["reference"]) == {"miller2012"}
    recent = study_explorer.filter_rows(frame, study_explorer.ANY, 0, 2015)
    assert (recent["year"] >= 2015).all() and not recent.empty
    assert study_explorer.summary(frame.iloc[0:0]) == "No study matches these choices."


def test_study_states_match_the_filter_for_every_menu_combination():
    frame = study_explorer.studies_frame()
    states = study_explorer.states(frame)
    designs, years = study_explorer.choices(frame)
    assert len(states) == len(designs) * len(study_explorer.SIZES) * len(years)
    key = study_explorer.state_key("case series", 100, years[0])
    rows = study_explorer.filter_rows(frame, "case series", 100, years[0])
    assert states[key]["rows"] == list(rows["row"])
    page = BeautifulSoup(study_explorer.page_html(frame), "html.parser")
    assert len(page.select("tr[data-row]")) == len(frame)
    assert [s["data-menu"] for s in page.select("select")] == ["design", "size", "year"]
