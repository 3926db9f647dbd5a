"""Author-year citation labels and the formatted reference list.

Formatting is done by citeproc-py with a CSL style, not by hand; text is escaped first
because citeproc's HTML formatter passes field text through unchanged.
"""

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from .loader import workbook
from .render import escape
from .schema import Reference

REFERENCES_PAGE = "references.ipynb"
STYLE = "harvard-cite-them-right"


def label(ref: Reference) -> str:
    """'Wang & Jankovic 1998', 'Lu et al. 2014', 'NHS 2023'."""
    names = [a.family or a.literal for a in ref.author]
    if not names:
        who = ref.container_title or ref.title
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who} {ref.issued or 'n.d.'}"


def anchor(ref_id: str) -> str:
    """The id of a reference's entry. The entry also carries it as data-jupyter-id, the
    attribute JupyterLab looks for when a link such as references.ipynb#ref-x opens the list."""
    return f"ref-{ref_id}"


def heading_link(notebook: str, heading: str) -> str:
    """A link to a heading of a notebook, in the form JupyterLab resolves: its heading ids are
    the heading's text with spaces as hyphens. The site build maps the fragment to the id
    Sphinx gives the same heading (lowercase, docutils' make_id)."""
    return f"{notebook}#{escape(heading.replace(' ', '-'))}"


def cite(ref_id: str) -> str:
    """An HTML link from a citation to its entry in the reference list."""
    ref = workbook().references.get(ref_id)
    if ref is None:
        raise KeyError(f"'{ref_id}' is not in data/references.yaml")
    return f'<a class="tb-cite" href="{REFERENCES_PAGE}#{anchor(ref_id)}">{escape(label(ref))}</a>'


def cite_markdown(ref_id: str) -> str:
    """The same citation as a markdown link, the form lesson text uses."""
    ref = workbook().references[ref_id]
    return f"[{label(ref)}]({REFERENCES_PAGE}#{anchor(ref_id)})"


def cite_list(ref_ids) -> str:
    return "; ".join(cite(ref_id) for ref_id in ref_ids)


def _csl(ref: Reference) -> dict:
    """The reference as CSL-JSON with every text field escaped for HTML."""
    record = ref.model_dump(by_alias=True, exclude_none=True, exclude={"checked", "supports"})
    for key, value in record.items():
        if isinstance(value, str) and key not in {"id", "type"}:
            record[key] = escape(value)
    for role in ("author", "editor"):
        if record.get(role):
            record[role] = [{k: escape(v) for k, v in a.items()} for a in record[role]]
        else:
            record.pop(role, None)  # an empty list reads "Edited by None" in the output
    for name in record.get("author", []):
        # Initials stored PubMed-style ("RG") are two names to a CSL processor ("R G").
        given = name.get("given", "")
        if given.isalpha() and given.isupper():
            name["given"] = " ".join(given)
    if ref.issued:
        record["issued"] = {"date-parts": [[ref.issued]]}
    if ref.accessed:
        record["accessed"] = {
            "date-parts": [[ref.accessed.year, ref.accessed.month, ref.accessed.day]]
        }
    # Identifiers are shown as links after the entry, not inside the CSL output.
    for key in ("DOI", "URL", "PMID", "PMCID"):
        record.pop(key, None)
    return record


def formatted_entries(references: dict[str, Reference]) -> dict[str, str]:
    """Each reference id mapped to its formatted HTML entry, in the style's order."""
    refs = sorted(references.values(), key=lambda r: (label(r).casefold(), r.id))
    source = CiteProcJSON([_csl(ref) for ref in refs])
    style = CitationStylesStyle(STYLE, validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.html)
    for ref in refs:
        bibliography.register(Citation([CitationItem(ref.id)]))
    # The style calls a journal article with neither volume nor pages a preprint. Ours are all
    # published; where their volume and pages were not seen, they are left out, not guessed.
    return {
        ref.id: str(entry).replace(" [Preprint]", "")
        for ref, entry in zip(refs, bibliography.bibliography(), strict=True)
    }


def identifier_links(ref: Reference) -> str:
    links = []
    if ref.PMID:
        links.append(
            f'<a href="https://pubmed.ncbi.nlm.nih.gov/{escape(ref.PMID)}/">'
            f"PMID {escape(ref.PMID)}</a>"
        )
    if ref.PMCID:
        links.append(
            f'<a href="https://pmc.ncbi.nlm.nih.gov/articles/{escape(ref.PMCID)}/">'
            f"{escape(ref.PMCID)}</a>"
        )
    if ref.DOI:
        links.append(f'<a href="https://doi.org/{escape(ref.DOI)}">doi:{escape(ref.DOI)}</a>')
    if ref.URL:
        accessed = f" (accessed {ref.accessed.isoformat()})" if ref.accessed else ""
        links.append(f'<a href="{escape(ref.URL)}">{escape(ref.URL)}</a>{accessed}')
    return " · ".join(links)
