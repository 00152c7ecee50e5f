"""Closing lines that are metadata: photo credits, "Quelle:", captions and a Sperrfrist."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .dates import first_date
from .model import Draft, Item, Picture

_CREDIT = re.compile(
    r"^\(?\s*(?:(?P<label>fotos?|bild(?:er)?|bildnachweise?|fotonachweise?|foto\(s\)|bild\(er\)"
    r"|bildquellen?|fotoquellen?|fotografie|text\s*(?:und|&|\+|/)\s*fotos?)"
    r"\s*(?::|©)|©(?!\s*\d{4}))\s*©?\s*(?P<value>\S.*?)\s*\)?$",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    r"^(?:fotos|bilder|bildnachweise|fotonachweise|foto\(s\)|bild\(er\)|bildquellen"
    r"|fotoquellen|text\s*(?:und|&|\+|/)\s*fotos)$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^\(?\s*(?:quelle|textquelle)\s*:\s*(?P<value>\S.*?)\s*\)?$", re.I)
_CAPTION = re.compile(r"^(?:bildunterschrift|bildbeschreibung|bu)\s*:\s*(?P<value>\S.*)$", re.I)
_EMBARGO = re.compile(r"^(?:sperrfrist|embargo)\s*[:!]?\s*(?P<value>.*\d.*)$", re.IGNORECASE)
_TIME = re.compile(
    r"(?<![\d.])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*Uhr|(?P<h2>\d{1,2}):(?P<m2>\d{2})(?!\d)",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s+[–—-]\s+")
_LIST = re.compile(r"\s*(?:;|,|\bund\b|&)\s*")
# A part after the dash that names an owner rather than describing the picture.
_OWNER = re.compile(
    r"verwaltung|landratsamt|kreis|stadt|amt\b|e\.\s?v\.|gmbh|agentur|stock|pixabay|unsplash"
    r"|privat|archiv|©|presse|institut|caritas|diakonie|netzwerk",
    re.IGNORECASE,
)


# "… auf dem Spielplatz. Foto: Landkreis Bad Kreuznach - Vorname Nachname": a paragraph
# that describes a picture and ends in its credit, as web pages print captions.
_INLINE = re.compile(
    r"^(?P<caption>\S.{10,400}?)(?:(?<=[.!?“”\"»«])\s+\(?|\s*\()\s*"
    r"(?:(?P<label>fotos?|bild|bildnachweis)\s*:\s*©?|©)\s*"
    r"(?P<credit>(?=[A-ZÄÖÜ©\d]|privat)[^.!?:()]{2,100}(?:e\.\s?V\.)?)\s*\)?\.?$",
    re.IGNORECASE,
)
# A caption is a short description, not a paragraph of the text.
MAX_CAPTION = 300
# A photographer's name after the dash belongs to the credit, it does not describe the picture.
_PERSON = re.compile(r"^[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){1,2}$")


@dataclass
class Credit:
    """One photo credit; `note` is what followed a dash and described the picture."""

    credit: str
    note: str | None


def _clean(value: str) -> str:
    value = value.strip()
    # Drop a sentence-final period, but keep abbreviations such as "e.V.".
    last = value.rsplit(" ", 1)[-1]
    if value.endswith(".") and "." not in last[:-1] and len(last) > 4:
        value = value[:-1]
    return value


def parse_credits(line: str) -> list[Credit] | None:
    """Credits of a "Foto: …" line, or None if the line is not one."""
    match = _CREDIT.match(line.strip())
    if match is None:
        return None
    value, label = match["value"], match["label"] or "©"
    parts = _LIST.split(value) if _PLURAL.match(label) else [value]
    credits: list[Credit] = []
    for part in (part for part in parts if part.strip()):
        pieces = _DASH.split(part, maxsplit=1)
        owner = len(pieces) == 2 and len(pieces[1].split()) <= 5 and _OWNER.search(pieces[1])
        person = len(pieces) == 2 and _PERSON.match(pieces[1].strip().rstrip("."))
        if len(pieces) == 2 and not owner and not person:
            credits.append(Credit(_clean(pieces[0]), _clean(pieces[1])))
        else:
            credits.append(Credit(_clean(part), None))
    return credits


def parse_inline_caption(line: str) -> tuple[str, list[Credit]] | None:
    """The caption and credits of a paragraph ending in "Foto: …", or None."""
    match = _INLINE.match(line.strip())
    if match is None or len(match["caption"].split()) < 3:
        return None
    credits = parse_credits(f"{match['label'] or 'Foto'}: {match['credit']}")
    return (match["caption"].strip(), credits) if credits else None


def parse_source(line: str) -> str | None:
    match = _SOURCE.match(line.strip())
    return _clean(match["value"]) if match else None


def parse_caption(line: str) -> str | None:
    match = _CAPTION.match(line.strip())
    return _clean(match["value"]) if match else None


def is_embargo_line(line: str) -> bool:
    return len(line) <= 160 and _EMBARGO.match(line.strip()) is not None


def parse_embargo(line: str) -> dt.datetime | None:
    """The moment of a "Sperrfrist: 14.06.2024, 10 Uhr" line in German time, or None.

    Without a time of day nothing is returned: choosing midnight would invent a fact.
    """
    match = _EMBARGO.match(line.strip())
    if match is None:
        return None
    day = first_date(match["value"])
    time = _TIME.search(match["value"])
    if day is None or day.value is None or time is None:
        return None
    hour = int(time["h"] or time["h2"])
    minute = int(time["m"] or time["m2"] or 0)
    if hour > 23 or minute > 59:
        return None
    try:
        zone = ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:
        return None
    return dt.datetime.combine(day.value, dt.time(hour, minute), tzinfo=zone)


def is_caption_text(line: str) -> bool:
    """Whether a line may be the caption standing on the line above its "Foto: …" line."""
    text = line.strip()
    return len(text.split()) >= 3 and len(text) <= MAX_CAPTION and parse_credits(text) is None


def record_inline_caption(line: str, draft: Draft) -> bool:
    """A paragraph that is a picture's caption with its credit; True if it was one."""
    found = parse_inline_caption(line)
    if found is None:
        return False
    caption, credits = found
    for credit in credits:
        draft.pictures.append(Picture(credit.credit, caption, line.strip()))
        draft.found.append(
            f"Bildunterschrift aus dem Text genommen: „{caption}“ – Bildnachweis: {credit.credit}"
        )
    return True


def join_caption_pairs(items: list[Item]) -> list[Item]:
    """A paragraph of a caption and its "Foto: …" line, as news sites print them under a
    photo, becomes one line "caption (Foto: …)" so that header and body read it as an
    inline caption; pairs that would not read as one stay as they are."""
    sizes = Counter(block for block, _ in items)
    result: list[Item] = []
    position = 0
    while position < len(items):
        block, line = items[position]
        following = items[position + 1] if position + 1 < len(items) else None
        if (following is not None and following[0] == block and sizes[block] == 2
                and is_caption_text(line) and parse_credits(following[1]) is not None):
            joined = f"{line.strip()} ({following[1].strip().strip('()')})"
            if parse_inline_caption(joined) is not None:
                result.append((block, joined))
                position += 2
                continue
        result.append((block, line))
        position += 1
    return result
