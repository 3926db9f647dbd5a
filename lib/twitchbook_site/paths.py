"""Where the site build finds its inputs and writes its output.

The site's own sources (Sphinx settings, templates, scripts, slide templates) live in the
checkout that holds this code, in ``website/``; so do the pinned front-end scripts in
``node_modules``. The notebooks, data and ``_build`` come from ``twitchbook.paths.ROOT``, which
``TWITCHBOOK_ROOT`` can point at another copy of the project (the tests build sites from data
they write themselves).
"""

from pathlib import Path

from twitchbook.paths import NOTEBOOKS, ROOT

CHECKOUT = Path(__file__).resolve().parents[2]
SOURCES = CHECKOUT / "website"
NODE_MODULES = CHECKOUT / "node_modules"
BUILD = ROOT / "_build"
# The lessons draw only scatter and bar traces, which plotly's basic bundle (1.2 MB, pinned in
# package-lock.json to the plotly.js version the Python package uses) draws as well as the
# full 4.8 MB one; tests/test_figures.py checks that no lesson uses another trace type.
PLOTLY_JS = NODE_MODULES / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
BASIC_TRACES = {"scatter", "bar", "pie"}
REVEAL = NODE_MODULES / "reveal.js"

__all__ = [
    "BASIC_TRACES",
    "BUILD",
    "CHECKOUT",
    "NOTEBOOKS",
    "PLOTLY_JS",
    "REVEAL",
    "ROOT",
    "SOURCES",
]
