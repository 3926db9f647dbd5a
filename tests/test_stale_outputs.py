"""Saved outputs are never stale: a notebook run on other data or code than there is now is found.

tools/execute_notebooks.py records a fingerprint of what each notebook's outputs are made from;
freshness.check_fresh() names every notebook whose fingerprint no longer matches, with the
command that fixes it. The site build runs that check before it writes anything.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_bad_input import QUIZ, edit
from twitchbook import freshness
from twitchbook.freshness import StaleOutputs, check_fresh, stale_notebooks

from conftest import ROOT


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for folder in ("data", "lib/twitchbook", "notebooks"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    return target


def stamp_all(root: Path) -> None:
    """What executing every notebook records, without the minutes of running them."""
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        freshness.stamp(notebook, freshness.fingerprint(notebook, root))
        path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")


def fix_first_answer(root: Path, lesson: str) -> None:
    """Point the bank's first question at another of its choices, as a corrected answer would."""
    path = root / "data" / "quizzes" / f"{lesson}.yaml"
    text = path.read_text(encoding="utf-8")
    answer = re.search(r"^(\s+)answer: ([a-z])$", text, flags=re.MULTILINE)
    other = "b" if answer.group(2) == "a" else "a"
    start, end = answer.span(2)
    path.write_text(text[:start] + other + text[end:], encoding="utf-8")


def run(script: str, root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, script, *args],
        cwd=ROOT,
        env={**os.environ, "TWITCHBOOK_ROOT": str(root), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    stamp_all(root)
    return root


def test_a_freshly_executed_copy_passes_the_check(copy):
    assert stale_notebooks(copy) == []
    check_fresh(copy)


def test_a_quiz_answer_fixed_in_data_makes_the_saved_outputs_stale(copy):
    fix_first_answer(copy, "01_facial_nerve")
    stale = stale_notebooks(copy)
    # Every lesson loads all the data, so every executed notebook is out of date.
    assert "notebooks/01_facial_nerve.ipynb" in stale
    assert stale == sorted(p.relative_to(copy).as_posix() for p in copy.glob("notebooks/*.ipynb"))
    with pytest.raises(StaleOutputs) as caught:
        check_fresh(copy)
    message = str(caught.value)
    assert message.endswith("run ./workbook execute")  # every notebook: run them all
    assert "notebooks/00_welcome.ipynb (and " in message


def test_a_helper_code_change_makes_the_saved_outputs_stale(copy):
    quiz = copy / "lib" / "twitchbook" / "quiz.py"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert len(stale_notebooks(copy)) == len(list(copy.glob("notebooks/*.ipynb")))


def test_an_edited_cell_makes_only_its_notebook_stale(copy):
    path = copy / "notebooks" / "03_serious_causes.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\nOne more sentence."
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert stale_notebooks(copy) == ["notebooks/03_serious_causes.ipynb"]
    with pytest.raises(StaleOutputs) as caught:
        check_fresh(copy)
    assert str(caught.value).endswith("run ./workbook execute notebooks/03_serious_causes.ipynb")


def test_a_notebook_saved_without_a_fingerprint_is_stale(copy):
    path = copy / "notebooks" / "05_diagnosis.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    del notebook["metadata"][freshness.METADATA_KEY]
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert stale_notebooks(copy) == ["notebooks/05_diagnosis.ipynb"]


def test_the_fingerprint_ignores_where_the_project_is_and_when_files_were_touched(tmp_path):
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "a" / "different" / "place")
    for path in (second / "data").rglob("*"):
        os.utime(path, (0, 0))
    notebook = json.loads((ROOT / "notebooks" / "02_benign_twitches.ipynb").read_text())
    assert freshness.fingerprint(notebook, first) == freshness.fingerprint(notebook, second)
    stray = second / "lib" / "twitchbook" / "__pycache__" / "quiz.cpython-311.pyc"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"compiled")
    (second / "lib" / "twitchbook" / "quiz.py~").write_text("an editor's backup")
    assert freshness.fingerprint(notebook, first) == freshness.fingerprint(notebook, second)


def test_executing_records_the_fingerprint_the_check_accepts(project):
    result = run("tools/execute_notebooks.py", project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stale_notebooks(project) == []
    edit(project, QUIZ, "answer: a", "answer: b")
    assert stale_notebooks(project) == ["notebooks/01_test.ipynb"]
    with pytest.raises(StaleOutputs, match=r"run \./workbook execute$"):  # the only notebook
        check_fresh(project)


def test_a_data_error_stops_execute_with_one_line_and_no_traceback(project):
    edit(project, QUIZ, "answer: a", "answer: c")
    before = (project / "notebooks" / "01_test.ipynb").read_bytes()
    result = run("tools/execute_notebooks.py", project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: in data/quizzes/01_test.yaml, line 10, item 'q01-first'")
    assert "field 'answer'" in lines[0] and "TWITCHBOOK_TRACEBACK=1" in lines[0]
    assert (project / "notebooks" / "01_test.ipynb").read_bytes() == before


def test_the_traceback_is_shown_on_request(project):
    edit(project, QUIZ, "answer: a", "answer: c")
    result = run("tools/execute_notebooks.py", project, TWITCHBOOK_TRACEBACK="1")
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "DataError" in result.stderr


def test_the_site_build_refuses_stale_outputs_before_writing_anything(project, tmp_path):
    out = tmp_path / "site" / "html"
    result = run("-m", project, "twitchbook_site.build", "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("error: in notebooks/01_test.ipynb: saved outputs were made")
    assert lines[0].endswith("run ./workbook execute (TWITCHBOOK_TRACEBACK=1 shows the traceback)")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("build", ["twitchbook_site.build", "twitchbook_site.slides.build"])
def test_the_site_and_slide_builds_stop_on_a_data_error_with_one_line(project, tmp_path, build):
    edit(project, QUIZ, "answer: a", "answer: c")
    out = tmp_path / "site" / "html"
    result = run("-m", project, build, "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "in data/quizzes/01_test.yaml, line 10, item 'q01-first', field 'answer'" in lines[0]
    assert "'c' is not one of the choices (a, b)" in lines[0]
    assert not (tmp_path / "site").exists()


def test_a_lesson_shows_a_data_error_as_its_message_not_a_traceback(project, monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    edit(project, QUIZ, "answer: a", "answer: c")
    monkeypatch.delenv("TWITCHBOOK_TRACEBACK", raising=False)
    shell = InteractiveShell.instance()
    with capture_output() as shown:
        shell.run_cell(f"from twitchbook import load_workbook; load_workbook({str(project)!r})")
    text = shown.stdout + shown.stderr
    assert "DataError: in data/quizzes/01_test.yaml, line 10, item 'q01-first'" in text, text
    assert "loader.py" not in text and "Traceback" not in text, text
