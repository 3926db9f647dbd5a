"""Lesson text renders the same in JupyterLab, on the site and on slides.

JupyterLab draws plain Markdown only: a MyST directive such as an admonition fence shows there
as raw text (lessons 01-07 once carried their "Numbers to remember" boxes that way). Boxes are
blockquotes with a bold title instead.
"""

import json
import re

import pytest
from twitchbook.lessons import back_matter, lessons

from conftest import ROOT

DIRECTIVE = re.compile(r"^\s*(`{3,}|:{3,})\{[a-z-]+\}", re.M)
NOTEBOOKS = [lesson.notebook for lesson in lessons(ROOT)] + back_matter(ROOT)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_markdown_cell_uses_a_myst_directive(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = [
        n
        for n, cell in enumerate(cells)
        if cell["cell_type"] == "markdown" and DIRECTIVE.search("".join(cell["source"]))
    ]
    assert found == [], f"{path.name}: cells {found} use a MyST directive"
