"""The quick check of the store's file as the counter starts, off the UI thread (integrity.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app import error_log, integrity
from desktop_app.db import Store


class StartupCheck(QObject):
    """Reads the whole file while the clerk signs in; ``damaged`` carries the way out."""

    damaged = Signal(str)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = integrity.check_store(self._store)
        except Exception as exc:  # a check that cannot run is logged, not taken for damage
            error_log.record(exc, "startup integrity check")
            return
        if result.message is not None:
            self.damaged.emit(result.message)
