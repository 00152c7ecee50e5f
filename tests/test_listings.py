"""Pagination of listings: which page numbers a listing page links to."""

from __future__ import annotations

from typing import cast

import pytest

from familiennetz.documents import Entry
from familiennetz.render.listings import Listing, ListingPage


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
