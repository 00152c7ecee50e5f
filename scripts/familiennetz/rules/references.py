"""Rules across the collection, each checked on one file against the tree's indexes.

- `unknown-slug`: every field declared with `ref=` in the model must name an existing
  district, topic or network (did-you-mean and the known values in the message).
- `duplicate-slug`: two files of one type with the same slug would share a URL, and so
  would two pages that MkDocs writes to one address (`a.md` and `a/index.md`).
- `duplicate-number`: a press release number is unique per first district and year.

Of two files that clash, the one to blame is the one that is new or changed relative to
Git's `HEAD` (`blame.py`); when both or neither are, the later one by date, then by path.
The other keeps its name or number, and the message names it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from ..documents import Entry, TextPage, Unbound, taken_by_type
from ..fieldpath import place
from ..problems import Problem
from ..references import raw_references, references_of
from ..scan import BodyScan
from ..text import did_you_mean, known_values
from ..types import BY_REF
from .base import Checker, Context, Doc, Rule, problem

__all__ = ["CHECKER", "RULES", "indexes"]

UNKNOWN_SLUG = Rule("unknown-slug", "Einen genannten Kreis, ein Thema oder ein Netzwerk gibt es "
                    "nicht.", "Den vorgeschlagenen Kurznamen nehmen. Fehlt etwas wirklich, "
                    "bitten Sie die Redaktion, es anzulegen.")
DUPLICATE_SLUG = Rule("duplicate-slug", "Eine andere Datei derselben Art hat schon denselben "
                      "Namen (auch in einem anderen Jahr), oder zwei Seiten hätten dieselbe "
                      "Adresse.", "Einen anderen Namen wählen.")
DUPLICATE_NUMBER = Rule("duplicate-number", "Die Nummer ist für den ersten Kreis in diesem "
                        "Jahr schon vergeben.", "Die vorgeschlagene nächste freie Nummer nehmen.")
RULES = (UNKNOWN_SLUG, DUPLICATE_SLUG, DUPLICATE_NUMBER)

NumberKey = tuple[str, int, int]  # (first district, year, number)


def _blame_order(changed: frozenset[str] | None) -> Callable[[Doc], tuple[bool, float, str]]:
    """The order within a group of clashing files: the first keeps its name; unchanged files
    before new or changed ones, then the earlier by date, then by path."""
    def key(doc: Doc) -> tuple[bool, float, str]:
        day = getattr(getattr(doc, "data", None), "date", None)
        at = getattr(day, "at", None)
        when = at.timestamp() if isinstance(at, datetime) else float("-inf")
        return (changed is not None and doc.src in changed, when, doc.src)
    return key


def indexes(docs: Iterable[Doc], changed: frozenset[str] | None = None
            ) -> dict[str, Mapping[object, Sequence[Doc]]]:
    """The context's indexes, each group in blame order (the first one keeps its name):
    entries by (folder, slug) and by number, entries and pages by address. `changed`: the
    files new or changed relative to Git's HEAD, None when Git cannot tell."""
    by_slug: dict[object, list[Doc]] = defaultdict(list)
    by_number: dict[object, list[Doc]] = defaultdict(list)
    by_url: dict[object, list[Doc]] = defaultdict(list)
    for doc in docs:
        if isinstance(doc, Entry):
            by_slug[(doc.type.folder, doc.slug)].append(doc)
            data = doc.data
            if getattr(data, "number", None) is not None:  # numbered: press releases
                by_number[(data.districts[0], data.date.day.year, data.number)].append(doc)
        if isinstance(doc, Entry) or (isinstance(doc, TextPage)
                                      and taken_by_type(doc.src.split("/")) is None):
            by_url[doc.url].append(doc)
    order = _blame_order(changed)
    # Entries keep their address; a page in their way is the one reported.
    by_url = {url: sorted(group, key=lambda d: (isinstance(d, TextPage), order(d)))
              for url, group in by_url.items()}
    return {"by_slug": {k: sorted(g, key=order) for k, g in by_slug.items()},
            "by_number": {k: sorted(g, key=order) for k, g in by_number.items()},
            "by_url": by_url}


def check_references(doc: Doc, scan: BodyScan, context: Context) -> list[Problem]:
    problems: list[Problem] = []
    found = raw_references(doc) if isinstance(doc, Unbound) else \
        references_of(doc.data) if isinstance(doc, Entry) else ()
    for path, ref, slug in found:
        if slug not in context.known[ref]:
            problems.append(problem(doc, doc.marks.value(path), UNKNOWN_SLUG,
                                    _unknown(ref, slug, path, context.known)))
    if isinstance(doc, Entry):
        group = context.by_slug.get((doc.type.folder, doc.slug), [doc])
        if group[0] is not doc:
            problems.append(replace(problem(
                doc, (1, 1), DUPLICATE_SLUG, f"Der Name `{doc.slug}` ist in `{doc.type.folder}/` "
                f"schon vergeben ({group[0].display}) — wählen Sie einen anderen Dateinamen."),
                involves=(group[0].display,)))
        data = doc.data
        if getattr(data, "number", None) is not None:
            key = (data.districts[0], data.date.day.year, data.number)
            numbered = context.by_number.get(key, [doc])
            if numbered[0] is not doc:
                problems.append(replace(problem(
                    doc, doc.marks.value("number"), DUPLICATE_NUMBER, f"`number` (Nummer): Nr. "
                    f"{data.number} gibt es für `{key[0]}` im Jahr {key[1]} schon "
                    f"({numbered[0].display}) — die nächste freie Nummer ist "
                    f"{_next_free(context.by_number, key[0], key[1])}."),
                    involves=(numbered[0].display,)))
    if isinstance(doc, TextPage):  # (a page in a type's folder is a `file-name` problem already)
        same = context.by_url.get(doc.url, [doc])
        if same[0] is not doc and any(other is doc for other in same):
            problems.append(replace(problem(
                doc, (1, 1), DUPLICATE_SLUG, f"Diese Seite hätte dieselbe Adresse `{doc.url}` "
                f"wie `{same[0].src}` — benennen Sie eine der beiden Dateien um."),
                involves=(same[0].display,)))
    return problems


def _unknown(ref: str, slug: str, path: str, known: Mapping[str, set[str]]) -> str:
    kind = BY_REF[ref]
    guess = did_you_mean(slug, known[ref])
    hint = f"meinten Sie `{guess}`?" if guess else f"bekannt sind: {known_values(known[ref])}."
    return (f"{kind.label} `{slug}` gibt es nicht ({place(path)}) — {hint} Neue Einträge legen Sie "
            f"in `content/{kind.folder}/` an.")


def _next_free(by_number: Mapping[NumberKey, Sequence[Doc]], district: str, year: int) -> int:
    used = [n for (d, y, n) in by_number if d == district and y == year]
    return max(used, default=0) + 1


CHECKER = Checker(RULES, check_references, tree=True)
