"""The editor's files in the built site: /admin/index.html with its Content-Security-Policy,
config.yml, and the Decap CMS bundle from node_modules (pinned in package-lock.json).

The page loads nothing from another host: its scripts are ours and the bundle's, copied
here; it may talk only to the site itself, the Git host's API and the login helper."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from markupsafe import escape

from ..addresses import ADMIN
from ..types import TYPES
from .config import EditorSettings, editor_config

__all__ = ["ADMIN", "BUNDLE", "EditorMissing", "content_security_policy", "write_editor"]

BUNDLE = Path("node_modules/decap-cms/dist")  # below the project folder
_SCRIPT = "decap-cms.js"


class EditorMissing(Exception):
    """The Decap bundle is not installed (German message)."""


def content_security_policy(settings: EditorSettings) -> str:
    connect = " ".join(["'self'", "blob:", *settings.hosts()])  # blob: the editor's own uploads
    return "; ".join([
        "default-src 'none'",
        # Decap checks its configuration with Ajv, which compiles the schema to a function.
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",  # the editor styles its widgets inline
        "img-src 'self' data: blob:", "font-src 'self' data:", f"connect-src {connect}",
        "frame-src 'self' blob:", "worker-src 'self' blob:", "manifest-src 'self'",
        "base-uri 'self'", "form-action 'none'", "object-src 'none'",
    ])


def _page(settings: EditorSettings, site_name: str, styles: list[str], guide: str | None) -> str:
    head = ('<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex, nofollow">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(settings)}">\n'
            f'<title>Redaktion – {escape(site_name)}</title>\n')
    if not settings.ready:
        return head + (
            '<link rel="stylesheet" href="../assets/familiennetz.css">\n</head>\n<body>\n'
            '<main class="md-typeset fn-admin-off">\n<h1>Der Web-Editor ist noch nicht eingerichtet</h1>\n'
            "<p>Damit Redaktionen hier im Browser schreiben können, trägt die Verwaltung in "
            "<code>mkdocs.yml</code> das Repository und die Adresse der Anmeldung ein "
            "(<code>editor_repo</code>, <code>editor_auth_url</code>).</p>\n"
            + (f'<p><a href="../{guide}">So wird der Web-Editor eingerichtet</a></p>\n' if guide else "")
            + "</main>\n</body>\n</html>\n")
    styles_data = escape(json.dumps(styles))
    names = escape(json.dumps([doctype.folder for doctype in TYPES]))
    return head + (
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        '<link rel="stylesheet" href="familiennetz-admin.css">\n</head>\n<body>\n'
        '<noscript>Der Web-Editor braucht JavaScript.</noscript>\n'
        '<script src="manual-init.js"></script>\n'
        f'<script src="decap/{_SCRIPT}"></script>\n'
        f'<script src="familiennetz.js" data-styles="{styles_data}" data-collections="{names}">'
        "</script>\n"
        "</body>\n</html>\n")


def _copy_bundle(source: Path, target: Path) -> None:
    """The bundle and its chunks (loaded on demand from beside it), without source maps
    and without the duplicate `cms.js` build."""
    if not (source / _SCRIPT).is_file():
        raise EditorMissing(
            "Der Web-Editor (Decap CMS) ist nicht installiert: `node_modules/decap-cms` fehlt. "
            "`make site` installiert ihn mit `npm ci`; dafür braucht der Rechner Node.js.")
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        name = path.name
        if path.is_file() and not name.endswith(".map") and (
                name.endswith(f".{_SCRIPT}") or name == _SCRIPT or name.endswith(".wasm")):
            shutil.copyfile(path, target / name)


def write_editor(site_dir: Path, project: Path, settings: EditorSettings, *, site_url: str,
                 site_name: str, guide: str | None = None) -> int:
    """Write /admin/ into the built site; the number of files written."""
    admin = site_dir / ADMIN
    admin.mkdir(parents=True, exist_ok=True)
    styles = sorted(f"../assets/stylesheets/{p.name}"
                    for p in (site_dir / "assets/stylesheets").glob("main.*.min.css"))
    styles += ["../assets/familiennetz.css"]
    (admin / "index.html").write_text(_page(settings, site_name, styles, guide), encoding="utf-8")
    if not settings.ready:
        return 1
    config = editor_config(settings, site_url=site_url)
    (admin / "config.yml").write_text(
        "# Erzeugt aus den Inhaltsarten (familiennetz.editor) – nicht von Hand ändern.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8")
    _copy_bundle(project / BUNDLE, admin / "decap")
    return 2 + sum(1 for _ in (admin / "decap").iterdir())
