"""Which files the preview's server hears about, and how: the system's own notifications
(inotify) for the folders, where it has them for every folder, instead of MkDocs' polling
of every file twice a second; and which files changed since the last rebuild, for the
quick update (`quick.py`)."""

from __future__ import annotations

import os
import threading
from typing import Any

from watchdog import events

__all__ = ["Watchers", "native_watchers"]


_CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]


class Watchers:
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


def native_watchers(paths: list[str]) -> Watchers | None:
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
        return Watchers(InotifyObserver())
    except (ImportError, OSError):
        return None
