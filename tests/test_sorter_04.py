"""Lesson 04's sorter: five tiers, a case for each flag the review found missing, and the
right answer not given away by its length."""

from twitchbook import load_workbook

from conftest import ROOT

NEW_FLAGS = {
    "one-sided-hearing-loss",
    "bulbar-symptoms",
    "seizure-jerking",
    "sudden-facial-droop",
    "tetany",
}


def sorter():
    return load_workbook(ROOT).quizzes["04_red_flags"]


def test_the_answer_is_the_longest_choice_in_at_most_a_third_of_the_cases():
    questions = sorter().questions
    longest = [
        q.id
        for q in questions
        if len(next(c.text for c in q.choices if c.id == q.answer))
        == max(len(c.text) for c in q.choices)
    ]
    assert len(longest) * 3 <= len(questions), longest


def test_every_tier_is_the_answer_somewhere_and_every_new_flag_has_a_case():
    bank, flags = sorter(), load_workbook(ROOT).red_flags
    answers = {next(c.text for c in q.choices if c.id == q.answer) for q in bank.questions}
    assert answers == {tier.name for tier in flags.tiers}
    decided = {rule for q in bank.questions for rule in q.decided_by}
    assert NEW_FLAGS <= decided


def test_every_choice_has_its_own_feedback():
    for question in sorter().questions:
        feedback = [choice.feedback for choice in question.choices]
        assert len(set(feedback)) == len(feedback), question.id
