"""'Now' comes from one place, so tests and reproducible builds can pin it."""

from __future__ import annotations

import os
from datetime import datetime

from .dates import BERLIN

__all__ = ["ENV_NOW", "current_time"]

ENV_NOW = "FAMILIENNETZ_NOW"


def current_time(value: str | None = None) -> datetime:
    """`value` or $FAMILIENNETZ_NOW (ISO 8601, with offset) or the real clock, in Berlin."""
    text = value or os.environ.get(ENV_NOW)
    if text:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=BERLIN)
        return moment.astimezone(BERLIN)
    return datetime.now(BERLIN)
