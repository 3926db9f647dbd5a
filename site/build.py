"""Build the static site from the committed, executed notebooks.

Usage: python site/build.py [--out DIR]

1. Stage the sources in _build/src: the notebooks (minus outputs meant for JupyterLab alone,
   with links between notebooks pointed at pages) and a generated home page.
2. Copy the scripts the pages need (plotly.js from node_modules, the workbook's own
   CSS and JS) into the site, so nothing is fetched from elsewhere.
3. Run Sphinx, which rebuilds only the pages whose staged source changed.
"""

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
import twitchbook
from sphinx.cmd.build import build_main
from twitchbook.loader import load_workbook
from twitchbook.paths import ROOT

SITE = Path(__file__).resolve().parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
# The lessons draw only scatter and bar traces, which plotly's basic bundle (1.2 MB, pinned in
# package-lock.json to the plotly.js version the Python package uses) draws as well as the
# full 4.6 MB one; tests/test_figures.py checks that no lesson uses another trace type.
PLOTLY_JS = (
    Path(__file__).resolve().parents[1]
    / "node_modules"
    / "plotly.js-basic-dist-min"
    / "plotly-basic.min.js"
)
BASIC_TRACES = {"scatter", "bar", "pie"}
IPYNB_LINK = re.compile(r'href="([A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')


def lesson_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def title_of(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise SystemExit(f"{path.name}: the first markdown cell needs a '# Title' heading")


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
                    lambda m: f'href="{page_prefix}{m.group(1)}.html{m.group(2) or ""}"', text
                )
    return notebook


def write_if_changed(path: Path, text: str) -> None:
    """Leave unchanged files alone so Sphinx's incremental build skips their pages."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def home_page(pages: list[Path]) -> str:
    lessons = "\n".join(f"- [{title_of(p)}]({p.name})" for p in pages if p.name[:2].isdigit())
    toctree = "\n".join([*(p.stem for p in pages), "instructor_guide"])
    return f"""# Facial Twitch Workbook

A workbook for medical students on facial twitching: the anatomy of facial nerve compression,
harmless twitches and serious causes, how a twitch is assessed, and how it is treated.

```{{admonition}} Educational use only, not medical advice
This workbook teaches; it does not diagnose or treat anyone. If you are worried about a twitch,
see a doctor.
```

## Lessons

{lessons}

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


def lesson_time(path: Path) -> str:
    first = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*Time:\*\* about (\d+) minutes", first)
    if not match:
        raise SystemExit(f"{path.name}: the first cell needs '**Time:** about N minutes.'")
    return match.group(1)


def instructor_guide(pages: list[Path]) -> str:
    lessons = [p for p in pages if p.name[:2].isdigit()]
    rows = [f"| [{title_of(p)}]({p.name}) | {lesson_time(p)} |" for p in lessons]
    total = sum(int(lesson_time(p)) for p in lessons)
    table = "\n".join(
        ["| Lesson | Minutes |", "|---|---|", *rows, f"| **All lessons** | {total} |"]
    )
    template = (SITE / "instructor_guide.md").read_text(encoding="utf-8")
    return template.replace("{lesson_times}", table)


def site_data(book, pages: list[Path]) -> str:
    """What the site script needs to know: glossary definitions and each lesson's quiz size."""
    glossary = {t.id: {"term": t.term, "plain": t.plain} for t in book.glossary.values()}
    lessons = {
        p.stem: {"title": title_of(p), "questions": len(book.quizzes[p.stem].questions)}
        for p in pages
        if p.stem in book.quizzes
    }
    payload = json.dumps({"glossary": glossary, "lessons": lessons}, sort_keys=True, indent=1)
    # json.dumps leaves "<" alone; escape it so no data text can end the script.
    return "window.TWITCHBOOK = " + payload.replace("<", "\\u003c") + ";\n"


def stage(src: Path) -> Path:
    book = load_workbook(ROOT)  # refuse to publish anything if a data file is wrong
    src.mkdir(parents=True, exist_ok=True)
    pages = lesson_notebooks() + [NOTEBOOKS / "glossary.ipynb", NOTEBOOKS / "references.ipynb"]
    pages = [p for p in pages if p.exists()]
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
    for page in pages:
        notebook = for_the_web(nbformat.read(page, as_version=4))
        if page.name[:2].isdigit():
            from slides import slides_link  # imported here: slides.py imports this module

            notebook = slides_link(notebook, page.stem)
        write_if_changed(src / page.name, nbformat.writes(notebook) + "\n")
    write_if_changed(src / "index.md", home_page(pages))
    write_if_changed(src / "instructor_guide.md", instructor_guide(pages))
    write_if_changed(src / "conf.py", (SITE / "conf.py").read_text(encoding="utf-8"))
    templates = src / "_templates"
    templates.mkdir(exist_ok=True)
    write_if_changed(
        templates / "layout.html", (SITE / "_templates" / "layout.html").read_text(encoding="utf-8")
    )
    static = src / "_static"
    static.mkdir(exist_ok=True)
    write_if_changed(static / "workbook-data.js", site_data(book, pages))
    assets = {
        PLOTLY_JS: "plotly.min.js",
        Path(twitchbook.__file__).parent / "assets" / "twitchbook.css": "twitchbook.css",
        SITE / "_static" / "twitchbook.js": "twitchbook.js",
        SITE / "_static" / "cases.js": "cases.js",
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
    """No page loads these (site/_templates/layout.html leaves fontawesome.js off; source
    maps are for the theme's developers): 5 MB less to download or copy to a USB stick."""
    scripts = out / "_static" / "scripts"
    unused = {*scripts.glob("fontawesome.js*"), *(out / "_static").rglob("*.map")}
    for path in sorted(unused):
        path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "html")
    args = parser.parse_args()
    status = build(args.out)
    if status == 0:
        from slides import build_slides

        build_slides(args.out)
        # One file to download or copy to a USB stick: unzip and open index.html.
        archive = shutil.make_archive(
            str(args.out.parent / "facial-twitch-workbook-site"), "zip", args.out
        )
        print(f"site built in {args.out}; archive {archive}")
    return status


if __name__ == "__main__":
    sys.exit(main())
