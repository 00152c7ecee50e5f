"""Rules across the collection.

- `unknown-slug`: every field declared with `ref=` in the model must name an existing
  district, topic or network (did-you-mean and the known values in the message).
- `duplicate-slug`: two files of one type with the same slug would share a URL.
- `duplicate-number`: a press release number is unique per first district and year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..documents import Entry, Unbound
from ..problems import Level, Problem
from ..references import raw_references, references_of
from ..text import did_you_mean, known_values
from ..types import REFERENCE_TYPES

__all__ = ["check_references"]


_LABELS = {t.ref: (t.label, t.folder) for t in REFERENCE_TYPES}


def check_references(entries: list[Entry], known: Mapping[str, set[str]],
                     unbound: Iterable[Unbound] = ()) -> list[Problem]:
    problems: list[Problem] = []

    def add(entry: Entry | Unbound, pos: tuple[int, int], rule: str, message: str) -> None:
        problems.append(Problem(entry.display, pos[0], pos[1], Level.ERROR, rule, message))

    for doc in unbound:
        for path, ref, slug in raw_references(doc):
            if slug not in known[ref]:
                add(doc, doc.marks.value(path), "unknown-slug", _unknown(ref, slug, path, known))

    by_slug: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_number: dict[tuple[str, int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        by_slug[(entry.type.folder, entry.slug)].append(entry)
        data = entry.data
        if getattr(data, "number", None) is not None:  # numbered: press releases
            by_number[(data.districts[0], data.date.day.year, data.number)].append(entry)
        for path, ref, slug in references_of(data):
            if slug in known[ref]:
                continue
            add(entry, entry.marks.value(path), "unknown-slug", _unknown(ref, slug, path, known))
    for (folder, slug), group in by_slug.items():
        for entry in group[1:]:
            add(entry, (1, 1), "duplicate-slug", f"Der Name `{slug}` ist in `{folder}/` schon "
                f"vergeben ({group[0].display}) — wählen Sie einen anderen Dateinamen.")
    for (district, year, number), group in by_number.items():
        for entry in group[1:]:
            add(entry, entry.marks.value("number"), "duplicate-number", f"`number` (Nummer): "
                f"Nr. {number} gibt es für `{district}` im Jahr {year} schon ({group[0].display}) "
                f"— die nächste freie Nummer ist {_next_free(by_number, district, year)}.")
    return problems


def _unknown(ref: str, slug: str, path: str, known: Mapping[str, set[str]]) -> str:
    label, folder = _LABELS[ref]
    guess = did_you_mean(slug, known[ref])
    hint = f"meinten Sie `{guess}`?" if guess else f"bekannt sind: {known_values(known[ref])}."
    return (f"{label} `{slug}` gibt es nicht (in `{path}`) — {hint} Neue Einträge legen Sie in "
            f"`content/{folder}/` an.")


def _next_free(by_number: Mapping[tuple[str, int, int], list[Entry]], district: str,
               year: int) -> int:
    used = [n for (d, y, n) in by_number if d == district and y == year]
    return max(used, default=0) + 1
