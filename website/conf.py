"""Sphinx settings for the static site. The build script (twitchbook_site.build) stages the
sources."""

import os

project = "Facial Twitch Workbook"
author = "The Facial Twitch Workbook contributors"
copyright = "2026, The Facial Twitch Workbook contributors (content CC BY 4.0, code MIT)"

extensions = ["myst_nb"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# Publish the committed outputs as they are: executing is the notebooks' job, not the site's.
nb_execution_mode = "off"
nb_merge_streams = True
# Links to notebook output anchors (references.ipynb#ref-x, glossary.ipynb#term-x) are real
# ids inside cell outputs, which Sphinx cannot see; tests/test_links.py checks every one of
# them in the built HTML instead.
suppress_warnings = ["myst.xref_missing", "myst-nb.lexer", "mystnb.unknown_mime_type"]
myst_enable_extensions = ["colon_fence", "deflist"]

html_theme = "sphinx_book_theme"
html_title = "Facial Twitch Workbook"
html_static_path = ["_static"]
templates_path = ["_templates"]  # the theme's layout less scripts no page here uses
html_css_files = ["twitchbook.css", "site.css"]
# plotly.js is not listed: each figure fetches it when the figure nears the screen (the
# <meta name="twitchbook-plotly"> in _templates/layout.html says where it is).
html_js_files = [
    ("workbook-data.js", {"defer": "defer"}),
    ("twitchbook.js", {"defer": "defer"}),
    ("cases.js", {"defer": "defer"}),
]
html_favicon = "_static/favicon.svg"
# The notebooks are copied into the site so each lesson page can offer its .ipynb to download.
html_copy_source = True
# Search result summaries are fetched from the pages, which browsers refuse from file://.
html_show_search_summary = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "announcement": (
        "<strong>Educational use only, not medical advice.</strong> "
        "If you are worried about a twitch, see a doctor."
    ),
    "show_toc_level": 2,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}


def launch_options(environ) -> dict:
    """Launch buttons on every lesson page: "open in JupyterHub" (an nbgitpuller link),
    "open on Binder", beside the theme's ".ipynb" download. Plain links: nothing is requested
    until one is clicked. Set by the instructor at build time (see instructor_guide.md):
    TWITCHBOOK_REPOSITORY_URL (the git repository holding the workbook), TWITCHBOOK_BRANCH,
    TWITCHBOOK_JUPYTERHUB_URL (the class's hub) and TWITCHBOOK_BINDERHUB_URL."""
    repository = environ.get("TWITCHBOOK_REPOSITORY_URL", "").strip()
    if not repository:
        return {}
    launch = {"notebook_interface": "jupyterlab"}
    hub = environ.get("TWITCHBOOK_JUPYTERHUB_URL", "").strip()
    if hub:
        launch["jupyterhub_url"] = hub
    launch["binderhub_url"] = environ.get("TWITCHBOOK_BINDERHUB_URL", "https://mybinder.org")
    return {
        "repository_url": repository,
        "repository_branch": environ.get("TWITCHBOOK_BRANCH", "main"),
        "path_to_docs": "notebooks",
        "launch_buttons": launch,
    }


html_theme_options.update(launch_options(os.environ))
# Widgets are drawn by the widget manager the site serves itself (see site/build.py).
nb_ipywidgets_js = {
    "require.js": {},
    "embed-amd.js": {"data-jupyter-widgets-cdn-only": "true"},
}


def _static_digest() -> str:
    """A digest of the staged _static folder. Pages link their stylesheets and scripts with a
    checksum (?v=...), so when one changes every page must be written again; as a setting,
    the digest makes Sphinx see the change and rewrite them all (without re-reading them)."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "_static").rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


# A definite starting mode: without it the theme logs an error on a reader's first visit.
html_context = {"default_mode": "auto", "twitchbook_static": _static_digest()}
