"""Build a reveal.js slide deck for every lesson into the site's slides/ folder.

Usage: python -m twitchbook_site.slides.build [--out DIR]  (DIR: the built site, _build/html)

Each deck is made from the lesson's committed outputs: a new slide at every `#` and `##`
heading, a long section continued on further slides, each quiz question on a slide of its own,
code never shown. Quiz answers and verdicts stay hidden until the instructor presses A or
clicks "Reveal the answer" (slides.js, slides.css). Speaker notes come from
data/speaker_notes/NN_name.yaml (twitchbook.speaker_notes) and show in the speaker view (S).

The decks are written from a small Jinja template rather than by nbconvert's SlidesExporter:
the exporter wants slide metadata on cells (our lessons have none, and keep several headings in
one markdown cell, so cells must be split anyway), and its template loads jQuery, require.js,
MathJax and a mermaid module from CDNs and inlines the whole JupyterLab stylesheet, so making
it offline means overriding most of it. The template here loads only files in the slides
folder: reveal.js and its notes plugin from node_modules (pinned by package-lock.json),
plotly.js (the basic bundle the site uses), and the workbook's own CSS.
"""

import argparse
import math
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import nbformat
import twitchbook
from bs4 import BeautifulSoup, Tag
from docutils.nodes import make_id
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from twitchbook.lessons import Lesson, lessons
from twitchbook.pages import stylesheet
from twitchbook.paths import ROOT
from twitchbook.speaker_notes import SectionNotes, load_speaker_notes

from ..paths import PLOTLY_JS, REVEAL, SOURCES
from ..web import IPYNB_LINK, for_the_web, site_fragment

TEMPLATES = SOURCES / "slides_template"
PAGE_PREFIX = "../"  # decks live one folder below the lesson pages

# What fits on a 1280x720 slide at 32 px type, counted in words: about 120 words of text.
# Blocks cost their words plus the space around them. Figures and quizzes get a slide each.
BUDGET = 120
BLOCK_COST = 6
ITEM_COST = 3
# Tables are counted in lines: a line across the slide holds about 85 characters of table
# text at 28 px, and the budget is about 15 such lines.
LINE_CHARS = 85
LINE_COST = 8
TABLE_SPREAD = 1.5
MAX_COLUMNS = 4
ADMONITIONS = {"admonition", "note", "tip", "hint", "important", "warning", "caution", "seealso"}

# The reveal.js files a deck needs offline: the notes plugin carries its speaker view inline.
REVEAL_FILES = {
    "dist/reset.css": "reset.css",
    "dist/reveal.css": "reveal.css",
    "dist/reveal.js": "reveal.js",
    "dist/theme/white.css": "theme/white.css",
    "dist/theme/fonts/source-sans-pro/source-sans-pro.css": (
        "theme/fonts/source-sans-pro/source-sans-pro.css"
    ),
    "plugin/notes/notes.js": "plugin/notes/notes.js",
    "LICENSE": "LICENSE",
}


@dataclass
class Block:
    html: str
    cost: int
    kind: str = "text"  # text, heading, figure or quiz
    level: int = 0  # for headings
    section: str = ""  # for headings: the heading as written in the lesson
    title: str = ""  # for headings: the heading's inner HTML
    answer: str = ""  # for quizzes: the answer, for the speaker notes


@dataclass
class Slide:
    heading: str = ""
    level: int = 2
    section: str = ""
    id: str = ""
    continued: bool = False
    parts: list[str] = field(default_factory=list)
    cost: int = 0
    figures: int = 0
    quiz: bool = False
    closed: bool = False  # holds a figure or a quiz, which have the slide to themselves
    sections: list[str] = field(default_factory=list)  # headings that appear on this slide
    notes: list[str] = field(default_factory=list)


# Markdown as the site renders it, near enough: tables, definition lists, MyST roles and
# directives (the role's text is kept; admonitions become boxes; other directives their body).
def _markdown() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .use(deflist_plugin)
        .use(colon_fence_plugin)
        .use(myst_role_plugin)
    )

    def role(self, tokens, idx, options, env):
        return md.utils.escapeHtml(tokens[idx].content)

    def fence(self, tokens, idx, options, env):
        token = tokens[idx]
        found = re.match(r"\{([\w-]+)\}\s*(.*)", token.info)
        if not found:
            return self.fence(tokens, idx, options, env)
        name, argument = found.groups()
        body = "\n".join(
            line for line in token.content.splitlines() if not re.match(r":[\w-]+:", line)
        )
        inner = md.render(body)
        if name not in ADMONITIONS:
            return inner
        title = argument if name == "admonition" else argument or name.capitalize()
        return (
            f'<div class="admonition {name}"><p class="admonition-title">'
            f"{md.renderInline(title)}</p>{inner}</div>"
        )

    def heading(self, tokens, idx, options, env):
        # Keep the heading as written, so speaker notes can name their section exactly.
        tokens[idx].attrSet("data-section", tokens[idx + 1].content)
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("myst_role", role)
    md.add_render_rule("fence", fence)
    md.add_render_rule("colon_fence", fence)
    md.add_render_rule("heading_open", heading)
    return md


