"""One story across lessons: each entity is described one way everywhere.

Each guard below names a statement that was once taught wrongly or in two contradictory ways
(clinical review, December 2026). The phrases are searched in every lesson and every data
file that teaches (not the reference list, whose "supports" fields quote the sources as
printed), so the old wording cannot come back in one place while it is fixed in another. A
phrase in quotation marks is a quotation being discussed, and is allowed.
"""

import json
import re

import pytest

from conftest import ROOT

# (what went wrong, a pattern that finds the old wording)
RETIRED = [
    (
        "ALS taught by the El Escorial rule as if current: upper motor neuron signs are not "
        "required under the Gold Coast criteria",
        r"ALS (needs|requires) (both )?(upper and lower|lower and upper) motor neuron",
    ),
    (
        "ALS taught as requiring spread over time with UMN and LMN signs",
        r"(upper and lower|lower and upper) motor neuron signs (that|with progressive) spread",
    ),
    (
        "eyelid myokymia said never to precede blepharospasm (rare reports exist)",
        r"one does not lead to the other|does not turn into blepharospasm",
    ),
    ("root exit zone of a motor nerve called the root entry zone", r"root entry zone"),
    (
        "a pooled odds ratio read as a ratio of chances",
        r"4\.2 times (greater|the chance|more likely)",
    ),
    ("young onset of hemifacial spasm presented as a red flag", r"often heralds"),
    ("text that refers to a source text the student never sees", r"the source text"),
    (
        "myokymic bursts said to recur several times a second: 2-60 Hz is the firing within a "
        "burst, and each burst is followed by about 0.5 to 3 seconds of silence",
        r"several times a second|bursts? (at|of) 2-60 Hz|bursts \d+ to \d+ a second",
    ),
]


# The reference list quotes its sources as printed; the source text and its coverage map are
# the authors' record of what the workbook was written from, not text a student reads.
NOT_TEACHING = ("references", "source_text", "seed_coverage")


def texts():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for number, cell in enumerate(notebook["cells"]):
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                yield f"{path.name} cell {number}", source
    for path in sorted((ROOT / "data").rglob("*")):
        if (
            path.suffix in {".yaml", ".csv"}
            and not path.name.startswith(NOT_TEACHING)
            and (path.parent.name != "references")
        ):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


QUOTES = "'\"\u2018\u2019\u201c\u201d"


def quoted(text: str, start: int) -> bool:
    """Whether the match opens a quotation (the phrase is cited, not taught)."""
    return any(c in QUOTES for c in text[max(0, start - 2) : start])


@pytest.mark.parametrize("why,pattern", RETIRED, ids=[p for _, p in RETIRED])
def test_retired_wording_appears_nowhere(why, pattern):
    found = [
        f"{where}: ...{text[max(0, m.start() - 40) : m.end() + 40]}..."
        for where, text in texts()
        for m in re.finditer(pattern, text, re.IGNORECASE)
        if not quoted(text, m.start())
    ]
    assert found == [], f"{why}:\n" + "\n".join(found)
