"""No quiz bank gives its answers away.

The December 2026 clinical review found the right answer was the longest choice in 31 of 41
questions, a cue a test-wise student can follow without knowing any medicine. Every bank is
held here to: the right answer is the longest choice in at most a third of its questions, and
every choice explains itself with feedback of its own.
"""

import pytest
from twitchbook import load_workbook

from conftest import ROOT

BOOK = load_workbook(ROOT)
BANKS = sorted(BOOK.quizzes)


def answer_is_longest(question) -> bool:
    lengths = {choice.id: len(choice.text) for choice in question.choices}
    return lengths[question.answer] == max(lengths.values())


def test_every_lesson_bank_is_checked():
    assert len(BANKS) >= 7


@pytest.mark.parametrize("bank", BANKS)
def test_the_right_answer_is_the_longest_choice_in_at_most_a_third_of_the_questions(bank):
    questions = BOOK.quizzes[bank].questions
    longest = [q.id for q in questions if answer_is_longest(q)]
    assert len(longest) * 3 <= len(questions), f"{bank}: answer is the longest choice in {longest}"


@pytest.mark.parametrize("bank", BANKS)
def test_every_choice_has_its_own_feedback(bank):
    for question in BOOK.quizzes[bank].questions:
        feedback = [choice.feedback for choice in question.choices]
        assert len(set(feedback)) == len(feedback), f"{bank}: {question.id} repeats feedback"


def test_the_length_rule_catches_an_answer_that_is_the_longest_choice():
    class Choice:
        def __init__(self, id, text):
            self.id, self.text = id, text

    class Question:
        def __init__(self, answer, texts):
            self.answer = answer
            self.choices = [Choice(i, t) for i, t in zip("abcd"[: len(texts)], texts, strict=True)]

    assert answer_is_longest(Question("b", ["No", "Yes, because of a long reason", "Maybe"]))
    assert not answer_is_longest(Question("a", ["Short", "A much longer wrong answer"]))
