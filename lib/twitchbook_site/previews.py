"""Still images of each figure's first state, shown on the site until plotly.js draws it.

plotly.js is fetched only when a figure nears the screen, so on a slow connection a reader
would see the figure's text and an empty box for seconds. Instead the page shows a preview:
the figure as plotly.js will draw it, in the page's mode (light or dark) and at the page's
width (a phone gets the narrow-screen layout). ``./workbook execute`` draws the previews
(tools/render_previews.py, in Chromium) after running the notebooks, and they are committed
in website/previews/, each named by a digest of what it shows: the figure's data, the script
that sizes and colours it, and plotly's version. A figure with no preview of its current data
is published without one, with its text and the "drawn when it comes into view" line;
tests/test_previews.py insists that every committed figure has its previews.
"""

import hashlib
import html
import json
import re
import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import imagesize
import plotly

from .paths import SOURCES

PREVIEWS = SOURCES / "previews"
FIGURE = re.compile(
    r'<figure class="tb-figure" id="fig-(?P<id>[a-z0-9-]+)".*?'
    r'<script type="application/json" class="tb-plot-data"[^>]*>(?P<spec>.*?)</script>',
    re.S,
)
WAITING = '<p class="tb-plot-waiting">'


@dataclass(frozen=True)
class Variant:
    name: str
    width: int  # the plot's width in CSS pixels
    scale: int  # image pixels per CSS pixel: phones have dense screens
    theme: str


# figure.js draws the narrow-screen layout below 560 px; site.css shows the matching image.
# The widths are the plot's on a 390 px phone and near the middle of a laptop's (560-774 px).
VARIANTS = (
    Variant("wide-light", 700, 1, "light"),
    Variant("wide-dark", 700, 1, "dark"),
    Variant("narrow-light", 342, 2, "light"),
    Variant("narrow-dark", 342, 2, "dark"),
)


@dataclass(frozen=True)
class Figure:
    id: str
    spec: str  # the JSON in the figure's <script type="application/json">

    def file(self, variant: Variant) -> str:
        """The image's name: the figure, a digest of what the image is drawn from, the variant."""
        return f"{self.id}.{_digest(self.spec, variant)}.{variant.name}.webp"


def _digest(spec: str, variant: Variant) -> str:
    script = files("twitchbook").joinpath("assets/figure.js").read_text(encoding="utf-8")
    made_from = "\0".join([spec, script, plotly.__version__, repr(variant)])
    return hashlib.sha256(made_from.encode()).hexdigest()[:16]


def figures_in(page_html: str) -> list[Figure]:
    return [Figure(m["id"], m["spec"]) for m in FIGURE.finditer(page_html)]


def figure_outputs(notebooks: Path) -> list[tuple[Figure, str]]:
    """(figure, the whole HTML output that shows it) for every figure in the notebooks."""
    found = []
    for path in sorted(notebooks.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                text = "".join(out.get("data", {}).get("text/html", []))
                found += [(figure, text) for figure in figures_in(text)]
    return found


def has_previews(figure: Figure, folder: Path = PREVIEWS) -> bool:
    return all((folder / figure.file(v)).is_file() for v in VARIANTS)


def preview_html(figure: Figure, prefix: str) -> str:
    """The images in two groups by width; site.css shows the group for the plot's width and
    the image for the page's mode, and the browser fetches only that one (lazy images that are
    not displayed are not loaded)."""
    groups = {}
    for variant in VARIANTS:
        name = figure.file(variant)
        width, height = imagesize.get(PREVIEWS / name)
        group, mode = variant.name.split("-")
        groups.setdefault(group, []).append(
            f'<img class="tb-{mode}" src="{html.escape(prefix + name)}" alt=""'
            f' width="{width // variant.scale}" height="{height // variant.scale}"'
            ' loading="lazy" decoding="async">'
        )
    spans = "".join(
        f'<span class="tb-preview-{group}">{"".join(images)}</span>'
        for group, images in groups.items()
    )
    return f'<div class="tb-preview" aria-hidden="true">{spans}</div>'


def with_previews(notebook, static: Path, prefix: str = "_static/previews/") -> list[str]:
    """Put each figure's preview in its plot box, copying the images into static/previews/.
    Figures with no preview of their current data are left as they are; their ids are
    returned."""
    missing = []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            page_html = out.get("data", {}).get("text/html")
            if not page_html:
                continue
            page_html = "".join(page_html) if isinstance(page_html, list) else page_html
            for figure in figures_in(page_html):
                if not has_previews(figure):
                    missing.append(figure.id)
                    continue
                _copy_images(figure, static / "previews")
                box = f'<div class="tb-plot" id="plot-{figure.id}">{WAITING}'
                with_image = box.replace(WAITING, preview_html(figure, prefix) + WAITING)
                page_html = page_html.replace(box, with_image, 1)
            out["data"]["text/html"] = page_html
    return missing


def _copy_images(figure: Figure, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for variant in VARIANTS:
        target = folder / figure.file(variant)
        if not target.exists():
            shutil.copyfile(PREVIEWS / figure.file(variant), target)
