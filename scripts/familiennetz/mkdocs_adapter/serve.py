"""`familiennetz serve` (`make serve`): the preview on this machine, rebuilt after every
saved file and reloaded in the browser by MkDocs' own live-reload server.

Unlike `mkdocs serve`, which converts and renders every page again on each save, a rebuild
here checks again only the files that changed (a `ValidationCache` kept in this process),
renders only the pages whose inputs changed (the page cache, in `.cache/preview/`, apart
from the published build's) and reuses unchanged feeds and calendars; a save that changes
only the text of items is not even a rebuild (`quick.py`), where the system says which
files changed (`watch.py`). The search index and search page are those of the first
build: re-indexing every save would take longer than the rest of the rebuild (`make site`
builds them in full).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer, _serve_url

from ..cache.validation import ValidationCache
from .quick import QuickPreview
from .reuse import quiet_dirty_warning
from .watch import Watchers, native_watchers

__all__ = ["serve"]

log = logging.getLogger("mkdocs.plugins.familiennetz")


def serve(config_file: Path, *, dev_addr: str | None = None, cache: Path = Path(".cache"),
          now: str | None = None) -> int:
    """The preview in a temporary folder, removed however it ends (from the first moment)."""
    with _ended_as_by_ctrl_c():
        site_dir = Path(tempfile.mkdtemp(prefix="familiennetz-vorschau-"))
        try:
            return _preview(site_dir, config_file, dev_addr, cache, now)
        except KeyboardInterrupt:  # also while it starts
            return 0
        finally:
            shutil.rmtree(site_dir, ignore_errors=True)


def _preview(site_dir: Path, config_file: Path, dev_addr: str | None, cache: Path,
             now: str | None) -> int:
    validation = ValidationCache(cache, save_each_time=False)
    kept = cache / "preview"
    quiet_dirty_warning()
    handler = logging.StreamHandler(sys.stderr)  # the German messages of a failed rebuild
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    first = True
    quick: QuickPreview | None = None  # after a whole build: for saves that change only texts
    native: Watchers | None = None
    serve_url = ""
    pages: set[Path] = set()  # the last build's pages: those it no longer has are removed

    def get_config() -> Any:
        options: dict[str, Any] = {"site_dir": str(site_dir)}
        if dev_addr:
            options["dev_addr"] = dev_addr
        return load_config(str(config_file), **options)

    def builder(config: Any = None) -> None:
        nonlocal first, pages, quick
        changed = native.take() if native is not None else None
        if quick is not None and changed is not None and config is None:
            start = time.perf_counter()
            try:
                count = quick.update(changed)
            except Exception:  # what the quick way cannot do, the rebuild does, and reports
                count = None
            if count:
                print(f"Vorschau gebaut in {time.perf_counter() - start:.1f} s (nur {count} geänderte "
                      f"Seite{'' if count == 1 else 'n'}).", file=sys.stderr)
            if count is not None:
                return
        quick = None
        config = config or get_config()
        config.site_url = serve_url
        plugin = config.plugins.get("familiennetz")
        if plugin is not None:
            plugin.cache_dir, plugin.validation_cache = kept, validation
            plugin.keep_search = not first
            if now:
                plugin.config.now = now
        start = time.perf_counter()
        try:
            build(config, serve_url=serve_url, dirty=plugin is not None)
        except Abort:
            print("Die Vorschau wurde nicht neu gebaut: siehe die Meldungen darüber. Sie zeigt "
                  "weiter den letzten fehlerfreien Stand.", file=sys.stderr)
            return
        counts = plugin.keep_pages() if plugin is not None else None
        first = False
        if plugin is not None and plugin.reuse is not None:
            for gone in pages - plugin.reuse.dests:  # a deleted or moved item's old page
                gone.unlink(missing_ok=True)
            pages = plugin.reuse.dests
            quick = QuickPreview(config, plugin, validation)
        done = f" ({counts[0]} Seiten neu erzeugt)" if counts else ""
        print(f"Vorschau gebaut in {time.perf_counter() - start:.1f} s{done}.", file=sys.stderr)

    try:
        config = get_config()
    except ConfigurationError as exc:
        print(f"Die Vorschau startet nicht: {exc}", file=sys.stderr)
        return 1
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir),
                              mount_path=mount_path)
    server.error_handler = lambda code: _error_page(site_dir, code)
    watched = [p for p in (config.docs_dir, config.config_file_path, config.theme.custom_dir) if p]
    native = native_watchers(watched)
    if native is not None:  # it also says which files changed: the quick update needs that
        server.observer = native  # type: ignore[assignment]  # what the server asks of it
    try:
        builder(config)
        for path in watched:
            server.watch(path)
        print(f"Vorschau: {serve_url} — Strg+C beendet sie.", file=sys.stderr)
        try:
            server.serve()  # type: ignore[no-untyped-call]
        finally:
            server.shutdown()
    finally:
        validation.save()
    return 0


@contextlib.contextmanager
def _ended_as_by_ctrl_c() -> Iterator[None]:
    """`kill` (SIGTERM) and a closed terminal (SIGHUP) end the preview as Ctrl+C does, so
    that it removes its temporary folder: Python's default for them ends at once."""
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    ending = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {number: signal.signal(number, stop) for number in ending}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
