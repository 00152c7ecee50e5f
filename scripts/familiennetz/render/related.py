"""Related items under an item page ("Das könnte Sie auch interessieren").

Ranked by shared district, then network, then the number of shared topics, then the
newest; on a page for families, items only for professionals come last, and meetings and
events that are over or cancelled after everything else. The candidates are the newest
few of each shared reference (the indexes are sorted newest first), and what ranking
needs of an item is worked out once per build, not once per page that lists it (at
10,000 items the difference was several seconds).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry

__all__ = ["RELATED_LIMIT", "RelatedItems", "related_items"]

RELATED_LIMIT = 5
POOL = 10  # candidates from each shared district, network and topic: the newest


@dataclass(frozen=True, slots=True)
class _Traits:
    gone: bool  # a meeting or event that is over or cancelled: nothing left to go to
    for_professionals: bool
    districts: frozenset[str]
    network: str | None
    topics: frozenset[str]
    newest: float  # minus its publication time: sorts newest first


class RelatedItems:
    """One per build: `related(entry)` gives an item's related items."""

    def __init__(self, collection: Collection, limit: int = RELATED_LIMIT) -> None:
        self.collection = collection
        self.limit = limit
        self._traits: dict[str, _Traits] = {}

    def _of(self, entry: Entry) -> _Traits:
        found = self._traits.get(entry.src)
        if found is None:
            facts = self.collection.facts[entry.src]
            data = entry.data
            happening = facts.happening
            found = self._traits[entry.src] = _Traits(
                happening is not None and (happening.cancelled or not facts.upcoming),
                entry.type.audience_of(entry) == "fachkraefte",  # type: ignore[attr-defined]
                frozenset(data.districts), getattr(data, "network", None) or None,
                frozenset(data.topics), -facts.published_at.timestamp())
        return found

    def __call__(self, entry: Entry) -> list[Entry]:
        mine = self._of(entry)
        collection = self.collection
        pools = [collection.items_for("district", d) for d in entry.data.districts]
        pools += [collection.items_for("network", mine.network)] if mine.network else []
        pools += [collection.items_for("topic", t) for t in entry.data.topics]
        candidates = {c.src: c for pool in pools for c in pool[:POOL] if c.src != entry.src}
        for_families = entry.type.audience_of(entry) == "familien"  # type: ignore[attr-defined]

        def rank(other: Entry) -> tuple[bool, bool, bool, bool, int, float, str]:
            theirs = self._of(other)
            return (theirs.gone, for_families and theirs.for_professionals,
                    not mine.districts & theirs.districts,
                    not (mine.network is not None and theirs.network == mine.network),
                    -len(mine.topics & theirs.topics), theirs.newest, other.src)

        return sorted(candidates.values(), key=rank)[:self.limit]


def related_items(entry: Entry, collection: Collection, limit: int = RELATED_LIMIT) -> list[Entry]:
    """The related items of one entry (a build asks one `RelatedItems` for all)."""
    return RelatedItems(collection, limit)(entry)
