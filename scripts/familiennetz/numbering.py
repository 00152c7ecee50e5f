"""The next free press-release number for a first district and year, and where it comes
from: `new` never sets a number without saying which release it follows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .collection import Collection

__all__ = ["Numbering", "numbering"]


@dataclass(frozen=True, slots=True)
class Numbering:
    """The next free press-release number for a first district and year, and its reason."""

    district: str
    year: int
    used: tuple[tuple[int, str], ...]  # (number, file) of every numbered release

    @property
    def next(self) -> int | None:
        """None: no release of that district and year has a number yet."""
        return max(self.used)[0] + 1 if self.used else None

    def explain(self) -> str:
        if not self.used:
            return (f"Für `{self.district}` gibt es {self.year} noch keine Pressemitteilung mit "
                    "Nummer.")
        highest, src = max(self.used)
        return f"Die höchste bisher für `{self.district}` im Jahr {self.year} ist Nr. {highest} in {src}."


def numbering(collection: Collection, district: str, year: int, root: Path) -> Numbering:
    """Counts drafts and releases under embargo too: their numbers are taken."""
    used = tuple((e.data.number, (root / e.src).as_posix()) for e in collection.entries
                 if getattr(e.data, "number", None) and e.data.districts[0] == district
                 and e.data.date.day.year == year)
    return Numbering(district, year, used)
