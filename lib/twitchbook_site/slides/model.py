"""From a lesson's outline (data/slide_outlines) to the slides of its deck.

Each outline slide becomes one slide: its title, its points with their citations, and at most
one thing to show (a figure, a quiz question, a table or a case). Its speaker notes carry the
outline's notes, the minutes with a running total, and, on the first slide of a lesson section,
that section's talking points, misconceptions and students' questions from data/speaker_notes.
"""

from dataclasses import dataclass, field

from docutils.nodes import make_id
from markupsafe import Markup
from twitchbook.quiz import question_html
from twitchbook.schema import SectionNotes

from .figures import SavedFigure, figure_json, for_the_projector
from .markdown import NEW_TAB, beside_the_deck, citation_links, escape, inline, paragraphs

PAGE_PREFIX = "../"  # decks live one folder below the lesson pages
FOOTER_SOURCES = 4  # more than this and the footer would crowd the figure: notes list them


@dataclass
class Slide:
    id: str
    title: str
    kind: str  # text, figure, quiz, table, case or end
    bullets: list[Markup] = field(default_factory=list)
    figure: dict | None = None  # {"id", "title", "alt", "json", "controls"} for figure slides
    body: Markup = Markup("")  # a quiz's form, a table, a case's slot, the end slide's links
    sources: Markup = Markup("")  # citation links for the footer of figure and table slides
    notes: Markup = Markup("")
    minutes: int = 0


@dataclass
class Deck:
    lesson: str
    title: str
    minutes: int
    slides: list[Slide]


def build_deck(
    outline, book, title: str, figures: dict[str, SavedFigure], notes, links, cases=None
) -> Deck:
    """notes: the lesson's speaker notes by section; links: the end slide's {label: href};
    cases: the saved HTML of the cases the lessons show, by id."""
    cases = cases or {}
    told = _placed(notes, outline, book.headings.get(f"{outline.lesson}.ipynb", []))
    references = book.references
    questions = {q.id: (lesson, q) for lesson, b in book.quizzes.items() for q in b.questions}
    quizzes = [s.quiz for s in outline.slides if s.quiz]
    slides, elapsed, ids = [], 0, set()
    for number, item in enumerate(outline.slides, start=1):
        slide = Slide(
            id=_unique(make_id(item.title) or f"slide-{number}", ids),
            title=item.title,
            kind="text",
            minutes=item.minutes,
        )
        slide.bullets = [_bullet(b, references) for b in item.bullets]
        answer = listed = Markup("")
        if item.figure:
            saved = figures[item.figure]
            slide.kind = "figure"
            slide.figure = {
                "id": saved.id,
                "title": saved.title,
                "alt": saved.alt,
                "json": Markup(figure_json(for_the_projector(saved.figure))),
                "controls": saved.controls,
            }
            slide.sources, listed = _footer(saved.sources, references)
        elif item.quiz:
            lesson, question = questions[item.quiz]
            slide.kind = "quiz"
            slide.body = _quiz(question, lesson, quizzes.index(item.quiz) + 1, len(quizzes))
            right = next(c for c in question.choices if c.id == question.answer)
            answer = Markup("<p><strong>Answer:</strong> {}. {}</p>").format(
                right.text, right.feedback
            )
        elif item.table:
            slide.kind = "table"
            slide.body, used = _table(book.tables[item.table.name], item.table)
            slide.sources, listed = _footer(used, references)
        elif item.case:
            slide.kind = "case"
            slide.body = cases.get(item.case) or _case_slot(item.case, outline.lesson)
        elapsed += item.minutes
        slide.notes = _notes(
            item, elapsed, outline.minutes, told.get(number - 1, []), answer + listed
        )
        slides.append(slide)
    slides.append(_end_slide(outline.lesson, links))
    return Deck(outline.lesson, title, outline.minutes, slides)


