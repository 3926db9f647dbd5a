"""Write a notebook in exactly the form JupyterLab writes it, so a save there changes nothing.

JupyterLab sends the notebook to the server as JSON made by the browser, and the server writes
it with nbformat (keys sorted, indent 1, non-ASCII kept, a final newline). The browser's JSON
differs from Python's only in numbers: JavaScript writes 6.0 as 6, 1e-05 as 0.00001 and
1e+16 as 10000000000000000. This module writes Python's JSON with JavaScript's numbers. It
also says what an executed notebook keeps when it is saved (``saved_form``), so a test can
compare fresh outputs with the saved ones exactly (``output_differences``).
"""

import copy
import json
from decimal import Decimal
from json.encoder import (
    INFINITY,
    _make_iterencode,  # the pure-Python encoder, which lets us format floats our own way
    encode_basestring,
)

import nbformat


def js_number(value: float) -> str:
    """A float as JavaScript's Number.prototype.toString writes it."""
    if value != value or value in (INFINITY, -INFINITY):
        raise ValueError(f"{value!r} cannot be written as JSON")
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    digits, exponent = _shortest(value)
    # JavaScript uses exponent form only below 1e-6 and from 1e21 up.
    if -7 < exponent < 21:
        return format(Decimal(repr(value)), "f")
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if value < 0 else ""
    return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def _shortest(value: float) -> tuple[str, int]:
    """The shortest round-tripping digits of |value| and its decimal exponent (d.ddd × 10^e)."""
    sign, digits, exp = Decimal(repr(abs(value))).normalize().as_tuple()
    text = "".join(map(str, digits))
    return text, exp + len(text) - 1


class JupyterLabJSON(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return _make_iterencode(
            {},
            self.default,
            encode_basestring,
            self.indent,
            js_number,
            self.key_separator,
            self.item_separator,
            self.sort_keys,
            self.skipkeys,
            _one_shot,
        )(o, 0)


def writes(notebook: nbformat.NotebookNode) -> str:
    """The notebook as JupyterLab saves it (through nbformat's own line splitting)."""
    nbformat.validate(notebook)
    data = json.loads(nbformat.writes(notebook, version=nbformat.NO_CONVERT))
    return json.dumps(data, cls=JupyterLabJSON, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


KERNEL_SPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def without_live_widgets(outputs: list) -> list:
    """Drop the widget-view part of each output; an output that was nothing else goes."""
    kept = []
    for output in outputs:
        data = output.get("data")
        if data is not None and WIDGET_VIEW in data:
            del data[WIDGET_VIEW]
            if not data:
                continue
        kept.append(output)
    return kept


def saved_form(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run and keep what JupyterLab would add on opening.

    Execution counts stay: they run 1, 2, 3 from a fresh kernel, and nbval needs them.
    language_info is the kernel's own, as JupyterLab writes it when the kernel starts.
    """
    notebook.metadata = {
        "kernelspec": KERNEL_SPEC,
        "language_info": notebook.metadata.get("language_info", {"name": "python"}),
    }
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number:03d}"
        cell.metadata.pop("execution", None)
        # Live slides in JupyterLab (RISE) start a new slide at each lesson heading.
        if cell.cell_type == "markdown" and cell.source.startswith(("# ", "## ")):
            cell.metadata["slideshow"] = {"slide_type": "slide"}
        if cell.cell_type == "code":
            cell.outputs = without_live_widgets(cell.outputs)
            # Code the site hides is set-up a student need not read: collapsed in JupyterLab,
            # one click (or the cell's blue bar) away.
            if "remove-input" in cell.metadata.get("tags", []):
                cell.metadata["jupyter"] = {"source_hidden": True}
    return notebook


def output_differences(fresh: list, saved: list) -> list[str]:
    """Where a cell's fresh outputs differ from its saved ones, every key compared.

    nbval compares the data of each output but skips metadata, output types, stream names
    and execution counts; this compares them all, after dropping what is never saved (the
    live widget views), so a notebook executed again matches its saved file byte for byte.
    """
    fresh = without_live_widgets(copy.deepcopy([dict(output) for output in fresh]))
    saved = [dict(output) for output in saved]
    if len(fresh) != len(saved):
        return [f"{len(fresh)} outputs now, {len(saved)} saved"]
    differences = []
    for number, (new, old) in enumerate(zip(fresh, saved, strict=True), start=1):
        for key in sorted(set(new) | set(old)):
            if key == "data" and isinstance(new.get(key), dict) and isinstance(old.get(key), dict):
                differences += [
                    f"output {number}: data '{kind}' differs"
                    for kind in sorted(set(new["data"]) | set(old["data"]))
                    if new["data"].get(kind) != old["data"].get(kind)
                ]
            elif new.get(key) != old.get(key):
                differences.append(f"output {number}: '{key}' differs")
    return differences
