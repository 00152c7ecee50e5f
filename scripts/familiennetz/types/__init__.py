"""The type registry: every kind of content file, each declared in its own module.

| module | type | folder |
|---|---|---|
| `pressemitteilung` | press release | `pressemitteilungen/YYYY/` |
| `netzwerktreffen` | meeting report | `netzwerktreffen/YYYY/` |
| `angebot` | offer for families | `angebote/` |
| `veranstaltung` (+ `event_parts`) | event for families | `veranstaltungen/YYYY/` |
| `kreis`, `netzwerk`, `thema` | district, network, topic | `kreise/`, `netzwerke/`, `themen/` |

The folder decides a file's type. Adding a type means a module here, its entry below, its
template in `overrides/`, sample content and tests — nothing else.
"""

from __future__ import annotations

from .angebot import OFFER
from .base import ItemType, ReferenceType, Type
from .kreis import DISTRICT
from .netzwerk import NETWORK
from .netzwerktreffen import MEETING_REPORT
from .pressemitteilung import PRESS_RELEASE
from .thema import TOPIC
from .values import Fact, FinderFilter, FinderToggle, Happening, Part, Refs, When
from .veranstaltung import EVENT

__all__ = [
    "BY_FOLDER", "BY_KEY", "BY_REF", "ITEM_TYPES", "REFERENCE_TYPES", "TYPES", "Fact",
    "FinderFilter", "FinderToggle", "Happening", "ItemType", "Part", "ReferenceType", "Refs",
    "Type", "When",
]

ITEM_TYPES: tuple[ItemType, ...] = (PRESS_RELEASE, EVENT, MEETING_REPORT, OFFER)
REFERENCE_TYPES: tuple[ReferenceType, ...] = (DISTRICT, NETWORK, TOPIC)
TYPES: tuple[Type, ...] = (*ITEM_TYPES, *REFERENCE_TYPES)
BY_FOLDER: dict[str, Type] = {t.folder: t for t in TYPES}
BY_KEY: dict[str, Type] = {t.key: t for t in TYPES}
BY_REF: dict[str, ReferenceType] = {t.ref: t for t in REFERENCE_TYPES if t.ref}
