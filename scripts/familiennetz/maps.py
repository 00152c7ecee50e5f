"""The link to a map of a place: a search on OpenStreetMap that the reader opens with a
click. No map is embedded, so no page asks another host for anything before that click."""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["MAP_LINK_TEXT", "map_url"]

MAP_SEARCH = "https://www.openstreetmap.org/search"
MAP_LINK_TEXT = "Auf der Karte zeigen (OpenStreetMap)"


def map_url(address: str) -> str:
    """The search for an address, percent-encoded whole (`&`, `#`, quotes and all), so that
    nothing in it can end the query or reach the attribute around it."""
    return f"{MAP_SEARCH}?query={quote(' '.join(address.split()), safe='')}"
