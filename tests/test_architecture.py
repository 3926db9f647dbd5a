"""The layout a newcomer relies on: packages with their own names, no import cycles, no path
hacks, and one entry point that says when it is used wrongly."""

import re
import subprocess
import sys
from pathlib import Path

from twitchbook.lessons import is_lesson, lessons

from conftest import ROOT

SYS_PATH_EDIT = re.compile(r"sys\.path\s*(\.\s*(insert|append|extend)|\[|\+?=)")


def tracked_files(*patterns: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return listed.stdout.split()


def test_import_contracts_hold():
    """No cycles inside either package; twitchbook never imports the site build."""
    lint_imports = Path(sys.executable).parent / "lint-imports"  # installed beside pytest
    run = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Contracts: 3 kept, 0 broken." in run.stdout


def test_no_code_edits_sys_path():
    offenders = [
        name
        for name in tracked_files("*.py", "workbook", ".ci/*")
        if SYS_PATH_EDIT.search((ROOT / name).read_text(encoding="utf-8"))
        and name != "tests/test_architecture.py"
    ]
    assert offenders == []


def test_no_top_level_folder_shadows_a_standard_library_module():
    folders = {name.split("/")[0] for name in tracked_files() if "/" in name}
    assert folders & set(sys.stdlib_module_names) == set()


def test_lessons_are_the_numbered_notebooks_in_order():
    found = lessons(ROOT)
    assert [lesson.number for lesson in found] == sorted(lesson.number for lesson in found)
    assert found[0].stem == "00_welcome"
    assert all(lesson.notebook.name.startswith(f"{lesson.number}_") for lesson in found)
    assert not is_lesson("glossary.ipynb") and not is_lesson("references")
    assert is_lesson("03_serious_causes.ipynb")


def test_every_lesson_states_its_title_and_time():
    for lesson in lessons(ROOT):
        assert lesson.title and 5 <= lesson.minutes <= 120, lesson.stem


def run_workbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(ROOT / "workbook"), *args], cwd=ROOT, capture_output=True, text=True
    )


def test_workbook_refuses_an_unknown_command_with_usage_and_exit_2():
    run = run_workbook("bulid")
    assert run.returncode == 2
    assert "unknown command: bulid" in run.stderr
    assert "Usage: ./workbook COMMAND" in run.stderr


def test_workbook_help_lists_every_command_and_no_shell_code():
    run = run_workbook("help")
    assert run.returncode == 0
    for command in ("lab", "site", "test", "lint", "execute", "slides", "pdf", "bench"):
        assert re.search(rf"^  {command}\s", run.stdout, re.M), command
    assert "set -e" not in run.stdout and "cd " not in run.stdout
