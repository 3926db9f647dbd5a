"""twitchbook_site: builds the static site, the slide decks and the PDF from the executed notebooks.

Modules, in the order the build uses them:

- ``paths``: where the site's own sources (``website/``), scripts (``node_modules``) and the
  build output live;
- ``web``: notebook changes made for the web (JupyterLab-only outputs dropped, links between
  notebooks pointed at pages, a link to each lesson's slides);
- ``build``: stages the notebooks and generated pages, runs Sphinx, writes the zip archive;
- ``slides``: the reveal.js decks;
- ``pdf``: one PDF of the whole workbook, printed by headless Chromium (``chromium``).

It depends on the helper package ``twitchbook`` (data, lessons); ``twitchbook`` never
imports it.
"""
