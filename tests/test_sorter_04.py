"""Lesson 04's sorter: five tiers, and a case for each flag the review found missing.

(Its answers are held to the no-length-cue rule with every other bank, in
tests/test_quiz_banks_give_no_length_cue.py.)"""

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


def test_every_tier_is_the_answer_somewhere_and_every_new_flag_has_a_case():
    bank, flags = sorter(), load_workbook(ROOT).red_flags
    answers = {next(c.text for c in q.choices if c.id == q.answer) for q in bank.questions}
    assert answers == {tier.name for tier in flags.tiers}
    decided = {rule for q in bank.questions for rule in q.decided_by}
    assert NEW_FLAGS <= decided
