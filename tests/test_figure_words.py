"""The schematic figures keep their words in data/figures/<module>.yaml, not in code.

A schematic (a figure that carries the "Illustration, not data" badge) is drawn from rules,
not from a data table, so its clinical words could easily end up in its code, where no
reference checks them. Every label, hover text, button label and sentence it shows must come
from its data file, whose parts and views each cite their sources; the lesson takes the
figure's title and Sources line from the same file; and the text reaches plotly escaped.
Axis titles and the names of controls (Path, Twitch) say what is measured or picked, not a
finding, and stay in code. The myokymia trace is checked against its cited description.
"""

import html
import importlib
import json
import pkgutil
import re

import numpy as np
import pytest
import twitchbook.illustrations as illustrations
from twitchbook.figures import figure_html, figure_json
from twitchbook.illustrations import twitch_types
from twitchbook.illustrations.controls import meta_of
from twitchbook.loader import workbook

from conftest import ROOT

HELPERS = {"controls", "labels", "panels"}
FIGURE_MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(illustrations.__path__) if name not in HELPERS
)


def module(name):
    return importlib.import_module(f"twitchbook.illustrations.{name}")


SCHEMATICS = [name for name in FIGURE_MODULES if meta_of(module(name).figure()).get("badge")]
UNITS = {"s", "ms"}  # what the code adds to hover text beside the numbers plotly fills in


def test_the_schematics_are_found():
    expected = {"compression", "diagnostic_path", "lateral_spread", "nerve_course", "twitch_types"}
    assert expected <= set(SCHEMATICS), SCHEMATICS


def data_strings(text) -> set[str]:
    """Every piece of text in a figure's data file."""
    found = {text.title}
    for part in text.parts:
        found |= {part.label, part.short, part.target, part.description}
    for view in text.views:
        found |= {view.label, view.text}
    return {piece for piece in found if piece}


def as_read(shown: str) -> str:
    """Plotly's text as a reader sees it: line breaks as spaces, no tags, no placeholders."""
    shown = re.sub(r"%\{[^}]*\}", " ", shown.replace("<br>", " "))
    return html.unescape(re.sub(r"<[^>]+>", " ", shown))


def shown_words(fig) -> list[str]:
    """What a figure shows in words: annotations (panel titles too), trace names, box text and
    hover text, and every state of its controls (label and sentence)."""
    spec = json.loads(figure_json(fig).replace("<\\/", "</"))
    shown = [note.get("text", "") for note in spec["layout"].get("annotations", [])]
    for trace in spec["data"]:
        shown.append(trace.get("name", ""))
        for key in ("text", "hovertext", "hovertemplate"):
            value = trace.get(key, "")
            shown += value if isinstance(value, list) else [value]
    for control in meta_of(fig).get("controls", []):
        shown += [s["label"] for s in control["states"]] + [s["text"] for s in control["states"]]
    return [as_read(text) for text in shown if isinstance(text, str) and text.strip()]


@pytest.mark.parametrize("name", SCHEMATICS)
def test_a_schematic_shows_only_words_from_its_data_file(name):
    mod = module(name)
    assert mod.TEXT_FILE == name and (ROOT / "data" / "figures" / f"{name}.yaml").is_file()
    text = mod.words()
    assert text is workbook().figures[name]
    pieces = sorted(data_strings(text), key=len, reverse=True)
    vocabulary = {w.lower() for piece in pieces for w in re.findall(r"[^\W\d_]+", piece)}
    for shown in shown_words(mod.figure()):
        rest = shown
        for piece in pieces:
            rest = rest.replace(piece, " ")
        # What is left may only join the data file's words: punctuation, numbers, units, or a
        # single word of the file (a legend's "AICA", a label in lower case).
        stray = [
            w
            for w in re.findall(r"[^\W\d_]+", rest)
            if w not in UNITS and w.lower() not in vocabulary
        ]
        assert not stray, f"{name}: '{shown}' has words not in data/figures/{name}.yaml: {stray}"
        assert not re.search(r"[^\W\d_]+\s+[^\W\d_]+\s+[^\W\d_]+", rest), (
            f"{name}: '{shown}' holds a phrase of its own, not from data/figures/{name}.yaml"
        )


