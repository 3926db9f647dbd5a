"""The files a deck loads, copied beside it so it works offline: reveal.js and its notes
plugin (pinned by package-lock.json), plotly.js's basic bundle, and the workbook's styles and
the decks' own script."""

import shutil
from pathlib import Path

import twitchbook

from ..paths import PLOTLY_JS, REVEAL, SOURCES

OWN = SOURCES / "slides_assets"

# The notes plugin carries its speaker view inline.
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
        OWN / "slides.css": out / "slides.css",
        OWN / "slides.js": out / "slides.js",
    }
    cases = Path(twitchbook.__file__).parent / "widgets" / "cases.js"  # walks cases on slides
    if cases.exists():
        files[cases] = out / "cases.js"
    for source, target in sorted(files.items()):
        if not source.exists():
            raise SystemExit(f"{source.name} is missing: run ./workbook site, which installs it")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
