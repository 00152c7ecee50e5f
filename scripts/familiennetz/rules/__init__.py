"""The rule registry: every rule id, what it means and what to do, and the checks.

In the spirit of yamllint: each rule has an id that appears in every message, a level,
and German text for the help page "Meldungen verstehen" (generated from `RULES`). The
checks share one signature, `check(doc, scan, context)`; file checks run while files are
read (on two cores for large trees), tree checks once every file is known.

| module | rules |
|---|---|
| `reading` | what reading and binding report: yaml-syntax, unknown-field, file-name, … |
| `body` | h1-in-body, unsafe-html, html-not-allowed, external-resource, image-alt |
| `dates` | date-order, future-date, stale-offer |
| `links` | broken-link, image-missing |
| `gaps` | gap (a marker of `new`/`import` left in the file) |
| `references` | unknown-slug, duplicate-slug, duplicate-number |
"""

from __future__ import annotations

from . import body, dates, gaps, links, reading, references
from .base import Check, Checker, Context, Doc, Rule

__all__ = ["CLOCK_CHECKS", "FILE_CHECKS", "RULES", "TIMELESS_CHECKS", "TREE_CHECKS", "Check", "Checker",
           "Context", "Doc", "Rule"]

_CHECKERS = (body.CHECKER, dates.CHECKER, gaps.CHECKER, links.CHECKER, references.CHECKER)
FILE_CHECKS: tuple[Check, ...] = tuple(c.check for c in _CHECKERS if not c.tree)
# The file checks whose result depends on the file alone (kept in the validation cache),
# and those that read the moment (run at every validation).
TIMELESS_CHECKS: tuple[Check, ...] = tuple(c.check for c in _CHECKERS if not c.tree and not c.clock)
CLOCK_CHECKS: tuple[Check, ...] = tuple(c.check for c in _CHECKERS if not c.tree and c.clock)
TREE_CHECKS: tuple[Check, ...] = tuple(c.check for c in _CHECKERS if c.tree)
RULES: dict[str, Rule] = {rule.id: rule for rule in (*reading.RULES, *(r for c in _CHECKERS
                                                                       for r in c.rules))}
