"""Hostile text in the data files is shown as text on the site; none of it runs.

A small project is built from data full of script tags, event-handler attributes,
javascript: links and markdown tricks, then every page is opened in the browser.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from browser import open_offline

from conftest import ROOT

ATTACKS = {
    "script": "<script>window.pwned = 'script'</script>",
    "attribute": '" onmouseover="window.pwned=\'attr\'" x="',
    "image": "<img src=x onerror=\"window.pwned='img'\">",
    "link": "[click me](javascript:window.pwned='link')",
    "close-json": "</script><script>window.pwned='json'</script>",
}
HOSTILE = " ".join(ATTACKS.values())


def yaml_text(value: str) -> str:
    return json.dumps(value)  # JSON strings are valid YAML strings


def cell(kind: str, source: str) -> dict:
    base = {"cell_type": kind, "metadata": {}, "source": source}
    if kind == "code":
        base.update(metadata={"tags": ["remove-input"]}, outputs=[], execution_count=None)
    return base


def notebook(cells: list[dict]) -> str:
    return json.dumps(
        {
            "cells": cells,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
            },
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    files = {
        "data/references.yaml": f"""
            provenance: {yaml_text(HOSTILE)}
            references:
              - id: evil2020
                type: webpage
                author: [{{literal: {yaml_text(HOSTILE)}}}]
                title: {yaml_text(HOSTILE)}
                container-title: {yaml_text(HOSTILE)}
                issued: 2020
                URL: https://example.org/page
                accessed: 2026-11-24
                checked: {yaml_text(HOSTILE)}
            """,
        "data/glossary/01_evil.yaml": f"""
            provenance: x
            terms:
              - id: evil-term
                term: {yaml_text("Evil " + ATTACKS["close-json"])}
                plain: {yaml_text(HOSTILE)}
                technical: {yaml_text(HOSTILE)}
                references: [evil2020]
            """,
        "data/quizzes/01_evil.yaml": f"""
            provenance: x
            lesson: 01_evil
            questions:
              - id: q01-evil
                section: Evil section
                stem: {yaml_text(HOSTILE)}
                choices:
                  - {{id: a, text: {yaml_text(HOSTILE)}, feedback: {yaml_text(HOSTILE)}}}
                  - {{id: b, text: plain, feedback: plain}}
                answer: a
                references: [evil2020]
            """,
        "data/tables/evil.yaml": f"""
            provenance: x
            title: {yaml_text(HOSTILE)}
            columns: {{what: {yaml_text(HOSTILE)}}}
            rows:
              - {{what: {yaml_text(HOSTILE)}, references: [evil2020]}}
            """,
        "data/source_text.yaml": "provenance: Test.\nstatements: [{line: 1, text: Text.}]\n",
        "data/seed_coverage.csv": "line,claim,notebook,section,references\n"
        '1,"<script>window.pwned=1</script>",01_evil.ipynb,Evil section,evil2020\n',
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    lesson = [
        cell(
            "markdown",
            "# 01 · Evil\n\n**Time:** about 5 minutes.\n\n## Evil section\n\n"
            "See [the term](glossary.ipynb#term-evil-term).",
        ),
        cell(
            "code",
            "import twitchbook as tb\ntb.notice()\ntb.quiz('01_evil')\n"
            "tb.data_table('evil')\n"
            "import plotly.graph_objects as go\n"
            f"tb.show(go.Figure(go.Bar(x=[1], y=[1], name={HOSTILE!r})), id='evil',"
            f" title={HOSTILE!r}, alt={HOSTILE!r}, caption={HOSTILE!r},"
            " sources=['evil2020'])",
        ),
    ]
    (root / "notebooks").mkdir()
    (root / "notebooks" / "01_evil.ipynb").write_text(notebook(lesson))
    for page, call in (("glossary", "glossary_page"), ("references", "references_page")):
        source = f"# {page.title()}\n"
        code = f"import twitchbook as tb\ntb.{call}()"
        (root / "notebooks" / f"{page}.ipynb").write_text(
            notebook([cell("markdown", source), cell("code", code)])
        )
    env = {**os.environ, "TWITCHBOOK_ROOT": str(root)}
    for command in (
        ["tools/execute_notebooks.py"],
        ["-m", "twitchbook_site.build", "--out", str(root / "_build/html")],
    ):
        run = subprocess.run(
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, run.stdout + run.stderr
    return root / "_build" / "html"


@pytest.mark.parametrize("page_name", ["01_evil.html", "glossary.html", "references.html"])
def test_hostile_data_is_shown_as_text_and_never_runs(browser, hostile_site, page_name):
    page, log = open_offline(browser, (hostile_site / page_name).as_uri())
    page.wait_for_timeout(500)
    # Any injected handler would fire on these events.
    page.evaluate(
        "document.querySelectorAll('main *').forEach(e => ['mouseover', 'focus',"
        " 'click'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true}))))"
    )
    assert page.evaluate("window.pwned") is None
    assert page.locator("main img[onerror], main [onmouseover]").count() == 0
    assert page.locator("main a[href^='javascript']").count() == 0
    assert "<script>" in page.locator("main").inner_text()
    assert log.blocked == []
    page.close()