MARKDOWN = _markdown()


def words(node) -> int:
    return len(node.get_text(" ").split())


def with_page_links(html: str) -> str:
    return IPYNB_LINK.sub(
        lambda m: f'href="{PAGE_PREFIX}{m.group(1)}.html{site_fragment(m.group(2))}"', html
    )


def markdown_blocks(source: str) -> list[Block]:
    soup = BeautifulSoup(with_page_links(MARKDOWN.render(source)), "html.parser")
    blocks = []
    for node in soup.contents:
        if not isinstance(node, Tag):
            if str(node).strip():
                blocks.append(Block(f"<p>{node}</p>", words(node) + BLOCK_COST))
            continue
        if re.fullmatch(r"h[1-6]", node.name):
            section = node.attrs.pop("data-section")
            level = int(node.name[1])
            blocks.append(Block(str(node), 10, "heading", level, section, node.decode_contents()))
        elif node.name in {"ul", "ol"}:
            blocks += list_blocks(node)
        elif node.name == "table":
            blocks += table_blocks(node)
        else:
            blocks.append(Block(str(node), words(node) + BLOCK_COST))
    return blocks


def chunked(items: list, cost_of, fixed: int) -> list[tuple[list, int]]:
    """Runs of items that each fit on a slide (a run holds at least one item), with their cost."""
    runs, run, cost = [], [], fixed
    for item in items:
        if run and cost + cost_of(item) > BUDGET:
            runs.append((run, cost))
            run, cost = [], fixed
        run.append(item)
        cost += cost_of(item)
    runs.append((run, cost))
    return runs


def list_blocks(node: Tag) -> list[Block]:
    """A long list is cut into shorter lists, numbered on where they continue."""
    items = node.find_all("li", recursive=False)
    runs = chunked(items, lambda item: words(item) + ITEM_COST, BLOCK_COST)
    if len(runs) == 1:
        return [Block(str(node), runs[0][1])]
    blocks, start = [], int(node.get("start", 1))
    for run, cost in runs:
        attrs = f' start="{start}"' if node.name == "ol" and start != 1 else ""
        blocks.append(Block(f"<{node.name}{attrs}>{''.join(map(str, run))}</{node.name}>", cost))
        start += len(run)
    return blocks


def table_lines(node) -> int:
    """Lines a table row takes: its cells wrap unevenly, so count half as much again."""
    if node is None:
        return 0
    return max(1, math.ceil(TABLE_SPREAD * len(node.get_text(" ", strip=True)) / LINE_CHARS))


def table_blocks(node: Tag) -> list[Block]:
    """A long table is cut into shorter ones, each with the caption and the header row."""
    body = node.find("tbody") or node
    rows = body.find_all("tr", recursive=False)
    head, caption = node.find("thead"), node.find("caption")
    fixed = LINE_COST * (table_lines(head) + table_lines(caption)) + BLOCK_COST
    row_cost = lambda row: LINE_COST * table_lines(row) + ITEM_COST  # noqa: E731
    # Past four columns, cells turn into narrow towers of words: cards read better.
    wide = head is not None and len(head.find_all(["th", "td"])) > MAX_COLUMNS
    if wide or (head is not None and any(fixed + row_cost(row) > BUDGET for row in rows)):
        return card_blocks(head, rows, caption)
    runs = chunked(rows, row_cost, fixed)
    if len(runs) == 1:
        return [Block(str(node), runs[0][1])]
    top = (str(caption) if caption else "") + (str(head) if head else "")
    return [
        Block(f"<table>{top}<tbody>{''.join(map(str, run))}</tbody></table>", cost)
        for run, cost in runs
    ]


def card_blocks(head: Tag, rows: list[Tag], caption: Tag | None) -> list[Block]:
    """A table too wide for one row to fit a slide: each row becomes a card of label: value."""
    labels = [cell.decode_contents() for cell in head.find_all(["th", "td"])]
    title = f'<p class="tb-card-title">{caption.decode_contents()}</p>' if caption else ""

    def card(row: Tag) -> str:
        cells = row.find_all(["th", "td"], recursive=False)
        pairs = "".join(
            f"<dt>{label}</dt><dd>{cell.decode_contents()}</dd>"
            for label, cell in zip(labels, cells, strict=False)
        )
        return f'<dl class="tb-row-card">{pairs}</dl>'

    def cost(row: Tag) -> int:
        # The values share the slide with their labels: about two thirds of a line each.
        cells = row.find_all(["th", "td"], recursive=False)
        lines = sum(math.ceil(1.5 * len(c.get_text(" ", strip=True)) / LINE_CHARS) for c in cells)
        return LINE_COST * max(lines, len(cells)) + ITEM_COST

    fixed = LINE_COST * table_lines(caption) + BLOCK_COST
    return [
        Block(title + "".join(card(row) for row in run), total)
        for run, total in chunked(rows, cost, fixed)
    ]


