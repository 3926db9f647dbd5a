"""From a test result to a probability: pre-test probability, sensitivity and specificity give
the post-test probability, shown as natural frequencies in 100 people (lesson 05).

One function, post_test(), does the arithmetic. The live widget calls it whenever a slider
moves; the kernel-free page carries the results post_test() gave for every cited test at a
ladder of pre-test probabilities, and its script only looks them up and draws them.
"""

from dataclasses import dataclass
from pathlib import Path

from ..citations import cite_list
from ..errors import DataError
from ..loader import workbook
from ..paths import ROOT
from ..render import escape
from ..schema import DiagnosticAccuracyFile, DiagnosticTest
from .base import check_references, load_data, show_bundle, states_json

DATA = "data/tests/diagnostic_accuracy.yaml"
# Pre-test probabilities (in %) the kernel-free page offers; the data's examples are added.
PRETEST_LADDER = (1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99)
# One letter per person in the icon array: ill and test positive, ill and negative, well and
# positive, well and negative.
ICON_CLASSES = {"P": "tb-tp", "N": "tb-fn", "F": "tb-fp", "T": "tb-tn"}
LEGEND = {
    "P": "has it, test positive",
    "N": "has it, test negative (missed)",
    "F": "does not have it, test positive (false alarm)",
    "T": "does not have it, test negative",
}


@dataclass(frozen=True)
class Result:
    pretest: float
    sensitivity: float
    specificity: float
    positive: float  # probability of the condition after a positive result
    negative: float  # probability of the condition after a negative result
    ill: int  # of 100 people
    true_positive: int
    false_negative: int
    false_positive: int
    true_negative: int

    @property
    def icons(self) -> str:
        """The 100 people, ill first: 'P' * true positives + 'N' * ... (row by row, 10 a row)."""
        return (
            "P" * self.true_positive
            + "N" * self.false_negative
            + "F" * self.false_positive
            + "T" * self.true_negative
        )


def post_test(pretest: float, sensitivity: float, specificity: float) -> Result:
    """Bayes' rule for a test, and the same as whole people out of 100 (rounded)."""
    for name, value in (("pretest", pretest), ("sensitivity", sensitivity)):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be between 0 and 1, not {value}")
    if not 0 <= specificity <= 1:
        raise ValueError(f"specificity must be between 0 and 1, not {specificity}")
    ill_and_positive = pretest * sensitivity
    well_and_positive = (1 - pretest) * (1 - specificity)
    ill_and_negative = pretest * (1 - sensitivity)
    well_and_negative = (1 - pretest) * specificity
    positives = ill_and_positive + well_and_positive
    negatives = ill_and_negative + well_and_negative
    ill = round(100 * pretest)
    true_positive = round(ill * sensitivity)
    false_positive = round((100 - ill) * (1 - specificity))
    return Result(
        pretest=pretest,
        sensitivity=sensitivity,
        specificity=specificity,
        positive=ill_and_positive / positives if positives else 0.0,
        negative=ill_and_negative / negatives if negatives else 0.0,
        ill=ill,
        true_positive=true_positive,
        false_negative=ill - true_positive,
        false_positive=false_positive,
        true_negative=100 - ill - false_positive,
    )


def percent(value: float) -> str:
    return f"{round(100 * value)}%"


def describe(result: Result, condition: str) -> str:
    """The result in words: the text alternative of the icon array, and its caption."""
    positives = result.true_positive + result.false_positive
    negatives = result.false_negative + result.true_negative
    return (
        f"Before the test: {percent(result.pretest)} chance of {condition}. "
        f"Sensitivity {percent(result.sensitivity)}, specificity "
        f"{percent(result.specificity)}. "
        f"After a positive result: {percent(result.positive)}. "
        f"After a negative result: {percent(result.negative)}. "
        f"Out of 100 people like this, about {result.ill} have {condition} and "
        f"{100 - result.ill} do not. The test is positive in {result.true_positive} of the "
        f"{result.ill} who have it and in {result.false_positive} of the {100 - result.ill} who "
        f"do not, so {result.true_positive} of the {positives} people with a positive result "
        f"have it; {result.false_negative} of the {negatives} with a negative result still do."
    )


def load_tests(root: Path = ROOT) -> DiagnosticAccuracyFile:
    data = load_data("diagnostic_tests", "diagnostic_accuracy", root)
    known = workbook().references if Path(root) == ROOT else None
    seen = set()
    for test in data.tests:
        if test.id in seen:
            raise DataError(DATA, test.id, "id", "is used twice")
        seen.add(test.id)
        if known is not None:
            check_references(DATA, test.id, test.references, known)
    for example in data.pretest:
        if known is not None:
            check_references(DATA, example.id, example.references, known)
    return data


