"""A meeting counts as upcoming until it is over, not only until it starts."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from familiennetz.dates import BERLIN, Instant
from familiennetz.types.netzwerktreffen import Meeting


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(BERLIN)


@pytest.mark.parametrize(("start", "end", "over"), [
    (Instant.from_date(date(2026, 2, 24)), Instant.from_date(date(2026, 2, 25)),
     "2026-02-26T00:00:00+01:00"),
    (Instant.from_date(date(2026, 2, 24)), None, "2026-02-25T00:00:00+01:00"),
    (Instant.from_datetime(at("2027-03-10T14:00:00+01:00")),
     Instant.from_datetime(at("2027-03-10T17:30:00+01:00")), "2027-03-10T17:30:00+01:00"),
    (Instant.from_datetime(at("2027-03-10T14:00:00+01:00")), None, "2027-03-11T00:00:00+01:00"),
    (Instant.from_datetime(at("2026-12-03T09:30:00+01:00")), Instant.from_date(date(2026, 12, 4)),
     "2026-12-05T00:00:00+01:00"),
])
def test_meeting_is_over_at_its_end_or_the_end_of_its_last_day(
        start: Instant, end: Instant | None, over: str) -> None:
    meeting = Meeting(date=start, end=end, location="Kreisverwaltung, Bad Ems")
    assert meeting.over_at == at(over)


def test_a_two_day_meeting_is_still_upcoming_on_its_first_afternoon() -> None:
    meeting = Meeting(date=Instant.from_date(date(2026, 2, 24)),
                      end=Instant.from_date(date(2026, 2, 25)), location="Koblenz")
    assert meeting.over_at > at("2026-02-24T15:00:00+01:00")
