""""In meinen Kalender": each published meeting and event has its own .ics file
(`kalender/termine/<its page's path>.ics`), with the VEVENTs and UIDs of the calendars one
subscribes, times in Europe/Berlin — parsed back with icalendar. Fixture: see
test_calendar.py (tests/examples/feeds/): a summer meeting (Saarlouis, 14 May 2025,
09:00–15:30), an all-day meeting (Bad Ems), a course on three winter evenings, a cancelled
reading afternoon."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from conftest import NOW, Tree
from familiennetz.addresses import entry_calendar_path
from familiennetz.dates import BERLIN
from familiennetz.feeds import build_feed_files
from familiennetz.validator import validate
from test_calendar import BAD_EMS, COURSE, FIXTURE, READING, SAARLOUIS, SITE, collect, events, uid


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return build_feed_files(collect(), site_url=SITE, html={}, content_root=FIXTURE)


def own(files: dict[str, bytes], page: str) -> Calendar:
    return Calendar.from_ical(files[f"kalender/termine/{page}.ics"])


def test_the_file_is_at_the_page_path_below_the_calendars() -> None:
    assert entry_calendar_path(f"{BAD_EMS}/") == f"kalender/termine/{BAD_EMS}.ics"


def test_a_summer_meeting_is_at_its_berlin_summer_time(files: dict[str, bytes]) -> None:
    calendar = own(files, SAARLOUIS)
    assert calendar["METHOD"] == "PUBLISH" and calendar["VERSION"] == "2.0"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid(SAARLOUIS)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == datetime(2025, 5, 14, 9, 0, tzinfo=BERLIN)
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert event.decoded("DTEND") == datetime(2025, 5, 14, 15, 30, tzinfo=BERLIN)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()


def test_a_series_in_winter_has_all_its_dates_in_one_file(files: dict[str, bytes]) -> None:
    calendar = own(files, COURSE)
    found = [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"))
             for e in calendar.walk("VEVENT")]
    assert found == [(uid(f"{COURSE}/202612{day:02}T1900"),
                      datetime(2026, 12, day, 19, 0, tzinfo=BERLIN),
                      datetime(2026, 12, day, 21, 0, tzinfo=BERLIN)) for day in (1, 8, 15)]
    assert {start.utcoffset() for _, start, _ in found} == {timedelta(hours=1)}
    assert calendar.get_missing_tzids() == set()


def test_an_all_day_meeting_is_dates_and_needs_no_timezone(files: dict[str, bytes]) -> None:
    calendar = own(files, BAD_EMS)
    [event] = calendar.walk("VEVENT")
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (date(2024, 11, 20),
                                                                  date(2024, 11, 21))
    assert calendar.walk("VTIMEZONE") == []


def test_a_cancelled_event_is_cancelled_in_its_file_too(files: dict[str, bytes]) -> None:
    [event] = own(files, READING).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Abgesagt: ")


def test_it_is_no_calendar_of_its_own(files: dict[str, bytes]) -> None:
    """A name or a refresh interval would make calendar apps add a calendar for one date."""
    calendar = own(files, SAARLOUIS)
    for name in ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        assert name not in calendar
    assert calendar["URL"] == f"{SITE}{SAARLOUIS}/"


@pytest.mark.parametrize(("page", "subscribed"), [
    (SAARLOUIS, "kalender/netzwerke/fruehe-hilfen-saarlouis.ics"),
    (BAD_EMS, "kalender/alle.ics"),
    (COURSE, "kalender/veranstaltungen/kreise/saarlouis.ics"),
    (READING, "kalender/veranstaltungen/alle.ics"),
])
def test_its_events_are_byte_for_byte_those_of_the_subscribed_calendar(
        files: dict[str, bytes], page: str, subscribed: str) -> None:
    mine = events(files[f"kalender/termine/{page}.ics"])
    theirs = events(files[subscribed])
    assert mine and all(theirs[key].to_ical() == event.to_ical() for key, event in mine.items())


def test_two_builds_give_the_same_files(files: dict[str, bytes]) -> None:
    again = build_feed_files(collect(now=NOW + timedelta(days=400)), site_url=SITE, html={},
                             content_root=FIXTURE)
    assert {k: v for k, v in again.items() if "/termine/" in k} == \
        {k: v for k, v in files.items() if "/termine/" in k}


MEETING = """---
title: {title}
date: 2026-11-10
draft: {draft}
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
network: kita-netzwerk-rhein-lahn
summary: Das nächste Treffen des Kita-Netzwerks widmet sich den Vereinen im Ort.
meeting:
  date: 2026-12-03T09:30:00+01:00
  location: Kreisverwaltung, Bad Ems
---

Text.
"""
EVENT = """---
title: Familienfest im Kurpark Bad Ems
date: 2026-11-01
draft: true
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
summary: Ein Nachmittag mit Spielen, Musik und Beratung für die ganze Familie.
event:
  start: 2026-12-12
  location: {name: Kurpark, town: Bad Ems}
  provider: Kita-Sozialarbeit Rhein-Lahn
  target_groups: [alle]
---

Text.
"""


def test_drafts_have_no_file(tree: Tree) -> None:
    content = tree({
        "netzwerktreffen/2026/2026-11-10-offen.md": MEETING.format(title="Offenes Netzwerktreffen",
                                                                  draft="false"),
        "netzwerktreffen/2026/2026-11-10-entwurf.md": MEETING.format(title="Geheimes Netzwerktreffen",
                                                                    draft="true"),
        "veranstaltungen/2026/2026-11-01-fest.md": EVENT,
    })
    result = validate(content, now=NOW)
    assert [str(p) for p in result.errors] == []
    files = build_feed_files(result.collection, site_url=SITE, html={})
    assert [path for path in files if "/termine/" in path] == [
        "kalender/termine/netzwerktreffen/2026/offen.ics"]
    assert not any(b"Geheimes" in data or b"Familienfest" in data for data in files.values())
