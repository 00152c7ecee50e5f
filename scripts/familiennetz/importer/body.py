"""The text after the header: closing metadata and furniture out, paragraphs kept."""

from __future__ import annotations

from collections import Counter

from .adverts import drop_after_lead_in, is_lead_in
from .blocks import Block
from .contact import FIELD_NAMES, contact_heading, is_contact_like, parse_contact
from .credits import (
    is_caption_text,
    is_embargo_line,
    parse_caption,
    parse_credits,
    parse_inline_caption,
    parse_source,
    record_inline_caption,
)
from .dates import iter_dates, parse_date_line, parse_page_date
from .districts import DistrictIndex
from .furniture import is_author_heading, is_furniture
from .header import record_embargo, set_date, strip_openers
from .model import Draft, Item, Picture

MAX_CONTACT_LINES = 12
MAX_TEXT_DATES = 50


def _strip_first_openers(items: list[Item], draft: Draft, index: DistrictIndex) -> list[Item]:
    """The lead may open the first or second paragraph instead of standing on its own."""
    result = list(items)
    # A caption under the title is a picture, not the first paragraph of the text.
    first_lines = [
        n
        for n, item in enumerate(result)
        if (n == 0 or item[0] != result[n - 1][0]) and parse_inline_caption(item[1]) is None
    ]
    for order, position in enumerate(first_lines[:2]):
        block, line = result[position]
        rest = strip_openers(line, draft, index, district=order == 0)
        if rest is not None:
            result[position] = (block, rest)
    return [item for item in result if item[1]]


def _is_metadata(line: str) -> bool:
    return (
        is_furniture(line)
        or parse_credits(line) is not None
        or parse_source(line) is not None
        or parse_caption(line) is not None
        or is_embargo_line(line)
        or parse_date_line(line) is not None
        or contact_heading(line) is not None
    )


def _collect_contact(items: list[Item], position: int, first: str) -> tuple[list[str], int]:
    """Lines of a contact block starting at `position`, and the position after it.

    A block may continue over paragraph breaks only while every paragraph so far was a
    single line: that is how Word files look, where each contact line is a paragraph.
    """
    sizes = Counter(block for block, _ in items)
    lines = [first] if first else []
    current = items[position - 1][0]
    may_cross = sizes[current] == 1
    while position < len(items) and len(lines) < MAX_CONTACT_LINES:
        block, line = items[position]
        if block != current:
            if not may_cross:
                break
            current, may_cross = block, sizes[block] == 1
        if _is_metadata(line) or not is_contact_like(line):
            break
        lines.append(line)
        position += 1
    return lines, position


def _record_contact(heading: str, lines: list[str], draft: Draft) -> None:
    contact = parse_contact(lines)
    draft.found.append(f"Kontaktblock „{heading.strip()}“ aus dem Text genommen")
    for key, value in contact.fields.items():
        draft.contact[key] = value
        draft.found.append(f"Kontakt – {FIELD_NAMES[key]}: {value}")
    for part in contact.extra:
        draft.found.append(f"Kontakt – nicht übernommen, dafür gibt es kein Feld: „{part}“")
    for part in contact.unassigned:
        draft.todo.append(
            f"Kontaktangabe „{part}“ keinem Feld zugeordnet – bei Bedarf in contact eintragen"
        )


def _same_picture(credit: str, draft: Draft) -> bool:
    """Whether a bare credit repeats the first picture's ("Kreisverwaltung Rhein-Lahn" under
    a caption credited "Kreisverwaltung Rhein-Lahn - Vorname Nachname")."""
    if not draft.pictures:
        return False
    first = draft.pictures[0].credit.casefold()
    return first.startswith(credit.casefold().rstrip(". "))


def _record_credits(line: str, draft: Draft, caption: str | None) -> None:
    credits = parse_credits(line) or []
    bare = caption is None and len(credits) == 1 and credits[0].note is None
    if bare and _same_picture(credits[0].credit, draft):
        draft.found.append(f"Bildnachweis „{line.strip()}“ gehört zum ersten Bild – kein "
                           "weiteres Bild")
        return
    for credit in credits:
        description = credit.note or caption
        draft.pictures.append(Picture(credit.credit, description, line.strip()))
        if caption is not None:
            draft.found.append(f"Bildunterschrift aus dem Text genommen: „{caption}“ – "
                               f"Bildnachweis: {credit.credit}")
            continue
        draft.found.append(f"Bildnachweis: {credit.credit} (aus „{line.strip()}“)")
        if credit.note:
            draft.found.append(f"Bildbeschreibung aus der Bildzeile: „{credit.note}“")


def _caption_above(kept: list[Item], block: int, sizes: Counter[int]) -> str | None:
    """A caption on the line above its "Foto: …" line, the two alone in their paragraph."""
    if not kept or kept[-1][0] != block or sizes[block] != 2 or not is_caption_text(kept[-1][1]):
        return None
    return kept.pop()[1].strip()


def _drop_author_box(items: list[Item], position: int, draft: Draft) -> int:
    """Drops an author box ("Über die Autorin" and the paragraph under it); the next position."""
    block, heading = items[position - 1]
    draft.dropped.append(heading.strip())
    alone = position >= len(items) or items[position][0] != block
    box = items[position][0] if alone and position < len(items) else block
    while position < len(items) and items[position][0] == box:
        draft.dropped.append(items[position][1].strip())
        position += 1
    return position


def _record_other(line: str, draft: Draft) -> bool:
    """Source, caption, Sperrfrist and furniture lines; True if the line was one."""
    source = parse_source(line)
    caption = parse_caption(line)
    if is_furniture(line):
        draft.dropped.append(line.strip())
        page = parse_page_date(line)
        if page is not None:  # the page's "Veröffentlicht am …" under the text still dates it
            draft.note_page_date(page[0], page[1], "auf der Seite")
    elif source is not None and draft.source is None:
        draft.source = source
        draft.found.append(f"Quelle: {source}")
    elif source is not None:
        draft.found.append(f"Weitere Quelle „{source}“ nicht übernommen")
    elif caption is not None:
        draft.captions.append(caption)
        draft.found.append(f"Bildunterschrift aus dem Text genommen: „{caption}“")
    elif is_embargo_line(line):
        record_embargo(line, draft)
    else:
        return False
    return True


def read_body(items: list[Item], draft: Draft, index: DistrictIndex) -> list[Block]:
    """Sorts every line of the text into metadata or body and returns the body paragraphs."""
    items = _strip_first_openers(items, draft, index)
    sizes = Counter(block for block, _ in items)
    kept: list[Item] = []
    position = 0
    while position < len(items):
        block, line = items[position]
        position += 1
        if is_author_heading(line):
            position = _drop_author_box(items, position, draft)
            continue
        if _record_other(line, draft) or record_inline_caption(line, draft):
            if is_lead_in(line):
                position = drop_after_lead_in(items, position, draft)
            continue
        if parse_credits(line) is not None:
            _record_credits(line, draft, _caption_above(kept, block, sizes))
            continue
        heading = contact_heading(line)
        if heading is not None and not draft.contact:
            lines, after = _collect_contact(items, position, heading)
            if lines:
                _record_contact(line, lines, draft)
                position = after
                continue
        finding = parse_date_line(line) if sizes[block] == 1 else None
        if finding is not None:
            set_date(draft, finding)
            continue
        if len(draft.text_dates) < MAX_TEXT_DATES:
            draft.text_dates.extend(iter_dates(line))
        kept.append((block, line))
    blocks: dict[int, Block] = {}
    for block, line in kept:
        blocks.setdefault(block, []).append(line)
    return list(blocks.values())
