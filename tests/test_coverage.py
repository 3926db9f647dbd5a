"""Every statement of the source text is taught somewhere, under a heading that exists.

The source text is data/source_text.yaml (27 statements, numbered as the coverage file cites
them); the loader has already refused a coverage row naming a line the text does not have.
"""

from twitchbook import load_workbook

from conftest import ROOT

SOURCE_STATEMENTS = 27  # statements in the source text the workbook was written from


def test_the_source_text_has_the_expected_number_of_statements():
    assert len(load_workbook(ROOT).source_text.statements) == SOURCE_STATEMENTS


def test_every_statement_of_the_source_text_has_a_coverage_row():
    book = load_workbook(ROOT)
    covered = {row.line for row in book.coverage}
    assert set(range(1, SOURCE_STATEMENTS + 1)) - covered == set()


def test_every_coverage_row_cites_at_least_one_source():
    # The loader has already checked that each id, notebook and heading resolves.
    assert all(row.reference_ids for row in load_workbook(ROOT).coverage)
