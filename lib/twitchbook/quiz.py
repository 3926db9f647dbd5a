"""Quizzes from the quiz banks in data/quizzes, as plain HTML that needs no kernel and no script.

Each choice is a native radio button, so the keyboard works everywhere. Feedback for the chosen
answer appears through CSS alone (:checked), in words rather than colour, and a <details>
element reveals the answer and its explanation on demand, even with scripts and styles off.
"""

from docutils.nodes import make_id

from .citations import cite_list
from .loader import workbook
from .presenter import is_presenting
from .render import escape, show_html
from .schema import Question

SORTER_PROMPT = "Sort this case:"


def section_link(lesson: str, section: str) -> str:
    """A link to a lesson's section; the id is the one the site generator gives the heading."""
    return (
        f'<a class="tb-back" href="{lesson}.ipynb#{make_id(section)}">Review: {escape(section)}</a>'
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
            f' data-correct="{str(correct).lower()}">'
            f'<label for="{key}-{choice.id}"><span class="tb-letter">{letters[choice.id]}.</span> '
            f"{escape(choice.text)}</label>"
            f'<p class="tb-feedback" aria-live="polite"><strong>{verdict}</strong> '
            f"{escape(choice.feedback)} {back}</p></div>"
        )
    right = next(c for c in question.choices if c.id == question.answer)
    kind = "Case" if sorter else "Question"
    prompt = f" {SORTER_PROMPT}" if sorter else ""
    # Presenting to a class: a chosen answer shows no verdict until the answer is revealed.
    classes = "tb-quiz tb-presenting" if is_presenting() else "tb-quiz"
    return (
        f'<form class="{classes}" id="quiz-{key}" data-question="{escape(question.id)}"'
        f' data-lesson="{escape(lesson)}" aria-label="{kind} {number} of {total}">'
        f'<fieldset><legend><span class="tb-q-number">{kind} {number} of {total}.</span>'
        f"{prompt} {escape(question.stem)}</legend>"
        f'<div class="tb-choices">{"".join(choices)}</div></fieldset>'
        f'<details class="tb-answer"><summary>{"Reveal" if is_presenting() else "Show"} the answer'
        f"</summary>"
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
    show_html(f'<div class="tb-quiz-set">{markup}</div>', plain)


def _show(questions, lesson, context, sorter):
    total = len(questions)
    markup = "".join(
        question_html(q, lesson, n, total, context, sorter)
        for n, q in enumerate(questions, start=1)
    )
    plain = "\n\n".join(question_text(q, n, total) for n, q in enumerate(questions, start=1))
    show_html(f'<div class="tb-quiz-set">{markup}</div>', plain)
