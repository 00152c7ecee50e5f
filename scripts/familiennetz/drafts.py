"""The draft policy: a file with `draft: true` may still have gaps.

A draft is never published, so what it still lacks — a required field, a gap the `new` or
`import` command marked — must not stop the site from being built for everyone else: in a
draft those problems are warnings. Everything that is wrong rather than missing stays an
error in drafts too: broken YAML, an unknown field (a typo that will not fix itself, and
would hide the value it was meant to give), wrong values, unsafe HTML, encodings, file
names, and the cross-file checks (a duplicate number is a clash, not a gap).
"""

from __future__ import annotations

from dataclasses import replace

from .documents import Entry, TextPage, Unbound
from .problems import Level, Problem

__all__ = ["DRAFT_NOTE", "GAP_RULES", "is_draft", "soften_gaps"]

# What a draft may still lack: the rules whose problems are warnings in drafts.
GAP_RULES = frozenset({"missing-field", "gap"})
DRAFT_NOTE = " (Im Entwurf ist das nur eine Warnung; ohne `draft: true` ein Fehler.)"


def is_draft(doc: Entry | TextPage | Unbound) -> bool:
    """Whether the file says `draft: true` — also when the rest of its header did not bind
    (then only the literal YAML `true` counts: `draft: ja` is itself an error)."""
    if isinstance(doc, Unbound):
        return doc.meta.get("draft") is True
    if isinstance(doc, TextPage):
        return doc.draft
    return getattr(doc.data, "draft", False) is True


def soften_gaps(problems: list[Problem]) -> list[Problem]:
    """A draft's problems: its gaps become warnings that say why."""
    return [replace(p, level=Level.WARNING, message=p.message + DRAFT_NOTE)
            if p.rule in GAP_RULES and p.level is Level.ERROR else p for p in problems]
