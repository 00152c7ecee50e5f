"""`familiennetz new TYPE`: a new content file that passes the validator as a draft.

The questions (or options) are derived from the model: every required field, with the
known districts, topics and networks offered for references and the allowed values for
fixed lists, plus the optional plain fields as options. The file name and the date are
computed; a press release's number is asked for or computed from the existing releases,
saying which one it follows — never assumed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .binding import Binder, describe_shape
from .collection import Collection
from .fields import FieldInfo, Shape, fields_of
from .frontmatter_yaml import dump_front_matter
from .loader import Marks
from .text import slugify
from .types import Type

__all__ = ["BODY", "BODY_MARKER", "PAGE_BODY", "Question", "ask", "body_for",
           "build_front_matter", "extras_for", "finish", "has_draft", "is_numbered",
           "questions_for", "target_path", "write_new"]

# The placeholder text of a new item's body. It is how a gap in the body is recognised
# (the validator's draft policy looks for BODY_MARKER): keep the two together.
BODY_MARKER = "Schreiben Sie hier den Text."
BODY = (f"{BODY_MARKER} Zwischenüberschriften beginnen mit `## `; die Überschrift "
        "der Seite kommt aus `title`.\n")
# Districts, networks and topics have no `draft`: their hint is a comment, which the page
# never shows, so the new page can be published as it is.
PAGE_BODY = ("<!-- Hier kann eine Einleitung für die Seite stehen (Markdown). Zwischenüberschriften "
             "beginnen mit `## `. Diesen Kommentar können Sie löschen. -->\n")
DRAFT_COMMENT = "  # Entwurf: löschen Sie diese Zeile, wenn der Text fertig ist."


@dataclass(frozen=True, slots=True)
class Question:
    path: str  # dotted field path, e.g. "meeting.location"
    option: str  # the CLI option, e.g. "--meeting-location"
    info: FieldInfo
    choices: tuple[str, ...]  # known slugs or allowed values; empty: free text

    @property
    def prompt(self) -> str:
        return f"{self.info.doc.label} ({self.path}) – {self.info.doc.doc}"

    @property
    def defaults_to_today(self) -> bool:
        """`date` and `reviewed` of the item itself: left out, they are today."""
        return self.info.name in ("date", "reviewed") and "." not in self.path

    @property
    def dest(self) -> str:
        return self.path.replace(".", "_")


def _known(collection: Collection | None, ref: str) -> tuple[str, ...]:
    if collection is None:
        return ()
    return tuple(sorted(e.slug for e in collection.entries if e.type.ref == ref))


def _question(path: str, info: FieldInfo, collection: Collection | None) -> Question:
    shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
    choices = _known(collection, info.doc.ref) if info.doc.ref else shape.choices
    return Question(path, "--" + path.replace(".", "-").replace("_", "-"), info, choices)


def questions_for(doctype: Type, collection: Collection | None) -> list[Question]:
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
                out.append(_question(path, info, collection))

    walk(doctype.model, "", False)
    return out


def extras_for(doctype: Type, collection: Collection | None) -> list[Question]:
    """The optional fields an option can fill: plain values and lists of them, also inside
    required groups (`event.end`); optional groups such as `image` are written by hand, and
    `draft` and `number` are set by `new` itself."""
    asked = {q.path for q in questions_for(doctype, None)}
    out: list[Question] = []

    def walk(model: type, prefix: str) -> None:
        for info in fields_of(model):
            path = prefix + info.name
            item = info.shape.item if info.shape.kind == "list" else None
            if info.shape.kind == "model" and info.required and info.shape.model is not None:
                walk(info.shape.model, f"{path}.")
            elif not (path in asked or info.name in ("draft", "number") or info.required
                      or info.shape.kind == "model" or (item is not None and item.kind == "model")):
                out.append(_question(path, info, collection))

    walk(doctype.model, "")
    return out


def _convert(question: Question, text: str) -> Any:
    """A typed YAML value from what was typed; the binder judges it afterwards."""
    shape: Shape = question.info.shape
    text = text.strip()
    if shape.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if shape.kind == "int":
        return int(text) if text.isdigit() else text
    if shape.kind == "bool":
        return {"true": True, "ja": True, "false": False, "nein": False}.get(text.lower(), text)
    if shape.kind in ("date", "instant", "datetime"):
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


def _get(meta: Mapping[str, Any], path: str) -> Any:
    value: Any = meta
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def is_numbered(doctype: Type) -> bool:
    return any(f.name == "number" for f in fields_of(doctype.model))  # press releases


def has_draft(doctype: Type) -> bool:
    return any(f.name == "draft" for f in fields_of(doctype.model))


def build_front_matter(doctype: Type, answers: Mapping[str, str], collection: Collection,
                       today: date) -> tuple[dict[str, Any], list[str]]:
    """Front matter from the answers, in model order, and German problems if any."""
    meta: dict[str, Any] = {}
    asked = questions_for(doctype, collection) + extras_for(doctype, collection)
    for question in asked:
        text = answers.get(question.path)
        if question.defaults_to_today and not text:
            meta[question.path] = today  # the usual case: published or checked today
        elif text:
            _set(meta, question.path, _convert(question, text))
    binder = Binder("(neue Datei)", Marks())
    binder.bind(doctype.model, meta)
    problems = [p.message for p in binder.problems]
    for question in asked:
        value = _get(meta, question.path)
        if question.info.doc.ref and value is not None:
            values = value if isinstance(value, list) else [value]
            problems += [f"`{question.path}`: `{v}` gibt es nicht — bekannt sind: "
                         f"{', '.join(question.choices)}" for v in values if v not in question.choices]
    ordered = {f.name: meta[f.name] for f in fields_of(doctype.model) if f.name in meta}
    return ordered, problems


def finish(doctype: Type, meta: Mapping[str, Any], number: int | None) -> dict[str, Any]:
    """The number in its place in model order, and `draft: true` last (like `import`)."""
    full = {**meta, **({"number": number} if number is not None else {})}
    ordered = {f.name: full[f.name] for f in fields_of(doctype.model) if f.name in full}
    return {**ordered, "draft": True} if has_draft(doctype) else ordered


def target_path(root: Path, doctype: Type, meta: Mapping[str, Any]) -> Path:
    slug = slugify(str(meta.get("title", "")), max_length=60) or "neu"
    if doctype.dated:
        day = meta["date"]
        day = day.date() if isinstance(day, datetime) else day
        return root / doctype.folder / f"{day.year:04d}" / f"{day.isoformat()}-{slug}.md"
    return root / doctype.folder / f"{slug}.md"


def body_for(doctype: Type) -> str:
    return BODY if has_draft(doctype) else PAGE_BODY


def write_new(path: Path, meta: Mapping[str, Any], body: str = BODY) -> None:
    """Write the file; refuses to overwrite (the caller reports that in German)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    front = dump_front_matter(meta)
    if front.endswith("\ndraft: true\n"):  # (`finish` puts it last)
        front = f"{front[:-1]}{DRAFT_COMMENT}\n"
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(f"---\n{front}---\n\n{body}")


def ask(questions: list[Question], read: Callable[[str], str], today: date) -> dict[str, str]:
    answers = {}
    for q in questions:
        hint = f"\n  bekannt: {', '.join(q.choices)}" if q.choices else ""
        if q.defaults_to_today:
            hint += f"\n  leer lassen: heute ({today.isoformat()})"
        kind = "ein oder mehrere Werte, durch Komma getrennt" if q.info.shape.kind == "list" \
            else describe_shape(q.info.shape)  # (not YAML's `[a, b]`: this is typed)
        answers[q.path] = read(f"{q.prompt}\n  erwartet: {kind}{hint}\n> ")
    return answers
