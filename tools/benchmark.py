"""Measure what the workbook costs to set up, execute, test, build and load. Prints a table
and writes the figures to _build/benchmark.json.

Usage: python tools/benchmark.py [--cold] [--skip-tests]

--cold also times the README commands on a fresh clone with an empty virtual environment
(several minutes: every package is downloaded and installed).
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from lighthouse_audit import lighthouse
from lighthouse_audit import print_table as print_lighthouse
from nbclient import NotebookClient
from twitchbook.lessons import is_lesson

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"


def timed(command: list[str], cwd: Path = ROOT, env=None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def kernel_floor(repeats: int = 3) -> float:
    """Start a kernel and run one empty cell: no notebook can execute faster than this."""
    times = []
    for _ in range(repeats):
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
        start = time.perf_counter()
        NotebookClient(notebook, kernel_name="python3").execute()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def notebook_times() -> dict[str, float]:
    times = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            notebook, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        times[path.name] = time.perf_counter() - start
    return times


def site_build_times() -> dict[str, float]:
    for stale in ("src", "doctrees", "html"):
        shutil.rmtree(ROOT / "_build" / stale, ignore_errors=True)
    cold = timed([sys.executable, "-m", "twitchbook_site.build"])
    # Sphinx rebuilds a page whose source is newer than its last build: touch the staged copy.
    (ROOT / "_build" / "src" / "01_facial_nerve.ipynb").touch()
    touched = timed([sys.executable, "-m", "twitchbook_site.build"])
    return {"site build, cold (s)": cold, "site build, after touching one lesson (s)": touched}


FIRST_FIGURE = """async () => {
  const plot = document.querySelector('.tb-plot');
  plot.scrollIntoView();
  for (let wait = 0; !plot.dataset.drawn && wait < 30000; wait += 20)
    await new Promise(r => setTimeout(r, 20));
  const mark = performance.getEntriesByName('twitchbook:figure-drawn')[0];
  return mark ? mark.startTime : null;
}"""


def page_costs() -> dict[str, dict]:
    """Each page's own HTML size, all bytes it loads, its time to the load event and, scrolled
    to its first figure at once, the time until that figure is drawn (ms from navigation)."""
    from twitchbook_site.chromium import start_browser

    playwright, browser = start_browser()
    costs = {}
    pages = sorted(SITE.glob("*.html")) + sorted((SITE / "slides").glob("*.html"))
    for path in pages:
        loaded = []
        context = browser.new_context()
        page = context.new_page()
        page.on("response", lambda r, loaded=loaded: loaded.append(len(r.body())))
        page.goto(path.as_uri(), wait_until="load")
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        site_page = path.parent == SITE
        first_figure = (
            page.evaluate(FIRST_FIGURE) if site_page and page.locator(".tb-plot").count() else None
        )
        costs[path.relative_to(SITE).as_posix()] = {
            "html KB": path.stat().st_size / 1024,
            "loaded KB": sum(loaded) / 1024,
            "load event (ms)": load,
            "first figure (ms)": first_figure,
        }
        context.close()
    browser.close()
    playwright.stop()
    return costs


def time_to_jupyterlab(cwd: Path, env: dict) -> float:
    """From running ./workbook lab to JupyterLab's server answering; then it is stopped."""
    start = time.perf_counter()
    lab = subprocess.Popen(
        ["./workbook", "lab", "--no-browser", "--port=0"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        for line in lab.stderr:
            if "is running at" in line or "http://127.0.0.1" in line:
                return time.perf_counter() - start
        raise RuntimeError("./workbook lab stopped before JupyterLab started")
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait()


def readme_commands_cold() -> dict[str, float]:
    """The README commands on a fresh clone: first run (cold: new virtual environment, every
    package installed) and second run (warm)."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "workbook"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = {**os.environ, "CI": "true"}
        results["./workbook lab, cold, until JupyterLab answers (s)"] = time_to_jupyterlab(
            clone, env
        )
        results["./workbook lab, warm, until JupyterLab answers (s)"] = time_to_jupyterlab(
            clone, env
        )
        results["./workbook site, first run: npm ci and first build (s)"] = timed(
            ["./workbook", "site"], clone, env
        )
        results["./workbook site, again (s)"] = timed(["./workbook", "site"], clone, env)
        results["./workbook test, after set-up (s)"] = timed(["./workbook", "test"], clone, env)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args()
    results: dict = {}
    floor = kernel_floor()
    per_notebook = notebook_times()
    lessons = [n for n in per_notebook if is_lesson(n)]
    results["kernel start floor (s)"] = floor
    results["notebooks, one by one (s)"] = per_notebook
    results["all notebooks, sequential sum (s)"] = sum(per_notebook.values())
    with tempfile.TemporaryDirectory() as out:
        results["all notebooks, tools/execute_notebooks.py on 2 cores (s)"] = timed(
            [sys.executable, "tools/execute_notebooks.py", "--out-dir", out]
        )
        results["the lessons, tools/execute_notebooks.py on 2 cores (s)"] = timed(
            [sys.executable, "tools/execute_notebooks.py", "--out-dir", out]
            + [f"notebooks/{name}" for name in lessons]
        )
    results["target: lessons under 2 x floor x lessons (s)"] = 2 * floor * len(lessons)
    results.update(site_build_times())
    if not args.skip_tests:
        results["nbval alone (s)"] = timed([sys.executable, "-m", "pytest", "-q", "notebooks"])
        results["full test suite after install (s)"] = timed([sys.executable, "-m", "pytest", "-q"])
    results["pages"] = page_costs()
    results["lighthouse"] = lighthouse(ROOT, SITE)
    if args.cold:
        results.update(readme_commands_cold())
    results["targets"] = targets(results)
    out = ROOT / "_build" / "benchmark.json"
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print_table(results)
    print_lighthouse(results["lighthouse"])
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


def targets(results: dict) -> dict[str, dict]:
    """Each target of the performance issue: the measured figure, the limit, and whether met."""
    site_pages = {k: v for k, v in results["pages"].items() if "/" not in k}
    checks = {
        "lessons execute (s)": (
            results["the lessons, tools/execute_notebooks.py on 2 cores (s)"],
            results["target: lessons under 2 x floor x lessons (s)"],
        ),
        "site build from committed notebooks (s)": (results["site build, cold (s)"], 30),
        "largest page's own HTML (KB)": (max(c["html KB"] for c in site_pages.values()), 300),
        "slowest page to its load event (ms)": (
            max(c["load event (ms)"] for c in results["pages"].values()),
            1000,
        ),
    }
    if "full test suite after install (s)" in results:
        checks["test suite after install (s)"] = (results["full test suite after install (s)"], 90)
    return {
        name: {"measured": measured, "limit": limit, "met": measured < limit}
        for name, (measured, limit) in checks.items()
    }


def print_table(results: dict) -> None:
    for key, value in results.items():
        if key == "lighthouse":
            continue  # printed by lighthouse_audit.print_table
        if key == "targets":
            print(f"\n{'target':44} {'measured':>9} {'limit':>9}")
            for name, check in value.items():
                verdict = "met" if check["met"] else "MISSED"
                print(f"{name:44} {check['measured']:9.1f} {check['limit']:9.1f}  {verdict}")
            continue
        if key == "pages":
            print(
                f"\n{'page':28} {'html KB':>8} {'loaded KB':>10} {'load ms':>8} {'figure ms':>10}"
            )
            for name, cost in value.items():
                figure = f"{cost['first figure (ms)']:.0f}" if cost["first figure (ms)"] else "-"
                print(
                    f"{name:28} {cost['html KB']:8.0f} {cost['loaded KB']:10.0f} "
                    f"{cost['load event (ms)']:8.0f} {figure:>10}"
                )
        elif isinstance(value, dict):
            print(key)
            for name, seconds in value.items():
                print(f"  {name:54} {seconds:8.2f}")
        else:
            print(f"{key:56} {value:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
