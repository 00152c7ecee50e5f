"""What a content type is: the one place where everything about a kind of file is declared.

A type module (`types/angebot.py`, …) defines its front-matter model and a subclass of
`ItemType` or `ReferenceType` that says where its files live, what their URLs are, how
they are ordered, which dates they have, and what they contribute to pages, cards,
JSON-LD, feeds, calendars and search. The stages ask the registry (`types/__init__.py`)
and these methods; none of them tests which type an entry has.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from ..dates import Instant, format_date_de, start_of_day
from .values import DateProblem, Fact, FinderFilter, FinderToggle, Happening, Refs, When

if TYPE_CHECKING:
    from ..collection import Facts
    from ..documents import Entry
    from .parts import Location

__all__ = ["ItemType", "ReferenceType", "Type"]


class Type:
    """Common to every type: identity, folder and URL."""

    key: ClassVar[str]  # singular, used in templates and the CLI: "pressemitteilung"
    folder: ClassVar[str]  # top folder under content/ and in the URL
    model: ClassVar[type]
    label: ClassVar[str]  # German singular
    plural: ClassVar[str]  # German plural
    dated: ClassVar[bool] = False  # files are YYYY/YYYY-MM-DD-<slug>.md
    ref: ClassVar[str | None] = None  # reference types: the name `ref=` fields use
    schema_type: ClassVar[str] = "Thing"  # schema.org type for JSON-LD

    @property
    def is_item(self) -> bool:
        return self.ref is None

    @property
    def template(self) -> str | None:
        """Its page's template in overrides/ (reference types: the listing's)."""
        return None

    def url(self, slug: str, data: Any) -> str:
        """Site-relative URL with trailing slash; stable once published."""
        if self.dated:
            return f"{self.folder}/{data.date.day.year}/{slug}/"
        return f"{self.folder}/{slug}/"

    def where(self) -> str:
        """Where its files go, as press officers read it."""
        if self.dated:
            return f"content/{self.folder}/JJJJ/JJJJ-MM-TT-name.md"
        return f"content/{self.folder}/name.md"

    def facts(self, entry: Entry, refs: Refs) -> list[Fact]:
        """The facts box on its page, where the page shows one from the type."""
        return []

    def search_details(self, entry: Entry, refs: Refs) -> list[str | None]:
        """Facts readers search for that the page shows in boxes (Pagefind skips those)."""
        return []

    def search_text(self, entry: Entry) -> list[str]:
        """Text besides title and body whose words count for compound splitting."""
        return []

    def __repr__(self) -> str:
        return f"<type {self.key}>"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Each type exists once: an entry read in the other process (`cores.py`) comes
        back with the registry's own type, so that `is` holds."""
        return _registered, (self.key,)


def _registered(key: str) -> Type:
    from . import BY_KEY

    return BY_KEY[key]


