"""The lessons follow the workbook's conventions, and every citation in them resolves."""

import re

import nbformat
import pytest
from twitchbook import load_workbook
from twitchbook.citations import label
from twitchbook.lessons import lessons

from conftest import ROOT

LESSONS = [lesson.notebook for lesson in lessons()]
TAUGHT = [p for p in LESSONS if p.stem not in {"00_welcome", "08_review"}]
CITATION = re.compile(r"\[([^\]]+)\]\(references\.ipynb#ref-([a-z0-9-]+)\)")
GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary\.ipynb#term-([a-z0-9-]+)\)")


@pytest.fixture(scope="module")
def book():
    return load_workbook(ROOT)


def markdown(path):
    return "\n".join(
        c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
    )


def test_all_nine_lessons_are_there_in_order():
    assert [p.name[:2] for p in LESSONS] == [f"{n:02d}" for n in range(9)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_opens_with_title_time_and_objectives_and_ends_with_key_points(path):
    cells = nbformat.read(path, as_version=4).cells
    first = cells[0].source
    assert first.startswith(f"# {path.name[:2]} · ")
    assert "**Time:**" in first and "you can:**" in first
    assert "tb.notice()" in cells[1].source
    assert "## Key points" in markdown(path)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_code_is_hidden_and_every_code_cell_was_executed(path):
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            assert "remove-input" in cell.metadata.get("tags", []), cell.source[:60]
            assert cell.outputs, f"not executed: {cell.source[:60]}"
            assert not any(o.output_type == "error" for o in cell.outputs)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_citation_names_a_listed_reference_with_its_own_label(path, book):
    for text, ref_id in CITATION.findall(markdown(path)):
        assert ref_id in book.references, f"{path.name} cites unknown '{ref_id}'"
        assert text == label(book.references[ref_id]), f"{path.name}: '{text}' for {ref_id}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_glossary_link_names_a_defined_term(path, book):
    for _, term_id in GLOSSARY_LINK.findall(markdown(path)):
        assert term_id in book.glossary, f"{path.name} links unknown term '{term_id}'"


@pytest.mark.parametrize("path", TAUGHT, ids=lambda p: p.stem)
def test_lessons_cite_sources_and_have_a_quiz_of_four_or_more(path, book):
    assert CITATION.search(markdown(path)), f"{path.name} cites nothing"
    assert len(book.quizzes[path.stem].questions) >= 4
    code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert "tb.quiz(" in code


@pytest.mark.parametrize("path", TAUGHT, ids=lambda p: p.stem)
def test_lessons_have_at_least_one_figure_with_a_text_alternative(path):
    outputs = [
        o
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "code"
        for o in c.outputs
    ]
    figures = [o for o in outputs if "tb-plot-data" in str(o.get("data", {}).get("text/html"))]
    assert figures, f"{path.name} has no figure"
    assert all("tb-alt" in str(o["data"]["text/html"]) for o in figures)


def test_every_new_term_is_in_the_glossary_and_every_term_is_linked_somewhere(book):
    linked = {t for p in LESSONS for _, t in GLOSSARY_LINK.findall(markdown(p))}
    assert set(book.glossary) - linked == set(), "glossary terms never linked from a lesson"
