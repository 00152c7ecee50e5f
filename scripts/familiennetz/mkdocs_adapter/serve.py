"""`familiennetz serve` (`make serve`): the preview on this machine, rebuilt after every
saved file and reloaded in the browser by MkDocs' own live-reload server.

Unlike `mkdocs serve`, which converts and renders every page again on each save, a rebuild
here checks again only the files that changed (a `ValidationCache` kept in this process),
renders only the pages whose inputs changed (the page cache, in `.cache/preview/`, apart
from the published build's) and reuses unchanged feeds and calendars. The search index and
search page are those of the first build: re-indexing every save would take longer than
the rest of the rebuild (`make site` builds them in full).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog import events

from ..cache.validation import ValidationCache
from .quick import QuickPreview
from .reuse import quiet_dirty_warning

__all__ = ["serve"]

log = logging.getLogger("mkdocs.plugins.familiennetz")


def serve(config_file: Path, *, dev_addr: str | None = None, cache: Path = Path(".cache"),
          now: str | None = None) -> int:
    site_dir = Path(tempfile.mkdtemp(prefix="familiennetz-vorschau-"))
    validation = ValidationCache(cache, save_each_time=False)
    kept = cache / "preview"
    quiet_dirty_warning()
    handler = logging.StreamHandler(sys.stderr)  # the German messages of a failed rebuild
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    first = True
    quick: QuickPreview | None = None  # after a whole build: for saves that change only texts
    native: _Watchers | None = None
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
            if count is not None:
                print(f"Vorschau gebaut in {time.perf_counter() - start:.1f} s (nur {count} geänderte "
                      f"Seite{'' if count == 1 else 'n'}).", file=sys.stderr)
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
    native = _native_observer(watched)
    if native is not None:  # it also says which files changed: the quick update needs that
        server.observer = native  # type: ignore[assignment]  # what the server asks of it
    try:
        builder(config)
        for path in watched:
            server.watch(path)
        print(f"Vorschau: {serve_url} — Strg+C beendet sie.", file=sys.stderr)
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        validation.save()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


_CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]


class _Watchers:
    """What MkDocs' server asks of its observer, split: the system's own notifications
    (inotify) for the folders, polling for single files (`mkdocs.yml`), whose inotify watch
    an editor that saves by replacing the file would end. MkDocs polls everything: at 10,000
    files each look takes a tenth of a second, twice a second, beside the rebuild, and a save
    is seen only at the next look."""

    def __init__(self, folders: Any) -> None:
        from watchdog.observers.polling import PollingObserver

        self.folders, self.files = folders, PollingObserver(timeout=0.5)
        self._changed: set[str] = set()  # files changed since the last `take`
        self._lock = threading.Lock()

    def take(self) -> set[str]:
        """The files changed since the last call."""
        with self._lock:
            changed, self._changed = self._changed, set()
        return changed

    def _record(self, handler: Any) -> None:
        tell = handler.on_any_event

        def record(event: events.FileSystemEvent) -> None:
            if not event.is_directory:
                with self._lock:
                    self._changed.update(os.fsdecode(p) for p in (event.src_path, event.dest_path) if p)
            else:
                with self._lock:
                    self._changed.add("")  # a folder: never a quick update
            tell(event)

        handler.on_any_event = record

    def _of(self, path: str) -> Any:
        return self.folders if os.path.isdir(path) else self.files

    def schedule(self, handler: Any, path: str, recursive: bool = True) -> Any:
        self._record(handler)
        if self._of(path) is self.files:
            return self.files.schedule(handler, path, recursive=recursive)
        # Changes only: inotify also reports every file opened and read — by the rebuild
        # itself, which would then start the next one, and so on for ever.
        return self.folders.schedule(handler, path, recursive=recursive, event_filter=_CHANGES)

    def unschedule(self, watch: Any) -> None:
        self._of(watch.path).unschedule(watch)

    def start(self) -> None:
        self.folders.start()
        self.files.start()

    def stop(self) -> None:
        self.folders.stop()
        self.files.stop()

    def join(self, timeout: float | None = None) -> None:
        self.folders.join(timeout)
        self.files.join(timeout)


def _native_observer(paths: list[str]) -> _Watchers | None:
    """inotify for the folders, where the system has it and can watch every one of them."""
    try:
        from watchdog.observers.inotify import InotifyObserver

        probe = InotifyObserver()
        for path in paths:
            if os.path.isdir(path):
                probe.schedule(events.FileSystemEventHandler(), path, recursive=True)
        probe.start()  # fails where there are too many folders to watch
        probe.stop()
        probe.join()
        return _Watchers(InotifyObserver())
    except (ImportError, OSError):
        return None


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
