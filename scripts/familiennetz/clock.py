"""'Now' comes from one place, so tests and reproducible builds can pin it."""

from __future__ import annotations

import os
from datetime import datetime

from .dates import BERLIN

__all__ = ["ENV_NOW", "InvalidNow", "current_time"]

ENV_NOW = "FAMILIENNETZ_NOW"


class InvalidNow(ValueError):
    """A mistyped --now or $FAMILIENNETZ_NOW; the message is German."""


def current_time(value: str | None = None) -> datetime:
    """`value` or $FAMILIENNETZ_NOW (ISO 8601, with offset) or the real clock, in Berlin."""
    text = value or os.environ.get(ENV_NOW)
    if text:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidNow(f"Zeitpunkt `{text}` (--now oder {ENV_NOW}) ist kein Datum nach "
                             "ISO 8601 — z. B. `2026-11-21T12:00:00+01:00`.") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=BERLIN)
        if not 1900 <= moment.year <= 2099:  # as for dates in content (binding.LAST_YEAR)
            raise InvalidNow(f"Zeitpunkt `{text}` (--now oder {ENV_NOW}) liegt nicht zwischen "
                             "1900 und 2099.")
        return moment.astimezone(BERLIN)
    return datetime.now(BERLIN)
