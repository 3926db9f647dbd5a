"""Quizzes from the quiz banks in data/quizzes, as plain HTML that needs no kernel and no script.

Each choice is a native radio button, so the keyboard works everywhere: Tab reaches the group,
the arrow keys move between choices and select one. In JupyterLab the arrow and letter keys are
notebook commands (next cell, insert a cell); each radio button carries Lumino's
data-lm-suppress-shortcuts, which tells JupyterLab to leave keys pressed on it to the page
(JupyterLab reads the attribute from the focused element up, so it must be on the input).
Feedback for the chosen answer appears through CSS alone (:checked), in words as well as
colour, and a <details> element reveals the answer and its explanation on demand, even with
scripts and styles off.

The HTML is the same whoever runs it: presenter mode (held-back verdicts, large type) is
decided in the browser by CSS (see presenter.py), so a lesson saved while presenting still
gives students their feedback.
"""

from .citations import cite_list, heading_link
from .loader import workbook
from .presenter import show_presenter_switch
from .render import escape, show_html
from .schema import Question

SORTER_PROMPT = "Sort this case:"


def section_link(lesson: str, section: str) -> str:
    """A link back to the lesson's section, in the form JupyterLab scrolls to."""
    return (
        f'<a class="tb-back" href="{heading_link(lesson + ".ipynb", section)}">'
        f"Review: {escape(section)}</a>"
    )


def question_html(
    question: Question, lesson: str, number: int, total: int, context: str, sorter: bool = False
) -> str:
    key = f"{context}-{question.id}"
    letters = {choice.id: chr(ord("A") + i) for i, choice in enumerate(question.choices)}
    back = section_link(lesson, question.section)
    sources = f" Sources: {cite_list(question.references)}." if question.references else ""
    choices = []
    for choice in question.choices:
        correct = choice.id == question.answer
        verdict = "✓ Correct." if correct else "✗ Not quite."
        choices.append(
            f'<div class="tb-choice">'
            f'<input type="radio" id="{key}-{choice.id}" name="{key}" value="{choice.id}"'
            f' data-correct="{str(correct).lower()}" data-lm-suppress-shortcuts="true">'
            f'<label for="{key}-{choice.id}"><span class="tb-letter">{letters[choice.id]}.</span> '
            f"{escape(choice.text)}</label>"
            f'<p class="tb-feedback" aria-live="polite"><strong>{verdict}</strong> '
            f"{escape(choice.feedback)} {back}</p></div>"
        )
    right = next(c for c in question.choices if c.id == question.answer)
    kind = "Case" if sorter else "Question"
    prompt = f" {SORTER_PROMPT}" if sorter else ""
    return (
        f'<form class="tb-quiz" id="quiz-{key}" data-question="{escape(question.id)}"'
        f' data-lesson="{escape(lesson)}" aria-label="{kind} {number} of {total}">'
        f'<fieldset><legend><span class="tb-q-number">{kind} {number} of {total}.</span>'
        f"{prompt} {escape(question.stem)}</legend>"
        f'<div class="tb-choices">{"".join(choices)}</div>'
        f"</fieldset>"
        '<details class="tb-answer"><summary>Show the answer</summary>'
        f"<p><strong>Answer: {letters[right.id]}. {escape(right.text)}</strong></p>"
        f"<p>{escape(right.feedback)}{sources} {back}</p></details></form>"
    )


def question_text(question: Question, number: int, total: int) -> str:
    """The plain-text twin: the question and its choices, never the answer."""
    lines = [f"Question {number} of {total}. {question.stem}"]
    for i, choice in enumerate(question.choices):
        lines.append(f"  {chr(ord('A') + i)}. {choice.text}")
    return "\n".join(lines)


def quiz(lesson: str, ids: list[str] | None = None, *, context: str | None = None) -> None:
    """Show questions from a lesson's bank: all of them, or those named in ids, in that order."""
    bank = workbook().quizzes[lesson]
    by_id = {q.id: q for q in bank.questions}
    unknown = [i for i in ids or [] if i not in by_id]
    if unknown:
        raise KeyError(f"data/quizzes/{lesson}.yaml has no question {unknown}")
    chosen = [by_id[i] for i in ids] if ids else list(bank.questions)
    _show(chosen, lesson, context or lesson, sorter=bank.kind == "sorter")


def mixed_review(per_lesson: int = 2, *, exclude: tuple = ("08_review",)) -> None:
    """A self-test drawing the first questions of every lesson's bank, lesson by lesson."""
    items = []
    for lesson, bank in sorted(workbook().quizzes.items()):
        if lesson in exclude or bank.kind != "quiz":
            continue
        items += [(lesson, q) for q in bank.questions[:per_lesson]]
    total = len(items)
    markup = "".join(
        question_html(q, lesson, n, total, "review") for n, (lesson, q) in enumerate(items, start=1)
    )
    plain = "\n\n".join(question_text(q, n, total) for n, (_, q) in enumerate(items, start=1))
    show_presenter_switch()
    show_html(f'<div class="tb-quiz-set">{markup}</div>', plain)


def _show(questions, lesson, context, sorter):
    total = len(questions)
    markup = "".join(
        question_html(q, lesson, n, total, context, sorter)
        for n, q in enumerate(questions, start=1)
    )
    plain = "\n\n".join(question_text(q, n, total) for n, q in enumerate(questions, start=1))
    show_presenter_switch()
    show_html(f'<div class="tb-quiz-set">{markup}</div>', plain)
