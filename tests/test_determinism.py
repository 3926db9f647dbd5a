"""Executing the notebooks again, and building the site again, give the same bytes.

So nbval compares real outputs, and a rebuilt site differs from the last only where a lesson
changed. nbval executes every notebook once and (see the root conftest.py) compares every
output exactly; the tests here check the rest of the saved file. Sphinx stamps nothing that
varies between builds here, so whole site files are compared.
"""

import filecmp
import shutil
import subprocess
import sys

from conftest import ROOT


def run_script(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_saving_the_committed_outputs_again_gives_the_committed_bytes():
    """What the execute tool writes from these outputs is the committed file, byte for byte.

    Together with nbval, whose every comparison the root conftest.py makes exact (metadata,
    output types and execution counts too), this is what executing a notebook again and
    comparing the files proved, with one execution instead of two.
    """
    import nbformat
    from twitchbook import freshness
    from twitchbook.notebook_format import saved_form, writes

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        again = freshness.stamp(
            saved_form(nbformat.from_dict(notebook)), freshness.recorded(notebook)
        )
        assert writes(again) == path.read_text(encoding="utf-8"), path.name


def test_saved_language_info_is_what_the_kernel_reports():
    import nbformat
    from ipykernel.ipkernel import IPythonKernel

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        saved = nbformat.read(path, as_version=4).metadata["language_info"]
        assert saved == IPythonKernel.language_info, path.name


def test_output_differences_compare_every_key_but_the_live_widget_view():
    from twitchbook.notebook_format import WIDGET_VIEW, output_differences

    saved = [{"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}}]
    same_with_widget = [
        {
            "output_type": "display_data",
            "data": {"text/plain": "x", WIDGET_VIEW: {"model_id": "123"}},
            "metadata": {},
        }
    ]
    assert output_differences(same_with_widget, saved) == []
    other_metadata = [{**saved[0], "metadata": {"isolated": True}}]
    assert output_differences(other_metadata, saved) == ["output 1: 'metadata' differs"]
    other_type = [{**saved[0], "output_type": "execute_result", "execution_count": 1}]
    assert output_differences(other_type, saved) == [
        "output 1: 'execution_count' differs",
        "output 1: 'output_type' differs",
    ]
    other_html = [{**saved[0], "data": {"text/plain": "x", "text/html": "<b>x</b>"}}]
    assert output_differences(other_html, saved) == ["output 1: data 'text/html' differs"]
    assert output_differences(saved + saved, saved) == ["2 outputs now, 1 saved"]


def test_nbval_fails_a_notebook_whose_saved_output_metadata_differs(tmp_path):
    """The root conftest.py's exact comparison runs inside nbval (nbval alone would pass)."""
    import nbformat

    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("from IPython.display import display\ndisplay('x')")
    cell.execution_count = 1
    output = nbformat.v4.new_output("display_data", data={"text/plain": "'x'"})
    cell.outputs = [output]
    notebook.cells = [cell]
    (tmp_path / "exact.ipynb").write_text(nbformat.writes(notebook), encoding="utf-8")
    output.metadata = {"changed": True}
    (tmp_path / "loose.ipynb").write_text(nbformat.writes(notebook), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "-q",
            "-rf",
            "--nbval",
            "--nbval-current-env",
            "exact.ipynb",
            "loose.ipynb",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "1 failed, 1 passed" in result.stdout, result.stdout + result.stderr
    assert "FAILED loose.ipynb::Cell 0" in result.stdout, result.stdout
    assert "output 1: 'metadata' differs" in result.stdout, result.stdout


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
