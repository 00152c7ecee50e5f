"""The builds `make bench` compares, as `make site` runs them, each in a fresh process.

Per round: the bare Material build with its own search, `familiennetz build --no-cache`
(`make site` on a fresh clone), optionally our build without search, and three rebuilds
with a warm cache — nothing changed, one item's body edited, the base template edited (in
the bench's own copy of overrides/).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from familiennetz.types import TYPES

from .edits import append_word, copy_overrides, editable_items, touch_template, unique_word
from .measure import Measurement, measure

__all__ = ["KINDS", "SITE_CONFIG", "Bench", "Runs"]

# Every type's listing, from the registry, so that a new type cannot be left out; the
# corpus writes each folder's index.md, which the bare build (no plugin) needs.
_NAV = "".join(f"  - {t.plural}: {t.folder}/index.md\n" for t in TYPES)

SITE_CONFIG = """\
site_name: Familiennetz Bench
site_url: http://localhost:8000/
docs_dir: content
use_directory_urls: true
theme:
  name: material
  language: de
  font: false
{extra_theme}
plugins:
{plugins}
markdown_extensions: [toc, attr_list, admonition, tables, md_in_html]
validation:
  nav:
    omitted_files: ignore
nav:
  - Start: index.md
""" + _NAV.replace("{", "{{").replace("}", "}}")  # literal braces: the text is .format()ed

KINDS = ("bare", "full", "nosearch", "unchanged", "one_item", "template")


@dataclass
class Runs:
    first: Measurement | None = None  # the first build with an empty cache
    by_kind: dict[str, list[Measurement]] = field(
        default_factory=lambda: {kind: [] for kind in KINDS})


def _empty(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


@dataclass
class Bench:
    workdir: Path
    env: dict[str, str]
    project: Path
    python: str = sys.executable

    @property
    def content(self) -> Path:
        return self.workdir / "content"

    @property
    def overrides(self) -> Path:
        return self.workdir / "overrides"

    @property
    def config(self) -> Path:
        return self.workdir / "mkdocs.yml"

    @property
    def cache(self) -> Path:
        return self.workdir / "cache"

    @property
    def timings(self) -> Path:
        return self.workdir / "timings.json"

    def write_configs(self) -> None:
        copy_overrides(self.project / "overrides", self.overrides)
        theme = f"  custom_dir: {self.overrides}"
        for name, extra_theme, plugins in (
                ("mkdocs.yml", theme, "  - familiennetz"),
                ("mkdocs-bare.yml", "", "  - search"),  # Material alone, with its own search
                ("mkdocs-nosearch.yml", theme, "  - familiennetz:\n      search: false")):
            (self.workdir / name).write_text(
                SITE_CONFIG.format(extra_theme=extra_theme, plugins=plugins), encoding="utf-8")

    def _site(self, config: str, folder: str, *more: str) -> list[str]:
        return [self.python, "-m", "familiennetz.cli", "build", "--config",
                str(self.workdir / config), "--site-dir", str(self.workdir / folder), *more]

    def _run(self, argv: list[str], **env: str) -> Measurement:
        return measure(argv, env={**self.env, **env}, cwd=self.workdir)

    def editable_items(self) -> list[Path]:
        return editable_items(self.content)

    def cached(self) -> Measurement:
        return self._run(self._site("mkdocs.yml", "site-cached", "--cache", str(self.cache)))

    def rounds(self, count: int, *, without_search: bool = False) -> Runs:
        runs = Runs(first=self.cached())  # fills the cache
        items = self.editable_items()
        # This machine's speed drifts by ±20 % between runs: the builds compared take
        # turns and are compared by their medians. A build without the cache writes into
        # an empty folder, as on a fresh clone.
        for number in range(count):
            add = runs.by_kind
            bare = str(_empty(self.workdir / "site-bare"))
            add["bare"].append(self._run([self.python, "-m", "mkdocs", "build", "--strict",
                                          "-f", str(self.workdir / "mkdocs-bare.yml"), "-d", bare]))
            _empty(self.workdir / "site")
            add["full"].append(self._run(self._site("mkdocs.yml", "site", "--no-cache"),
                                         FAMILIENNETZ_TIMINGS=str(self.timings)))
            if without_search:
                _empty(self.workdir / "site-nosearch")
                add["nosearch"].append(self._run(self._site("mkdocs-nosearch.yml",
                                                            "site-nosearch", "--no-cache")))
            add["unchanged"].append(self.cached())
            append_word(items[number % len(items)], unique_word())
            add["one_item"].append(self.cached())
            touch_template(self.overrides, number)
            add["template"].append(self.cached())
        return runs
