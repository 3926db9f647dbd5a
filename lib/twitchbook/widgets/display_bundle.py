"""One output bundle per widget: the live widget, its kernel-free HTML and a text twin.

JupyterLab draws the widget view; the site draws the HTML, driven by widgets/cases.js (the
site loads it once; case and triage outputs also carry it inline, so a saved case works in
JupyterLab before its cell runs, showing one step at a time); text readers and nbval read the
plain text. The widget view is left out when no live front
end is attached (headless execution for the committed notebooks), because its model ids and
state are not wanted in saved outputs, and the site must draw the HTML, not a dead widget.
"""

import os
from importlib.resources import files

from IPython.display import display


def live_frontend() -> bool:
    """True in a kernel started by a Jupyter server (JupyterLab), which sets JPY_SESSION_NAME."""
    override = os.environ.get("TWITCHBOOK_LIVE_WIDGETS", "").lower()
    if override in {"0", "1"}:
        return override == "1"
    return bool(os.environ.get("JPY_SESSION_NAME"))


def stylesheet() -> str:
    return files("twitchbook").joinpath("widgets/widgets.css").read_text(encoding="utf-8")


def walker() -> str:
    """The script that walks cases and triage builders in a page (it runs once per element)."""
    return files("twitchbook").joinpath("widgets/cases.js").read_text(encoding="utf-8")


def bundle(
    make_widget, html: str, text: str, *, live: bool | None = None, walk: bool = False
) -> dict:
    """The mime bundle: widget view (when live), HTML with its styles, and plain text.

    make_widget is called only when live: a widget made without a front end would still put
    its randomly named models into the saved notebook's widget state.
    """
    script = f"<script>{walker()}</script>" if walk else ""
    data = {"text/html": f"<style>{stylesheet()}</style>{html}{script}", "text/plain": text}
    if live_frontend() if live is None else live:
        view = make_widget()._repr_mimebundle_() or {}
        key = "application/vnd.jupyter.widget-view+json"
        if key in view:
            data[key] = view[key]
    return data


def show_bundle(make_widget, html: str, text: str, *, walk: bool = False) -> None:
    display(bundle(make_widget, html, text, walk=walk), raw=True)
