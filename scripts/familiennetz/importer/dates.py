"""German dates as press releases write them: 14.06.2024, 14.06.24, 14. Juni 2024, 2024-06-14."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .model import DateFinding

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3,
    "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
    r"|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?\s*(?:den\s+)?"
)
# The look-behind keeps "1.14.06.2024" or version numbers from yielding a date.
DATE = (
    r"(?<![\d.])(?:"
    r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d.]\d)"
    rf"|(?P<td>\d{{1,2}})\.\s*(?P<tm>{_MONTH})(?![a-zäöüß])\.?(?:\s+(?P<ty>\d{{4}}|\d{{2}}))?"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r")(?!\d)"
)
_DATE_RE = re.compile(DATE, re.IGNORECASE)
# A line that is nothing but a date, optionally with a place ("Bad Ems, 14.06.2024"),
# a weekday or a "Datum:" label: the author's own dateline.
_DATE_LINE = re.compile(
    rf"^(?:Datum\s*:\s*)?(?:[A-ZÄÖÜ][^\d,:;]{{1,60}},\s*(?:den\s+)?)?(?:{_WEEKDAY})?"
    # News sites add the time of day: "14. März 2025, 09:12 Uhr".
    rf"{DATE}(?:,?\s*(?:um\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:Uhr)?)?\s*\.?$",
    re.IGNORECASE,
)
# The same dateline opening a paragraph: "Bad Ems, 14.06.2024 – Am Donnerstag …".
_DATELINE_PREFIX = re.compile(
    rf"^[A-ZÄÖÜ][^\d,:;.]{{1,40}},\s*(?:den\s+)?(?:{_WEEKDAY})?{DATE}\s*(?:[.:]|\s[–—-])\s+",
    re.IGNORECASE,
)
# Web pages put "14.06.2024 | Pressemitteilungen" above the headline.
_DATE_META = re.compile(rf"^{DATE}\s*[|·•/–—-]\s*\S.{{0,60}}$", re.IGNORECASE)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    # Two-digit years in releases are always this century ("13.06.24").
    return 2000 + year if len(text) == 2 else year


def _value(match: re.Match[str]) -> dt.date | None:
    if match.group("d"):
        day, month, year = int(match["d"]), int(match["m"]), _year(match["y"])
    elif match.group("td"):
        day, month, year = int(match["td"]), MONTHS[match["tm"].lower()], _year(match["ty"])
    else:
        day, month, year = int(match["id"]), int(match["im"]), int(match["iy"])
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _has_year(match: re.Match[str]) -> bool:
    return not match.group("td") or match.group("ty") is not None


def iter_dates(text: str) -> Iterator[DateFinding]:
    """All dates in running text, in order; a date without year gets value None."""
    for match in _DATE_RE.finditer(text):
        yield DateFinding(_value(match), match.group(0).strip())


def has_year(raw: str) -> bool:
    """Whether a date as found by `iter_dates` names its year."""
    match = _DATE_RE.search(raw)
    return match is not None and _has_year(match)


def first_date(text: str) -> DateFinding | None:
    """The first date with a valid year in `text`, or None."""
    for finding in iter_dates(text):
        if finding.value is not None:
            return finding
    return None


def parse_date_line(line: str) -> DateFinding | None:
    """The date of a line that is only a dateline, or None."""
    if len(line) > 120:
        return None
    match = _DATE_LINE.match(line.strip())
    if match is None:
        return None
    value = _value(match)
    return DateFinding(value, line.strip()) if value is not None else None


def match_dateline_prefix(line: str) -> tuple[DateFinding, str] | None:
    """A dateline opening a paragraph: its date and the rest of the paragraph."""
    match = _DATELINE_PREFIX.match(line)
    if match is None:
        return None
    value = _value(match)
    if value is None:
        return None
    return DateFinding(value, match.group(0).strip()), line[match.end() :]


def is_date_meta_line(line: str) -> bool:
    """A web page's "date | category" line above a headline."""
    return len(line) <= 100 and _DATE_META.match(line.strip()) is not None


# The web page's own notes: "Veröffentlicht am 02.11.2026, 09:15 Uhr", "Stand: 03.11.2026",
# "Zuletzt aktualisiert: 03.11.2026, 14:27 Uhr". The date must follow the label directly,
# so that "Stand: Die Broschüre vom 12.03.2024 …" stays a sentence.
_PAGE_NOTE = re.compile(
    r"^(?:(?P<update>zuletzt\s+(?:aktualisiert|geändert|bearbeitet)(?:\s+am)?"
    r"|aktualisiert(?:\s+am)?|letzte\s+(?:aktualisierung|änderung)(?:\s+am)?)"
    r"|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|erschienen(?:\s+am)?|publiziert(?:\s+am)?"
    r"|datum\s+der\s+veröffentlichung|stand)\s*:?\s*(?:den\s+)?(?=\d)(?P<rest>.{4,60})$",
    re.IGNORECASE,
)

# After the date only a time of day or a short "| Autor" part: "Stand: 1. Januar 2026 gab es
# zwölf Kitas." is a sentence of the text.
_PAGE_NOTE_TAIL = re.compile(
    r"^\s*(?:,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}\s*(?:Uhr)?)?\s*\.?\s*(?:[|·•–—-]\s*\S.{0,40})?$",
    re.IGNORECASE,
)


def parse_page_date(line: str) -> tuple[DateFinding, bool] | None:
    """The date of a web page's publication or update note, and whether it is an update."""
    match = _PAGE_NOTE.match(line.strip())
    if match is None:
        return None
    date = _DATE_RE.match(match["rest"])
    value = _value(date) if date is not None else None
    if date is None or value is None or not _PAGE_NOTE_TAIL.match(match["rest"][date.end() :]):
        return None
    return DateFinding(value, line.strip()), match["update"] is not None