def ladder(data: DiagnosticAccuracyFile) -> list[int]:
    examples = {round(100 * e.probability) for e in data.pretest}
    return sorted({*PRETEST_LADDER, *examples} - {0, 100})


def states(data: DiagnosticAccuracyFile) -> dict:
    """Every state the kernel-free page can show, computed here by post_test()."""
    steps = ladder(data)
    table = {}
    for test in data.tests:
        table[test.id] = [
            {
                # The icon array's four groups, in the order Result.icons draws them.
                "counts": [
                    (r := post_test(p / 100, test.sensitivity, test.specificity)).true_positive,
                    r.false_negative,
                    r.false_positive,
                    r.true_negative,
                ],
                "text": describe(r, test.condition),
                "headline": headline(r),
            }
            for p in steps
        ]
    return {"steps": steps, "tests": table}


def icon_array(result: Result) -> str:
    icons = "".join(f'<span class="tb-icon {ICON_CLASSES[c]}"></span>' for c in result.icons)
    legend = "".join(
        f'<li><span class="tb-icon {ICON_CLASSES[key]}" aria-hidden="true"></span>{text}</li>'
        for key, text in LEGEND.items()
    )
    return (
        f'<div class="tb-icons" aria-hidden="true">{icons}</div>'
        f'<ul class="tb-legend" aria-label="Key to the 100 people">{legend}</ul>'
    )


def headline(result: Result) -> str:
    return (
        f"After a positive result: {percent(result.positive)}. "
        f"After a negative result: {percent(result.negative)}."
    )


def result_html(result: Result, condition: str) -> str:
    return (
        f'<p class="tb-result"><strong>{headline(result)}</strong></p>'
        f"{icon_array(result)}"
        f'<p class="tb-icons-text">{escape(describe(result, condition))}</p>'
    )


def sources(test: DiagnosticTest) -> str:
    return f"{escape(test.population)}. Source: {cite_list(test.references)}."


# The page script: looks the chosen state up and draws it. No arithmetic happens here.
PAGE_SCRIPT = """(function (box) {
  var states = JSON.parse(box.querySelector("script.tb-states").textContent);
  var test = box.querySelector("select"), pre = box.querySelector("input[type=range]");
  var shown = box.querySelector("output"), icons = box.querySelector(".tb-icons");
  var text = box.querySelector(".tb-icons-text"), result = box.querySelector(".tb-result strong");
  var sourceLines = box.querySelectorAll(".tb-test-source");
  var classes = {P: "tb-tp", N: "tb-fn", F: "tb-fp", T: "tb-tn"};
  function draw() {
    var step = states.steps[Number(pre.value)];
    var state = states.tests[test.value][Number(pre.value)];
    shown.textContent = step + "%";
    pre.setAttribute("aria-valuetext", step + "%");
    icons.textContent = "";
    "PNFT".split("").forEach(function (c, group) {
      for (var i = 0; i < state.counts[group]; i++) {
        var icon = document.createElement("span");
        icon.className = "tb-icon " + classes[c];
        icons.appendChild(icon);
      }
    });
    text.textContent = state.text;
    result.textContent = state.headline;
    sourceLines.forEach(function (line) { line.hidden = line.dataset.test !== test.value; });
  }
  test.addEventListener("change", draw);
  pre.addEventListener("input", draw);
})(document.currentScript.parentElement);"""


def page_html(data: DiagnosticAccuracyFile, test: DiagnosticTest, pretest: int, uid: str) -> str:
    """The kernel-free version: a select and a range input over the precomputed states."""
    steps = ladder(data)
    index = steps.index(pretest)
    options = "".join(
        f'<option value="{escape(t.id)}"{" selected" if t.id == test.id else ""}>'
        f"{escape(t.name)}</option>"
        for t in data.tests
    )
    source_lines = "".join(
        f'<p class="tb-test-source" data-test="{escape(t.id)}"'
        f"{'' if t.id == test.id else ' hidden'}>{sources(t)}</p>"
        for t in data.tests
    )
    result = post_test(pretest / 100, test.sensitivity, test.specificity)
    return (
        f'<div class="tb-widget tb-test-reasoning" id="{uid}" data-lm-suppress-shortcuts="true">'
        f'<div class="tb-widget-title">From a test result to a probability</div>'
        f"<fieldset><legend>Choose a test and the chance before it</legend>"
        f'<p><label for="{uid}-test">Criteria and study</label> '
        f'<select id="{uid}-test" data-lm-suppress-shortcuts="true">{options}</select></p>'
        f'<p><label for="{uid}-pre">Chance of the disease before the test</label> '
        f'<input type="range" id="{uid}-pre" data-lm-suppress-shortcuts="true"'
        f' min="0" max="{len(steps) - 1}" step="1"'
        f' value="{index}" aria-valuetext="{pretest}%"> '
        f'<output for="{uid}-pre">{pretest}%</output></p></fieldset>'
        f'<div aria-live="polite">{result_html(result, test.condition)}</div>'
        f"{source_lines}{pretest_note(data)}"
        f'<script type="application/json" class="tb-states">{states_json(states(data))}</script>'
        f"<script>{PAGE_SCRIPT}</script></div>"
    )


