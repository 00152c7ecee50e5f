"""The real content in content/ validates: no errors at the pinned `now`.

The sample content is what a new user sees first; a broken sample would teach the wrong
thing. Warnings (offers due for review) are allowed here; the build shows them.
"""

from __future__ import annotations

from pathlib import Path

from conftest import NOW
from familiennetz.validator import validate

CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_real_content_has_no_errors() -> None:
    result = validate(CONTENT, now=NOW, display_base=CONTENT.parent)
    assert [str(p) for p in result.errors] == []
    assert result.files > 0
