"""Turning the collected draft into the ImportResult: front matter in order, and the to-dos."""

from __future__ import annotations

from .dates import has_year
from .districts import DistrictIndex
from .inference import offer_district
from .model import Draft, ImportResult

TODO_TITLE = "Titel (title) eintragen, 5–160 Zeichen"
TODO_SUMMARY = "Kurzfassung (summary) schreiben, 20–400 Zeichen"
TODO_TOPICS = "Themen (topics) eintragen"
TODO_DATE = "Datum (date) eintragen: Tag der Veröffentlichung, JJJJ-MM-TT"
TODO_DISTRICTS = "Kreis (districts) eintragen"
TODO_SRC = "Bilddatei neben die Mitteilung legen und ihren Namen in image.src eintragen"
TODO_ALT = "Alternativtext (image.alt) für das Foto beschreiben"
TODO_PUBLISH = "Alles prüfen und dann draft: true entfernen, damit die Mitteilung erscheint"
CONTACT_ORDER = ("name", "role", "organisation", "email", "phone")
MAX_DATE_NOTES = 10


def _front_matter(draft: Draft) -> dict[str, object]:
    front: dict[str, object] = {}
    if draft.title:
        front["title"] = draft.title
    if draft.date:
        front["date"] = draft.date
    if draft.number:
        front["number"] = draft.number
    if draft.embargo:
        front["embargo"] = draft.embargo
    if draft.districts:
        front["districts"] = list(draft.districts)
    if draft.pictures:
        # src stays empty: the file is not in the text; alt only as a suggestion to confirm.
        picture = draft.pictures[0]
        alt = picture.description or (draft.captions[0] if draft.captions else None)
        front["image"] = {"src": None, "alt": alt, "credit": picture.credit}
        if alt:
            draft.confirm["image.alt"] = "Vorschlag aus der Bildunterschrift, beschreibt er das Foto?"
    if draft.contact:
        contact = draft.contact
        front["contact"] = {key: contact[key] for key in CONTACT_ORDER if key in contact}
    if draft.source:
        front["source"] = draft.source
    front["draft"] = True
    return front


def _date_notes(draft: Draft) -> list[str]:
    notes: list[str] = []
    seen: set[str] = set()
    for finding in draft.text_dates:
        if finding.raw in seen:
            continue
        seen.add(finding.raw)
        if finding.value is not None:
            notes.append(f"Datum im Text: {finding.value.isoformat()} (aus „{finding.raw}“)")
        elif has_year(finding.raw):
            notes.append(f"Datum im Text „{finding.raw}“ gibt es nicht – bitte prüfen")
        else:
            notes.append(f"Datum im Text ohne Jahr: „{finding.raw}“")
    if len(notes) > MAX_DATE_NOTES:
        notes = [*notes[:MAX_DATE_NOTES], f"… und {len(notes) - MAX_DATE_NOTES} weitere Daten"]
    return notes


def _date_todo(draft: Draft) -> str:
    dated = [finding.value for finding in draft.text_dates if finding.value is not None]
    if not dated:
        return TODO_DATE
    return (
        f"{TODO_DATE} – im Text steht {dated[0].isoformat()}, das ist meist ein Termin, "
        "nicht der Tag der Veröffentlichung"
    )


def _district_todos(draft: Draft, index: DistrictIndex, text: str) -> list[str]:
    todos = [
        f"Kreis „{phrase}“ ist unbekannt – passenden Kreis (districts) eintragen oder ihn "
        "unter content/kreise/ anlegen"
        for phrase in draft.unknown_districts
    ]
    todos += [
        f"„{phrase}“ passt auf mehrere Kreise ({', '.join(slugs)}) – den richtigen Kreis "
        "(districts) eintragen"
        for phrase, slugs in draft.ambiguous_districts
    ]
    if not draft.districts and not todos:
        todos += offer_district(draft, index, text)
    if not draft.districts and not todos:
        todos.append(TODO_DISTRICTS)
    return todos


def _image_todos(draft: Draft) -> list[str]:
    if not draft.pictures:
        if draft.embedded_images:
            return [
                f"Die Datei enthält {draft.embedded_images} Bild(er): Bilddatei ablegen "
                "und image mit src, alt und credit ergänzen"
            ]
        return []
    todos = [TODO_SRC]
    first = draft.pictures[0]
    if first.description or draft.captions:
        todos.append("Alternativtext (image.alt) prüfen: der Vorschlag stammt aus der "
                     "Bildunterschrift – beschreibt er, was auf dem Foto zu sehen ist?")
    else:
        todos.append(TODO_ALT)
    if len(draft.pictures) > 1:
        listed = "; ".join(
            picture.credit + (f" („{picture.description}“)" if picture.description else "")
            for picture in draft.pictures
        )
        todos.append(
            f"Mehrere Bilder im Text ({listed}): image hat ein Foto – das erste ist eingetragen, "
            "bei Bedarf image.credit und image.alt zum gewählten Foto passend ändern"
        )
    return todos


def _date_of_today(draft: Draft) -> str | None:
    """Without a date in the text the draft is dated today, so it lands in the year's folder.

    Returns the to-do that asks to confirm it, or None if the text had a date.
    """
    if draft.date is not None or draft.today is None:
        return None
    hint = _date_todo(draft).removeprefix(TODO_DATE)
    draft.date = draft.today
    draft.confirm["date"] = "kein Datum im Text, heute eingesetzt"
    draft.found.append(f"Datum: {draft.today.isoformat()} – kein Datum im Text, heute eingesetzt")
    return f"Datum (date) prüfen: heute eingesetzt – bitte den Tag der Veröffentlichung eintragen{hint}"


def finish(draft: Draft, body: str, index: DistrictIndex) -> ImportResult:
    """Fills `date` from the page's notes if no dateline was found, then lists the gaps.

    A publication note wins over an update note; an update note still beats today's date.
    """
    page_dates = draft.page_dates or draft.update_dates
    if draft.date is None and page_dates:
        value, line, where = page_dates[0]
        draft.date = value
        draft.found.append(f"Datum: {value.isoformat()} (aus „{line}“ {where})")
        if draft.page_dates and draft.update_dates:
            draft.found.append(f"„{draft.update_dates[0][1]}“ nicht als Datum übernommen – "
                               "es zählt der Tag der Veröffentlichung")
    today_todo = _date_of_today(draft)
    todo: list[str] = []
    if draft.title is None:
        todo.append(TODO_TITLE)
    elif not 5 <= len(draft.title) <= 160:
        todo.append(f"Titel (title) auf 5–160 Zeichen bringen (jetzt {len(draft.title)})")
    if today_todo is not None:
        todo.append(today_todo)
    elif draft.date is None:
        todo.append(_date_todo(draft))
    todo += _district_todos(draft, index, body)
    todo += [TODO_TOPICS, TODO_SUMMARY]
    todo += _image_todos(draft)
    found = draft.found + _date_notes(draft)
    if not body.strip():
        todo.append("Text der Mitteilung fehlt – bitte unter den Kopf (nach ---) schreiben")
    todo += draft.todo
    todo.append(TODO_PUBLISH)
    problems = list(draft.problems)
    if draft.title is None and not body.strip():
        problems.append("In der Datei steht kein Text einer Pressemitteilung.")
    front_matter = _front_matter(draft)
    return ImportResult(
        front_matter=front_matter,
        body=body,
        found=found,
        dropped=list(draft.dropped),
        todo=todo,
        problems=problems,
        confirm=dict(draft.confirm),
    )
