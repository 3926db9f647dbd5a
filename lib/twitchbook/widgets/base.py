"""What every widget shares: reading its data file, and displaying the one output bundle."""

import json
from pathlib import Path

from IPython.display import display

from ..errors import DataError
from ..loader import load_workbook, workbook
from ..paths import ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def load_data(kind: str, name: str, root: Path = ROOT):
    """A widget's data file, as the loader validated it (one DataError naming file, item and
    field if it is wrong): workbook().<kind>[<file name without .yaml>]."""
    book = workbook() if Path(root) == ROOT else load_workbook(root)
    return getattr(book, kind)[name]


def check_references(name: str, item: str, ids, known=None, field: str = "references") -> None:
    """Every id cited must be in the reference list."""
    known = workbook().references if known is None else known
    for ref in ids:
        if ref not in known:
            raise DataError(
                name, item, field, f"cites '{ref}', which is not in data/references.yaml"
            )


def states_json(states) -> str:
    """Precomputed states as JSON safe inside a <script type="application/json"> block."""
    text = json.dumps(states, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c")


def show_bundle(widget, html: str, plain: str) -> None:
    """Display ONE output: the live widget, its kernel-free HTML and its text alternative."""
    bundle = {"text/html": html, "text/plain": plain}
    view = widget._repr_mimebundle_() or {}
    if WIDGET_VIEW in view:
        bundle[WIDGET_VIEW] = view[WIDGET_VIEW]
    display(bundle, raw=True)
