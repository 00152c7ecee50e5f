"""The draft file: YAML front matter in content-model order with `# TODO:` comments for gaps."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..text import slugify
from .model import ImportResult

ORDER = (
    "title", "date", "number", "embargo", "districts", "topics", "summary", "image",
    "contact", "source", "network", "updated",
)  # fmt: skip
HEADER = "# Entwurf aus „familiennetz import“: Zeilen mit TODO ausfüllen, dann draft entfernen."
# Gaps are written as keys without value so that the validator names the field.
GAPS = {
    "title": "title:  # TODO: Titel eintragen (5–160 Zeichen)",
    "date": "date:  # TODO: Datum der Veröffentlichung eintragen (JJJJ-MM-TT)",
    "districts": "districts: []  # TODO: Kreis eintragen (Slug aus content/kreise/)",
    "topics": "topics: []  # TODO: Themen eintragen (Slugs aus content/themen/)",
    "summary": "summary:  # TODO: Kurzfassung schreiben (20–400 Zeichen, reiner Text)",
}
IMAGE_GAPS = {
    "src": "  src:  # TODO: Bilddatei ablegen und ihren Namen eintragen",
    "alt": "  alt:  # TODO: Alternativtext schreiben – was ist auf dem Foto zu sehen?",
}
MAX_SLUG = 60


def _dump(key: str, value: object) -> str:
    """One `key: value` line (flow style for lists), quoted only where YAML needs it."""
    # Flow style only for lists ("districts: [a, b]"); None would also wrap scalars in {}.
    flow = None if isinstance(value, list) else False
    text = yaml.safe_dump(
        {key: value}, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=10**6
    )
    return text.rstrip("\n")


def _checked(line: str, path: str, confirm: dict[str, str]) -> str:
    """A value the importer inferred gets its reason as a `# bitte prüfen` comment."""
    return f"{line}  # bitte prüfen – {_one_line(confirm[path])}" if path in confirm else line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mapping(key: str, value: dict[object, object], confirm: dict[str, str]) -> list[str]:
    lines = [f"{key}:"]
    for sub_key, sub_value in value.items():
        if key == "image" and sub_value is None and sub_key in IMAGE_GAPS:
            lines.append(IMAGE_GAPS[str(sub_key)])
        else:
            line = "  " + _dump(str(sub_key), sub_value)
            lines.append(_checked(line, f"{key}.{sub_key}", confirm))
    return lines


def front_matter_lines(
    front: dict[str, object], confirm: dict[str, str] | None = None
) -> list[str]:
    """YAML lines for the front matter, every gap a key with a TODO comment.

    `confirm` names inferred values (by path, "districts" or "image.alt") and why.
    """
    confirm = confirm or {}
    lines = [HEADER]
    keys = [key for key in ORDER if key in front or key in GAPS]
    keys += [key for key in front if key not in ORDER and key != "draft"]
    for key in keys:
        value = front.get(key)
        if key not in front or value in (None, "", []):
            if key in GAPS:
                lines.append(GAPS[key])
        elif isinstance(value, dict):
            lines.extend(_mapping(key, value, confirm))
        else:
            lines.append(_checked(_dump(key, value), key, confirm))
    lines.append(_dump("draft", front.get("draft", True)))
    return lines


def render_markdown(result: ImportResult) -> str:
    """The content of the draft file: front matter between `---` lines, then the body."""
    yaml_text = "\n".join(front_matter_lines(result.front_matter, result.confirm))
    return f"---\n{yaml_text}\n---\n\n{result.body}"


REPORT_SECTIONS = (
    ("Erkannt", "found"),
    ("Entfernt (gehört nicht zur Mitteilung)", "dropped"),
    ("Noch zu tun", "todo"),
)


def render_report(result: ImportResult) -> str:
    """The report `import` prints: what was found, what was dropped, what is left to do."""
    lines: list[str] = []
    for heading, name in REPORT_SECTIONS:
        entries: list[str] = getattr(result, name)
        if entries:
            lines.append(f"{heading}:")
            lines.extend(f"  - {entry}" for entry in entries)
    return "".join(f"{line}\n" for line in lines)


def _iso_day(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def suggest_filename(result: ImportResult) -> str | None:
    """The file name `YYYY-MM-DD-<slug>.md`, or None while date or title is missing."""
    title = result.front_matter.get("title")
    day = _iso_day(result.front_matter.get("date"))
    if not isinstance(title, str) or day is None:
        return None
    slug = slugify(title, max_length=MAX_SLUG)
    return f"{day}-{slug}.md" if slug else None


def draft_path(result: ImportResult) -> str | None:
    """Where the draft goes below `pressemitteilungen/`: `YYYY/YYYY-MM-DD-<slug>.md`.

    Without a title the slug is "entwurf-import"; None only without a date.
    """
    day = _iso_day(result.front_matter.get("date"))
    if day is None:
        return None
    name = suggest_filename(result) or f"{day}-entwurf-import.md"
    return f"{day[:4]}/{name}"
