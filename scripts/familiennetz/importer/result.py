"""Turning the collected draft into the ImportResult: front matter in order, and the to-dos."""

from __future__ import annotations

from .dates import has_year
from .districts import DistrictIndex
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
    if draft.credits:
        # src and alt stay empty: the file and its description are not in the text.
        front["image"] = {"src": None, "alt": None, "credit": draft.credits[0]}
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
        mentioned = index.mentions(text)
        hint = f" – im Text genannt: {', '.join(mentioned)}" if mentioned else ""
        todos.append(TODO_DISTRICTS + hint)
    return todos


def _image_todos(draft: Draft) -> list[str]:
    if not draft.credits:
        if draft.embedded_images:
            return [
                f"Die Word-Datei enthält {draft.embedded_images} Bild(er): Bilddatei ablegen "
                "und image mit src, alt und credit ergänzen"
            ]
        return []
    todos = [TODO_SRC, TODO_ALT]
    if draft.picture_notes:
        todos[1] += f" – Vorlage aus der Bildzeile: „{draft.picture_notes[0]}“"
    if len(draft.credits) > 1:
        todos.append(
            f"Mehrere Bildnachweise ({'; '.join(draft.credits)}): image hat ein Foto – "
            "image.credit zum gewählten Foto passend eintragen"
        )
    return todos


def finish(draft: Draft, body: str, index: DistrictIndex) -> ImportResult:
    """Fills `date` from the page header if no dateline was found, then lists the gaps."""
    if draft.date is None and draft.header_dates:
        value, line = draft.header_dates[0]
        draft.date = value
        draft.found.append(f"Datum: {value.isoformat()} (aus „{line}“ im Kopf der Seite)")
    found = draft.found + _date_notes(draft)
    todo: list[str] = []
    if draft.title is None:
        todo.append(TODO_TITLE)
    elif not 5 <= len(draft.title) <= 160:
        todo.append(f"Titel (title) auf 5–160 Zeichen bringen (jetzt {len(draft.title)})")
    if draft.date is None:
        todo.append(_date_todo(draft))
    todo += _district_todos(draft, index, f"{draft.title or ''}\n{body}")
    todo += [TODO_TOPICS, TODO_SUMMARY]
    todo += _image_todos(draft)
    if not body.strip():
        todo.append("Text der Mitteilung fehlt – bitte unter den Kopf (nach ---) schreiben")
    todo += draft.todo
    todo.append(TODO_PUBLISH)
    problems = list(draft.problems)
    if draft.title is None and not body.strip():
        problems.append("In der Datei steht kein Text einer Pressemitteilung.")
    return ImportResult(
        front_matter=_front_matter(draft),
        body=body,
        found=found,
        dropped=list(draft.dropped),
        todo=todo,
        problems=problems,
    )
