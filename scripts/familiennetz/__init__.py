"""Familiennetz: validated Markdown content of family-support networks → static site and feeds."""

__all__ = ["__version__"]
__version__ = "0.1.0"
