"""Text from the outlines as HTML: inline markdown (emphasis, code) with raw HTML escaped, and
citations as links to the reference list that open in a new tab."""

from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from twitchbook.citations import anchor, label

from ..web import IPYNB_LINK, site_fragment

# "html": False escapes any tag written in a data file instead of passing it through.
_INLINE = MarkdownIt("commonmark", {"html": False}).disable(["image", "link", "autolink"])

# Links that leave the deck open beside it, so the presentation keeps its place.
NEW_TAB = Markup(' target="_blank" rel="noopener"')


def inline(text: str) -> Markup:
    return Markup(_INLINE.renderInline(text))


def citation_links(ref_ids, references, page_prefix: str) -> Markup:
    """'Lu et al. 2014; Hermier 2018', each a link to its entry in the reference list."""
    links = [
        Markup('<a class="tb-cite" href="{}references.html#{}"{}>{}</a>').format(
            page_prefix, anchor(ref_id), NEW_TAB, label(references[ref_id])
        )
        for ref_id in ref_ids
    ]
    return Markup("; ").join(links)


def beside_the_deck(html: str, page_prefix: str) -> str:
    """Links between notebooks in saved HTML pointed at the site's pages, opening in a new tab."""
    return IPYNB_LINK.sub(
        lambda m: f'href="{page_prefix}{m.group(1)}.html{site_fragment(m.group(2))}"{NEW_TAB}',
        html,
    )


def paragraphs(texts) -> Markup:
    return Markup("").join(Markup("<p>{}</p>").format(inline(text)) for text in texts)


__all__ = ["NEW_TAB", "beside_the_deck", "citation_links", "escape", "inline", "paragraphs"]
