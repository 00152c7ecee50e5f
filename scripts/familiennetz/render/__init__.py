"""Render stage: what the pages show, as plain data for the templates in `overrides/`."""
