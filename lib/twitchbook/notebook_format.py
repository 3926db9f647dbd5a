"""Write a notebook in exactly the form JupyterLab writes it, so a save there changes nothing.

JupyterLab sends the notebook to the server as JSON made by the browser, and the server writes
it with nbformat (keys sorted, indent 1, non-ASCII kept, a final newline). The browser's JSON
differs from Python's only in numbers: JavaScript writes 6.0 as 6, 1e-05 as 0.00001 and
1e+16 as 10000000000000000. This module writes Python's JSON with JavaScript's numbers.
"""

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
