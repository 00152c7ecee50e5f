"""What a news site prints after "Anzeige" or "Mehr zum Thema:": an ad or other headlines."""

from __future__ import annotations

import re

from .model import Draft, Item

# Labels after which the news site prints an advertisement or other articles' headlines.
_LEAD_INS = frozenset(
    {"anzeige", "werbung", "advertisement", "sponsored", "mehr zum thema", "lesen sie auch",
     "auch interessant", "das könnte sie auch interessieren", "ähnliche artikel",
     "ähnliche beiträge", "verwandte artikel", "passend dazu", "mehr dazu", "zum thema"}
)  # fmt: skip


_EDGES = re.compile(r"^[^\wäöüß]+|[^\wäöüß]+$")


def is_lead_in(line: str) -> bool:
    """Whether a line labels what follows it as an advertisement or a teaser ("Anzeige")."""
    return _EDGES.sub("", line.strip().lower()) in _LEAD_INS


MAX_TEASER = 160  # a line after "Anzeige" or "Mehr zum Thema:" longer than this is text
_PROSE = re.compile(r"\.[\"“”»«')]*$|[.!?]\s+[A-ZÄÖÜ]")


def _is_teaser(line: str) -> bool:
    """An ad's slogan or another article's headline: short, not sentences of prose."""
    return len(line.strip()) <= MAX_TEASER and _PROSE.search(line.strip()) is None


def drop_after_lead_in(items: list[Item], position: int, draft: Draft) -> int:
    """Drops what follows "Anzeige" or "Mehr zum Thema:"; the next position.

    Taken are the short lines of the label's own paragraph or, if the label stands alone
    (Word files, or a blank line after it), the next paragraph when it is one short line.
    A paragraph of prose stays: the advertisement may have been a picture.
    """
    label_block = items[position - 1][0]
    start = position
    while (position < len(items) and items[position][0] == label_block
           and _is_teaser(items[position][1])):
        position += 1
    if position == start and position < len(items) and items[position][0] != label_block:
        block, line = items[position]
        alone = position + 1 >= len(items) or items[position + 1][0] != block
        if alone and _is_teaser(line):
            position += 1
    draft.dropped.extend(line.strip() for _, line in items[start:position])
    return position
