"""A problem found in the content: where, how bad, which rule, and what to do (in German)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Level", "Problem", "printable", "sort_problems"]

# Line breaks, control characters (a terminal would run `\x1b[…`) and the characters that
# turn the writing direction: a file name or field name may hold any of them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` on one line, with every invisible character written out (`\\n`, `\\x1b`)."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # relative to the working directory or the content root, with '/'
    line: int  # 1-based
    col: int  # 1-based
    level: Level
    rule: str  # kebab-case rule id
    message: str  # German, for press officers
    # Other files a cross-file problem is about (same `path` form): `validate FILE` shows it
    # when one of them is given, though it is reported on the file to blame.
    involves: tuple[str, ...] = ()

    def __str__(self) -> str:
        """One line, whatever the path and message hold: `path:line:col: [level] message (rule)`."""
        return (f"{printable(self.path)}:{self.line}:{self.col}: [{self.level}] "
                f"{printable(self.message)} ({self.rule})")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.rule, p.message))
