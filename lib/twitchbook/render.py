"""Display helpers shared by figures, quizzes and pages: one way to emit HTML and text."""

import html

from IPython.display import display

LAB_ONLY = {"twitchbook": {"lab-only": True}}


def escape(text: str) -> str:
    """Escape text from data files before it goes into HTML."""
    return html.escape(str(text), quote=True)


def show_html(markup: str, plain: str, *, lab_only: bool = False) -> None:
    """Display HTML with a plain-text twin (read by nbval, screen readers of text output, logs).

    lab_only outputs are for JupyterLab alone: the site and slide builds drop them because the
    same content is already in the HTML they draw.
    """
    display(
        {"text/html": markup, "text/plain": plain},
        raw=True,
        metadata=LAB_ONLY if lab_only else None,
    )
