"""Digests of what a page shows: the same digest means the same page, byte for byte.

A page is rendered from its Markdown, its front matter, and the context its template gets
(`run.BuildRun.context`). The context is walked here value by value; an entry in it (the
item itself, a related item, a card on a listing) stands for everything a template may
print of it: its file, its facts at the build's moment (published, stale, upcoming), and
the districts, networks and topics it names. So a district's new title changes exactly the
pages that show an item of that district, and an embargo that ends changes the listings
that now carry the item.

A value of a kind not known here is refused (TypeError): a context that grows a new kind
of value must say how it is digested, never be left out of the key.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from ..collection import Collection, Facts
from ..documents import Entry, TextPage
from ..references import references_of
from ..render.listings import ListingPage

__all__ = ["Fingerprints", "digest", "stable_text"]

_PLAIN = (str, int, float, bool, type(None), date, datetime, time, timedelta, ZoneInfo)
_EXACT = frozenset(_PLAIN)
_FIELDS: dict[type, tuple[str, ...]] = {}
# Documents' own digests by identity, across the builds of one process: the preview's
# validation hands back the very objects of unchanged files (cache/validation.py).
_OWN: dict[int, tuple[object, str]] = {}
_OWN_LIMIT = 100_000
_NAMED: dict[int, tuple[object, list[tuple[str, str]]]] = {}  # id → (entry, what it names)
_FACTS: dict[Facts, str] = {}  # facts → their text


def _named(doc: Entry) -> list[tuple[str, str]]:
    """(reference kind, slug) of what an entry names, sorted; by identity, as `_OWN`."""
    known = _NAMED.get(id(doc))
    if known is not None and known[0] is doc:
        return known[1]
    found = sorted({(ref, slug) for _, ref, slug in references_of(doc.data)})
    if len(_NAMED) > _OWN_LIMIT:
        _NAMED.clear()
    _NAMED[id(doc)] = (doc, found)
    return found


def digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def stable_text(value: Any) -> str:
    """A value's text, the same in every process (a set's or a function's `repr` is not)."""
    return Fingerprints(None, None)._plain(value)


class Fingerprints:
    """Digests of entries and page contexts, worked out once per build."""

    def __init__(self, collection: Collection | None, exists: Any) -> None:
        self.collection = collection
        self.exists = exists  # whether a file below content/ is published (pictures)
        self._own: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self._memo: dict[int, tuple[object, str]] = {}  # id → (the frozen value, its text)

    def own(self, doc: Entry | TextPage) -> str:
        """The document as read: its type and its checked values. Not its body: no page
        shows another's body, and a page's own body is part of its key as Markdown."""
        found = self._own.get(doc.src)
        if found is None:
            known = _OWN.get(id(doc))
            if known is not None and known[0] is doc:
                found = known[1]
            else:
                kind = getattr(doc, "type", None)
                found = digest(doc.src, repr(kind), self._plain(doc.data))
                if len(_OWN) > _OWN_LIMIT:
                    _OWN.clear()
                _OWN[id(doc)] = (doc, found)
            self._own[doc.src] = found
        return found

    def shown(self, doc: Entry | TextPage) -> str:
        """Everything a page may print of the document: itself, its facts, what it names,
        and which of its files are published."""
        found = self._shown.get(doc.src)
        if found is None:
            parts = [self.own(doc)]
            if isinstance(doc, Entry) and self.collection is not None:
                parts.append(self._facts(self.collection.facts.get(doc.src)))
                refs = self.collection.references
                for ref, slug in _named(doc):
                    named = refs.get(ref, {}).get(slug)
                    parts.append(f"{ref}:{slug}:" + (self.own(named) if named else "-"))
            assets = self.collection.assets.get(doc.src, ()) if self.collection else ()
            parts += [f"{a}:{self.exists(a)}" for a in sorted(assets)]
            found = self._shown[doc.src] = digest(*parts)
        return found

    def forget_walked(self) -> None:
        """Once every page's key is made: the texts of the values walked go (at 10,000 items
        they were 60 MB, which the rest of the build and its children would carry along)."""
        self._memo.clear()

    def _facts(self, facts: Facts | None) -> str:
        """Their text; the same facts recur build after build in the preview's process."""
        if facts is None:
            return self._plain(None)
        found = _FACTS.get(facts)
        if found is None:
            if len(_FACTS) > _OWN_LIMIT:
                _FACTS.clear()
            found = _FACTS[facts] = self._plain(facts)
        return found

    def of(self, *values: Any) -> str:
        """The digest of template values (a page's context)."""
        out: list[str] = []
        for value in values:
            self._walk(value, out)
        return digest(*out)

    def _plain(self, value: Any) -> str:
        """A value's text in a stable order (a set's `repr` follows the process's hash seed)."""
        out: list[str] = []
        self._walk(value, out)
        return "\x1f".join(out)

    def _walk(self, value: Any, out: list[str]) -> None:
        kind = type(value)
        if kind in _EXACT:
            out.append(repr(value))
        elif kind is list or kind is tuple:
            out.append(f"[{len(value)}")
            for item in value:
                self._walk(item, out)
        elif kind is Entry or kind is TextPage:
            out.append("doc:" + self.shown(value))
        elif (found := self._memo.get(id(value))) is not None and found[0] is value:
            out.append(found[1])
        elif isinstance(value, _PLAIN):  # (Markup is a str: its class is in the repr)
            out.append(repr(value))
        elif isinstance(value, ListingPage):  # its page of items, not the whole listing
            listing = value.listing
            out.append(f"listing:{listing.key}:{listing.url}:{listing.title}:{value.number}:"
                       f"{value.page_count}:{listing.archive_of}:{listing.year}")
            self._walk([listing.entry, value.items], out)
        elif isinstance(value, Enum):
            out.append(repr(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            inner = [kind.__name__]
            names = _FIELDS.get(kind)
            if names is None:
                names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
            for name in names:
                self._walk(getattr(value, name), inner)
            text = "\x1e".join(inner)
            if kind.__dataclass_params__.frozen:
                # the same finder item or crumb recurs on many pages: digested once
                self._memo[id(value)] = (value, text)
            out.append(text)
        elif isinstance(value, Mapping):
            out.append(f"{{{len(value)}")
            for key, item in value.items():
                self._walk(key, out)
                self._walk(item, out)
        elif isinstance(value, (list, tuple)):
            self._walk(list(value), out)
        elif isinstance(value, (set, frozenset)):
            self._walk(sorted(value, key=repr), out)
        elif callable(value) and hasattr(value, "__qualname__"):  # code: in code_version()
            out.append(f"{value.__module__}.{value.__qualname__}")
        elif isinstance(value, Iterable) and hasattr(value, "__next__"):
            raise TypeError("an iterator cannot be digested twice; pass a list")
        else:
            raise TypeError(f"no digest for {type(value).__name__} in a page's context")
