"""Presenter mode lives in the browser and in a live widget, never in a saved output."""

from twitchbook import quiz
from twitchbook.presenter import presenter_mode
from twitchbook.widgets.base import WIDGET_VIEW

from conftest import displayed


def test_presenting_adds_only_a_live_switch_and_leaves_the_quiz_as_students_get_it():
    student = displayed(lambda: quiz("01_facial_nerve"))
    presenter_mode(True)
    try:
        presenting = displayed(lambda: quiz("01_facial_nerve"))
    finally:
        presenter_mode(False)
    assert len(student) == 1 and len(presenting) == 2
    switch, quiz_output = presenting
    assert WIDGET_VIEW in switch and "text/html" not in switch  # nothing drawn once saved
    assert quiz_output == student[0]


def test_the_stylesheet_holds_verdicts_only_under_a_browser_side_signal():
    from twitchbook.pages import stylesheet

    css = stylesheet()
    hold = [line for line in css.splitlines() if "display: none" in line or "checked ~" in line]
    assert any(".jp-mod-presentationMode" in line for line in hold)
    assert any(":has(.tb-presenter-on)" in line for line in hold)
    assert "tb-presenting" not in css
