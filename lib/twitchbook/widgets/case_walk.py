"""Branching clinical cases (virtual patients) from data/cases: walk one step at a time.

show_case("exam-week-eyelid") displays one bundle: a live ipywidgets walk for JupyterLab, the
same case as plain HTML for the site (every step and all feedback are rendered here, and
widgets/cases.js only shows and hides them), and the whole case as text.

Keys: each choice is its own button, reached with Tab and pressed with Enter or Space.
JupyterLab binds Enter only when a cell itself has focus, and binds letters and arrows
(which these controls do not use), so no key a control needs is taken from it.
"""

import ipywidgets as widgets

from ..citations import cite_list, label
from ..loader import workbook
from ..presenter import is_presenting
from ..render import escape
from ..schema import DEBRIEF, CaseChoice, ClinicalCase
from .display_bundle import show_bundle, stylesheet

KIND_NAMES = {
    "history": "History",
    "examination": "Examination",
    "tests": "Tests",
    "decision": "Decision",
}
SOUND, UNSOUND = "A sound choice.", "Not the best choice."


def get_case(case_id: str) -> ClinicalCase:
    cases = workbook().cases
    if case_id not in cases:
        raise KeyError(f"data/cases has no case '{case_id}' (known: {', '.join(sorted(cases))})")
    return cases[case_id]


def _sources_text(ids) -> str:
    references = workbook().references
    return "; ".join(label(references[ref_id]) for ref_id in ids)


def verdict(choice: CaseChoice) -> str:
    return SOUND if choice.sound else UNSOUND


def feedback_html(choice: CaseChoice) -> str:
    return (
        f"<p><strong>{verdict(choice)}</strong> {escape(choice.feedback)}</p>"
        f'<p class="tb-case-sources">Sources: {cite_list(choice.references)}.</p>'
    )


def _next_label(choice: CaseChoice, step_id: str, case: ClinicalCase) -> str:
    if choice.next == DEBRIEF:
        return "Continue to the debrief"
    if choice.next == step_id:
        return "Try this step again"
    kind = next(s.kind for s in case.steps if s.id == choice.next)
    return f"Continue to {KIND_NAMES[kind].lower()}"


# --- The kernel-free HTML --------------------------------------------------------------------


def case_html(case: ClinicalCase, presenting: bool = False) -> str:
    """Every step, with its choices as buttons and each choice's feedback after it."""
    key = f"case-{case.id}"
    steps = []
    for step in case.steps:
        buttons, notes = [], []
        for choice in step.choices:
            target = f"{key}-{step.id}-{choice.id}"
            buttons.append(
                f'<button type="button" data-choice="{choice.id}" aria-pressed="false"'
                f' aria-controls="{target}">{escape(choice.text)}</button>'
            )
            classes = "tb-case-feedback tb-sound" if choice.sound else "tb-case-feedback"
            notes.append(
                f'<div class="{classes}" id="{target}" data-for="{choice.id}">'
                f'<p class="tb-case-picked">You chose: {escape(choice.text)}</p>'
                f"{feedback_html(choice)}"
                f'<button type="button" data-next="{escape(choice.next)}">'
                f"{escape(_next_label(choice, step.id, case))}</button></div>"
            )
        reveal = (
            '<button type="button" class="tb-case-reveal" hidden>Reveal the feedback</button>'
            if presenting
            else ""
        )
        steps.append(
            f'<div role="group" class="tb-case-step" data-step="{step.id}"'
            f' aria-labelledby="{key}-{step.id}">'
            f'<h4 id="{key}-{step.id}" tabindex="-1"><span class="tb-case-kind">'
            f"{KIND_NAMES[step.kind]}</span><br>{escape(step.prompt)}</h4>"
            f'<div class="tb-case-choices" role="group" aria-label="Choices">'
            f"{''.join(buttons)}</div>"
            f'{reveal}<div class="tb-case-notes" role="status">{"".join(notes)}</div></div>'
        )
    debrief = (
        f'<div role="group" class="tb-case-debrief" data-step="{DEBRIEF}"'
        f' aria-labelledby="{key}-debrief">'
        f'<h4 id="{key}-debrief" tabindex="-1">Debrief</h4>'
        f"<p>{escape(case.debrief.summary)}</p>"
        f'<p class="tb-case-sources">Sources: {cite_list(case.debrief.references)}.</p>'
        f'<button type="button" data-restart="true">Start the case again</button></div>'
    )
    return (
        f'<div class="tb-case" id="{key}" data-case="{escape(case.id)}" data-start="{case.start}"'
        f' data-presenting="{str(presenting).lower()}">'
        f'<h3 tabindex="-1">Case: {escape(case.title)}</h3><p class="tb-case-presentation">'
        f"{escape(case.presentation)}</p>"
        f'<ol class="tb-case-trail" aria-label="Your path so far"></ol>'
        f"{''.join(steps)}{debrief}</div>"
    )


def case_text(case: ClinicalCase) -> str:
    """The whole case as text: every step, every choice with its feedback, and the debrief."""
    lines = [f"Case: {case.title}", case.presentation, ""]
    for step in case.steps:
        lines.append(f"{KIND_NAMES[step.kind]}: {step.prompt}")
        for choice in step.choices:
            where = "the debrief" if choice.next == DEBRIEF else f"step '{choice.next}'"
            lines.append(f"  {choice.id.upper()}. {choice.text}")
            lines.append(
                f"     {verdict(choice)} {choice.feedback} (Sources: "
                f"{_sources_text(choice.references)}.) Next: {where}."
            )
        lines.append("")
    lines.append(
        f"Debrief: {case.debrief.summary} (Sources: {_sources_text(case.debrief.references)}.)"
    )
    return "\n".join(lines)


