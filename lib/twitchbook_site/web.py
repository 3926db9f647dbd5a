"""Changes a notebook needs before it becomes a web page or a slide deck."""

import html
import re

import nbformat
from docutils.nodes import make_id

IPYNB_LINK = re.compile(r'href="([A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')


def site_fragment(fragment: str | None) -> str:
    """JupyterLab's heading ids keep the heading's case; Sphinx's are docutils' make_id."""
    return "#" + make_id(html.unescape(fragment[1:])) if fragment else ""


def for_the_web(notebook: nbformat.NotebookNode, page_prefix: str = "") -> nbformat.NotebookNode:
    """Drop JupyterLab-only outputs and point links between notebooks at built pages."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [
            out
            for out in cell.outputs
            if not out.get("metadata", {}).get("twitchbook", {}).get("lab-only")
        ]
        for out in cell.outputs:
            html = out.get("data", {}).get("text/html")
            if html:
                text = "".join(html) if isinstance(html, list) else html
                out["data"]["text/html"] = IPYNB_LINK.sub(
                    lambda m: f'href="{page_prefix}{m.group(1)}.html{site_fragment(m.group(2))}"',
                    text,
                )
    return notebook


def with_slides_link(notebook: nbformat.NotebookNode, lesson: str) -> nbformat.NotebookNode:
    """Put a link to the lesson's deck under its title, for the site's lesson page."""
    link = nbformat.v4.new_markdown_cell(
        f'<p class="tb-slides-link"><a href="slides/{lesson}.html">'
        "Slides for this lesson</a> (for instructors)</p>"
    )
    link.id = "slides-link"
    first = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown"), -1)
    notebook.cells.insert(first + 1, link)
    return notebook
