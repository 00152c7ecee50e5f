"""The card of an item in lists: rendered once per item, reused on every page that lists it.

An item appears in up to eight lists (its type, its year, each district, topic and
network, related items); rendering the card once in Python instead of in every list's
template keeps the build of 10,000 items within 1.3× a bare MkDocs build. Links are
written against a placeholder for the site root, which each page replaces with its own
relative path (MkDocs' `base_url`), so the site still works below any path.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ..dates import format_date_de
from ..documents import Entry
from ..types import ItemType

__all__ = ["ROOT", "CardRenderer"]

ROOT = "\x00fn-root\x00/"


def _link(url: str, text: str) -> str:
    return f'<a href="{ROOT}{escape(url)}">{escape(text)}</a>'


class CardRenderer:
    def __init__(self, references: Mapping[str, Mapping[str, Entry]]) -> None:
        self.references = references
        self._cache: dict[tuple[str, int], str] = {}

    def __call__(self, entry: Entry, level: int, base_url: str) -> str:
        key = (entry.src, level)
        if key not in self._cache:
            self._cache[key] = self._render(entry, level)
        return self._cache[key].replace(ROOT, f"{base_url.rstrip('/')}/" if base_url else "")

    def _render(self, entry: Entry, level: int) -> str:
        d = entry.data
        kind: ItemType = entry.type  # type: ignore[assignment]
        meta = [f'<span class="fn-card__type">{escape(kind.kicker(entry))}</span>']
        if kind.dated:
            stamp = d.date.day.isoformat() if d.date.all_day else d.date.at.isoformat()
            meta.append(f'<time datetime="{stamp}">{escape(format_date_de(d.date))}</time>')
        meta += [escape(fact) for fact in kind.card_facts(entry, self.references)]
        districts = self.references.get("district", {})
        meta.append(", ".join(_link(districts[s].url, districts[s].title) if s in districts
                              else escape(s) for s in d.districts))
        return (f'<article class="fn-card fn-card--{entry.type.key}">'
                f'<h{level} class="fn-card__title">{_link(entry.url, entry.title)}</h{level}>'
                f'<p class="fn-card__meta">{" · ".join(meta)}</p>'
                f'<p class="fn-card__summary">{escape(d.summary)}</p></article>')
