"""The plugin's options, and what it checks of MkDocs' configuration before anything is
built: the Markdown extensions the validator renders bodies with, and the content."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from ..cache.validation import ValidationCache
from ..clock import InvalidNow, current_time
from ..sanitize import MARKDOWN_EXTENSIONS
from ..validator import ValidationResult, validate

__all__ = ["FamiliennetzConfig", "validated"]

log = logging.getLogger("mkdocs.plugins.familiennetz")


class FamiliennetzConfig(Config):
    # Items per listing page: short on a phone (a card is three lines), and few listings:
    # every item is on about five of them, and each listing page less is build time saved.
    page_size = opt.Type(int, default=30)
    now = opt.Optional(opt.Type(str))  # ISO 8601; default $FAMILIENNETZ_NOW or the clock
    search = opt.Type(bool, default=True)  # build the Pagefind index (not in dirty builds)
    # Render the navigation, header, footer, styles and scripts once per link shape instead
    # of on every page (render/fragments.py). Off: every page renders them itself.
    fragments = opt.Type(bool, default=True)
    # The web editor at /admin/ (familiennetz.editor): the repository it saves to, its
    # branch, the login helper's address; `make edit` sets the local backend's address.
    editor_repo = opt.Type(str, default="")
    editor_branch = opt.Type(str, default="main")
    editor_auth_url = opt.Type(str, default="")
    editor_local = opt.Type(str, default="")


def validated(config: Any, moment: str | None, given: Any,
              cache: ValidationCache | None = None) -> ValidationResult:
    """The content's validation: `given` by `familiennetz build` when it just ran, else
    now. Errors stop the build before anything is written."""
    if set(config.markdown_extensions) != set(MARKDOWN_EXTENSIONS):
        raise PluginError("`markdown_extensions` in mkdocs.yml muss genau diese nennen: "
                          f"{', '.join(MARKDOWN_EXTENSIONS)} — die Prüfung der Inhalte rendert "
                          "die Texte mit denselben Erweiterungen wie der Bau.")
    for name, options in MARKDOWN_EXTENSIONS.items():  # also `toc`'s safe heading ids
        config.mdx_configs.setdefault(name, {}).update(options)
    docs = Path(config.docs_dir)
    if given is not None and given[0] == docs.resolve():
        result: ValidationResult = given[2]
    else:
        try:
            now = current_time(moment)
        except InvalidNow as exc:
            raise PluginError(str(exc)) from None
        result = validate(docs, now=now, display_base=Path.cwd(), cache=cache)
    for problem in result.warnings:
        log.info("Warnung: %s", problem)  # warnings must not fail `--strict`
    if result.errors:
        raise PluginError(f"Die Inhalte enthalten {len(result.errors)} Fehler; es wird nichts "
                          "veröffentlicht:\n" + "\n".join(str(p) for p in result.errors))
    return result
