"""iCalendar files of what takes place (network meetings, events for families): when it happens, not when its
report appeared. Everything in them comes from the content, so two builds are
byte-identical."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vDuration

from ..collection import Collection
from ..dates import BERLIN, Instant, start_of_day
from ..documents import Entry
from ..types import Happening
from .items import absolute_url
from .policy import FeedScope

__all__ = ["CalendarWriter", "event_end"]

PRODID = "-//Familiennetz//Kalender//DE"
# The site is rebuilt hourly for embargoes; meetings change rarely. Six hours is a
# compromise between fresh calendars and load on a static host.
REFRESH = timedelta(hours=6)
_DAY = timedelta(days=1)
_END = b"END:VCALENDAR\r\n"


def event_end(start: Instant, end: Instant | None) -> date | datetime | None:
    """DTEND of the same value type as DTSTART (RFC 5545 requires it). An all-day meeting
    ends at the start of the day after its last day; a timed meeting without an end gets no
    DTEND rather than an invented duration; a timed start with an end given as a day runs
    until that day is over."""
    if start.all_day:
        return (end or start).day + _DAY
    if end is None:
        return None
    return start_of_day(end.day + _DAY) if end.all_day else end.at


class CalendarWriter:
    """One per build: each meeting's VEVENT is serialized once and shared by the calendars
    it belongs to (a meeting sits in up to five: all, its network, its districts), which
    makes the calendars of a 10,000-item tree about three times faster."""

    def __init__(self, site_url: str, collection: Collection) -> None:
        parts = urlsplit(site_url)
        self.site_url = site_url
        self.host = parts.hostname or "localhost"
        self.prefix = parts.path.strip("/")
        self.facts = collection.facts
        self._events: dict[str, bytes] = {}
        self._zones: dict[tuple[int, int], Timezone] = {}
        self._zone_bytes: dict[int, bytes] = {}
        self._timezone = self._berlin([f.happening for f in self.facts.values() if f.happening])

    def zone_digest(self) -> str:
        """The site-wide VTIMEZONE's text: calendars made with another are made again."""
        return self._timezone.to_ical().decode() if self._timezone is not None else ""

    def _berlin(self, happenings: Sequence[Happening]) -> Timezone | None:
        """VTIMEZONE from the same tz database as our offsets, spanning the content's years
        (so its size and bytes depend on the content only, not on the build date)."""
        years = [moment.at.year for happening in happenings
                 for moment in (happening.start, happening.end) if moment is not None]
        if not years:
            return None
        span = (min(years), max(years))
        if span not in self._zones:
            self._zones[span] = self._zone(*span)
        return self._zones[span]

    @staticmethod
    def _zone(first_year: int, last_year: int) -> Timezone:
        first, last = date(first_year, 1, 1), date(last_year + 2, 1, 1)
        timezone = Timezone.from_tzid(BERLIN.key, first_date=first, last_date=last)
        timezone.pop("COMMENT", None)
        timezone.add("COMMENT", f"Gültig von {first.isoformat()} bis {last.isoformat()}.")
        return timezone

    def uid(self, entry: Entry, session: str | None = None) -> str:
        path = f"{self.prefix}/{entry.url}".strip("/")
        return f"{path}/{session}@{self.host}" if session else f"{path}@{self.host}"

    def event_ical(self, entry: Entry) -> bytes:
        found = self._events.get(entry.src)
        if found is None:
            found = self._events[entry.src] = b"".join(e.to_ical() for e in self.events(entry))
        return found

    def events(self, entry: Entry) -> list[Event]:
        """Its VEVENT; a series has one per date, each with its own UID."""
        happening = self.facts[entry.src].happening
        assert happening is not None  # calendars list only what takes place
        if not happening.dates:
            return [self.event(entry, happening.start, happening.end, self.uid(entry))]
        events = []
        for moment in happening.dates:
            end = None if moment.all_day or happening.session is None \
                else Instant.from_datetime(moment.at + happening.session)
            stamp = moment.day.strftime("%Y%m%d") if moment.all_day \
                else moment.at.astimezone(BERLIN).strftime("%Y%m%dT%H%M")
            events.append(self.event(entry, moment, end, self.uid(entry, stamp)))
        return events

    def event(self, entry: Entry, start: Instant, end: Instant | None, uid: str) -> Event:
        facts = self.facts[entry.src]
        happening = facts.happening
        assert happening is not None
        url = absolute_url(self.site_url, entry.url)
        stamp = facts.updated_at.astimezone(UTC)  # RFC 5545: DTSTAMP in UTC
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("dtstart", start.day if start.all_day else start.at)
        if (until := event_end(start, end)) is not None:
            event.add("dtend", until)
        if happening.cancelled:  # many apps ignore STATUS in subscribed calendars: say it
            event.add("status", "CANCELLED")
            event.add("summary", f"Abgesagt: {entry.title}")
        else:
            event.add("summary", entry.title)
        event.add("location", happening.place)
        event.add("description", f"{entry.data.summary}\n\n{url}")
        event.add("url", url)
        return event

    def render_entry(self, entry: Entry) -> bytes:
        """A meeting's or event's own file ("In meinen Kalender"): its VEVENTs as the
        subscribed calendars have them, UIDs included, so that a reader who imports it and
        subscribes as well gets each date once. Without a calendar name or refresh
        interval: with those, calendar apps would make it a calendar of its own."""
        happening = self.facts[entry.src].happening
        assert happening is not None  # only what takes place has a file
        calendar = _calendar()
        calendar.add("url", absolute_url(self.site_url, entry.url))
        zone = b""
        if not happening.start.all_day and (timezone := self._berlin([happening])) is not None:
            zone = self._zone_ical(timezone)  # serialized once: thousands of files share it
        return _framed(calendar, zone + self.event_ical(entry))

    def _zone_ical(self, timezone: Timezone) -> bytes:
        key = id(timezone)  # the zones are kept in self._zones for the whole build
        if key not in self._zone_bytes:
            self._zone_bytes[key] = timezone.to_ical()
        return self._zone_bytes[key]

    def render(self, scope: FeedScope) -> bytes:
        calendar = _calendar()
        calendar.add("name", scope.title)
        calendar.add("x-wr-calname", scope.title)
        calendar.add("description", scope.description)
        calendar.add("x-wr-caldesc", scope.description)
        calendar.add("url", absolute_url(self.site_url, scope.page_url))
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))  # X- names default to text
        if self._timezone is not None and self._has_timed(scope.items):
            calendar.add_component(self._timezone)  # before the events that refer to it
        return _framed(calendar, b"".join(self.event_ical(entry) for entry in scope.items))

    def _has_timed(self, entries: Iterable[Entry]) -> bool:
        """Only a timed start refers to the VTIMEZONE (an all-day start makes DTEND a date)."""
        return any(not happening.start.all_day for e in entries
                   if (happening := self.facts[e.src].happening) is not None)


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def _framed(calendar: Calendar, events: bytes) -> bytes:
    """The calendar with the serialized VEVENTs put in before its end."""
    head: bytes = calendar.to_ical()
    if not head.endswith(_END):  # the library's framing changed: do not guess
        raise RuntimeError("icalendar: unerwartetes Ende von VCALENDAR")
    return head[: -len(_END)] + events + _END
