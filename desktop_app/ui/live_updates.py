"""Brings the hall's change feed (sync/feed.py) onto the GUI thread: lists refresh themselves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.db import Store
from desktop_app.sync.feed import Change, FeedWatcher


class LiveUpdates(QObject):
    """Runs a FeedWatcher; its reports arrive as signals, queued onto the GUI thread."""

    changed = Signal(list)  # list[Change]
    status = Signal(object)  # str | None: why the database cannot be reached, or None

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stopped = False
        watcher = self._watcher = FeedWatcher(store, self._changed, self._status)
        self.destroyed.connect(lambda *_: watcher.stop())

    def start(self) -> None:
        self._watcher.start()

    def stop(self) -> None:
        self._stopped = True
        self._watcher.stop()

    # These run on the watcher's thread; the signals queue them onto the GUI thread.
    def _changed(self, changes: list[Change]) -> None:
        if not self._stopped:
            self.changed.emit(changes)

    def _status(self, problem: str | None) -> None:
        if not self._stopped:
            self.status.emit(problem)
