"""Decks built from the outlines, checked without a browser: one slide per outline entry plus an
end slide, notes with minutes on every slide, text from data files escaped, and figures laid
out for the projector with no font under 22 px."""

import json

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape
from twitchbook.loader import load_workbook
from twitchbook_site.slides.build import decks
from twitchbook_site.slides.deck import deck_html, environment
from twitchbook_site.slides.figures import MIN_FONT, PLOT_HEIGHT, PLOT_WIDTH, for_the_projector
from twitchbook_site.slides.model import build_deck

from conftest import ROOT


@pytest.fixture(scope="module")
def built():
    return {deck.lesson: deck for deck in decks(ROOT)}


@pytest.fixture(scope="module")
def book():
    return load_workbook(ROOT)


def test_one_slide_per_outline_entry_and_an_end_slide(built, book):
    assert sorted(built) == sorted(book.slide_outlines)
    for lesson, deck in built.items():
        outline = book.slide_outlines[lesson]
        assert [s.title for s in deck.slides[:-1]] == [s.title for s in outline.slides]
        assert deck.slides[-1].kind == "end"


def test_notes_give_minutes_and_a_running_total(built, book):
    for lesson, deck in built.items():
        total = book.slide_outlines[lesson].minutes
        elapsed = 0
        for slide in deck.slides[:-1]:
            elapsed += slide.minutes
            assert f"About {slide.minutes} min" in slide.notes
            assert f"{elapsed} of {total} min" in slide.notes
        assert elapsed == total


def test_every_sections_speaker_notes_appear_once(built, book):
    """data/speaker_notes stays the source of the talking points: each section's appear on one
    slide, the first that teaches that section or one after it."""
    for lesson, deck in built.items():
        for section in book.speaker_notes.get(lesson, {}).values():
            for point in section.points:
                shown = [s.title for s in deck.slides if f"<li>{escape(point)}</li>" in s.notes]
                assert len(shown) == 1, f"{lesson}: {point[:40]} on {shown}"
    deck = built["06_treatment"]
    first = next(s for s in deck.slides if s.title == "How botulinum toxin works")
    assert "SNAP-25" in first.notes and "Talking points" in first.notes


def test_quiz_slides_give_the_answer_in_the_notes(built, book):
    for deck in built.values():
        for slide in deck.slides:
            if slide.kind != "quiz":
                continue
            form = BeautifulSoup(slide.body, "html.parser").select_one("form.tb-quiz")
            question = next(
                q
                for b in book.quizzes.values()
                for q in b.questions
                if q.id == form["data-question"]
            )
            right = next(c for c in question.choices if c.id == question.answer)
            assert str(escape(right.feedback)) in slide.notes, slide.title


def test_text_from_an_outline_is_escaped(book):
    outline = book.slide_outlines["00_welcome"]
    bad = outline.model_copy(
        update={
            "slides": [
                outline.slides[0],
                outline.slides[0].model_copy(
                    update={
                        "title": "<script>alert(1)</script>",
                        "notes": ["<img src=x onerror=alert(1)>"],
                        "bullets": [
                            outline.slides[0]
                            .bullets[0]
                            .model_copy(update={"text": "<b onclick=x>*bold*</b>"})
                        ],
                    }
                ),
            ]
        }
    )
    deck = build_deck(bad, book, "<i>Title</i>", {}, {}, {"All decks": "index.html"})
    html = deck_html(environment(), deck)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("section script, section img, section b, h1 i")
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html
    assert "<em>bold</em>" in html  # inline markdown still works


def font_sizes(node) -> list:
    if isinstance(node, dict):
        found = [
            value["size"]
            for key, value in node.items()
            if key.endswith("font") and isinstance(value, dict) and "size" in value
        ]
        return found + [size for value in node.values() for size in font_sizes(value)]
    if isinstance(node, list):
        return [size for item in node for size in font_sizes(item)]
    return []


def test_figures_are_laid_out_for_the_projector(built):
    figures = [s.figure for d in built.values() for s in d.slides if s.kind == "figure"]
    assert len(figures) >= 10
    for figure in figures:
        layout = json.loads(figure["json"].replace("<\\/", "</"))["layout"]
        assert (layout["width"], layout["height"]) == (PLOT_WIDTH, PLOT_HEIGHT)
        sizes = font_sizes(layout)
        assert sizes and min(sizes) >= MIN_FONT, figure["id"]


