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
from twitchbook.notebook_format import saved_form, writes
from twitchbook.paths import NOTEBOOKS


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
    target.write_text(writes(freshness.stamp(saved_form(notebook), made_from)), encoding="utf-8")
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
