"""Every statement of the source text is taught somewhere, under a heading that exists."""

from twitchbook import load_workbook

from conftest import ROOT

SEED_LINES = 27  # lines in the source text the workbook was written from
SEED = ROOT.parent / "shared" / "seed"


def test_the_source_text_has_the_expected_number_of_lines():
    texts = sorted(SEED.glob("*.txt"))
    assert texts, f"source text not found beside the project ({SEED})"
    lines = texts[0].read_text(encoding="utf-8").splitlines()
    assert len(lines) == SEED_LINES


def test_every_line_of_the_source_text_has_a_coverage_row():
    covered = {row.line for row in load_workbook(ROOT).coverage}
    assert set(range(1, SEED_LINES + 1)) - covered == set()
    assert covered <= set(range(1, SEED_LINES + 1)), "a row names a line the text does not have"


def test_every_coverage_row_cites_at_least_one_source():
    # The loader has already checked that each id, notebook and heading resolves.
    assert all(row.reference_ids for row in load_workbook(ROOT).coverage)