def pretest_note(data: DiagnosticAccuracyFile) -> str:
    if not data.pretest:
        return ""
    items = "".join(
        f"<li>{escape(e.setting)}: {percent(e.probability)} ({cite_list(e.references)}).</li>"
        for e in data.pretest
    )
    return f"<p>A chance before the test seen in real patients:</p><ul>{items}</ul>"


def live_widget(data: DiagnosticAccuracyFile, test: DiagnosticTest, pretest: int):
    """Sliders and a menu that recompute with post_test() in the kernel."""
    import ipywidgets as w

    by_id = {t.id: t for t in data.tests}
    style = {"description_width": "16em"}
    layout = w.Layout(width="42em")
    choose = w.Dropdown(
        options=[(t.name, t.id) for t in data.tests],
        value=test.id,
        description="Criteria and study",
        style=style,
        layout=layout,
    )
    pre = w.IntSlider(
        value=pretest,
        min=1,
        max=99,
        description="Chance before the test (%)",
        style=style,
        layout=layout,
    )

    def percent_slider(fraction: float, description: str) -> w.FloatSlider:
        # In percent with one decimal, so a study's own figures (e.g. 60.7%) are exact.
        return w.FloatSlider(
            value=100 * fraction,
            min=0,
            max=100,
            step=0.1,
            readout_format=".1f",
            description=description,
            style=style,
            layout=layout,
        )

    sens = percent_slider(test.sensitivity, "Sensitivity (%)")
    spec = percent_slider(test.specificity, "Specificity (%)")
    out = w.HTML()
    source = w.HTML()

    def redraw(_=None):
        chosen = by_id[choose.value]
        result = post_test(pre.value / 100, round(sens.value, 1) / 100, round(spec.value, 1) / 100)
        drawn = result_html(result, chosen.condition)
        out.value = f'<div class="tb-widget" aria-live="polite">{drawn}</div>'
        source.value = f'<p class="tb-widget">{sources(chosen)} {pretest_note(data)}</p>'

    def use_test(_):
        chosen = by_id[choose.value]
        sens.value, spec.value = 100 * chosen.sensitivity, 100 * chosen.specificity
        redraw()

    choose.observe(use_test, names="value")
    for slider in (pre, sens, spec):
        slider.observe(redraw, names="value")
    redraw()
    title = w.HTML('<div class="tb-widget-title">From a test result to a probability</div>')
    box = w.VBox([title, choose, pre, sens, spec, out, source])
    box.add_class("tb-widget")
    return box


def show_test_reasoning(test: str | None = None, pretest: int | None = None) -> None:
    """Show the widget: live sliders in JupyterLab, the precomputed page elsewhere, and text.

    test: a test id from data/tests/diagnostic_accuracy.yaml (default: the first).
    pretest: the starting chance before the test, in % (default: the data's first example).
    """
    data = load_tests()
    by_id = {t.id: t for t in data.tests}
    if test is not None and test not in by_id:
        raise KeyError(f"{DATA} has no test '{test}' (it has {', '.join(by_id)})")
    chosen = by_id[test] if test else data.tests[0]
    start = pretest if pretest is not None else ladder(data)[len(ladder(data)) // 2]
    if data.pretest and pretest is None:
        start = round(100 * data.pretest[0].probability)
    if start not in ladder(data):
        raise ValueError(f"pretest {start}% is not one of {ladder(data)}")
    result = post_test(start / 100, chosen.sensitivity, chosen.specificity)
    plain = f"{chosen.name}. {describe(result, chosen.condition)} {chosen.population}."
    show_bundle(
        live_widget(data, chosen, start), page_html(data, chosen, start, f"tr-{chosen.id}"), plain
    )
