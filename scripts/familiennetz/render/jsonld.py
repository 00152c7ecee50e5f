"""schema.org JSON-LD for item pages: what every item says, and what its type adds."""

from __future__ import annotations

import json
from typing import Any

from ..collection import Collection
from ..documents import Entry
from ..types import ItemType

__all__ = ["item_jsonld", "script_safe_json"]


def script_safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element early, nor open a comment in it: `<`,
    `>` and `&` as JSON escapes, which every JSON reader reads back as they were."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def item_jsonld(entry: Entry, collection: Collection, absolute_url: str,
                image_url: str | None) -> dict[str, Any]:
    kind: ItemType = entry.type  # type: ignore[assignment]
    out: dict[str, Any] = {"@context": "https://schema.org", "url": absolute_url,
                           "description": entry.data.summary, "inLanguage": "de"}
    if image_url:
        out["image"] = image_url
    out.update(kind.jsonld(entry, collection.references, url=absolute_url,
                           updated=collection.facts[entry.src].updated_at))
    return out
