"""The one card of an entry in lists — listings, the finder, related items, the home page —
rendered once per entry and variant, reused on every page that lists it.

An item appears in up to eight lists (its type, its year, each district, topic and
network, related items); rendering the card once in Python instead of in every list's
template keeps the build of 10,000 items within 1.3× a bare MkDocs build. Links are
written against a placeholder for the site root, which each page replaces with its own
relative path (MkDocs' `base_url`), so the site still works below any path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from ..assets import resolve_asset
from ..documents import Entry
from ..places import point_of
from ..types import ItemType
from .finder import FinderItem

__all__ = ["ROOT", "CardRenderer"]

ROOT = "\x00fn-root\x00/"


def _link(url: str, text: str, before: str = "") -> str:
    """A link to a page of the site; `before`: markup of ours ahead of the escaped text."""
    return f'<a href="{ROOT}{escape(url)}">{before}{escape(text)}</a>'


def _place(kind: ItemType, entry: Entry) -> str:
    """Where it is, for sorting by distance in the page (assets/fn-near.js); nothing if
    its postcode is unknown."""
    location = kind.location(entry)
    point = point_of(location.postcode if location else None)
    return f' data-lat="{point[0]:.2f}" data-lon="{point[1]:.2f}"' if point else ""


class CardRenderer:
    def __init__(self, references: Mapping[str, Mapping[str, Entry]],
                 exists: Callable[[str], bool]) -> None:
        self.references = references
        self.exists = exists  # whether a file below content/ is published (pictures)
        self._cache: dict[tuple[str, int, bool], str] = {}

    def __call__(self, entry: Entry, level: int, base_url: str,
                 finder: FinderItem | None = None) -> str:
        key = (entry.src, level, finder is not None)
        if key not in self._cache:
            self._cache[key] = self._render(entry, level, finder)
        return self._cache[key].replace(ROOT, f"{base_url.rstrip('/')}/" if base_url else "")

    def _render(self, entry: Entry, level: int, finder: FinderItem | None) -> str:
        when = entry.type.card_when(entry) if isinstance(entry.type, ItemType) else None
        # "Abgesagt" first, inside the heading's link: seen at a glance, heard in a list of
        # headings and in a list of links
        badge = '<span class="fn-badge fn-badge--cancelled">Abgesagt</span> ' \
            if when is not None and when.cancelled else ""
        title = f'<h{level} class="fn-card__title">{_link(entry.url, entry.title, badge)}</h{level}>'
        summary = getattr(entry.data, "summary", None)
        text = f'<p class="fn-card__summary">{escape(summary)}</p>' if summary else ""
        if not isinstance(entry.type, ItemType):  # a district, network or topic
            return f'<article class="fn-card">{title}{text}</article>'
        kind = entry.type
        data = entry.data
        meta = [f'<span class="fn-card__type">{escape(kind.kicker(entry))}</span>']
        if when is not None:
            stamp = when.at.day.isoformat() if when.at.all_day else when.at.at.isoformat()
            meta.append(f'<span class="fn-card__when">{escape(when.label)} '
                        f'<time datetime="{stamp}">{escape(when.text)}</time></span>')
        meta += [escape(fact) for fact in kind.card_facts(entry, self.references)]
        districts = self.references.get("district", {})
        meta.append(", ".join(_link(districts[s].url, districts[s].title) if s in districts
                              else escape(s) for s in data.districts))
        attributes, more = "", ""
        if finder is not None:
            attributes = "".join(f' {name}="{escape(value)}"'
                                 for name, value in finder.attributes.items())
            more = (f'<p class="fn-card__facts">{" · ".join(map(escape, kind.finder_facts(entry)))}'
                    "</p>")
            if finder.stale and (note := kind.stale_note(entry)):
                more += f'<p class="fn-card__stale"><strong>Veraltet?</strong> {escape(note)}</p>'
        attributes += _place(kind, entry)
        picture, has = self._picture(entry), ""
        if picture:
            has = " fn-card--picture"
        return (f'<article class="fn-card fn-card--{kind.key}{has}"{attributes}>{picture}{title}'
                f'<p class="fn-card__meta">{" · ".join(meta)}</p>{text}{more}</article>')

    def _picture(self, entry: Entry) -> str:
        """The item's picture beside its card: decorative there (alt=""), because the title
        beside it says what the item is about and its page describes the picture."""
        image = getattr(entry.data, "image", None)
        if image is None or (path := resolve_asset(image.src, entry.src, self.exists)) is None:
            return ""
        return f'<img class="fn-card__picture" src="{ROOT}{escape(path)}" alt="" loading="lazy">'

