"""A problem found in the content: where, how bad, which rule, and what to do (in German)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Level", "Problem", "sort_problems"]


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

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: [{self.level}] {self.message} ({self.rule})"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.rule, p.message))
