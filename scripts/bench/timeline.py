"""The corpus's dates: the moment it is checked at, and the span its items are dated in."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["BERLIN", "EARLIEST_DATE", "LATEST_DATE", "REFERENCE_NOW", "STALE_BEFORE"]

BERLIN = ZoneInfo("Europe/Berlin")
# The corpus is valid when checked at this moment: nothing is dated after LATEST_DATE
# except what lies ahead by nature (a meeting's or event's date, embargoes).
REFERENCE_NOW = datetime(2026, 11, 21, tzinfo=BERLIN)
EARLIEST_DATE = date(2016, 1, 1)
LATEST_DATE = date(2026, 11, 1)
STALE_BEFORE = REFERENCE_NOW.date() - timedelta(days=365)  # an offer `reviewed` earlier → warning