def output_blocks(output, lesson: str) -> list[Block]:
    data = output.get("data", {})
    if output.output_type == "stream":
        if output.name != "stdout":
            return []
        return [Block(f"<pre>{_escape(output.text)}</pre>", len(output.text.split()) + BLOCK_COST)]
    if output.output_type not in {"display_data", "execute_result"}:
        return []
    # A case or the triage builder (tb-case, tb-triage) is used on the lesson page too.
    html = _text(data.get("text/html", ""))
    is_case = 'class="tb-case"' in html or 'class="tb-triage"' in html
    if "application/vnd.jupyter.widget-view+json" in data or is_case:
        # Widgets need the site's widget manager; the lesson page has the working control.
        return [
            Block(
                f'<p class="tb-slide-aside">An interactive control goes here: '
                f'<a href="{PAGE_PREFIX}{lesson}.html">use it on the lesson page</a>.</p>',
                20,
            )
        ]
    if "text/html" in data:
        return html_blocks(_text(data["text/html"]))
    if "text/markdown" in data:
        return markdown_blocks(_text(data["text/markdown"]))
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            image = (
                f'<img class="tb-slide-image" alt="" src="data:{mime};base64,{_text(data[mime])}">'
            )
            return [Block(image, BUDGET, "figure")]
    if "image/svg+xml" in data:
        return [Block(_text(data["image/svg+xml"]), BUDGET, "figure")]
    if "text/plain" in data:
        text = _text(data["text/plain"])
        return [Block(f"<pre>{_escape(text)}</pre>", len(text.split()) + BLOCK_COST)]
    return []


def html_blocks(html: str) -> list[Block]:
    # The notice carries the workbook's stylesheet for JupyterLab; the deck links it instead.
    html = html.replace(f"<style>{stylesheet()}</style>", "")
    soup = BeautifulSoup(html, "html.parser")
    quizzes = soup.select("form.tb-quiz")
    if quizzes:
        return [quiz_block(form) for form in quizzes]
    if soup.select_one(".tb-figure script.tb-plot-data"):
        # Kept byte for byte: the figure's JSON must reach plotly untouched.
        return [Block(html, BUDGET, "figure")]
    table = soup.find("table")
    if table is not None and not soup.find("script"):
        pieces = table_blocks(table)
        box = table.parent if table.parent.name == "div" else None
        if len(pieces) > 1 and box is not None:  # keep the table's styled box around each piece
            classes = " ".join(box.get("class", []))
            for piece in pieces:
                piece.html = f'<div class="{classes}">{piece.html}</div>'
        if len(pieces) > 1:
            return pieces
        return [Block(html, pieces[0].cost)]
    return [Block(html, _prose_words(soup) + BLOCK_COST)]


def quiz_block(form: Tag) -> Block:
    answer = form.select_one("details.tb-answer")
    told = "".join(str(p) for p in answer.find_all("p")) if answer else ""
    return Block(str(form), BUDGET, "quiz", answer=told)


def _prose_words(soup) -> int:
    copy = BeautifulSoup(str(soup), "html.parser")
    for hidden in copy.find_all(["style", "script", "details"]):
        hidden.decompose()
    return words(copy)


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _escape(text: str) -> str:
    return Markup.escape(text)


def lesson_blocks(notebook: nbformat.NotebookNode, lesson: str) -> list[Block]:
    blocks = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            blocks += markdown_blocks(cell.source)
        elif cell.cell_type == "code":  # inputs are never shown, only what they display
            for output in cell.outputs:
                blocks += output_blocks(output, lesson)
    return blocks


