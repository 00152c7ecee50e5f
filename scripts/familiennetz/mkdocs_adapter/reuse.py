"""Reusing the pages a previous build rendered from the same inputs (`cache/`), through
MkDocs' own `dirty` mode: a page whose file says it is not modified is neither converted
nor rendered. Whether it is modified is our page key's answer, not the file times MkDocs
would compare.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from ..cache import code_version
from ..cache.fingerprint import digest, stable_text
from ..cache.keys import PageKeys
from ..cache.known import KnownInputs
from ..cache.outputs import OutputStore
from ..cache.store import PageStore
from ..run import BuildRun
from .bodies import ConvertedBodies

__all__ = ["PageReuse", "body_digest", "config_digest", "quiet_dirty_warning", "settings_digest"]

# Settings that never change a page's bytes (paths on this machine, the preview server).
_UNRELATED = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch", "plugins",
              "theme", "strict", "validation", "hooks", "exclude_docs", "draft_docs",
              "not_in_nav"}


def _not_modified() -> bool:
    return False


def _modified() -> bool:
    return True


def body_digest(config: Any) -> str:
    """What converting a body depends on besides its Markdown, place and links."""
    return hashlib.blake2b("\0".join([
        code_version(), _text(config["markdown_extensions"]), _text(config["mdx_configs"]),
        _text(config["use_directory_urls"]), _text(config["site_url"])]).encode(),
        digest_size=16).hexdigest()


def config_digest(config: Any, options: Any) -> str:
    """What every page depends on besides its own inputs and our templates: the code and
    its libraries, the configuration, the theme's options."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=16)
    for key in sorted(config.keys()):
        if key not in _UNRELATED:
            digest.update(f"{key}={_text(config[key])}\n".encode())
    theme = config.theme
    for key in sorted(theme):
        digest.update(f"theme.{key}={_text(theme[key])}\n".encode())
    digest.update(_text(dict(sorted(options.items()))).encode())
    return digest.hexdigest()


def settings_digest(config: Any, base: str) -> str:
    """What every page depends on besides its own inputs: `base`, the `config_digest`, and
    every file of our templates (`overrides/`)."""
    digest = hashlib.blake2b(base.encode(), digest_size=16)
    theme = config.theme
    if theme.custom_dir:
        root = Path(theme.custom_dir)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _text(value: Any) -> str:
    try:
        return stable_text(value)
    except TypeError:  # a setting's own kind of value (the theme's `Locale`): its text
        return str(value)


class PageReuse:
    def __init__(self, run: BuildRun, cache: Path, settings: str, menu: list[str], *,
                 body_settings: str = "", config: str = "", keep_search: bool = False) -> None:
        self.run = run
        self.keep_search = keep_search  # the preview keeps its first build's search page
        self.store = PageStore(cache)
        self.known = KnownInputs(cache)
        self.keys = PageKeys(run, settings, frozenset(menu), body_settings, config, self.known)
        self.converted = ConvertedBodies(OutputStore(cache / "bodies"))
        self.reused: dict[str, tuple[str, File]] = {}  # src → (key, file)
        self.rendered: dict[str, tuple[str, File]] = {}  # with a key: kept after the build
        self.dests: set[Path] = set()  # every page this build writes or keeps
        self._kept: list[tuple[str, str, str | None, str]] = []  # (src, url, title, body) reused

    def decide(self, files: Files, site_dir: Path) -> None:
        """Which pages are reused: those are marked not modified, and their bodies go to
        the feeds and the search index after the conversion (`hand_over`)."""
        def resolve(path: str) -> str | None:
            found = files.get_file_from_path(path)
            return found.url if found is not None else None

        pages = files.documentation_pages()
        self.keys.paths = digest(*sorted(f"{f.src_uri}>{f.url}" for f in files))
        self.dests = {Path(f.abs_dest_path) for f in pages}
        for file in pages:
            keys = self.keys.key(file.src_uri, file.url, resolve)
            if keys is None:  # rendered every time, whatever the file times say (the preview)
                planned = self.run.plan.pages.get(file.src_uri)
                kept = self.keep_search and planned is not None and planned.kind == "search"
                file.is_modified = _not_modified if kept else _modified  # type: ignore[method-assign]
                continue
            key, body_key = keys
            self.converted.want(file.src_uri, body_key)
            record = self.store.find(key)
            if record is None:  # rendered, whatever the file times say (the preview's are newer)
                file.is_modified = _modified  # type: ignore[method-assign]
                self.rendered[file.src_uri] = (key, file)
                continue
            file.is_modified = _not_modified  # type: ignore[method-assign]
            self.reused[file.src_uri] = (key, file)
            self.run.forget_context(file.src_uri)
            title, body = record.get("title"), record.get("body")
            self._kept.append((file.src_uri, file.url, title if isinstance(title, str) else None,
                               body if isinstance(body, str) else ""))
        self.run.fingerprints.forget_walked()

    def hand_over(self, site_dir: Path) -> None:
        """The reused pages' bodies to the feeds and the search index, once MkDocs has
        converted the others: the edited pages' documents reach the index first, and the
        piece they are in is written while these come (search/indexer.py)."""
        for src, url, title, body in self._kept:
            self.run.reused(src, url, title, body, site_dir)
        self._kept.clear()

    def place(self) -> None:
        """Put the reused pages into the new site (once MkDocs made a page of every file)."""
        for src, (key, file) in self.reused.items():
            self.store.place(key, file.abs_dest_path)  # (the preview's: if not there)
            if file.page is not None and (updated := self.run.updated(src)) is not None:
                file.page.update_date = updated  # the sitemap's lastmod, as when rendered

    def save(self) -> None:
        """After a successful build: keep what was rendered, forget what was not used."""
        for src, (key, file) in self.rendered.items():
            self.store.keep(key, Path(file.abs_dest_path), self.run.bodies.get(src),
                            self.run.titles.get(src))
            if file.page is not None:
                self.converted.keep(src, file.page)
        self.converted.prune()
        self.known.save(self.keys.world)
        self.store.prune([k for k, _ in self.reused.values()]
                         + [k for k, _ in self.rendered.values()])


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> logging.Filter:
    """MkDocs warns that a dirty build may leave stale navigation; ours decides per page by
    every input, so the warning does not apply (and `strict` would fail on it)."""
    found = _DirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(found)
    return found
