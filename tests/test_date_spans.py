"""When something takes place, as the site writes it (pages, cards, the home page, search):
one date where one suffices, the hours joined by a dash, Europe/Berlin throughout."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from familiennetz.dates import BERLIN, Instant, days_de, span_de
from familiennetz.types import Happening


def at(text: str) -> Instant:
    return Instant.from_datetime(datetime.fromisoformat(text))


def day(text: str) -> Instant:
    return Instant.from_date(date.fromisoformat(text))


@pytest.mark.parametrize(("start", "end", "expected"), [
    # the same day: the date once, the hours as a span
    (at("2027-03-10T14:00+01:00"), at("2027-03-10T17:30+01:00"), "10. März 2027, 14:00–17:30 Uhr"),
    (at("2027-03-10T14:00+01:00"), None, "10. März 2027, 14:00 Uhr"),
    (day("2027-03-10"), None, "10. März 2027"),
    (day("2027-03-10"), day("2027-03-10"), "10. März 2027"),
    (at("2027-03-10T14:00+01:00"), day("2027-03-10"), "10. März 2027, 14:00 Uhr"),
    # several whole days: as much written once as both days share
    (day("2027-03-10"), day("2027-03-12"), "10.–12. März 2027"),
    (day("2027-03-30"), day("2027-04-02"), "30. März – 2. April 2027"),
    (day("2026-12-30"), day("2027-01-02"), "30. Dezember 2026 – 2. Januar 2027"),
    # with times across days: both moments in full
    (at("2027-03-10T14:00+01:00"), at("2027-03-11T12:00+01:00"),
     "10. März 2027, 14:00 Uhr bis 11. März 2027, 12:00 Uhr"),
    (at("2027-03-10T14:00+01:00"), day("2027-03-11"), "10. März 2027, 14:00 Uhr bis 11. März 2027"),
])
def test_a_span_reads_as_people_say_it(start: Instant, end: Instant | None, expected: str) -> None:
    assert span_de(start, end) == expected


def test_times_are_berlin_times_whatever_offset_the_file_gave() -> None:
    # 12:00 UTC in July is 14:00 in Berlin (summer time), in January 13:00 (winter time)
    summer = Instant.from_datetime(datetime(2027, 7, 1, 12, 0, tzinfo=UTC))
    winter = Instant.from_datetime(datetime(2027, 1, 15, 12, 0, tzinfo=UTC))
    assert span_de(summer, Instant.from_datetime(summer.at + timedelta(hours=2))) == \
        "1. Juli 2027, 14:00–16:00 Uhr"
    assert span_de(winter) == "15. Januar 2027, 13:00 Uhr"
    # a night across midnight in Berlin is two days, though one day in UTC
    late = Instant.from_datetime(datetime(2027, 1, 15, 22, 30, tzinfo=UTC))
    assert span_de(late, Instant.from_datetime(late.at + timedelta(hours=1))) == \
        "15. Januar 2027, 23:30 Uhr bis 16. Januar 2027, 00:30 Uhr"


@pytest.mark.parametrize(("start", "end", "expected"), [
    (at("2027-03-10T14:00+01:00"), at("2027-03-10T17:30+01:00"),
     "Mittwoch, 10. März 2027, 14:00–17:30 Uhr"),
    (day("2027-03-10"), day("2027-03-12"), "10.–12. März 2027 (Mittwoch bis Freitag)"),
    (at("2027-03-10T14:00+01:00"), at("2027-03-11T12:00+01:00"),
     "Mittwoch, 10. März 2027, 14:00 Uhr bis Donnerstag, 11. März 2027, 12:00 Uhr"),
])
def test_the_page_adds_the_day_of_the_week(start: Instant, end: Instant | None,
                                           expected: str) -> None:
    assert span_de(start, end, weekday=True) == expected


def test_one_day_is_written_once() -> None:
    assert days_de(date(2027, 3, 10), date(2027, 3, 10)) == "10. März 2027"


def happening(start: Instant, end: Instant | None = None, *, dates: tuple[Instant, ...] = (),
              session: timedelta | None = None, cancelled: bool = False) -> Happening:
    return Happening(start, end, "Ort", datetime(2030, 1, 1, tzinfo=BERLIN), cancelled=cancelled,
                     dates=dates, session=session)


def test_a_card_labels_a_single_date_as_the_appointment() -> None:
    when = happening(at("2027-03-10T14:00+01:00"), at("2027-03-10T17:30+01:00")).when()
    assert (when.line, when.at) == ("Termin: 10. März 2027, 14:00–17:30 Uhr",
                                    at("2027-03-10T14:00+01:00"))


def test_a_series_is_the_span_of_its_dates_with_the_hours_they_share() -> None:
    evenings = tuple(at(f"2026-12-{d:02}T19:00+01:00") for d in (1, 8, 15))
    series = happening(evenings[0], at("2026-12-15T21:00+01:00"), dates=evenings,
                       session=timedelta(hours=2))
    assert series.when().line == "Reihe mit 3 Terminen: 1.–15. Dezember 2026, je 19:00–21:00 Uhr"
    mixed = (at("2027-03-30T10:00+02:00"), at("2027-04-06T15:00+02:00"))
    assert happening(mixed[0], dates=mixed).when().line == \
        "Reihe mit 2 Terminen: 30. März – 6. April 2027"  # no hours they share


def test_a_cancelled_date_says_so_first() -> None:
    when = happening(day("2026-12-05"), cancelled=True).when()
    assert when.cancelled and when.line == "Abgesagt – Termin: 5. Dezember 2026"
