"""Which studies stand behind a number? Filter the cited studies of microvascular decompression
by design, size and year, and see the summary chart recomputed with its studies listed
(lesson 06).

The rows are data/tables/mvd_outcomes.yaml; how each study was done is in
data/studies/mvd_outcomes.yaml; the year is the reference's. filter_rows() and summary() do
the work. The live widget calls them as the menus change; the kernel-free page carries every
result they gave for each combination of menus, and its script only shows and hides rows.
"""

from itertools import product
from pathlib import Path

import pandas as pd

from ..citations import cite, label
from ..errors import DataError
from ..loader import workbook
from ..paths import ROOT
from ..render import escape
from ..schema import StudyDesignFile
from ..tables import table_frame
from .base import check_references, load_data, show_bundle, states_json

DESIGNS_FILE = "data/studies/mvd_outcomes.yaml"
ANY = "any"
SIZES = (0, 100, 1000)  # "at least this many patients"; 0 also keeps studies with no count


def load_designs(root: Path = ROOT) -> StudyDesignFile:
    data = load_data("study_designs", "mvd_outcomes", root)
    if Path(root) == ROOT:
        references = workbook().references
        for study in data.studies:
            check_references(DESIGNS_FILE, study.reference, [study.reference], references)
    return data


def studies_frame() -> pd.DataFrame:
    """One row per result, with its study's label, design, size and year."""
    designs = load_designs()
    table = table_frame(designs.table)
    by_reference = {s.reference: s for s in designs.studies}
    references = workbook().references
    rows = []
    for number, row in enumerate(table.to_dict("records"), start=1):
        ref_id = row["references"][0]
        study = by_reference.get(ref_id)
        if study is None:
            raise DataError(
                DESIGNS_FILE, None, "studies", f"has no entry for '{ref_id}' (row {number})"
            )
        rows.append(
            {
                "row": number,
                "group": row["group"],
                "measure": row["measure"],
                "percent": row["percent"],
                "shown": row["shown"],
                "reference": ref_id,
                "study": label(references[ref_id]),
                "design": study.design,
                "patients": study.patients,
                "year": references[ref_id].issued,
            }
        )
    return pd.DataFrame(rows)


def filter_rows(frame: pd.DataFrame, design: str, min_patients: int, year_from: int):
    """The rows whose study matches: a design (or any), a least size, a first year."""
    keep = frame["year"].fillna(0) >= year_from  # year_from 0: any year, unknown ones too
    if design != ANY:
        keep &= frame["design"] == design
    if min_patients:
        keep &= frame["patients"].fillna(0) >= min_patients
    return frame[keep]


def summary(rows: pd.DataFrame) -> str:
    """What the chosen studies say, in words: the chart's text alternative."""
    if rows.empty:
        return "No study matches these choices."
    studies = rows.drop_duplicates("reference")
    counted = int(studies["patients"].fillna(0).sum())
    plural = "study" if len(studies) == 1 else "studies"
    parts = [
        f"{len(studies)} {plural} ({', '.join(studies['study'])}), {counted:,} patients counted."
    ]
    for group, results in rows.groupby("group", sort=False):
        listed = "; ".join(f"{r.measure} {r.shown} ({r.study})" for r in results.itertuples())
        parts.append(f"{group}: {listed}.")
    return " ".join(parts)


def choices(frame: pd.DataFrame) -> tuple[list[str], list[int]]:
    designs = [ANY, *sorted(frame["design"].unique())]
    years = [0, *sorted(int(y) for y in frame["year"].dropna().unique())]
    return designs, years


def chart_html(frame: pd.DataFrame, shown: set[int]) -> str:
    """Bars for every result (hidden where not shown), then the studies behind them."""
    bars = []
    for row in frame.itertuples():
        hidden = "" if row.row in shown else " hidden"
        bars.append(
            f'<tr data-row="{row.row}"{hidden}><th scope="row">{escape(row.group)}: '
            f"{escape(row.measure)}</th>"
            f'<td><span class="tb-bar" style="width:{0.12 * min(row.percent, 100):.2f}em"></span> '
            f"{escape(row.shown)}</td><td>{cite(row.reference)}</td>"
            f"<td>{escape(row.design)}</td>"
            f"<td>{'' if pd.isna(row.patients) else f'{int(row.patients):,}'}</td>"
            f"<td>{'' if pd.isna(row.year) else int(row.year)}</td></tr>"
        )
    studies = []
    for row in frame.drop_duplicates("reference").itertuples():
        hidden = (
            ""
            if row.reference in set(frame[frame["row"].isin(shown)]["reference"])
            else (" hidden")
        )
        size = "no count given" if pd.isna(row.patients) else f"{int(row.patients):,} patients"
        studies.append(
            f'<li data-study="{escape(row.reference)}"{hidden}>{cite(row.reference)}: '
            f"{escape(row.design)}, {size}"
            f"{'' if pd.isna(row.year) else f', {int(row.year)}'}</li>"
        )
    return (
        '<div class="tb-table"><table><caption>Results of the chosen studies (percent of '
        'patients)</caption><thead><tr><th scope="col">Result</th><th scope="col">Percent'
        '</th><th scope="col">Study</th><th scope="col">Design</th><th scope="col">Patients'
        '</th><th scope="col">Year</th></tr></thead>'
        f"<tbody>{''.join(bars)}</tbody></table></div>"
        f'<div class="tb-studies"><p>The studies behind it:</p><ul>{"".join(studies)}</ul></div>'
    )


