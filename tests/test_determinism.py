"""Executing the notebooks again, and building the site again, give the same bytes.

So nbval compares real outputs, and a rebuilt site differs from the last only where a lesson
changed. Sphinx stamps nothing that varies between builds here, so whole files are compared.
"""

import filecmp
import subprocess
import sys

from conftest import ROOT


def run_script(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_executing_every_notebook_again_gives_byte_identical_files(tmp_path):
    run_script("tools/execute_notebooks.py", "--out-dir", str(tmp_path))
    committed = sorted((ROOT / "notebooks").glob("*.ipynb"))
    changed = [p.name for p in committed if (tmp_path / p.name).read_bytes() != p.read_bytes()]
    assert changed == [], f"outputs differ from the committed notebooks: {changed}"


def differing_files(a, b) -> list[str]:
    comparison = filecmp.dircmp(a, b)
    found = comparison.diff_files + comparison.left_only + comparison.right_only
    found = [f"{a.name}/{f}" for f in found]
    for name in comparison.subdirs:
        found += differing_files(a / name, b / name)
    return found


def test_building_the_site_again_gives_identical_files(tmp_path):
    out = tmp_path / "html"
    run_script("-m", "twitchbook_site.build", "--out", str(out))
    site = ROOT / "_build" / "html"
    filecmp.clear_cache()
    assert differing_files(site, out) == []


def test_committed_notebooks_are_in_the_form_jupyterlab_writes():
    """What JupyterLab would write on save: same bytes, kernel language_info, no live widgets."""
    import nbformat
    from twitchbook.notebook_format import writes

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        assert writes(notebook) == path.read_text(encoding="utf-8"), path.name
        assert "pygments_lexer" in notebook.metadata["language_info"], path.name
        assert "widgets" not in notebook.metadata, path.name
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {})


def test_numbers_are_written_as_javascript_writes_them():
    from twitchbook.notebook_format import js_number

    # Number.prototype.toString for each (checked in node): 6, 0.00001, 1e-7, 1e+21.
    assert [js_number(v) for v in (6.0, 1e-05, 1e-07, 1e21, 0.1, -2.5, 1e16)] == [
        "6",
        "0.00001",
        "1e-7",
        "1e+21",
        "0.1",
        "-2.5",
        "10000000000000000",
    ]
