"""Execute lesson notebooks in place so they are committed with fresh, deterministic outputs.

Usage: python tools/execute_notebooks.py [--out-dir DIR] [NOTEBOOK ...]
       (default: every notebook, saved in place; --out-dir saves the results there instead)

Outputs carry no timings or kernel noise, so executing twice gives the same bytes and nbval
compares them for real. Notebooks are saved in exactly the form JupyterLab writes (see
twitchbook.notebook_format), so opening and saving one there leaves git with nothing to show.
Live widgets are not saved: each widget's output keeps its kernel-free HTML and its text,
and the widget-view part and the widget state are dropped (see twitchbook.widgets).
Notebooks run two at a time (the machines here have two cores).
"""

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from twitchbook import freshness
from twitchbook.errors import exit_on_data_error
from twitchbook.loader import load_workbook
from twitchbook.notebook_format import writes
from twitchbook.paths import NOTEBOOKS

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


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
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


def execute(path: Path, out_dir: Path | None = None) -> str:
    notebook = nbformat.read(path, as_version=4)
    made_from = freshness.fingerprint(notebook)  # what the outputs are made from
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        # Say what went wrong in one line (a DataError names file, item and field) and leave
        # the committed notebook untouched rather than save half a lesson.
        return f"FAILED {path.name}: {err.ename}: {err.evalue}"
    target = (out_dir or path.parent) / path.name
    target.write_text(writes(freshness.stamp(clean(notebook), made_from)), encoding="utf-8")
    return f"executed {path.name}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path)
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    # Saved outputs are what a student sees: never the instructor's presenter mode.
    os.environ.pop("TWITCHBOOK_PRESENTER", None)
    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("*.ipynb"))
    load_workbook()  # a data error: one line, and no notebook run
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(execute, paths, [args.out_dir] * len(paths)))
    for line in results:
        print(line)
    return 1 if any(line.startswith("FAILED") for line in results) else 0


if __name__ == "__main__":
    sys.exit(exit_on_data_error(lambda: main(sys.argv[1:])))
