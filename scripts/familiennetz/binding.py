"""Turn a parsed front-matter mapping into a typed model, reporting every problem.

Everything here is derived from the model's declarations (`fields_of`): which fields
exist, which are required, types, lengths, patterns and allowed values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from .dates import BERLIN, Instant
from .fieldpath import field_and_place, sentence, subject
from .fields import FieldInfo, Shape, fields_of
from .loader import InvalidTimestamp, Marks
from .problems import Level, Problem
from .text import did_you_mean, known_values, text_problem

__all__ = ["Binder", "describe_shape"]

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2,4})$")
_MISSING = object()
# Dates beyond these are typing errors; at year 9999 converting time zones would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2099  # gzip (sitemap.xml.gz) stores times only to 2106


def describe_shape(shape: Shape) -> str:
    """German: what a value of this shape looks like."""
    return {
        "str": "ein Text",
        "int": "eine ganze Zahl größer als 0",
        "bool": "`true` oder `false`",
        "date": "ein Datum `JJJJ-MM-TT`, z. B. `2024-06-14`",
        "datetime": "Datum und Uhrzeit mit Zeitzone, z. B. `2024-06-14T10:00:00+02:00`",
        "instant": "ein Datum `JJJJ-MM-TT` oder Datum und Uhrzeit mit Zeitzone, "
                   "z. B. `2024-06-14T10:00:00+02:00`",
        "enum": "einer der Werte " + known_values(shape.choices),
        "model": "eine Gruppe eingerückter Unterfelder",
        "list": "eine Liste, z. B. `[a, b]`",
    }[shape.kind]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _show(value: object) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass
class Binder:
    """Binds one file's front matter; collects problems instead of raising."""

    display: str
    marks: Marks
    problems: list[Problem] = field(default_factory=list)

    def error(self, where: tuple[int, int] | str, rule: str, message: str) -> None:
        """`where`: a position, or the field path whose value is meant (looked up only now:
        positions cost a second parse, and valid files never need one)."""
        pos = self.marks.value(where) if isinstance(where, str) else where
        self.problems.append(Problem(self.display, pos[0], pos[1], Level.ERROR, rule, message))

    def _at(self, parent: str) -> tuple[int, int]:
        return self.marks.key(parent) if parent else (1, 1)

    def bind(self, model: type, raw: dict[str, Any], prefix: str = "",
             at: str = "") -> Any | None:
        """Bind `raw` to `model`; `at` is the path of the enclosing field ("" for the header)."""
        infos = fields_of(model)
        names = {f.name for f in infos}
        for key in raw:
            if str(key) not in names:
                self._unknown_field(str(key), prefix, names)
        values: dict[str, Any] = {}
        ok = True
        for info in infos:
            value = raw.get(info.name, _MISSING)
            path = prefix + info.name
            if value is _MISSING or value is None or value == "":
                if info.required:
                    self._missing(info, path, at, empty=value is not _MISSING)
                    ok = False
                continue
            bound = self._value(info, info.shape, value, path)
            if bound is _MISSING:
                ok = False
            else:
                values[info.name] = bound
        one_of = getattr(model, "REQUIRE_ONE_OF", ())
        if one_of and not any(name in values for name in one_of):
            self.error(self._at(at), "missing-field", f"{sentence(subject(prefix.rstrip('.')))} braucht "
                       f"mindestens eines der Felder {known_values(one_of)} — ergänzen Sie etwa die Zeile "
                       f"`{one_of[0]}: …`.")
            ok = False
        return model(**values) if ok else None

    def _unknown_field(self, key: str, prefix: str, names: set[str]) -> None:
        guess = did_you_mean(key, names)
        allowed = known_values(names, limit=40)
        name, where = field_and_place(prefix + key)
        hint = f"meinten Sie `{field_and_place(prefix + guess)[0]}`?" if guess else \
            f"erlaubt sind: {allowed}"
        self.error(self.marks.key(prefix + key), "unknown-field",
                   f"unbekanntes Feld `{name}`{where} — {hint}")

    def _missing(self, info: FieldInfo, path: str, at: str, *, empty: bool) -> None:
        what = "ist leer" if empty else "fehlt"
        example = f" — Beispiel: `{info.name}: {_example(info)}`" if info.doc.example else \
            _choices(info) or f" — ergänzen Sie die Zeile `{info.name}: …`"
        pos = self.marks.key(path, self._at(at)) if empty else self._at(at)
        name, where = field_and_place(path)
        self.error(pos, "missing-field", f"Pflichtfeld `{name}` ({info.doc.label}) {what}"
                   f"{where}{example}")

    def _wrong(self, info: FieldInfo, shape: Shape, value: object, path: str, extra: str = "") -> Any:
        self.error(self.marks.value(path), "wrong-type", f"{_named(path, info)} muss "
                   f"{describe_shape(shape)} sein, nicht `{_show(value)}`{extra}")
        return _MISSING

    def _value(self, info: FieldInfo, shape: Shape, value: Any, path: str) -> Any:
        kind = shape.kind
        if kind == "str":
            return self._string(info, shape, value, path)
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                return self._wrong(info, shape, value, path)
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                return self._wrong(info, shape, value, path)
            return value
        if kind in ("date", "datetime", "instant"):
            return self._temporal(info, shape, value, path)
        if kind == "enum":
            if value not in shape.choices:
                guess = did_you_mean(str(value), shape.choices)
                hint = f"meinten Sie `{guess}`? " if guess else ""
                self.error(self.marks.value(path), "invalid-value",
                           f"{_named(path, info)}: unbekannter Wert `{_show(value)}` — "
                           f"{hint}erlaubt sind: {known_values(shape.choices, limit=20)}")
                return _MISSING
            return value
        if kind == "model":
            if not isinstance(value, dict):
                return self._wrong(info, shape, value, path)
            assert shape.model is not None
            bound = self.bind(shape.model, value, f"{path}.", path)
            return _MISSING if bound is None else bound
        return self._list(info, shape, value, path)

    def _list(self, info: FieldInfo, shape: Shape, value: Any, path: str) -> Any:
        if not isinstance(value, list):
            return self._wrong(info, shape, value, path,
                               f" — schreiben Sie `{info.name}: [{_show(value)}]`")
        if info.doc.min_items and len(value) < info.doc.min_items:
            self.error(self.marks.value(path), "missing-field", f"{_named(path, info)} "
                       f"braucht mindestens {info.doc.min_items} Eintrag.")
            return _MISSING
        assert shape.item is not None
        if None in value or "" in value:
            self.error(path, "missing-field", f"{_named(path, info)} enthält einen leeren "
                       "Eintrag — löschen Sie ihn oder tragen Sie einen Wert ein.")
            return _MISSING
        items = [self._value(info, shape.item, v, f"{path}.{i}") for i, v in enumerate(value)]
        if _MISSING in items:
            return _MISSING
        if len(items) > 1 and isinstance(items[0], str) and len(set(items)) < len(items):
            seen: set[object] = set()
            for index, item in enumerate(items):
                if item in seen:
                    self.error(f"{path}.{index}", "duplicate-entry",
                               f"{_named(path, info)} enthält `{_show(item)}` zweimal — "
                               f"löschen Sie den {index + 1}. "
                               "Eintrag.")
                    return _MISSING
                seen.add(item)
        return tuple(items)

    def _string(self, info: FieldInfo, shape: Shape, value: Any, path: str) -> Any:
        if not isinstance(value, str) or isinstance(value, InvalidTimestamp):
            return self._wrong(info, shape, value, path,
                               f" — setzen Sie den Wert in Anführungszeichen: `\"{_show(value)}\"`")
        text = value.strip()
        doc = info.doc
        if (problem := text_problem(text, plain=doc.plain)) is not None:
            rule, message = problem
            self.error(path, rule, f"{_named(path, info)} {message}")
        elif doc.min_len and len(text) < doc.min_len:
            self.error(path, "length", f"{_named(path, info)} ist zu kurz: {len(text)} Zeichen, "
                       f"mindestens {doc.min_len}.")
        elif doc.max_len and len(text) > doc.max_len:
            self.error(path, "length", f"{_named(path, info)} ist zu lang: {len(text)} Zeichen, "
                       f"höchstens {doc.max_len} — kürzen Sie den Text.")
        elif doc.pattern and not _compiled(doc.pattern).match(text):
            self.error(path, "invalid-value", f"{_named(path, info)}: `{_show(text)}` ist keine "
                       f"gültige Angabe — erwartet ist {doc.pattern_hint}.")
        else:
            return text  # the message's subject is worded only for a problem: most have none
        return _MISSING

    def _temporal(self, info: FieldInfo, shape: Shape, value: Any, path: str) -> Any:
        pos = path
        label = _Named(path, info)  # worded only if a message needs it
        if isinstance(value, InvalidTimestamp):
            self.error(pos, "invalid-date", f"{label}: `{value}` ist kein mögliches Datum — gibt es "
                       "diesen Tag im Kalender?")
            return _MISSING
        if isinstance(value, date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.error(pos, "invalid-date", f"{label}: `{value.isoformat()}` liegt nicht zwischen "
                       f"{FIRST_YEAR} und {LAST_YEAR} — ist die Jahreszahl vertippt?")
            return _MISSING
        if isinstance(value, str) and (m := _GERMAN_DATE.match(value.strip())):
            day, month, year = (int(g) for g in m.groups())
            year = year + 2000 if year < 100 else year
            try:  # never suggest `2024-02-31` for `31.02.2024`
                date(year, month, day)
            except ValueError:
                self.error(pos, "invalid-date", f"{label}: `{value}` ist kein mögliches Datum — "
                           "schreiben Sie es als `JJJJ-MM-TT`, z. B. `2024-06-14`.")
                return _MISSING
            self.error(pos, "invalid-date", f"{label}: `{value}` ist deutsch geschrieben — "
                       f"schreiben Sie `{year:04d}-{month:02d}-{day:02d}` (JJJJ-MM-TT).")
            return _MISSING
        if isinstance(value, datetime):
            if value.tzinfo is None:
                local = value.replace(tzinfo=BERLIN)
                self.error(pos, "invalid-date", f"{label}: Uhrzeit ohne Zeitzone — schreiben Sie "
                           f"`{local.isoformat()}` (Zeitzone für Deutschland).")
                return _MISSING
            if shape.kind == "date":
                return self._wrong(info, shape, value, path)
            return value.astimezone(BERLIN) if shape.kind == "datetime" else Instant.from_datetime(value)
        if isinstance(value, date):
            if shape.kind == "datetime":
                return self._wrong(info, shape, value, path, " — mit Uhrzeit, z. B. "
                                   f"`{value.isoformat()}T10:00:00+02:00`")
            return value if shape.kind == "date" else Instant.from_date(value)
        return self._wrong(info, shape, value, path)


class _Named:
    """`_named`, worded when formatted: most values have no problem to report."""

    def __init__(self, path: str, info: FieldInfo) -> None:
        self.path, self.info = path, info

    def __format__(self, spec: str) -> str:
        return format(_named(self.path, self.info), spec)


def _named(path: str, info: FieldInfo) -> str:
    """A message's subject: "`title` (Titel)", "Der 2. Eintrag von `tags` (Schlagworte)"."""
    return sentence(subject(path, info.doc.label))


def _choices(info: FieldInfo) -> str:
    """" — erlaubt sind: …" for a field of fixed values (or a list of them)."""
    shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
    if shape.kind != "enum":
        return ""
    return f" — erlaubt sind: {known_values(shape.choices, limit=20)}"


def _example(info: FieldInfo) -> str:
    ex = info.doc.example
    if isinstance(ex, list):
        return "[" + ", ".join(str(e) for e in ex) + "]"
    return str(ex)