class ItemType(Type):
    """Press releases, meeting reports, offers, events: what the listings and feeds list."""

    description: ClassVar[str]  # German, for its feed: what subscribers get
    purpose: ClassVar[str]  # German, for the help: what press officers use it for
    feed_name: ClassVar[str]  # how the feed of everything names it: "Berichte aus Netzwerktreffen"
    audience: ClassVar[str] = "alle"  # "familien", "fachkraefte" or "alle": who it is for
    calendar: ClassVar[str | None] = None  # its calendars' name, if its entries happen
    calendar_prefix: ClassVar[str] = ""  # its calendars' files: kalender/<prefix>alle.ics
    upcoming_heading: ClassVar[str | None] = None  # the home page's list of what comes next
    # Whose calendars its happenings join besides the type's own: ("network", "district").
    calendar_scopes: ClassVar[tuple[str, ...]] = ()
    # Its listing is a finder with these filters (offers); none: a plain listing.
    finder_filters: ClassVar[tuple[FinderFilter, ...]] = ()
    finder_toggles: ClassVar[tuple[FinderToggle, ...]] = ()
    # What the finder announces: "{shown} von {total} Angeboten passen …", "Alle {total} …".
    finder_messages: ClassVar[tuple[str, str]] = ("", "")
    # The home page's way into the finder: (heading, text with {count}, button).
    finder_teaser: ClassVar[tuple[str, str, str]] = ("", "", "")

    @property
    def finder(self) -> bool:
        return bool(self.finder_filters)

    def location(self, entry: Entry) -> Location | None:
        """Where it takes place, if anywhere: its postcode places it on the map for the
        "near me" sorting of its listing (familiennetz.places)."""
        return None

    def finder_facts(self, entry: Entry) -> list[str]:
        """The finder card's extra line: what a parent compares at a glance."""
        return []

    def audience_of(self, entry: Entry) -> str:
        """Who this item is for: "familien", "fachkraefte" or "alle" (related items never
        put an item for professionals first on a page for families)."""
        return self.audience

    def stale_note(self, entry: Entry) -> str | None:
        """What its card says when it is stale."""
        return None

    @property
    def template(self) -> str:
        return f"{self.key}.html"

    # --- dates, computed once per build at `now` by the collection ------------------------

    def published_at(self, data: Any) -> datetime:
        moment: datetime = data.date.at
        return moment

    def updated_at(self, data: Any) -> datetime:
        """`updated` at 00:00 Berlin, else the publication time. Never earlier than the
        publication: a release at 10:30 updated the same day was not changed before."""
        published = self.published_at(data)
        updated = getattr(data, "updated", None)
        return max(published, start_of_day(updated)) if updated is not None else published

    def happening(self, data: Any) -> Happening | None:
        return None

    def is_stale(self, data: Any, now: datetime) -> bool:
        return False

    def date_problems(self, entry: Entry, now: datetime) -> list[DateProblem]:
        """What is wrong with this type's own dates (the common ones are checked by the
        `date-order` and `future-date` rules)."""
        return []

    def search_day(self, entry: Entry) -> date | None:
        """The day its search result shows and the year filter uses."""
        return entry.data.date.day if self.dated else None

    def search_when(self, entry: Entry, stale: bool) -> tuple[str | None, str | None]:
        """(what its search result says about its date — what its card says —, the year it
        is filed under)."""
        when, day = self.card_when(entry), self.search_day(entry)
        return (when.line if when else None), (str(day.year) if day is not None else None)

    # --- listings ------------------------------------------------------------------------

    # Its listing sorts by distance from the reader's postcode: its entries have a `location`.
    near_me: ClassVar[bool] = False
    # Past happenings leave its listing for the year archives (events for families).
    past_to_archive: ClassVar[bool] = False
    empty_listing: ClassVar[str] = "Noch keine Einträge."  # its listing, when empty

    def sort_key(self, entry: Entry, facts: Facts) -> tuple[Any, ...]:
        """Order within its own listing: newest first."""
        return (-entry.data.date.at.timestamp(), entry.slug)

    # --- what pages, cards and JSON-LD say ------------------------------------------------

    def kicker(self, entry: Entry) -> str:
        """The line above the title: "Pressemitteilung Nr. 345"."""
        return self.label

    def card_when(self, entry: Entry) -> When | None:
        """The date its card and search result show, labelled: when it takes place, if it
        does, else when it appeared."""
        if (happening := self.happening(entry.data)) is not None:
            return happening.when()
        if not self.dated:
            return None
        published: Instant = entry.data.date
        return When("Veröffentlicht am", published, format_date_de(published))

    def card_facts(self, entry: Entry, refs: Refs) -> list[str]:
        """Plain-text facts for the card's meta line, after type and date (escaped later)."""
        return []

    def jsonld(self, entry: Entry, refs: Refs, *, url: str, updated: datetime) -> dict[str, Any]:
        """schema.org fields of this type (url, description and image are added)."""
        return {"@type": self.schema_type, "name": entry.title}


class ReferenceType(Type):
    """Districts, networks, topics: what items refer to by slug; each has a listing."""

    feed_prefix: ClassVar[str] = ""  # before its title in its feed's description: "Thema "
    by: ClassVar[str]  # "Kreis oder Stadt": the subscribe page's group "Nach Kreis oder Stadt"

    def search_scope(self, entry: Entry, refs: Refs) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(district titles, topic titles) its search record is filtered by."""
        return (), ()

    def search_summary(self, entry: Entry) -> str:
        return ""