def state_key(design: str, min_patients: int, year_from: int) -> str:
    return f"{design}|{min_patients}|{year_from}"


def states(frame: pd.DataFrame) -> dict:
    """Every menu combination the kernel-free page offers, worked out by filter_rows()."""
    designs, years = choices(frame)
    table = {}
    for design, size, year in product(designs, SIZES, years):
        rows = filter_rows(frame, design, size, year)
        table[state_key(design, size, year)] = {
            "rows": [int(r) for r in rows["row"]],
            "studies": list(rows["reference"].unique()),
            "summary": summary(rows),
        }
    return table


def _select(uid: str, name: str, text: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    return (
        f'<p><label for="{uid}-{name}">{text}</label> '
        f'<select id="{uid}-{name}" data-menu="{name}" data-lm-suppress-shortcuts="true">'
        f"{items}</select></p>"
    )


def menu_options(frame: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    designs, years = choices(frame)
    return {
        "design": [(d, "Any design" if d == ANY else d.capitalize()) for d in designs],
        "size": [(str(s), "Any size" if s == 0 else f"At least {s:,} patients") for s in SIZES],
        "year": [(str(y), "Any year" if y == 0 else f"From {y}") for y in years],
    }


PAGE_SCRIPT = """(function (box) {
  var states = JSON.parse(box.querySelector("script.tb-states").textContent);
  var menus = box.querySelectorAll("select");
  function draw() {
    var key = Array.prototype.map.call(menus, function (m) { return m.value; }).join("|");
    var state = states[key];
    box.querySelectorAll("tr[data-row]").forEach(function (row) {
      row.hidden = state.rows.indexOf(Number(row.dataset.row)) < 0;
    });
    box.querySelectorAll("li[data-study]").forEach(function (item) {
      item.hidden = state.studies.indexOf(item.dataset.study) < 0;
    });
    box.querySelector(".tb-summary").textContent = state.summary;
  }
  menus.forEach(function (menu) { menu.addEventListener("change", draw); });
})(document.currentScript.parentElement);"""

TITLE = "Explore the studies of microvascular decompression"


def page_html(frame: pd.DataFrame, uid: str = "study-explorer") -> str:
    options = menu_options(frame)
    every = set(frame["row"])
    return (
        f'<div class="tb-widget tb-study-explorer" id="{uid}" data-lm-suppress-shortcuts="true">'
        f'<div class="tb-widget-title">{TITLE}</div>'
        f"<fieldset><legend>Which studies?</legend>"
        f"{_select(uid, 'design', 'Study design', options['design'])}"
        f"{_select(uid, 'size', 'Study size', options['size'])}"
        f"{_select(uid, 'year', 'Published', options['year'])}</fieldset>"
        f'<p class="tb-summary" aria-live="polite">{escape(summary(frame))}</p>'
        f"{chart_html(frame, every)}"
        f'<script type="application/json" class="tb-states">{states_json(states(frame))}</script>'
        f"<script>{PAGE_SCRIPT}</script></div>"
    )


def live_widget(frame: pd.DataFrame):
    import ipywidgets as w

    options = menu_options(frame)
    style = {"description_width": "8em"}
    design = w.Dropdown(
        options=[(t, v) for v, t in options["design"]], description="Study design", style=style
    )
    size = w.Dropdown(
        options=[(t, int(v)) for v, t in options["size"]], description="Study size", style=style
    )
    year = w.Dropdown(
        options=[(t, int(v)) for v, t in options["year"]], description="Published", style=style
    )
    out = w.HTML()

    def redraw(_=None):
        rows = filter_rows(frame, design.value, size.value, year.value)
        out.value = (
            f'<div class="tb-widget"><p class="tb-summary" aria-live="polite">'
            f"{escape(summary(rows))}</p>{chart_html(rows, set(rows['row']))}</div>"
        )

    for menu in (design, size, year):
        menu.observe(redraw, names="value")
    redraw()
    box = w.VBox([w.HTML(f'<div class="tb-widget-title">{TITLE}</div>'), design, size, year, out])
    box.add_class("tb-widget")
    return box


def show_study_explorer() -> None:
    """Show the explorer: live menus in JupyterLab, the precomputed page elsewhere, and text."""
    frame = studies_frame()
    plain = f"{TITLE}. All studies: {summary(frame)}"
    show_bundle(live_widget(frame), page_html(frame), plain)
