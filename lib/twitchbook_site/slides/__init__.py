"""Slide decks for every lesson (reveal.js), built from the executed notebooks."""
