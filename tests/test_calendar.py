"""Calendars of network meetings and of events for families, built from
`tests/examples/feeds/` and parsed back with icalendar.

Meetings in the fixture: Bad Ems (all day, 2024-11-20), Saarlouis (2025-05-14 09:00–15:30,
report updated 2025-05-20), a two-day Fachtag (2026-12-03 to 2026-12-04) of the Rhein-Lahn
network with guests from Saarlouis. Events: a family festival in Bad Ems (all day,
2026-10-10), a course in Saarlouis on three evenings (1, 8 and 15 December, 19–21 Uhr), a
reading afternoon in Lahnstein (5 December) that was cancelled.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from conftest import NOW
from familiennetz.collection import Collection
from familiennetz.dates import BERLIN, Instant
from familiennetz.feeds import build_feed_files
from familiennetz.feeds.calendar import event_end
from familiennetz.validator import validate

FIXTURE = Path(__file__).parent / "examples" / "feeds"
SITE = "https://familiennetz.example.org/"
HOST = "familiennetz.example.org"
BAD_EMS = "netzwerktreffen/2024/netzwerkerinnen-bad-ems"
SAARLOUIS = "netzwerktreffen/2025/netzwerktreffen-saarlouis"
FACHTAG = "netzwerktreffen/2026/fachtag-ankuendigung"


def collect(now: datetime = NOW) -> Collection:
    result = validate(FIXTURE, now=now)
    assert [str(p) for p in result.errors] == []
    return result.collection


def calendars(collection: Collection, site_url: str = SITE) -> dict[str, bytes]:
    files = build_feed_files(collection, site_url=site_url, html={}, content_root=FIXTURE)
    return {path: data for path, data in files.items() if path.startswith("kalender/")}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return calendars(collect())


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(data: bytes) -> dict[str, Any]:
    """UID → VEVENT."""
    return {str(event["UID"]): event for event in parse(data).walk("VEVENT")}


def uid(path: str) -> str:
    return f"{path}@{HOST}"


def test_one_calendar_for_all_each_network_each_district_and_each_happening(files: dict[str, bytes]) -> None:
    assert sorted(files) == [
        "kalender/alle.ics",
        "kalender/kreise/rhein-lahn-kreis.ics",
        "kalender/kreise/saarlouis.ics",
        "kalender/netzwerke/fruehe-hilfen-saarlouis.ics",
        "kalender/netzwerke/kita-netzwerk-rhein-lahn.ics",
        # each meeting and event on its own, for "In meinen Kalender" (test_entry_calendars)
        f"kalender/termine/{BAD_EMS}.ics",
        f"kalender/termine/{SAARLOUIS}.ics",
        f"kalender/termine/{FACHTAG}.ics",
        "kalender/termine/veranstaltungen/2026/elternkurs-saarlouis.ics",
        "kalender/termine/veranstaltungen/2026/familienfest-bad-ems.ics",
        "kalender/termine/veranstaltungen/2026/vorlesen-abgesagt.ics",
        # events for families: all of them, and a calendar per district
        "kalender/veranstaltungen/alle.ics",
        "kalender/veranstaltungen/kreise/rhein-lahn-kreis.ics",
        "kalender/veranstaltungen/kreise/saarlouis.ics",
    ]


def test_each_meeting_is_in_the_calendars_of_its_network_and_districts(
        files: dict[str, bytes]) -> None:
    def uids(key: str) -> list[str]:
        return list(events(files[f"kalender/{key}.ics"]))

    assert uids("alle") == [uid(BAD_EMS), uid(SAARLOUIS), uid(FACHTAG)]  # by meeting date
    assert uids("netzwerke/kita-netzwerk-rhein-lahn") == [uid(BAD_EMS), uid(FACHTAG)]
    assert uids("netzwerke/fruehe-hilfen-saarlouis") == [uid(SAARLOUIS)]
    assert uids("kreise/rhein-lahn-kreis") == [uid(BAD_EMS), uid(FACHTAG)]
    assert uids("kreise/saarlouis") == [uid(SAARLOUIS), uid(FACHTAG)]


def test_calendar_properties_are_set_and_german(files: dict[str, bytes]) -> None:
    calendar = parse(files["kalender/netzwerke/kita-netzwerk-rhein-lahn.ics"])
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Familiennetz//Kalender//DE"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Familiennetz – Netzwerktreffen: Kita-Netzwerk Rhein-Lahn"
    assert calendar["NAME"] == calendar["X-WR-CALNAME"]
    assert calendar["X-WR-CALDESC"] == "Termine der Netzwerktreffen – Kita-Netzwerk Rhein-Lahn."
    assert calendar["URL"] == SITE + "netzwerke/kita-netzwerk-rhein-lahn/"
    assert parse(files["kalender/alle.ics"])["X-WR-CALNAME"] == "Familiennetz – Netzwerktreffen"


def test_uid_is_stable_and_dtstamp_comes_from_the_content(files: dict[str, bytes]) -> None:
    found = events(files["kalender/alle.ics"])
    # `updated` (2025-05-20) at 00:00 Berlin, in UTC as RFC 5545 requires
    assert found[uid(SAARLOUIS)].decoded("DTSTAMP") == datetime(2025, 5, 19, 22, 0, tzinfo=UTC)
    # no `updated`: the report's `date` (2024-11-26)
    assert found[uid(BAD_EMS)].decoded("DTSTAMP") == datetime(2024, 11, 25, 23, 0, tzinfo=UTC)
    assert b"DTSTAMP:20250519T220000Z" in files["kalender/alle.ics"]


def test_the_berlin_timezone_is_defined(files: dict[str, bytes]) -> None:
    calendar = parse(files["kalender/alle.ics"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()
    offsets = {str(sub["TZNAME"]): sub["TZOFFSETTO"].td for sub in calendar.walk()
               if sub.name in ("STANDARD", "DAYLIGHT")}
    assert offsets == {"CET": timedelta(hours=1), "CEST": timedelta(hours=2)}


def test_a_calendar_with_only_all_day_meetings_needs_no_timezone(
        files: dict[str, bytes]) -> None:
    calendar = parse(files["kalender/kreise/rhein-lahn-kreis.ics"])
    assert calendar.walk("VTIMEZONE") == [] and calendar.get_used_tzids() == set()


def test_all_day_meetings_are_dates_ending_the_next_day(files: dict[str, bytes]) -> None:
    found = events(files["kalender/alle.ics"])
    assert found[uid(BAD_EMS)].decoded("DTSTART") == date(2024, 11, 20)
    assert found[uid(BAD_EMS)].decoded("DTEND") == date(2024, 11, 21)
    assert found[uid(FACHTAG)].decoded("DTSTART") == date(2026, 12, 3)
    assert found[uid(FACHTAG)].decoded("DTEND") == date(2026, 12, 5)  # end + 1 day
    raw = files["kalender/alle.ics"]
    assert b"DTSTART;VALUE=DATE:20241120\r\n" in raw
    assert b"DTEND;VALUE=DATE:20261205\r\n" in raw


def test_timed_meetings_carry_the_tzid(files: dict[str, bytes]) -> None:
    event = events(files["kalender/alle.ics"])[uid(SAARLOUIS)]
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == datetime(2025, 5, 14, 9, 0, tzinfo=BERLIN)
    assert event.decoded("DTEND") == datetime(2025, 5, 14, 15, 30, tzinfo=BERLIN)
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert b"DTSTART;TZID=Europe/Berlin:20250514T090000\r\n" in files["kalender/alle.ics"]


def test_the_event_is_the_meeting_not_the_publication(files: dict[str, bytes]) -> None:
    event = events(files["kalender/alle.ics"])[uid(SAARLOUIS)]
    assert event["SUMMARY"] == "Großes Netzwerktreffen Frühe Hilfen im Landratsamt Saarlouis"
    assert event["LOCATION"] == "Landratsamt, Saarlouis"
    assert event["URL"] == SITE + SAARLOUIS + "/"
    assert event["DESCRIPTION"] == (
        "Rund 120 Fachkräfte haben im Landratsamt Saarlouis über Kinderschutz und "
        f"herausforderndes Verhalten beraten.\n\n{SITE}{SAARLOUIS}/")


def test_lines_are_folded_and_end_in_crlf(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        assert data.endswith(b"END:VCALENDAR\r\n"), path
        lines = data.split(b"\r\n")
        assert all(len(line) <= 75 and b"\n" not in line for line in lines), path


def test_two_builds_are_byte_identical_and_do_not_depend_on_now(
        files: dict[str, bytes]) -> None:
    assert calendars(collect()) == files
    assert calendars(collect(now=NOW + timedelta(days=3))) == files


def test_the_uid_keeps_the_path_of_a_site_in_a_subfolder() -> None:
    found = events(calendars(collect(), "https://example.github.io/familiennetz/")[
        "kalender/alle.ics"])
    assert "familiennetz/" + BAD_EMS + "@example.github.io" in found


AT_NINE = Instant.from_datetime(datetime(2025, 5, 14, 9, 0, tzinfo=BERLIN))
DAY = Instant.from_date(date(2025, 5, 14))


@pytest.mark.parametrize(("start", "end", "expected"), [
    (DAY, None, date(2025, 5, 15)),
    (DAY, Instant.from_date(date(2025, 5, 16)), date(2025, 5, 17)),
    (DAY, Instant.from_datetime(datetime(2025, 5, 15, 12, 0, tzinfo=BERLIN)), date(2025, 5, 16)),
    (AT_NINE, None, None),  # no invented duration
    (AT_NINE, Instant.from_datetime(datetime(2025, 5, 14, 17, 0, tzinfo=BERLIN)),
     datetime(2025, 5, 14, 17, 0, tzinfo=BERLIN)),
    (AT_NINE, Instant.from_date(date(2025, 5, 15)), datetime(2025, 5, 16, 0, 0, tzinfo=BERLIN)),
])
def test_dtend_has_the_value_type_of_dtstart(start: Instant, end: Instant | None,
                                             expected: date | datetime | None) -> None:
    assert event_end(start, end) == expected


# --- events for families ---------------------------------------------------------------------

COURSE = "veranstaltungen/2026/elternkurs-saarlouis"
FESTIVAL = "veranstaltungen/2026/familienfest-bad-ems"
READING = "veranstaltungen/2026/vorlesen-abgesagt"


def test_family_events_have_their_own_calendars_by_district(files: dict[str, bytes]) -> None:
    def uids(key: str) -> list[str]:
        return list(events(files[f"kalender/veranstaltungen/{key}.ics"]))

    course = [uid(f"{COURSE}/{day}T1900") for day in ("20261201", "20261208", "20261215")]
    assert uids("alle") == [uid(FESTIVAL), *course, uid(READING)]  # by (first) date
    assert uids("kreise/rhein-lahn-kreis") == [uid(FESTIVAL), uid(READING)]
    assert uids("kreise/saarlouis") == [*course, uid(READING)]
    assert not any(e.startswith("veranstaltungen/") for e in events(files["kalender/alle.ics"]))
    calendar = parse(files["kalender/veranstaltungen/kreise/saarlouis.ics"])
    assert calendar["X-WR-CALNAME"] == "Familiennetz – Veranstaltungen für Familien: Landkreis Saarlouis"
    assert calendar["X-WR-CALDESC"] == ("Termine der Veranstaltungen für Familien – Landkreis "
                                        "Saarlouis.")


def test_each_date_of_a_series_is_its_own_event_with_the_series_times(
        files: dict[str, bytes]) -> None:
    found = events(files["kalender/veranstaltungen/alle.ics"])
    sessions = [e for key, e in found.items() if key.startswith(COURSE)]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in sessions] == [
        (datetime(2026, 12, day, 19, 0, tzinfo=BERLIN), datetime(2026, 12, day, 21, 0, tzinfo=BERLIN))
        for day in (1, 8, 15)]
    assert {str(e["SUMMARY"]) for e in sessions} == {"Elternkurs an drei Abenden in Saarlouis"}
    assert {str(e["URL"]) for e in sessions} == {SITE + COURSE + "/"}
    assert "STATUS" not in sessions[0]
    festival = found[uid(FESTIVAL)]  # one day, no times
    assert (festival.decoded("DTSTART"), festival.decoded("DTEND")) == (date(2026, 10, 10),
                                                                        date(2026, 10, 11))
    assert str(festival["LOCATION"]) == "Kurpark, Bad Ems"


def test_a_cancelled_event_stays_in_the_calendar_as_cancelled(files: dict[str, bytes]) -> None:
    reading = events(files["kalender/veranstaltungen/alle.ics"])[uid(READING)]
    assert str(reading["STATUS"]) == "CANCELLED"
    assert str(reading["SUMMARY"]) == "Abgesagt: Vorlesenachmittag in Lahnstein fällt aus"
    assert reading.decoded("DTSTART") == datetime(2026, 12, 5, 15, 0, tzinfo=BERLIN)
    # the cancellation is an update: calendar apps take the newer DTSTAMP
    assert reading.decoded("DTSTAMP") == datetime(2026, 11, 19, 23, 0, tzinfo=UTC)
