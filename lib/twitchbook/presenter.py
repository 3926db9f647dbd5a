"""Presenter mode: larger type and quiz verdicts held back, for an instructor showing a lesson.

Nothing about presenter mode is saved in a notebook's outputs, so a lesson saved while
presenting still gives students their feedback. The browser decides, through CSS in
assets/twitchbook.css, in one of two ways:

- JupyterLab's own View > Presentation Mode (it marks the page with jp-mod-presentationMode);
- TWITCHBOOK_PRESENTER=1 in the kernel's environment, or presenter_mode() in a lesson: each
  quiz is then preceded by a live widget saying so. A live widget exists only while its kernel
  runs (JupyterLab saves no widget state unless told to, and the notebook writer drops it), so
  once the lesson is reopened the switch is gone and quizzes answer again.

Figures read font_scale() when they are drawn (larger type while presenting).
"""

import os

_state = {"on": os.environ.get("TWITCHBOOK_PRESENTER", "").lower() in {"1", "true", "yes", "on"}}

SWITCH_TEXT = (
    "Presenter mode: quiz verdicts stay hidden until the answer is revealed "
    "(this note disappears when the lesson is reopened)."
)


def presenter_mode(on: bool = True) -> None:
    """Switch presenter mode on (or off) for the figures and quizzes shown after this call."""
    _state["on"] = bool(on)


def is_presenting() -> bool:
    return _state["on"]


def font_scale() -> float:
    """How much larger text is drawn when presenting to a room."""
    return 1.6 if is_presenting() else 1.0


def show_presenter_switch() -> None:
    """While presenting, a live widget whose presence tells the page's CSS to hold verdicts."""
    if not is_presenting():
        return
    import ipywidgets
    from IPython.display import display

    display(ipywidgets.HTML(f'<p class="tb-presenter-on">{SWITCH_TEXT}</p>'))
