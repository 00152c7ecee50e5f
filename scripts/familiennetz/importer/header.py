"""The lines before the text: title, lead, dateline, Sperrfrist and web page furniture."""

from __future__ import annotations

import re

from .contact import contact_heading
from .credits import (
    is_embargo_line,
    parse_caption,
    parse_credits,
    parse_embargo,
    parse_inline_caption,
    parse_source,
    record_inline_caption,
)
from .dates import (
    first_date,
    is_date_meta_line,
    match_dateline_prefix,
    parse_date_line,
    parse_page_date,
)
from .districts import DistrictIndex
from .furniture import UPDATE_NOTE, is_furniture
from .labels import is_category_line, is_masthead
from .lead import Lead, parse_district_lead, parse_label, parse_number_lead
from .model import DateFinding, Draft, Item

MAX_TITLE = 200  # longer first lines are a paragraph, not a headline
HEAD = "im Kopf der Seite"
_LOOK_AHEAD = 5  # lines between a site's name and its headline (dates, labels, a photo)


def set_date(draft: Draft, finding: DateFinding) -> None:
    """Takes the first dateline as `date`; later ones are only reported."""
    if finding.value is None:
        return
    if draft.date is None:
        draft.date = finding.value
        draft.found.append(f"Datum: {finding.value.isoformat()} (aus „{finding.raw}“)")
    elif finding.value != draft.date:
        draft.found.append(f"Weiteres Datum „{finding.raw}“ nicht übernommen")


def record_embargo(line: str, draft: Draft) -> None:
    value = parse_embargo(line)
    if value is not None and draft.embargo is None:
        draft.embargo = value
        draft.found.append(f"Sperrfrist: {value.isoformat()} (aus „{line.strip()}“)")
        return
    draft.found.append(f"Sperrfrist-Zeile „{line.strip()}“ aus dem Text genommen")
    draft.todo.append(
        f"Sperrfrist „{line.strip()}“ prüfen: embargo mit Datum, Uhrzeit und Zeitzone "
        "eintragen (z. B. 2024-06-14T10:00:00+02:00)"
    )


def _record_lead(lead: Lead, draft: Draft, index: DistrictIndex) -> None:
    if lead.number is not None:
        draft.lead_seen = True
        if lead.number > 0 and draft.number is None:
            draft.number = lead.number
            draft.found.append(f"Nummer: {lead.number}")
            if lead.year is not None:
                draft.found.append(f"Jahrgang der Nummer: {lead.year}")
        elif lead.number == 0:
            draft.found.append("Nummer 0 ist keine gültige Nummer – nicht übernommen")
    if lead.district_raw is not None and lead.resolution is not None:
        shown = lead.district_raw.rstrip(" –—-")
        for slug in lead.resolution.slugs:
            if draft.add_district(slug):
                draft.found.append(f"Kreis: {index.title(slug)} (aus „{shown}“)")
        draft.unknown_districts.extend(lead.resolution.unknown)
        draft.ambiguous_districts.extend(lead.resolution.ambiguous)
    fields = ["number"] if lead.number else []
    fields += ["districts"] if lead.resolution is not None and lead.resolution.slugs else []
    where = f" – steht jetzt in {' und '.join(fields)}" if fields else ""
    draft.found.append(f"Vorspann „{lead.consumed}“ aus dem Text genommen{where}")


_BOLD_OPENER = re.compile(r"^(\*\*|__)(?P<inner>[^*_]{3,120}?)\1\s+(?=\S)")


def _unbold_opener(line: str) -> str:
    """"**Saarlouis, 03.07.2025.** Seit …": a bold dateline or lead is read without the stars."""
    match = _BOLD_OPENER.match(line)
    if match is None:
        return line
    plain = match["inner"] + " " + line[match.end() :]
    return plain if match_dateline_prefix(plain) or _NUMBER_START.match(plain) else line


_NUMBER_START = re.compile(r"^(?:Nr\.?|Nummer|Presse\w*\s+Nr)", re.IGNORECASE)


def strip_openers(line: str, draft: Draft, index: DistrictIndex, district: bool) -> str | None:
    """Removes a lead and a dateline from the start of a line; None if it had neither."""
    rest, changed = _unbold_opener(line), False
    for _ in range(3):
        lead = None if draft.lead_seen else parse_number_lead(rest, index)
        if lead is None and district and not draft.districts and not draft.unknown_districts:
            lead = parse_district_lead(rest, index)
        if lead is not None:
            _record_lead(lead, draft, index)
            rest, changed = lead.rest, True
            continue
        dateline = match_dateline_prefix(rest)
        if dateline is None:
            break
        set_date(draft, dateline[0])
        rest, changed = dateline[1], True
    return rest.strip() if changed else None


