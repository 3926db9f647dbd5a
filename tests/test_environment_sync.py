"""pip users (pyproject.toml) and conda/Binder users (environment.yml) get the same packages."""

import tomllib

import yaml
from packaging.requirements import Requirement

from conftest import ROOT


def pip_requirements() -> dict[str, str]:
    """The workbook's dependencies and those of its test and dev extras, which the README
    commands install too."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    listed += project["optional-dependencies"]["dev"]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in listed}


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return {
        Requirement(r).name.lower(): str(Requirement(r).specifier)
        for r in pip_section
        if not r.startswith("-e")
    }


def test_both_files_list_the_same_packages_with_the_same_bounds():
    assert conda_requirements() == pip_requirements()


def test_every_dependency_has_a_lower_bound():
    unbounded = [name for name, spec in pip_requirements().items() if ">=" not in spec]
    assert unbounded == []


def test_environment_installs_the_helper_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_test_and_dev_tools_are_extras_not_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {Requirement(r).name.lower() for r in project["dependencies"]}
    assert runtime.isdisjoint({"pytest", "nbval", "hypothesis", "ruff", "pre-commit"})
