"""Every internal link and anchor in the built site resolves; external links are listed only.

Citations, glossary links and quiz "Review: section" links are ordinary links here, so they
are all checked: a renamed heading or a removed reference breaks this test.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT

SITE = ROOT / "_build" / "html"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def ids_in(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {e["id"] for e in soup.find_all(id=True)} | {
            e["name"] for e in soup.find_all("a", attrs={"name": True})
        }
    return cache[path]


def check_site(site: Path) -> tuple[list[str], list[str], int]:
    """Broken internal links, external links, and how many internal links were checked."""
    broken, external, checked, cache = [], [], 0, {}
    for page in pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme in {"http", "https", "mailto"}:
                external.append(href)
                continue
            if parts.scheme:
                broken.append(f"{page.name}: unexpected link scheme {href}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in ids_in(target, cache):
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken, sorted(set(external)), checked


def test_every_internal_link_and_anchor_resolves():
    broken, external, checked = check_site(SITE)
    (ROOT / "_build" / "external-links.txt").write_text("\n".join(external) + "\n")
    assert checked > 100, "suspiciously few links: was the site built?"
    assert broken == []


def test_the_checker_finds_a_missing_anchor_and_a_missing_page(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#here">ok</a><a href="b.html#gone">x</a><a href="c.html">y</a>'
        '<a href="#top">z</a><a href="https://doi.org/10.1/x">doi</a>'
        '<a href="javascript:alert(1)">bad</a><p id="top"></p>'
    )
    (tmp_path / "b.html").write_text('<h2 id="here">Here</h2>')
    broken, external, checked = check_site(tmp_path)
    assert len(broken) == 3 and checked == 4
    assert any("#gone" in b for b in broken) and any("c.html" in b for b in broken)
    assert any("javascript" in b for b in broken)
    assert external == ["https://doi.org/10.1/x"]
