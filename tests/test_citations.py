"""The reference list as citeproc-py formats it with the workbook's CSL style."""

from twitchbook.citations import formatted_entries
from twitchbook.loader import load_workbook

from conftest import ROOT


def test_every_reference_is_formatted_without_placeholder_words():
    entries = formatted_entries(load_workbook(ROOT).references)
    assert len(entries) >= 100
    # An empty field once reached the output as "Edited by None"; the style also calls any
    # article without volume and pages a "[Preprint]", which none of these is.
    for words in ("None", "[Preprint]", "n.p."):
        found = [ref_id for ref_id, entry in entries.items() if words in entry]
        assert found == [], f"{words!r} in {found}"


def test_a_journal_article_reads_authors_year_title_journal_volume_pages():
    entry = formatted_entries({"wang1998": load_workbook(ROOT).references["wang1998"]})
    assert entry["wang1998"] == (
        "Wang, A. and Jankovic, J. (1998) “Hemifacial spasm: clinical findings and treatment”, "
        "<i>Muscle &amp; Nerve</i>, 21(12), pp. 1740–1747."
    )
