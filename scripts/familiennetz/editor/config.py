"""The web editor's configuration (Decap CMS `config.yml`), generated from the type
registry: one collection per type, its folder and file names, every field of its model.

Where the repository and the login helper are not named, the editor is not set up: the
page at /admin/ then says so instead of loading it (`page.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..types import TYPES, Type
from .widgets import form_fields

__all__ = ["BODY_BUTTONS", "EditorSettings", "collection_for", "editor_config"]

# What the body's toolbar offers: the Markdown the validator accepts in a body (no H1 —
# the title is the page's only one; no pictures — they are the item's `image`).
BODY_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                "bulleted-list", "numbered-list"]
_REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
_BRANCH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,100}$")
_HTTPS = re.compile(r"^https://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*$")
_LOCAL = re.compile(r"^http://(?:localhost|127\.0\.0\.1):[0-9]{1,5}/[A-Za-z0-9/._-]*$")
_COMMITS = {
    "create": "Neu in {{collection}}: „{{slug}}“ (Web-Editor)",
    "update": "Geändert in {{collection}}: „{{slug}}“ (Web-Editor)",
    "delete": "Gelöscht in {{collection}}: „{{slug}}“ (Web-Editor)",
    "uploadMedia": "Bild hochgeladen: {{path}} (Web-Editor)",
    "deleteMedia": "Bild gelöscht: {{path}} (Web-Editor)",
    "openAuthoring": "{{message}}",
}


@dataclass(frozen=True, slots=True)
class EditorSettings:
    """Where the editor saves: named in mkdocs.yml (the plugin's `editor_*` options)."""

    repo: str = ""  # "kreis-beispiel/familiennetz" on GitHub
    branch: str = "main"
    auth_url: str = ""  # the OAuth helper's base address: "https://anmeldung.kreis-beispiel.de"
    auth_endpoint: str = "auth"
    local: str = ""  # `make edit`: the local backend, "http://localhost:8081/api/v1"

    def problem(self) -> str | None:
        """What is wrong with the settings, in German; None when nothing is."""
        if self.repo and not _REPO.match(self.repo):
            return (f"`editor_repo` in mkdocs.yml ist „{self.repo}“ – erwartet wird "
                    "`besitzer/repository` wie auf GitHub, z. B. `kreis-beispiel/familiennetz`.")
        if not _BRANCH.match(self.branch):
            return f"`editor_branch` in mkdocs.yml ist kein Zweigname: „{self.branch}“."
        if self.auth_url and not _HTTPS.match(self.auth_url):
            return ("`editor_auth_url` in mkdocs.yml muss eine https-Adresse ohne Pfadende "
                    f"sein, z. B. `https://anmeldung.kreis-beispiel.de` – nicht „{self.auth_url}“.")
        if self.local and not _LOCAL.match(self.local):
            return ("`editor_local` (FAMILIENNETZ_EDITOR_LOCAL) muss auf diesen Rechner zeigen, "
                    f"z. B. `http://localhost:8081/api/v1` – nicht „{self.local}“.")
        return None

    @property
    def ready(self) -> bool:
        return bool(self.local) or bool(self.repo and self.auth_url)

    def hosts(self) -> list[str]:
        """Origins the editor page may talk to besides the site itself (its CSP)."""
        found = []
        if self.repo and self.auth_url:
            found += ["https://api.github.com", _origin(self.auth_url)]
        if self.local:
            found.append(_origin(self.local))
        return found


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _form_order(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The form asks as a press officer thinks: title and date first, the draft switch
    last (the file keeps this order too)."""
    # title, date, and what press offices set with the date: their number, an embargo
    first = [f for f in fields if f["name"] in ("title", "date", "number", "embargo")]
    last = [f for f in fields if f["name"] == "draft"]
    return first + [f for f in fields if f not in first and f not in last] + last


def collection_for(doctype: Type) -> dict[str, Any]:
    body = {"label": "Text", "name": "body", "widget": "markdown", "required": doctype.is_item,
            "buttons": BODY_BUTTONS, "editor_components": [], "modes": ["rich_text", "raw"],
            "sanitize_preview": True,  # a stranger's HTML in a body never runs in the preview
            "hint": "Zwischenüberschriften, Listen und Links über die Leiste oben."}
    out: dict[str, Any] = {
        "name": doctype.folder, "label": doctype.plural, "label_singular": doctype.label,
        "folder": f"content/{doctype.folder}", "create": True, "extension": "md",
        "format": "frontmatter", "identifier_field": "title", "summary": "{{title}}",
        "fields": [*_form_order(form_fields(doctype.model)), body],
    }
    if doctype.is_item:
        purpose = str(getattr(doctype, "purpose", ""))
        out["description"] = purpose[:1].upper() + purpose[1:] + "."
    if doctype.dated:  # YYYY/YYYY-MM-DD-<slug>.md, from the item's `date`
        # The day as the browser reads it: Decap's {{day}} reads a day as UTC midnight,
        # which east of Greenwich is the day before. (Its {{year}} has the same flaw on
        # 1 January only; the validator then names the folder to move the file to.)
        out["path"] = "{{year}}/{{slug}}"
        out["slug"] = "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
        out["sortable_fields"] = [{"field": "date", "default_sort": "desc"}, "title"]
    else:
        out["sortable_fields"] = [{"field": "title", "default_sort": "asc"}]
    return out


def editor_config(settings: EditorSettings, *, site_url: str) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo or "lokal/familiennetz",
                               "branch": settings.branch, "commit_messages": _COMMITS}
    if settings.auth_url:
        backend |= {"base_url": settings.auth_url, "auth_endpoint": settings.auth_endpoint}
    config: dict[str, Any] = {
        "locale": "de",
        "backend": backend,
        # Each item a branch and a pull request: the checks run on it before it is merged.
        "publish_mode": "editorial_workflow",
        "media_folder": "content/assets",
        "public_folder": "assets",  # images are written `assets/<name>` (under content/)
        "site_url": site_url,
        "display_url": site_url,
        "show_preview_links": False,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection_for(doctype) for doctype in TYPES],
    }
    if settings.local:  # only a page served from this machine uses it (Decap checks)
        config["local_backend"] = {"url": settings.local}
    return config
