"""Give every page one small stylesheet: the ones it linked, joined, trimmed and minified.

Sphinx links seven stylesheets on each page, all render-blocking: pydata-sphinx-theme's
(368 KiB, all of Bootstrap), myst-nb's for every kind of notebook output, the theme's
theme.css, which only imports Sphinx's basic.css (a second round trip before the page can
paint), and the workbook's own. A page uses a small part of them. So the build joins them in
the order the pages link them (the cascade is unchanged) and then, with pinned npm tools:

- PurgeCSS keeps each rule whose selectors name classes, ids or tags found in the built pages
  or in the scripts they load, so classes the theme's and Bootstrap's scripts add later
  (menus, dialogs, search) stay; and custom properties no rule uses go;
- Lightning CSS minifies what is left.

The result lives in _static/styles/, where the theme's relative font addresses still resolve.
The files stay in the site as they were (tests/test_stylesheets.py compares with them).
"""

import hashlib
import re
import subprocess
import tempfile
from pathlib import Path

from .paths import CHECKOUT, NODE_MODULES

PURGECSS = NODE_MODULES / "purgecss" / "bin" / "purgecss.js"
MINIFY = (
    "const fs = require('fs'); const {transform} = require('lightningcss');"
    "const [source, target] = process.argv.slice(1);"
    "fs.writeFileSync(target, transform({filename: source, code: fs.readFileSync(source),"
    " minify: true}).code);"
)
LINK = re.compile(
    r'[ \t]*<link (?:rel="stylesheet" type="text/css" href="(?P<a>[^"]+)"'
    r'|href="(?P<b>[^"]+)" rel="stylesheet")\s*/>\n'
)
IMPORT_BASIC = '@import "../basic.css";'


def href(link: re.Match) -> str:
    return link["a"] or link["b"]


def is_local(link: re.Match) -> bool:
    return "_static/" in href(link)


def linked_stylesheets(html: str) -> list[str]:
    """The site's own stylesheets a page links, in order, without their ?v= cache keys."""
    return [
        href(m).split("?")[0].removeprefix("_static/") for m in LINK.finditer(html) if is_local(m)
    ]


def joined(static: Path, names: list[str]) -> str:
    parts = []
    for name in names:
        text = (static / name).read_text(encoding="utf-8")
        text = text.replace(IMPORT_BASIC, (static / "basic.css").read_text(encoding="utf-8"))
        parts.append(re.sub(r'@charset "[^"]*";', "", text))
    return "\n".join(parts)


def node(*args: str) -> None:
    run = subprocess.run(["node", *args], cwd=CHECKOUT, capture_output=True, text=True)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"making the site's stylesheet failed: {last}")


def trimmed(css: str, out: Path) -> str:
    """css with only the rules the built site can use, minified."""
    with tempfile.TemporaryDirectory() as work:
        source, purged = Path(work) / "joined.css", Path(work) / "purged"
        source.write_text(css, encoding="utf-8")
        content = [str(out / "**" / "*.html"), str(out / "_static" / "**" / "*.js")]
        node(str(PURGECSS), "--css", str(source), "--content", *content, "--variables",
             "--output", str(purged))  # fmt: skip
        node("-e", MINIFY, str(purged / "joined.css"), str(Path(work) / "small.css"))
        return (Path(work) / "small.css").read_text(encoding="utf-8")


def make_stylesheets(out: Path) -> Path:
    """Write the one stylesheet and point every page at it instead of the seven."""
    pages = sorted(out.glob("*.html"))
    lists = {page.name: linked_stylesheets(page.read_text(encoding="utf-8")) for page in pages}
    first = lists[pages[0].name]
    for name, names in lists.items():
        if names != first:
            raise SystemExit(f"{name}: links other stylesheets than {pages[0].name}; not joined")
    # The one comment kept: which files the stylesheet was made from, in order.
    text = f"/*! joined from {' '.join(first)} */\n" + trimmed(joined(out / "_static", first), out)
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    target = out / "_static" / "styles" / f"workbook.{digest}.css"
    target.write_text(text, encoding="utf-8")
    link = f'    <link rel="stylesheet" href="_static/styles/{target.name}" />\n'
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = [m for m in LINK.finditer(html) if is_local(m)]
        start, end = found[0].start(), found[-1].end()
        between = LINK.sub(lambda m: "" if is_local(m) else m[0], html[start:end])
        page.write_text(html[:start] + link + between + html[end:], encoding="utf-8")
    return target