def lesson_output(name: str) -> tuple[str, str]:
    """The figure id and the saved HTML of the lesson cell that shows the module's figure."""
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and f"{name}.figure(" in source:
                shown = re.search(r'id="([a-z0-9-]+)"', source).group(1)
                outputs = [o["data"]["text/html"] for o in cell["outputs"] if "data" in o]
                return shown, "".join("".join(o) if isinstance(o, list) else o for o in outputs)
    raise AssertionError(f"no lesson shows {name}.figure()")


@pytest.mark.parametrize("name", SCHEMATICS)
def test_the_lesson_takes_the_title_and_sources_from_the_data_file(name):
    text = module(name).words()
    shown, output = lesson_output(name)
    assert f'id="title-{shown}">{html.escape(text.title)}' in output, f"{name}: title"
    caption = output[output.index("<figcaption>") :]
    listed = set(re.findall(r"references\.ipynb#ref-([a-z0-9-]+)", caption))
    assert set(text.cited) <= listed, f"{name}: Sources line lacks {set(text.cited) - listed}"


HOSTILE = '<a href="https://example.org/x">link</a><b>bold</b><span style="color:red">red</span>'
# View labels a module matches against its own drawing rules: they stay as they are.
KEYS = {"compression": "view labels"}


def hostile(text, name):
    """The figure's words with markup added to every piece of text."""

    def marked(item, fields):
        return item.model_copy(
            update={f: f"{getattr(item, f)} {HOSTILE}" for f in fields if getattr(item, f)}
        )

    view_fields = ("text",) if name in KEYS else ("label", "text")
    return text.model_copy(
        update={
            "title": f"{text.title} {HOSTILE}",
            "parts": [marked(p, ("label", "short", "target", "description")) for p in text.parts],
            "views": [marked(v, view_fields) for v in text.views],
        }
    )


@pytest.mark.parametrize("name", SCHEMATICS)
def test_words_from_the_data_file_reach_plotly_and_the_page_escaped(name):
    mod = module(name)
    fig = mod.figure(hostile(mod.words(), name))
    spec = json.loads(figure_json(fig).replace("<\\/", "</"))
    plotly = json.dumps([spec["data"], spec["layout"]])
    assert re.findall(r"<(a|span)[\s>]|<b>bold", plotly) == [], name
    assert "&lt;a" in plotly, f"{name}: no text from the data file in the plot at all"
    page = figure_html(fig, id="x", title="T", alt=mod.describe(hostile(mod.words(), name)))
    outside_data = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert 'href="https://example.org' not in outside_data, name


def myokymia_trace():
    fig = twitch_types.figure()
    trace = next(t for t in fig.data if t.name == "Myokymia")
    y = np.asarray(trace.y, dtype=float)
    return trace.x0 + trace.dx * np.arange(y.size), y


def bursts(t, y, threshold=0.05, apart=0.2) -> list[tuple[float, float]]:
    """(start, end) of each run of activity, runs closer than `apart` seconds counted as one."""
    active = t[np.abs(y) > threshold]
    breaks = np.flatnonzero(np.diff(active) > apart)
    starts = np.r_[active[0], active[breaks + 1]]
    ends = np.r_[active[breaks], active[-1]]
    return list(zip(starts, ends, strict=True))


def test_myokymic_bursts_are_separated_by_half_a_second_to_three_seconds_of_silence():
    """Palasí et al. 2013: bursts, each followed by a short (0.5 to 3 s), frequently irregular
    silence; within a burst the units fire far faster (2-60 Hz in Gulevich 2019)."""
    t, y = myokymia_trace()
    found = bursts(t, y)
    assert len(found) >= 3, "a trace should show several bursts"
    gaps = [start - end for (_, end), (start, _) in zip(found, found[1:], strict=False)]
    assert all(0.5 <= gap <= 3.0 for gap in gaps), gaps
    assert len({round(gap, 1) for gap in gaps}) > 1, "the silences should not all be equal"
    for start, end in found:
        inside = (t >= start) & (t <= end)
        peaks = t[inside][1:-1][
            (y[inside][1:-1] > y[inside][:-2])
            & (y[inside][1:-1] >= y[inside][2:])
            & (y[inside][1:-1] > 0.3)
        ]
        assert len(peaks) >= 3, "a burst is a few spikes close together"
        rate = 1 / np.median(np.diff(peaks))
        assert 10 <= rate <= 100, f"spikes within a burst at {rate:.0f} a second"