def as_title(line: str) -> str | None:
    """The headline text of a line ("# …" and "**…**" removed), or None if it is none."""
    title = re.sub(r"^#{1,6}\s+|\s+#+$", "", line.strip())
    title = re.sub(r"^(\*\*|__)(.+)\1$", r"\2", title).strip()
    if not title or len(title) > MAX_TITLE or not any(char.isalpha() for char in title):
        return None
    return title


def is_closing_line(line: str) -> bool:
    """Credit, source, caption or contact heading: these belong to the body pass."""
    return (
        parse_credits(line) is not None
        or parse_source(line) is not None
        or parse_caption(line) is not None
        or contact_heading(line) is not None
    )


def _note_header_date(line: str, draft: Draft) -> None:
    page = parse_page_date(line)
    if page is not None:
        draft.note_page_date(page[0], page[1], HEAD)
        return
    finding = first_date(line)
    if finding is not None and not UPDATE_NOTE.search(line):
        draft.note_page_date(DateFinding(finding.value, line.strip()), False, HEAD)


def _is_dropped(line: str, draft: Draft, index: DistrictIndex) -> bool:
    """Labels and furniture above the headline; they may still name the date or issuer."""
    label = parse_label(line, index)
    if label is None and not is_furniture(line) and not is_date_meta_line(line):
        return False
    draft.dropped.append(line.strip())
    _note_header_date(line, draft)
    for slug in label.slugs if label else []:
        if draft.add_district(slug):
            draft.found.append(f"Kreis: {index.title(slug)} (aus „{line.strip()}“)")
    return True


def _is_headline(line: str, index: DistrictIndex) -> bool:
    """Whether a line can be the headline under a category label: not a sentence, no lead."""
    title = as_title(line)
    return (
        title is not None
        and len(title.split()) >= 3
        and not title.endswith(".")
        and not is_furniture(line)
        and parse_number_lead(line, index) is None
        and parse_date_line(line) is None
        and not is_closing_line(line)
    )


def _skipped_above_title(line: str, index: DistrictIndex) -> bool:
    """Lines a news site puts between its name and the headline: dates, labels, captions."""
    return (
        (is_category_line(line) and not _is_headline(line, index))
        or parse_date_line(line) is not None
        or is_date_meta_line(line)
        or is_furniture(line)
        or parse_inline_caption(line) is not None
    )


def _is_label_above_title(
    items: list[Item], position: int, draft: Draft, index: DistrictIndex
) -> bool:
    """A category or site name before the headline: dropped and listed, never the title.

    Category and site name may stand on two lines ("Region · Lokales" / "Kreiszeitung"),
    and the page's date or a photo may stand between the site name and the headline.
    """
    line = items[position][1]
    if draft.title is not None or not (is_masthead(line) or is_category_line(line)):
        return False
    following = [text for _, text in items[position + 1 : position + 1 + _LOOK_AHEAD]]
    while following and _skipped_above_title(following[0], index):
        following = following[1:]
    if not following or not _is_headline(following[0], index):
        return False
    draft.dropped.append(line.strip())
    return True


def read_header(items: list[Item], draft: Draft, index: DistrictIndex) -> list[Item]:
    """Consumes everything up to the first line of the text and returns the rest."""
    position = 0
    while position < len(items):
        block, line = items[position]
        finding = parse_date_line(line)
        district = index.strong_slug(line.strip().rstrip(".:"))
        if _is_dropped(line, draft, index) or _is_label_above_title(items, position, draft, index):
            pass
        elif finding is not None:
            set_date(draft, finding)
        elif is_embargo_line(line):
            record_embargo(line, draft)
        elif draft.title is None and record_inline_caption(line, draft):
            pass  # a photo with its caption above the headline, as web pages show it
        elif district is not None:
            if draft.add_district(district):
                draft.found.append(f"Kreis: {index.title(district)} (aus „{line.strip()}“)")
        elif is_closing_line(line):
            break
        else:
            rest = strip_openers(line, draft, index, district=draft.title is not None)
            if rest:
                items[position] = (block, rest)
                break
            if rest is None:
                title = as_title(line) if draft.title is None else None
                if title is None:
                    break
                draft.title = title
                draft.found.append(f"Titel: {title}")
        position += 1
    return items[position:]