def paginate(blocks: list[Block]) -> list[Slide]:
    """A slide per # and ## heading; a section that does not fit goes on over further slides."""
    slides: list[Slide] = []

    def new_slide(continued: bool = True) -> Slide:
        last = slides[-1] if slides else Slide()
        slide = Slide(last.heading, last.level, last.section, continued=continued)
        # A sub-heading left at the bottom of a full slide moves over with its text.
        if continued and last.parts and re.match(r"<h[3-6]", last.parts[-1]):
            slide.parts.append(last.parts.pop())
        slides.append(slide)
        return slide

    for block in blocks:
        slide = slides[-1] if slides else new_slide(continued=False)
        if block.kind == "heading" and block.level <= 2:
            slide = new_slide(continued=False) if slide.parts or slide.heading else slide
            slide.heading, slide.level, slide.section = block.title, block.level, block.section
            slide.sections.append(block.section)
            continue
        alone = block.kind in {"figure", "quiz"}
        full = slide.closed or alone or slide.cost + block.cost > BUDGET
        if full and slide.parts:
            slide = new_slide()
        slide.parts.append(block.html)
        slide.cost += block.cost
        slide.closed = alone
        if block.kind == "heading":
            slide.sections.append(block.section)
        elif block.kind == "figure":
            slide.figures += 1
        elif block.kind == "quiz":
            slide.quiz = True
            slide.notes.append(block.answer)
    return [s for s in slides if s.parts or s.heading]


def notes_html(notes: SectionNotes, elapsed: int, total: int) -> str:
    """Speaker notes as HTML; every text from the data file is escaped."""
    e = _escape
    parts = [
        f"<p><strong>About {notes.minutes} min</strong> "
        f"(by the end of this section: {elapsed + notes.minutes} of {total} min)</p>"
    ]
    for title, items in (
        ("Talking points", notes.points),
        ("Misconceptions", notes.misconceptions),
    ):
        if items:
            parts.append(f"<h4>{title}</h4><ul>{''.join(f'<li>{e(i)}</li>' for i in items)}</ul>")
    if notes.questions:
        asked = "".join(f"<dt>{e(q.ask)}</dt><dd>{e(q.answer)}</dd>" for q in notes.questions)
        parts.append(f"<h4>Questions students ask</h4><dl>{asked}</dl>")
    return "".join(parts)


def deck(path: Path, root: Path = ROOT) -> tuple[str, list[Slide]]:
    """The title and slides of one lesson, with its speaker notes in place."""
    lesson = path.stem
    notebook = for_the_web(nbformat.read(path, as_version=4), PAGE_PREFIX)
    slides = paginate(lesson_blocks(notebook, lesson))
    headings = [s for slide in slides for s in slide.sections]
    notes = load_speaker_notes(lesson, headings, root)
    total, elapsed = sum(n.minutes for n in notes.values()), 0
    ids, placed = set(), set()
    for slide in slides:
        if slide.section and not slide.continued and make_id(slide.section) not in ids:
            slide.id = make_id(slide.section)
            ids.add(slide.id)
        for section in slide.sections:
            if section in notes and section not in placed:  # a repeated heading: first only
                slide.notes.insert(0, notes_html(notes[section], elapsed, total))
                elapsed += notes[section].minutes
                placed.add(section)
    return Lesson.from_notebook(path).title, slides


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def copy_assets(out: Path) -> None:
    reveal = out / "reveal"
    fonts = REVEAL / "dist" / "theme" / "fonts" / "source-sans-pro"
    files = {REVEAL / source: reveal / target for source, target in REVEAL_FILES.items()}
    files |= {
        font: reveal / "theme/fonts/source-sans-pro" / font.name for font in fonts.glob("*.woff")
    }
    files |= {
        PLOTLY_JS: out / "plotly.min.js",
        Path(twitchbook.__file__).parent / "assets" / "twitchbook.css": out / "twitchbook.css",
        SOURCES / "slides_assets" / "slides.css": out / "slides.css",
        SOURCES / "slides_assets" / "slides.js": out / "slides.js",
    }
    for source, target in sorted(files.items()):
        if not source.exists():
            raise SystemExit(f"{source} is missing: run ./workbook site, which installs it")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def build_slides(
    site_dir: Path, notebooks: list[Path] | None = None, root: Path = ROOT
) -> list[Path]:
    """Write a deck per lesson, an index of the decks and their assets into site_dir/slides."""
    out = Path(site_dir) / "slides"
    if out.exists():
        shutil.rmtree(out)  # no stale decks from renamed lessons
    out.mkdir(parents=True)
    copy_assets(out)
    env = _environment()
    written, listed = [], []
    for path in notebooks if notebooks is not None else [x.notebook for x in lessons()]:
        title, slides = deck(path, root)
        html = env.get_template("deck.html.j2").render(
            title=title,
            lesson=path.stem,
            slides=slides,
            plotly=any(s.figures for s in slides),
            page_prefix=PAGE_PREFIX,
        )
        target = out / f"{path.stem}.html"
        target.write_text(html, encoding="utf-8")
        written.append(target)
        listed.append({"file": target.name, "title": title, "count": len(slides)})
    index = env.get_template("index.html.j2").render(decks=listed, page_prefix=PAGE_PREFIX)
    (out / "index.html").write_text(index, encoding="utf-8")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args()
    decks = build_slides(args.out)
    print(f"{len(decks)} slide decks built in {args.out / 'slides'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
