"""The right answer must not give itself away by being the longest choice.

A student who always picks the longest option should do no better than chance. The banks of
lessons 05 to 07 are held to it here (the other banks can join the list once reworked).
"""

import pytest
from twitchbook import load_workbook

from conftest import ROOT

BANKS = ["05_diagnosis", "06_treatment", "07_living_with_it"]


def share_where_answer_is_longest(questions) -> float:
    longest = 0
    for question in questions:
        lengths = {choice.id: len(choice.text) for choice in question.choices}
        if lengths[question.answer] == max(lengths.values()):
            longest += 1
    return longest / len(questions)


@pytest.mark.parametrize("bank", BANKS)
def test_the_right_answer_is_the_longest_choice_in_at_most_a_third_of_questions(bank):
    questions = load_workbook(ROOT).quizzes[bank].questions
    assert share_where_answer_is_longest(questions) <= 1 / 3


def test_the_measure_counts_a_bank_where_the_answer_is_always_longest():
    class Choice:
        def __init__(self, id, text):
            self.id, self.text = id, text

    class Question:
        def __init__(self, answer, *texts):
            self.answer = answer
            self.choices = [Choice(chr(97 + i), t) for i, t in enumerate(texts)]

    always = [Question("a", "the long right answer", "short"), Question("b", "no", "yes, longer")]
    never = [Question("b", "the long wrong answer", "right")]
    assert share_where_answer_is_longest(always) == 1
    assert share_where_answer_is_longest(never) == 0
