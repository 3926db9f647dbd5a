"""Make each page's stylesheets one small file: trimmed to the rules the pages use, then joined.

pydata-sphinx-theme ships all of Bootstrap in one render-blocking stylesheet (368 KiB), and
myst-nb styles every kind of notebook output (42 KiB); a lesson page uses a small part of
each. PurgeCSS (pinned in package-lock.json) keeps each rule whose selectors name classes, ids
or tags found in the built pages or in the scripts they load, so classes the theme's and
Bootstrap's scripts add later (menus, dialogs, search) stay.

Every page then links one stylesheet instead of eight (one of them, the theme's theme.css, only
imports Sphinx's basic.css, a second round trip before the page can paint). The files are joined
in the order the pages linked them, so the cascade is unchanged; the result lives in
_static/styles/, where the theme's relative font addresses still resolve.
"""

import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .paths import NODE_MODULES

PURGECSS = NODE_MODULES / "purgecss" / "bin" / "purgecss.js"
TRIMMED = (
    "basic.css",
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "mystnb.*.css",
)
LINK = re.compile(
    r'[ \t]*<link (?:rel="stylesheet" type="text/css" href="(?P<a>[^"]+)"'
    r'|href="(?P<b>[^"]+)" rel="stylesheet")\s*/>\n'
)
IMPORT_BASIC = '@import "../basic.css";'


def trim(out: Path) -> None:
    """Rewrite the theme's stylesheets in the built site with only the rules it uses."""
    static = out / "_static"
    stylesheets = [path for pattern in TRIMMED for path in sorted(static.glob(pattern))]
    with tempfile.TemporaryDirectory() as trimmed:
        run = subprocess.run(
            [
                "node",
                str(PURGECSS),
                "--css",
                *map(str, stylesheets),
                "--content",
                str(out / "**" / "*.html"),
                str(static / "**" / "*.js"),
                "--output",
                trimmed,
            ],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise SystemExit(f"trimming the theme's stylesheet failed: {last}")
        for stylesheet in stylesheets:
            shutil.copyfile(Path(trimmed) / stylesheet.name, stylesheet)


def linked_stylesheets(html: str) -> list[str]:
    """The local stylesheets a page links, in order, without their ?v= cache keys."""
    return [
        (m["a"] or m["b"]).split("?")[0]
        for m in LINK.finditer(html)
        if "_static/" in (m["a"] or m["b"])
    ]


def joined(static: Path, names: list[str]) -> str:
    parts = []
    for name in names:
        text = (static / name).read_text(encoding="utf-8")
        text = text.replace(IMPORT_BASIC, (static / "basic.css").read_text(encoding="utf-8"))
        parts.append(f"/*! joined from {name} */\n" + re.sub(r'@charset "[^"]*";', "", text))
    return "\n".join(parts)


def bundle(out: Path) -> Path:
    """Join the stylesheets every page links into one file and link that instead."""
    pages = sorted(out.glob("*.html"))
    lists = {page.name: linked_stylesheets(page.read_text(encoding="utf-8")) for page in pages}
    first = lists[pages[0].name]
    for name, names in lists.items():
        if names != first:
            raise SystemExit(f"{name}: links other stylesheets than {pages[0].name}; not joined")
    names = [name.removeprefix("_static/") for name in first]
    text = joined(out / "_static", names)
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    target = out / "_static" / "styles" / f"workbook.{digest}.css"
    target.write_text(text, encoding="utf-8")
    link = f'    <link rel="stylesheet" href="_static/styles/{target.name}" />\n'
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = [m for m in LINK.finditer(html) if "_static/" in (m["a"] or m["b"])]
        start, end = found[0].start(), found[-1].end()
        between = LINK.sub(
            lambda m: "" if "_static/" in (m["a"] or m["b"]) else m[0], html[start:end]
        )
        page.write_text(html[:start] + link + between + html[end:], encoding="utf-8")
    return target


def make_stylesheets(out: Path) -> Path:
    trim(out)
    return bundle(out)
