"""Cut the theme's stylesheets down to the rules the built pages can use.

pydata-sphinx-theme ships all of Bootstrap in one render-blocking stylesheet (368 KiB), and
myst-nb styles every kind of notebook output (42 KiB); a lesson page uses a small part of
each. PurgeCSS (pinned in package-lock.json) keeps each rule whose selectors name classes, ids
or tags found in the built pages or in the scripts they load, so classes the theme's and
Bootstrap's scripts add later (menus, dialogs, search) stay.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from .paths import NODE_MODULES

PURGECSS = NODE_MODULES / "purgecss" / "bin" / "purgecss.js"
THEME_STYLESHEETS = (
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "mystnb.*.css",
)


def trim_theme_css(out: Path) -> None:
    """Rewrite the theme's stylesheets in the built site out with only the rules it uses."""
    static = out / "_static"
    stylesheets = [path for pattern in THEME_STYLESHEETS for path in sorted(static.glob(pattern))]
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
