"""The targets of issue #16 as a table: what was measured, the target, met or not.

A row whose figure could not be measured shows why, and neither ✓ nor ✗ (`ok` is None).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["GIB", "Row", "at_most", "memory_target_mib", "render_table", "target_rows"]

GIB = 1024  # MiB


@dataclass(frozen=True)
class Row:
    name: str
    figure: str
    target: str
    ok: bool | None  # None: not measured, or no target at this size

    @property
    def mark(self) -> str:
        return {True: "✓", False: "✗", None: "–"}[self.ok]


def at_most(name: str, value: float | None, limit: float, fmt: str, *,
            unit: str = "", why_missing: str = "not measured") -> Row:
    """A row for `value ≤ limit`, both shown with `fmt` (e.g. "{:.2f}×")."""
    target = f"≤ {fmt.format(limit)}{unit}"
    if value is None:
        return Row(name, why_missing, target, None)
    return Row(name, f"{fmt.format(value)}{unit}", target, value <= limit)


def memory_target_mib(items: int) -> float | None:
    """1 GiB up to 10,000 items, 2 GiB up to 30,000; the issue names no target beyond."""
    if items <= 10_000:
        return 1 * GIB
    if items <= 30_000:
        return 2 * GIB
    return None


def render_table(rows: Sequence[Row], title: str = "") -> str:
    """A plain-text table, columns padded to their widest cell."""
    header = Row("target of #16", "measured", "target", None)
    cells = [(r.name, r.figure, r.target, "" if r is header else r.mark) for r in (header, *rows)]
    widths = [max(len(cell[i]) for cell in cells) for i in range(3)]
    lines = [title] if title else []
    for index, (name, figure, target, mark) in enumerate(cells):
        lines.append(f"  {name:<{widths[0]}}  {figure:>{widths[1]}}  {target:<{widths[2]}}  {mark}"
                     .rstrip())
        if index == 0:
            lines.append("  " + "  ".join("─" * w for w in widths) + "  ─")
    return "\n".join(lines)


def target_rows(items: int, figures: Mapping[str, float], *, serve: str = "make serve",
                missing: Mapping[str, str] | None = None) -> list[Row]:
    """The targets of #16 from the figures of one run (`growth.FIGURES` keys, plus
    `serve_s`); `missing` says why a figure is absent; `serve` names the server used."""
    why = dict(missing or {})
    bare = figures["bare_s"]

    def ratio(key: str) -> float | None:
        return figures[key] / bare if key in figures and bare > 0 else None

    memory = memory_target_mib(items)
    peak = figures.get("peak_mib")
    return [
        at_most("make site with search vs bare Material + search (medians)", ratio("full_s"),
                1.3, "{:.2f}×"),
        at_most("rebuild, nothing changed", ratio("unchanged_s"), 0.3, "{:.2f}×"),
        at_most("rebuild, one item changed", ratio("one_item_s"), 0.3, "{:.2f}×"),
        at_most("rebuild, template changed", ratio("template_s"), 1.1, "{:.2f}×"),
        at_most(f"{serve}, saved item shown", figures.get("serve_s"), 2.0, "{:.1f}", unit=" s",
                why_missing=why.get("serve_s", "not measured")),
        at_most("peak memory of make site (process tree)", peak, memory, "{:.0f}", unit=" MiB")
        if memory is not None else
        Row("peak memory of make site (process tree)", f"{peak:.0f} MiB" if peak else "–",
            "none beyond 30,000 items", None),
        at_most("first query for a common word, compressed", figures.get("query_kb"), 300,
                "{:.0f}", unit=" KB", why_missing=why.get("query_kb", "not measured")),
    ]
