"""What a rule is, and the one signature every check has.

A rule has an id (kebab-case, in every message), a level, and two German sentences for
the help page: what is wrong, and what to do. A check is a function
`check(doc, scan, context) -> problems` for one file; `Checker.tree` says whether it needs
the whole tree (the context's indexes) or only the file and the moment (then it runs while
files are read, on two cores for large trees); `Checker.clock` whether it reads the moment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..documents import Entry, TextPage, Unbound
from ..problems import Level, Problem
from ..scan import BodyScan

__all__ = ["Check", "Checker", "Context", "Doc", "Rule"]

Doc = Entry | TextPage | Unbound


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    summary: str  # German: what is wrong ("Der Kopfbereich fehlt …")
    fix: str  # German: what to do about it
    level: Level = Level.ERROR


@dataclass(frozen=True)
class Context:
    """What a check may know besides its own file."""

    now: datetime
    files: frozenset[str] = frozenset()  # everything a link may lead to
    visible_from: Mapping[str, float] = field(default_factory=dict)  # src → when it appears
    scans: Mapping[str, BodyScan] = field(default_factory=dict)  # src → its body scan
    known: Mapping[str, set[str]] = field(default_factory=dict)  # "district" → slugs
    # Groups in file order (`references.indexes`): the first of a group keeps the name.
    by_slug: Mapping[Any, Sequence[Doc]] = field(default_factory=dict)  # (folder, slug)
    by_number: Mapping[Any, Sequence[Doc]] = field(default_factory=dict)  # (district, year, nr.)
    by_url: Mapping[Any, Sequence[Doc]] = field(default_factory=dict)  # address → entries, pages

    def exists(self, rel: str) -> bool:
        return rel in self.files


Check = Callable[[Doc, BodyScan, Context], list[Problem]]


@dataclass(frozen=True, slots=True)
class Checker:
    rules: tuple[Rule, ...]  # what it may report
    check: Check
    tree: bool = False  # needs the whole tree's indexes
    # Reads `context.now`: re-run at every validation, never taken from the cache
    # (`cache/validation.py`); every other file check depends on the file alone.
    clock: bool = False


def problem(doc: Doc, position: tuple[int, int], rule: Rule | str, message: str,
            level: Level | None = None) -> Problem:
    """A problem of `rule` in `doc` at (line, column) of the file."""
    rule_id = rule.id if isinstance(rule, Rule) else rule
    default = rule.level if isinstance(rule, Rule) else Level.ERROR
    return Problem(doc.display, position[0], position[1], level or default, rule_id, message)
