"""Slide decks for instructors, one per lesson, written from data/slide_outlines.

Jobs, one module each: model (outline to slides), markdown (text to HTML), figures (plotly
figures redrawn for the projector), deck (HTML from the Jinja templates in
site/slides_template), assets (reveal.js, plotly.js and the decks' CSS and JS), index (the list
of decks) and build (all of it into the site's slides/ folder).
"""

from .build import build_slides, slides_link

__all__ = ["build_slides", "slides_link"]
