"""Build the static site from the committed, executed notebooks.

Usage: python -m twitchbook_site.build [--out DIR]

1. Stage the sources in _build/src: the notebooks (minus outputs meant for JupyterLab alone,
   with links between notebooks pointed at pages) and a generated home page.
   Each figure gets its preview images (see previews.py).
2. Copy the scripts the pages need (plotly.js from node_modules, the workbook's own
   CSS and JS) into the site, so nothing is fetched from elsewhere.
3. Run Sphinx, which rebuilds only the pages whose staged source changed.
4. Write the slide decks; trim the stylesheets to the rules the pages use and join them.
"""

import argparse
import json
import shutil
import sys
from pathlib import Path

import nbformat
import twitchbook
from sphinx.cmd.build import build_main
from twitchbook.errors import exit_on_data_error
from twitchbook.freshness import check_fresh
from twitchbook.lessons import back_matter, is_lesson, lessons
from twitchbook.loader import load_workbook
from twitchbook.paths import ROOT

from .paths import BUILD, PLOTLY_JS, SOURCES
from .previews import with_previews
from .slides.build import build_slides
from .stylesheets import make_stylesheets
from .web import for_the_web, with_slides_link


def write_if_changed(path: Path, text: str) -> None:
    """Leave unchanged files alone so Sphinx's incremental build skips their pages."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def home_page(pages: list[Path]) -> str:
    lesson_list = "\n".join(f"- [{lesson.title}]({lesson.notebook.name})" for lesson in lessons())
    toctree = "\n".join([*(p.stem for p in pages), "instructor_guide"])
    return f"""# Facial Twitch Workbook

A workbook for medical students on facial twitching: the anatomy of facial nerve compression,
harmless twitches and serious causes, how a twitch is assessed, and how it is treated.

```{{admonition}} Educational use only, not medical advice
This workbook teaches; it does not diagnose or treat anyone. If you are worried about a twitch,
see a doctor.
```

## Lessons

{lesson_list}

Also here: the [glossary](glossary.ipynb) and the [reference list](references.ipynb).
For instructors: <a href="slides/index.html">slides for every lesson</a> and the
[instructor guide](instructor_guide.md).

<div id="tb-progress-home"></div>

```{{toctree}}
:hidden:
:maxdepth: 1

{toctree}
```
"""


def instructor_guide() -> str:
    rows = [
        f"| [{lesson.title}]({lesson.notebook.name}) | {lesson.minutes} |" for lesson in lessons()
    ]
    total = sum(lesson.minutes for lesson in lessons())
    table = "\n".join(
        ["| Lesson | Minutes |", "|---|---|", *rows, f"| **All lessons** | {total} |"]
    )
    template = (SOURCES / "instructor_guide.md").read_text(encoding="utf-8")
    return template.replace("{lesson_times}", table)


def site_data(book) -> str:
    """What the site script needs to know: glossary definitions and each lesson's quiz size."""
    glossary = {t.id: {"term": t.term, "plain": t.plain} for t in book.glossary.values()}
    quiz_sizes = {
        lesson.stem: {"title": lesson.title, "questions": len(book.quizzes[lesson.stem].questions)}
        for lesson in lessons()
        if lesson.stem in book.quizzes
    }
    payload = json.dumps({"glossary": glossary, "lessons": quiz_sizes}, sort_keys=True, indent=1)
    # json.dumps leaves "<" alone; escape it so no data text can end the script.
    return "window.TWITCHBOOK = " + payload.replace("<", "\\u003c") + ";\n"