# --- The live widget -------------------------------------------------------------------------


class CaseWalk:
    """The case as ipywidgets: one step shown at a time, a button per choice."""

    def __init__(self, case: ClinicalCase, presenting: bool | None = None):
        self.case = case
        self.presenting = is_presenting() if presenting is None else presenting
        self.steps = {step.id: step for step in case.steps}
        self.trail_items: list[str] = []
        self.title = widgets.HTML(
            f"<h3>Case: {escape(case.title)}</h3><p>{escape(case.presentation)}</p>"
        )
        self.trail = widgets.HTML()
        self.prompt = widgets.HTML()
        self.choice_box = widgets.VBox()
        self.feedback = widgets.HTML()
        self.reveal_button = widgets.Button(description="Reveal the feedback")
        self.continue_button = widgets.Button(description="Continue")
        self.restart_button = widgets.Button(description="Start the case again")
        self.reveal_button.on_click(lambda _: self.reveal())
        self.continue_button.on_click(lambda _: self.go_on())
        self.restart_button.on_click(lambda _: self.restart())
        self.view = widgets.VBox(
            [
                # JupyterLab draws the widget, not the HTML part that carries the styles.
                widgets.HTML(f"<style>{stylesheet()}</style>"),
                self.title,
                self.trail,
                self.prompt,
                self.choice_box,
                self.reveal_button,
                self.feedback,
                self.continue_button,
                self.restart_button,
            ]
        )
        self.view.add_class("tb-case-widget")
        self.restart()

    # State: the current step (or the debrief) and the choice picked on it.
    def restart(self) -> None:
        self.trail_items = []
        self._show_step(self.case.start)

    def _show_step(self, step_id: str) -> None:
        self.current, self.picked, self.revealed = step_id, None, False
        self.feedback.value = ""
        self.continue_button.layout.display = "none"
        self.reveal_button.layout.display = "none"
        self.trail.value = (
            "<ol aria-label='Your path so far'>"
            + "".join(f"<li>{escape(item)}</li>" for item in self.trail_items)
            + "</ol>"
            if self.trail_items
            else ""
        )
        if step_id == DEBRIEF:
            self.prompt.value = (
                f"<h4>Debrief</h4><p>{escape(self.case.debrief.summary)}</p>"
                f"<p>Sources: {cite_list(self.case.debrief.references)}.</p>"
            )
            self.choice_box.children = []
            self.restart_button.layout.display = None
            self.restart_button.focus()
            return
        self.restart_button.layout.display = "none"
        step = self.steps[step_id]
        self.prompt.value = (
            f"<h4><span class='tb-case-kind'>{KIND_NAMES[step.kind]}</span><br>"
            f"{escape(step.prompt)}</h4>"
        )
        buttons = []
        for choice in step.choices:
            button = widgets.Button(
                description=choice.text,
                tooltip=choice.text,
                layout=widgets.Layout(width="100%"),
            )
            button.on_click(lambda _, c=choice: self.choose(c.id))
            buttons.append(button)
        self.choice_box.children = buttons
        buttons[0].focus()

    @property
    def choice_buttons(self) -> list:
        return list(self.choice_box.children)

    def choose(self, choice_id: str) -> None:
        step = self.steps[self.current]
        self.picked = next(c for c in step.choices if c.id == choice_id)
        for button, choice in zip(self.choice_buttons, step.choices, strict=True):
            button.button_style = "info" if choice is self.picked else ""
            button.icon = "check" if choice is self.picked else ""
        if self.presenting and not self.revealed:
            self.feedback.value = (
                f"<p role='status'>Chosen: {escape(self.picked.text)}. "
                "The feedback is held until it is revealed.</p>"
            )
            self.reveal_button.layout.display = None
            return
        self._show_feedback()

    def reveal(self) -> None:
        self.revealed = True
        self.reveal_button.layout.display = "none"
        if self.picked is not None:
            self._show_feedback()

    def _show_feedback(self) -> None:
        choice = self.picked
        self.feedback.value = (
            f"<div role='status' class='tb-case-feedback{' tb-sound' if choice.sound else ''}'>"
            f"<p>You chose: {escape(choice.text)}</p>{feedback_html(choice)}</div>"
        )
        self.continue_button.description = _next_label(choice, self.current, self.case)
        self.continue_button.layout.display = None

    def go_on(self) -> None:
        if self.picked is None:
            return
        step = self.steps[self.current]
        picked = self.picked
        self.trail_items.append(f"{KIND_NAMES[step.kind]}: {picked.text} ({verdict(picked)})")
        self._show_step(self.picked.next)


def show_case(case_id: str) -> None:
    """Show one case from data/cases in a lesson (returns nothing, so no stray output)."""
    case = get_case(case_id)
    presenting = is_presenting()
    show_bundle(
        lambda: CaseWalk(case, presenting).view,
        case_html(case, presenting),
        case_text(case),
        walk=True,
    )
