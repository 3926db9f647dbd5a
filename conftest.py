"""Notebook checks shared by the whole suite; here, not in tests/, so they also apply when only
the notebooks are tested (pytest notebooks).

- Tests that must share a process stay on one pytest-xdist worker (--dist loadgroup).
- nbval compares each cell's outputs with the saved ones, but skips their metadata, types and
  execution counts; the hook below compares those too, so one run of nbval proves that
  executing a notebook again gives its saved outputs exactly.
"""

import pytest
from nbval.plugin import IPyNbCell

# Modules whose one fixture builds a site or walks every deck: on one worker, built once.
SHARE_ONE_BUILD = {"test_escaping.py", "test_slides_in_browser.py", "test_slide_decks.py"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """A notebook's cells must run in order in one kernel, so each notebook is one group."""
    for item in items:
        if item.path.suffix == ".ipynb" or item.path.name in SHARE_ONE_BUILD:
            item.add_marker(pytest.mark.xdist_group(item.path.name))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if (
        isinstance(item, IPyNbCell)
        and item.test_outputs is not None
        and item.options["check"]
        and item.cell.execution_count is not None
    ):
        from twitchbook.notebook_format import output_differences

        differences = output_differences(item.test_outputs, item.cell.outputs)
        if differences:
            item.raise_cell_error("Cell outputs differ from the saved ones", "\n".join(differences))
    return result
