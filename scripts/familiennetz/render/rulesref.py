"""The list of all rules on the help page "Meldungen verstehen", generated from the rule
registry so that it cannot drift. The page marks the place with `<!-- familiennetz:regeln -->`."""

from __future__ import annotations

from ..problems import Level
from ..rules import RULES

__all__ = ["rule_reference_markdown", "table_cell"]


def table_cell(text: str) -> str:
    """Text for a cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def rule_reference_markdown() -> str:
    rows = ["| Regel | Was nicht stimmt | Was Sie tun |", "|---|---|---|"]
    for rule in RULES.values():
        kind = " (Warnung)" if rule.level is Level.WARNING else ""
        rows.append(f"| `{rule.id}`{kind} | {table_cell(rule.summary)} | {table_cell(rule.fix)} |")
    return "\n".join(rows) + "\n"
