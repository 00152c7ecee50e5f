"""The offer finder at /angebote/: every offer with what the filters need, and the options.

The page lists all offers (so it works without JavaScript); `overrides/assets/finder.js`
filters the list in the browser by the `data-*` attributes each card carries. The names
below are also the finder's URL parameters (`?kreis=saarlouis&art=beratung&kostenlos=ja`),
so a filtered view can be shared as a link.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import sort_key_de
from ..types.angebot import Offer
from .labels import label, language_name

__all__ = ["ALL_GROUPS", "PARAMS", "Finder", "FinderOffer", "Option", "build_finder"]

# URL parameter → data attribute of a card (`data-kreis`, …); `q` is the text query.
PARAMS = ("q", "kreis", "art", "fuer", "sprache", "kostenlos")
ALL_GROUPS = "alle"  # an offer "for everyone" matches whichever target group is chosen


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class FinderOffer:
    entry: Entry
    districts: tuple[str, ...]  # slugs
    stale: bool

    @property
    def data(self) -> Offer:
        data: Offer = self.entry.data
        return data

    @property
    def attributes(self) -> dict[str, str]:
        """The card's `data-*` attributes: space-separated slugs and codes."""
        data = self.data
        return {
            "data-kreis": " ".join(self.districts),
            "data-art": data.offer_type,
            "data-fuer": " ".join(data.target_groups),
            "data-sprache": " ".join(data.languages),
            "data-kostenlos": "ja" if data.is_free else "nein",
            "data-veraltet": "ja" if self.stale else "nein",
        }


@dataclass(frozen=True)
class Finder:
    offers: list[FinderOffer]
    districts: list[Option]
    types: list[Option]
    groups: list[Option]
    languages: list[Option]
    free: int  # how many offers are free of charge

    @property
    def stale(self) -> int:
        return sum(1 for offer in self.offers if offer.stale)


def _options(counts: Counter[str], name: Callable[[str], str]) -> list[Option]:
    """Only values that occur, in German alphabetical order of their labels."""
    return sorted((Option(value, name(value), n) for value, n in counts.items()),
                  key=lambda o: (sort_key_de(o.label), o.value))


def _count(values: Iterable[Iterable[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for group in values:
        counts.update(set(group))
    return counts


def build_finder(collection: Collection) -> Finder:
    offers = [FinderOffer(e, tuple(e.data.districts), collection.facts[e.src].stale)
              for e in collection.by_type["angebote"]]
    districts = collection.references["district"]
    data = [o.data for o in offers]
    return Finder(
        offers=offers,
        districts=_options(_count(o.districts for o in offers),
                           lambda s: districts[s].title if s in districts else s),
        types=_options(_count([d.offer_type] for d in data), lambda v: label("offer_type", v)),
        groups=_options(_count([g for g in d.target_groups if g != ALL_GROUPS] for d in data),
                        lambda v: label("target_groups", v)),
        languages=_options(_count(d.languages for d in data), language_name),
        free=sum(1 for d in data if d.is_free),
    )
