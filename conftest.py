"""Keeps tests that must share a process on one pytest-xdist worker (--dist loadgroup).

Here, not in tests/, so it also applies when only the notebooks are tested (pytest notebooks).
"""

import pytest

# Modules whose fixture builds a whole site: on one worker, the site is built once.
BUILDS_A_SITE = {"test_escaping.py"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """A notebook's cells must run in order in one kernel, so each notebook is one group."""
    for item in items:
        if item.path.suffix == ".ipynb" or item.path.name in BUILDS_A_SITE:
            item.add_marker(pytest.mark.xdist_group(item.path.name))
