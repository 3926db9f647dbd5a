"""Quiz banks 01-03: the right answer is not given away by being the longest choice, and
every choice explains itself (the December 2026 clinical review found the right answer was the
longest in three quarters of the questions, a cue a test-wise student can follow)."""

import pytest
from twitchbook import load_workbook

from conftest import ROOT

BANKS = ["01_facial_nerve", "02_benign_twitches", "03_serious_causes"]


@pytest.fixture(scope="module")
def quizzes():
    return load_workbook(ROOT).quizzes


def answer_is_longest(question) -> bool:
    lengths = {choice.id: len(choice.text) for choice in question.choices}
    return lengths[question.answer] == max(lengths.values())


@pytest.mark.parametrize("bank", BANKS)
def test_the_right_answer_is_the_longest_choice_in_at_most_a_third_of_the_questions(quizzes, bank):
    questions = quizzes[bank].questions
    longest = [q.id for q in questions if answer_is_longest(q)]
    assert len(longest) * 3 <= len(questions), f"{bank}: answer is the longest choice in {longest}"


@pytest.mark.parametrize("bank", BANKS)
def test_every_choice_has_its_own_feedback(quizzes, bank):
    for question in quizzes[bank].questions:
        feedback = [choice.feedback for choice in question.choices]
        assert len(set(feedback)) == len(feedback), f"{bank}: {question.id} repeats feedback"


def test_the_length_rule_catches_a_bank_that_gives_the_answer_away():
    class Choice:
        def __init__(self, id, text):
            self.id, self.text = id, text

    class Question:
        def __init__(self, answer, texts):
            self.answer = answer
            self.choices = [Choice(i, t) for i, t in zip("abcd"[: len(texts)], texts, strict=True)]

    assert answer_is_longest(Question("b", ["No", "Yes, because of a long reason", "Maybe"]))
    assert not answer_is_longest(Question("a", ["Short", "A much longer wrong answer"]))