def _placed(notes: dict, outline, headings: list[str]) -> dict[int, list[SectionNotes]]:
    """Each section's speaker notes go on the first slide that teaches that section or one
    after it in the lesson (the last slide for sections after every slide's)."""
    order = {}
    for position, heading in enumerate(headings):
        order.setdefault(heading, position)
    taught = [order.get(item.section, 0) for item in outline.slides]
    placed: dict[int, list[SectionNotes]] = {}
    for name, section in notes.items():
        at = order.get(name, 0)
        index = next((i for i, p in enumerate(taught) if p >= at), len(taught) - 1)
        placed.setdefault(index, []).append(section)
    return placed


def _footer(ref_ids: list[str], references) -> tuple[Markup, Markup]:
    """The slide's footer line of sources, and the full list for the notes when it is long."""
    links = citation_links(ref_ids, references, PAGE_PREFIX)
    if len(ref_ids) <= FOOTER_SOURCES:
        return links, Markup("")
    short = Markup("{} references, listed in the speaker notes and on the lesson page").format(
        len(ref_ids)
    )
    return short, Markup("<p><strong>Sources:</strong> {}</p>").format(links)


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate


def _bullet(bullet, references) -> Markup:
    text = inline(bullet.text)
    if not bullet.cite:
        return text
    cited = citation_links(bullet.cite, references, PAGE_PREFIX)
    return text + Markup(' <span class="tb-slide-cite">({})</span>').format(cited)


def _quiz(question, lesson: str, number: int, total: int) -> Markup:
    """The workbook's own quiz markup, its links pointed at the site and opened beside the deck."""
    html = question_html(question, lesson, number, total, context="deck")
    return Markup(beside_the_deck(html, PAGE_PREFIX))


def _table(table, shown) -> tuple[Markup, list[str]]:
    columns = shown.columns or list(table.columns)
    rows = [table.rows[i - 1] for i in shown.rows] if shown.rows else list(table.rows)
    head = Markup("").join(
        Markup('<th scope="col">{}</th>').format(table.columns[c]) for c in columns
    )
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(
            Markup("").join(Markup("<td>{}</td>").format(row.model_extra[c]) for c in columns)
        )
        for row in rows
    )
    used = []
    for row in rows:
        used += [ref for ref in row.references if ref not in used]
    html = Markup(
        '<table class="tb-slide-table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>'
    )
    return html.format(head, body), used


def _case_slot(case_id: str, lesson: str) -> Markup:
    """Where a branching case or triage exercise goes; the lesson page has the working one."""
    return Markup(
        '<div class="tb-case-slot" data-case="{}"><p>This case runs on the '
        '<a href="{}{}.html"{}>lesson page</a>.</p></div>'
    ).format(case_id, PAGE_PREFIX, lesson, NEW_TAB)


def _notes(item, elapsed: int, total: int, sections: list[SectionNotes], answer) -> Markup:
    parts = [
        Markup(
            "<p><strong>About {} min</strong> (by the end of this slide: {} of {} min)</p>"
        ).format(item.minutes, elapsed, total),
        paragraphs(item.notes),
        answer,
    ]
    for section in sections:
        if len(sections) > 1:
            parts.append(Markup("<h4>{}</h4>").format(section.section))
        for heading, items in (
            ("Talking points", section.points),
            ("Misconceptions", section.misconceptions),
        ):
            if items:
                listed = Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
                parts.append(Markup("<h4>{}</h4><ul>{}</ul>").format(heading, listed))
        if section.questions:
            asked = Markup("").join(
                Markup("<dt>{}</dt><dd>{}</dd>").format(q.ask, q.answer) for q in section.questions
            )
            parts.append(Markup("<h4>Questions students ask</h4><dl>{}</dl>").format(asked))
    return Markup("").join(parts)


def _end_slide(lesson: str, links: dict[str, str]) -> Slide:
    listed = Markup("").join(
        Markup('<li><a href="{}">{}</a></li>').format(href, text) for text, href in links.items()
    )
    return Slide(
        id="end",
        title="Where to go from here",
        kind="end",
        body=Markup('<ul class="tb-end-links">{}</ul>').format(listed),
        notes=Markup(
            "<p>Close the lesson: the lesson page has the full text, every source and the whole"
            " quiz for students working alone.</p>"
        ),
    )


__all__ = ["Deck", "Slide", "build_deck", "escape"]
