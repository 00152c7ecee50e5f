"""The edits the incremental measurements make: one item's body, one template.

Items edited are offers (`angebote/`): undated, so their page is at `angebote/<name>/`
as MkDocs places it, and published (drafts are skipped), so the page exists to watch.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

__all__ = ["TEMPLATE", "append_word", "copy_overrides", "editable_items", "item_url",
           "touch_template", "unique_word"]

OFFERS = "angebote"
TEMPLATE = "main.html"  # the base of every page: the widest template change there is


def editable_items(content: Path) -> list[Path]:
    """Published offers, in path order (the corpus is seeded, so the order is stable)."""
    return [path for path in sorted((content / OFFERS).glob("*.md"))
            if path.name != "index.md" and not _is_draft(path.read_text(encoding="utf-8"))]


def _is_draft(text: str) -> bool:
    """`draft: true` in the front matter (the generator writes it so), not in the body."""
    head = text.split("\n---", 2)[0] if text.startswith("---\n") else ""
    return "draft: true" in head.splitlines()


def item_url(content: Path, item: Path) -> str:
    """The page of an offer, relative to the site's root, e.g. `angebote/elterncafe/`."""
    return item.relative_to(content).with_suffix("").as_posix() + "/"


def unique_word() -> str:
    """A word found nowhere else in the corpus (letters only: it must survive Markdown)."""
    return "Benchwort" + "".join(secrets.choice("bcdfghklmnprstvwxz") for _ in range(10))


def append_word(item: Path, word: str) -> None:
    """A press officer's edit: one more sentence at the end of the body."""
    with item.open("a", encoding="utf-8") as handle:
        handle.write(f"\nErgänzung: {word}.\n")


def copy_overrides(source: Path, target: Path) -> Path:
    """The templates the bench config uses: a copy, so that editing them leaves the
    project's own untouched."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def touch_template(overrides: Path, round_number: int) -> Path:
    """Change the bytes of the base template (a Jinja comment: the pages' output stays
    the same, but every page that uses it must be rendered again)."""
    template = overrides / TEMPLATE
    with template.open("a", encoding="utf-8") as handle:
        handle.write(f"{{# bench: template edit {round_number} #}}\n")
    return template
