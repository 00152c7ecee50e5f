"""Listings: which page numbers a listing page links to; which year archive an item is in."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import cast

import pytest

from conftest import EXAMPLES, NOW
from familiennetz.documents import Entry
from familiennetz.render.listings import Listing, ListingPage, site_listings, years_of
from familiennetz.validator import validate


def page(number: int, pages: int) -> ListingPage:
    listing = Listing("pressemitteilungen", "pressemitteilungen/", "pressemitteilungen/index.md",
                      "Pressemitteilungen", items=cast(list[Entry], [None] * pages * 10), page_size=10)
    return ListingPage(listing, number, [])


@pytest.mark.parametrize(("number", "pages", "window"), [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 10, [1, 2, 3, None, 10]),
    (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
    (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
    (10, 10, [1, None, 8, 9, 10]),
    (150, 300, [1, None, 148, 149, 150, 151, 152, None, 300]),
])
def test_pagination_shows_first_last_and_two_either_side(number: int, pages: int,
                                                          window: list[int | None]) -> None:
    assert page(number, pages).window == window


def test_events_are_archived_under_the_year_they_take_place(tmp_path: Path) -> None:
    # Announced in November 2026 for January 2027: "Termine für Familien 2027", not 2026.
    root = tmp_path / "content"
    shutil.copytree(EXAMPLES / "valid", root)
    course = root / "veranstaltungen/2026/2026-11-02-elternkurs-saarlouis.md"
    text = course.read_text(encoding="utf-8")
    for old, new in (("2026-12-01T", "2027-01-12T"), ("2026-12-08T", "2027-01-19T"),
                     ("2026-12-15T", "2027-01-26T")):
        text = text.replace(old, new)
    course.write_text(text, encoding="utf-8")
    result = validate(root, now=NOW, display_base=root)
    assert result.problems == []
    archives = {listing.year: [e.slug for e in listing.items]
                for listing in site_listings(result.collection, 10)
                if listing.archive_of == "veranstaltungen"}
    assert archives == {2027: ["elternkurs-saarlouis"]}
    assert years_of(result.collection, "veranstaltungen") == [2027]
