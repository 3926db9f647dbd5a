"""Presenter mode: larger type and answers held back, switched on by one call or one variable."""

import os

_state = {"on": os.environ.get("TWITCHBOOK_PRESENTER", "").lower() in {"1", "true", "yes", "on"}}


def presenter_mode(on: bool = True) -> None:
    """Switch presenter mode on (or off) for the figures and quizzes shown after this call."""
    _state["on"] = bool(on)


def is_presenting() -> bool:
    return _state["on"]


def font_scale() -> float:
    """How much larger text is drawn when presenting to a room."""
    return 1.6 if is_presenting() else 1.0