def test_projector_copy_leaves_the_lesson_figure_alone():
    figure = {"data": [{"type": "bar", "textfont": {"size": 12}}], "layout": {"font": {"size": 14}}}
    shown = for_the_projector(figure)
    assert figure["layout"]["font"]["size"] == 14 and figure["data"][0]["textfont"]["size"] == 12
    assert shown["layout"]["font"]["size"] >= MIN_FONT
    assert shown["data"][0]["textfont"]["size"] >= MIN_FONT


def test_a_figure_s_own_slide_changes_move_its_labels_and_rename_its_rows():
    figure = {
        "data": [{"type": "bar", "y": ["a<br>b"]}, {"type": "bar", "y": ["c<br>d"]}],
        "layout": {"annotations": [{"text": "x", "ay": -20}, {"text": "y", "ay": 10}]},
        "projector": {"annotations.1.ay": 40, "yaxis.categoryarray": ["a b", "c d"]},
        "projector_data": {"y": [["a b"], ["c d"]]},
    }
    shown = for_the_projector(figure)
    assert [a["ay"] for a in shown["layout"]["annotations"]] == [-20, 40]
    assert shown["layout"]["yaxis"]["categoryarray"] == ["a b", "c d"]
    assert [t["y"] for t in shown["data"]] == [["a b"], ["c d"]]
    assert figure["data"][0]["y"] == ["a<br>b"], "the lesson's figure is left alone"


def test_a_saved_case_goes_on_a_slide_without_sections_and_with_its_links_beside_the_deck():
    """reveal.js takes every <section> for a slide, so a case's steps become regions."""
    import nbformat
    from twitchbook_site.slides.cases import saved_cases

    html = (
        "<style>.tb-case { color: inherit; }</style>"
        '<div class="tb-case" data-case="exam-week" data-start="history">'
        '<section class="tb-case-step" data-step="history" aria-labelledby="h">'
        '<h4 id="h">History</h4><a class="tb-cite" href="references.ipynb#ref-nhs-twitching">'
        "NHS 2023</a></section></div>"
    )
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    shown = saved_cases([nbformat.v4.new_notebook(cells=[cell])], "../")["exam-week"]
    soup = BeautifulSoup(shown, "html.parser")
    assert not soup.find("section") and soup.select_one('[data-step="history"]')["role"] == "region"
    link = soup.select_one("a.tb-cite")
    assert link["href"] == "../references.html#ref-nhs-twitching"
    assert link["target"] == "_blank" and link["rel"] == ["noopener"]
    assert soup.find("style")


def test_a_figures_html_controls_become_slide_buttons():
    """Figures whose states are chosen by HTML controls keep them on the slide, as buttons."""
    from twitchbook_site.slides.figures import _controls

    box = BeautifulSoup(
        '<figure class="tb-figure">'
        '<div class="tb-control tb-buttons"><span class="tb-control-name">Nerve:</span>'
        '<button data-state="0" aria-pressed="false">Healthy</button>'
        '<button data-state="1" aria-pressed="true">Spasm</button></div>'
        '<div class="tb-control tb-menu"><label for="m">Show:</label><select id="m">'
        '<option value="0">All</option><option value="1" selected>One</option></select></div>'
        '<div class="tb-control tb-slider"><label for="s">Pressure: <output>None</output></label>'
        '<input type="range" id="s" value="2"><div class="tb-ticks"><span>None</span>'
        "<span>Mild</span><span>Severe</span></div></div></figure>",
        "html.parser",
    )
    assert _controls(box) == (
        {"name": "Nerve", "labels": ["Healthy", "Spasm"], "active": 1},
        {"name": "Show", "labels": ["All", "One"], "active": 1},
        {"name": "Pressure", "labels": ["None", "Mild", "Severe"], "active": 2},
    )


def test_a_case_slide_carries_the_lessons_case(built):
    slides = [s for d in built.values() for s in d.slides if s.kind == "case"]
    assert slides
    for slide in slides:
        soup = BeautifulSoup(slide.body, "html.parser")
        assert soup.select_one(".tb-case[data-case] [data-step]"), slide.title
        assert not soup.find("section")
