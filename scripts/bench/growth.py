"""Figures per 1,000 items, stored per corpus size, and how they grew from another size.

Each run writes `<dir>/results-<items>.json`; a later run at another size compares its
figures with the stored ones. "At most linear": a figure may grow by at most the factor
the item count grew by — times get 15 % leeway, because this machine's speed drifts
between sittings; bytes and memory are deterministic enough to get none.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FIGURES", "Comparison", "compare", "load_results", "per_thousand", "save_results"]

TIME_LEEWAY = 1.15


@dataclass(frozen=True)
class Figure:
    label: str
    unit: str
    noisy: bool  # a time
    per_item: bool = True  # False: a figure per query or per edit, not per item


FIGURES: dict[str, Figure] = {
    "bare_s": Figure("bare build", "s", True),
    "full_s": Figure("make site", "s", True),
    "unchanged_s": Figure("rebuild, nothing changed", "s", True),
    "one_item_s": Figure("rebuild, one item", "s", True),
    "template_s": Figure("rebuild, template", "s", True),
    "peak_mib": Figure("peak memory", "MiB", False),
    "index_mb": Figure("search index", "MB", False),
    "query_kb": Figure("first query", "KB", False, per_item=False),
    "serve_s": Figure("preview update", "s", True, per_item=False),
}


def save_results(folder: Path, items: int, figures: Mapping[str, float]) -> Path:
    path = folder / f"results-{items}.json"
    path.write_text(json.dumps({"items": items, "figures": dict(figures)}, indent=2) + "\n",
                    encoding="utf-8")
    return path


def load_results(folder: Path, but: int) -> dict[int, dict[str, float]]:
    """Stored figures by item count, except those of `but`; unreadable files are skipped."""
    found: dict[int, dict[str, float]] = {}
    for path in sorted(folder.glob("results-*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = int(data["items"])
            figures = {str(k): float(v) for k, v in data["figures"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
        if items != but and items > 0:
            found[items] = figures
    return found


def per_thousand(items: int, figures: Mapping[str, float]) -> str:
    """"make site 6.1 s, peak memory 95 MiB, … per 1,000 items"."""
    if items <= 0:
        return "no items"
    parts = [f"{FIGURES[key].label} {value / items * 1000:.3g} {FIGURES[key].unit}"
             for key, value in figures.items() if key in FIGURES and FIGURES[key].per_item]
    return ", ".join(parts) + " per 1,000 items"


@dataclass(frozen=True)
class Comparison:
    small: int
    large: int
    factors: dict[str, float]  # figure → how many times larger at `large` than at `small`
    over: list[str]  # figures that grew faster than the items

    @property
    def ok(self) -> bool:
        return not self.over

    def line(self) -> str:
        growth = ", ".join(f"{FIGURES[key].label} ×{factor:.2f}"
                           for key, factor in self.factors.items())
        verdict = "at most linear ✓" if self.ok else \
            f"faster than linear ✗ ({', '.join(FIGURES[k].label for k in self.over)})"
        return (f"growth {self.small:,} → {self.large:,} items (×{self.large / self.small:.2f}): "
                f"{growth} — {verdict}")


def compare(a_items: int, a: Mapping[str, float], b_items: int,
            b: Mapping[str, float]) -> Comparison:
    """How the figures grew from the smaller run to the larger one."""
    (small, s), (large, lg) = sorted([(a_items, a), (b_items, b)], key=lambda pair: pair[0])
    scale = large / small
    factors: dict[str, float] = {}
    over: list[str] = []
    for key, figure in FIGURES.items():
        if key not in s or key not in lg or s[key] <= 0:
            continue
        factors[key] = lg[key] / s[key]
        if factors[key] > scale * (TIME_LEEWAY if figure.noisy else 1.0):
            over.append(key)
    return Comparison(small, large, factors, over)
