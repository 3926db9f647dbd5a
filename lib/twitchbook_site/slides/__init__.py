"""Slide decks for instructors, one per lesson, written from data/slide_outlines.

Jobs, one module each: model (outline to slides), markdown (text to HTML), figures (plotly
figures redrawn for the projector), deck (HTML from the Jinja templates in
website/slides_template), assets (reveal.js, plotly.js and the decks' CSS and JS from
website/slides_assets), index (the list of decks) and build (all of it into the site's slides/
folder; ``python -m twitchbook_site.slides.build``).
"""
