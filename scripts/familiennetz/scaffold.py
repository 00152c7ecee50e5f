"""`familiennetz new TYPE`: a new content file that passes the validator.

The questions (or options) are derived from the model: every required field, with the
known districts, topics and networks offered for references and the allowed values for
fixed lists. The file name, the date and the next free press-release number are computed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .binding import Binder, describe_shape
from .collection import Collection
from .fields import FieldInfo, Shape, fields_of
from .loader import Marks
from .text import slugify
from .types import Type

__all__ = ["Question", "build_front_matter", "next_number", "questions_for", "target_path", "write_new"]

BODY = ("Schreiben Sie hier den Text. Zwischenüberschriften beginnen mit `## `; die Überschrift "
        "der Seite kommt aus `title`.\n")


@dataclass(frozen=True, slots=True)
class Question:
    path: str  # dotted field path, e.g. "meeting.location"
    option: str  # the CLI option, e.g. "--meeting-location"
    info: FieldInfo
    choices: tuple[str, ...]  # known slugs or allowed values; empty: free text

    @property
    def prompt(self) -> str:
        return f"{self.info.doc.label} ({self.path}) – {self.info.doc.doc}"


def _known(collection: Collection, ref: str) -> tuple[str, ...]:
    return tuple(sorted(e.slug for e in collection.entries if e.type.ref == ref))


def questions_for(doctype: Type, collection: Collection) -> list[Question]:
    """Required fields (recursively), plus the one-of fields of a contact."""
    out: list[Question] = []

    def walk(model: type, prefix: str, nested: bool) -> None:
        one_of = getattr(model, "REQUIRE_ONE_OF", ())
        for info in fields_of(model):
            path = prefix + info.name
            if info.shape.kind == "model":
                if info.required:
                    assert info.shape.model is not None
                    walk(info.shape.model, f"{path}.", True)
                continue
            if info.required or (nested and (info.name in one_of or info.name == "name")):
                shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
                choices = _known(collection, info.doc.ref) if info.doc.ref else shape.choices
                option = "--" + path.replace(".", "-").replace("_", "-")
                out.append(Question(path, option, info, choices))

    walk(doctype.model, "", False)
    return out


def _convert(question: Question, text: str) -> Any:
    """A typed YAML value from what was typed; the binder judges it afterwards."""
    shape: Shape = question.info.shape
    text = text.strip()
    if shape.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if shape.kind == "int":
        return int(text) if text.isdigit() else text
    if shape.kind in ("date", "instant"):
        try:
            return date.fromisoformat(text)
        except ValueError:
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                return text
    return text


def _set(meta: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        meta = meta.setdefault(part, {})
    meta[last] = value


def next_number(collection: Collection, district: str, year: int) -> int:
    used = [e.data.number for e in collection.entries if getattr(e.data, "number", None)
            and e.data.districts[0] == district and e.data.date.day.year == year]
    return max(used, default=0) + 1


def build_front_matter(doctype: Type, answers: Mapping[str, str], collection: Collection,
                       today: date, *, number: bool = True) -> tuple[dict[str, Any], list[str]]:
    """Front matter from the answers, in model order, and German problems if any."""
    meta: dict[str, Any] = {}
    for question in questions_for(doctype, collection):
        text = answers.get(question.path)
        if question.info.name in ("date", "reviewed") and not text and "." not in question.path:
            meta[question.path] = today  # the usual case: published or checked today
            continue
        if text:
            _set(meta, question.path, _convert(question, text))
    numbered = any(f.name == "number" for f in fields_of(doctype.model))  # press releases
    if numbered and meta.get("districts") and number:
        day = meta.get("date")
        year = day.year if isinstance(day, date) else today.year
        meta = {**meta, "number": next_number(collection, meta["districts"][0], year)}
    binder = Binder("(neue Datei)", Marks())
    binder.bind(doctype.model, meta)
    problems = [p.message for p in binder.problems]
    for question in questions_for(doctype, collection):
        value = _get(meta, question.path)
        if question.info.doc.ref and value is not None:
            values = value if isinstance(value, list) else [value]
            problems += [f"`{question.path}`: `{v}` gibt es nicht — bekannt sind: "
                         f"{', '.join(question.choices)}" for v in values if v not in question.choices]
    ordered = {f.name: meta[f.name] for f in fields_of(doctype.model) if f.name in meta}
    return ordered, problems


def _get(meta: Mapping[str, Any], path: str) -> Any:
    value: Any = meta
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def target_path(root: Path, doctype: Type, meta: Mapping[str, Any]) -> Path:
    slug = slugify(str(meta.get("title", "")), max_length=60) or "neu"
    if doctype.dated:
        day = meta["date"]
        day = day.date() if isinstance(day, datetime) else day
        return root / doctype.folder / f"{day.year:04d}" / f"{day.isoformat()}-{slug}.md"
    return root / doctype.folder / f"{slug}.md"


def write_new(path: Path, meta: Mapping[str, Any], body: str = BODY) -> None:
    """Write the file; refuses to overwrite (the caller reports that in German)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=100,
                           default_flow_style=None)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(f"---\n{front}---\n\n{body}")


def ask(questions: list[Question], read: Callable[[str], str]) -> dict[str, str]:
    answers = {}
    for q in questions:
        hint = f"\n  bekannt: {', '.join(q.choices)}" if q.choices else ""
        kind = describe_shape(q.info.shape)
        answers[q.path] = read(f"{q.prompt}\n  erwartet: {kind}{hint}\n> ")
    return answers