def stage(src: Path) -> Path:
    book = load_workbook(ROOT)  # refuse to publish anything if a data file is wrong
    src.mkdir(parents=True, exist_ok=True)
    pages = [lesson.notebook for lesson in lessons()] + back_matter()
    wanted = {p.name for p in pages} | {
        "conf.py",
        "index.md",
        "instructor_guide.md",
        "_static",
        "_templates",
    }
    for stale in src.iterdir():
        if stale.name not in wanted:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    static = src / "_static"
    shutil.rmtree(static / "previews", ignore_errors=True)  # only the current figures' images
    without_preview = []
    for page in pages:
        notebook = for_the_web(nbformat.read(page, as_version=4))
        without_preview += with_previews(notebook, static)
        if is_lesson(page.name):
            notebook = with_slides_link(notebook, page.stem)
        write_if_changed(src / page.name, nbformat.writes(notebook) + "\n")
    if without_preview:
        print(
            f"{len(without_preview)} figures have no preview of their current data and are"
            f" published without one ({', '.join(without_preview)}): run ./workbook execute"
        )
    write_if_changed(src / "index.md", home_page(pages))
    write_if_changed(src / "instructor_guide.md", instructor_guide())
    write_if_changed(src / "conf.py", (SOURCES / "conf.py").read_text(encoding="utf-8"))
    templates = src / "_templates"
    templates.mkdir(exist_ok=True)
    write_if_changed(
        templates / "layout.html",
        (SOURCES / "_templates" / "layout.html").read_text(encoding="utf-8"),
    )
    static.mkdir(exist_ok=True)
    write_if_changed(static / "workbook-data.js", site_data(book))
    assets = {
        PLOTLY_JS: "plotly.min.js",
        Path(twitchbook.__file__).parent / "assets" / "twitchbook.css": "twitchbook.css",
        # The case and triage walker ships with the widgets, which also carry it inline.
        Path(twitchbook.__file__).parent / "widgets" / "cases.js": "cases.js",
        **{path: path.name for path in sorted((SOURCES / "_static").iterdir()) if path.is_file()},
    }
    for source, name in assets.items():
        target = static / name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
    return src


def build(out: Path) -> int:
    """Stage and build beside out: out/../src holds the sources, out/../doctrees the cache."""
    src = stage(out.parent / "src")
    # Sphinx adds a ?v= checksum to myst-nb's stylesheet link only when an earlier build left
    # that file in the output; removing it makes a rebuild write what a first build writes.
    for stale in out.glob("_static/mystnb.*.css"):
        stale.unlink()
    status = build_main(
        [
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            "-d",
            str(out.parent / "doctrees"),
            str(src),
            str(out),
        ]
    )
    drop_unused_theme_files(out)
    return status


def drop_unused_theme_files(out: Path) -> None:
    """No page loads these (website/_templates/layout.html leaves fontawesome.js off; source
    maps are for the theme's developers): 5 MB less to download or copy to a USB stick."""
    scripts = out / "_static" / "scripts"
    unused = {*scripts.glob("fontawesome.js*"), *(out / "_static").rglob("*.map")}
    unused |= set(out.glob(".buildinfo.bak"))  # Sphinx's copy of the last settings, after a change
    for path in sorted(unused):
        path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "html")
    args = parser.parse_args()
    load_workbook(ROOT)  # before anything is written: a data error, or
    check_fresh(ROOT)  # outputs made from older data or code, ends the build in one line
    # Build into a fresh folder and put it in place only once pages and decks are all written:
    # a failed build leaves the last good site whole, and a rebuild writes what a first build
    # writes (Sphinx's incremental search index keeps words of pages since changed).
    partial = args.out.with_name(args.out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    status = build(partial)
    if status != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return status
    build_slides(partial)
    make_stylesheets(partial)  # after every page and deck is written: it reads them all
    replace_folder(partial, args.out)
    # One file to download or copy to a USB stick: unzip and open index.html.
    archive = shutil.make_archive(
        str(args.out.parent / "facial-twitch-workbook-site"), "zip", args.out
    )
    print(f"site built in {args.out}; archive {archive}")
    return status


def replace_folder(new: Path, old: Path) -> None:
    """Swap new in for old with two renames, so there is never a half-written site."""
    retired = old.with_name(old.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        old.rename(retired)
    new.rename(old)
    shutil.rmtree(retired, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(exit_on_data_error(main))
