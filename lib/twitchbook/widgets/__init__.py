"""Interactive widgets for the lessons, and the output contract every widget keeps.

The contract
------------
A ``show_*`` function displays exactly ONE output bundle holding three representations:

``application/vnd.jupyter.widget-view+json``
    The live ipywidget, for a student with a kernel in JupyterLab. Its controls are
    ipywidgets sliders, dropdowns and toggles with descriptions, so they work by keyboard.

``text/html``
    A kernel-free version for the static site (and for JupyterLab before the kernel runs).
    Every state it can show is computed ahead of time in Python by the same function the live
    widget calls, and the page only looks states up (a small grid of precomputed results, or
    a plain table the reader filters). The page never holds a second copy of the logic.

``text/plain``
    A text alternative: the same result in words, for screen readers, plain-text consumers
    and nbval's comparison.

JupyterLab draws the richest representation it can (the live widget); the static site, whose
page has no kernel, draws the HTML; a text-only client reads the plain text.

Saved notebooks stay deterministic: ``tools/execute_notebooks.py`` removes the widget-view
representation from saved outputs and drops ``metadata.widgets`` (the widget state), so only
the HTML and the plain text are committed, and they are the same on every run. Opening a
lesson and running its cells brings the live widget back.
"""
