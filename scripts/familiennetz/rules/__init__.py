"""Validation rules beyond the shape of a single field.

Each module holds rules of one kind; every rule has a kebab-case id that appears in its
messages. Document rules look at one file, collection rules at all of them.
"""

from __future__ import annotations

from .body import check_body
from .dates import check_dates
from .links import check_links
from .references import check_references

__all__ = ["check_body", "check_dates", "check_links", "check_references"]
