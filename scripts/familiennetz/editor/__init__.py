"""The web editor for press officers (Decap CMS at /admin/): its configuration generated
from the type registry (`config.py`, `widgets.py`) and its files in the built site
(`page.py`). Saving creates a branch and a pull request; the checks run there.

For `make edit`, the tests and `make screenshots`: the gate in front of Decap's local
backend (`guard.py`), a copy of the content to edit (`sandbox.py`), the editor driven in
Chromium (`drive.py`) and the guide's pictures (`screenshots.py`)."""

from __future__ import annotations

from .config import EditorSettings, collection_for, editor_config
from .page import ADMIN, EditorMissing, content_security_policy, write_editor

__all__ = ["ADMIN", "EditorMissing", "EditorSettings", "collection_for",
           "content_security_policy", "editor_config", "write_editor"]
