"""Sphinx settings for the static site. The build script (site/build.py) stages the sources."""

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
html_css_files = ["twitchbook.css"]
html_js_files = [
    ("workbook-data.js", {"defer": "defer"}),
    ("plotly.min.js", {"defer": "defer"}),
    ("twitchbook.js", {"defer": "defer"}),
    ("cases.js", {"defer": "defer"}),
]
html_copy_source = False
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
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}
# Widgets are drawn by the widget manager the site serves itself (see site/build.py).
nb_ipywidgets_js = {
    "require.js": {},
    "embed-amd.js": {"data-jupyter-widgets-cdn-only": "true"},
}
# A definite starting mode: without it the theme logs an error on a reader's first visit.
html_context = {"default_mode": "auto"}


def leave_plotly_off_pages_without_figures(app, pagename, templatename, context, doctree):
    """plotly.js is 4.6 MB: only pages that draw a figure load it."""
    if "tb-plot-data" not in context.get("body", ""):
        context["script_files"] = [
            js for js in context.get("script_files", []) if "plotly.min.js" not in str(js)
        ]


def setup(app):
    app.connect("html-page-context", leave_plotly_off_pages_without_figures)
