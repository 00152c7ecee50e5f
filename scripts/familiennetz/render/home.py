"""The home page: newest items, upcoming meetings, the way into the offers."""

from __future__ import annotations

from ..collection import Collection
from ..text import sort_key_de
from .context import PageContext

__all__ = ["home_context"]

NEWEST = 8
UPCOMING = 5


def home_context(collection: Collection) -> PageContext:
    dated = [e for e in collection.items if e.type.dated][:NEWEST]
    upcoming = sorted((e for e in collection.by_type["netzwerktreffen"]
                       if collection.facts[e.src].upcoming),
                      key=lambda e: (e.data.meeting.date.at, e.slug))[:UPCOMING]
    return PageContext("home", [], extra={
        "newest": dated, "upcoming": upcoming,
        "offer_count": len(collection.by_type["angebote"]),
        "districts": sorted(collection.references["district"].values(),
                            key=lambda e: sort_key_de(e.title)),
    })
