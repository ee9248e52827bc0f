"""Composition root of the GUI: fonts, catalog, store, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from desktop_app.bootstrap import open_store
from desktop_app.catalog import CatalogError, load_catalog
from desktop_app.db import NetworkShareError
from desktop_app.ui.fonts import FontLoadError, load_cjk_font
from desktop_app.ui.main_window import MainWindow

COUNTER_SCREEN = (1366, 768)


class _QuitAfterFirstPaint(QObject):
    """For ``--smoke``: leaves the event loop with exit code 0 once the window has painted."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Queued, so the paint itself completes before the loop ends.
            QTimer.singleShot(0, lambda: self._app.exit(0))
        return False


def _fatal(message: str, interactive: bool) -> int:
    print(f"yiye：{message}", file=sys.stderr)
    if interactive:  # a self-check has nobody to close a dialog
        QMessageBox.critical(None, "无法启动", message)
    return 1


def build_main_window(url: str | None = None) -> MainWindow:
    """Builds everything the GUI needs; raises on a bad catalog, font or database."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    load_cjk_font(app)
    catalog = load_catalog()
    # Opening (and upgrading) now tells the clerk at start-up, not at the first save, that the
    # store is unusable.
    store = open_store(url)
    window = MainWindow(catalog, store.info)
    window.resize(*COUNTER_SCREEN)
    return window


def run_gui(database_url: str | None = None, smoke: bool = False) -> int:
    """Starts the counter application and runs its event loop; returns the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("yiye")
    app.setApplicationDisplayName("一业一证")
    try:
        window = build_main_window(database_url)
    except FontLoadError as exc:
        return _fatal(str(exc), not smoke)
    except CatalogError as exc:
        return _fatal(f"行业目录有误：{exc}", not smoke)
    except NetworkShareError as exc:
        return _fatal(str(exc), not smoke)
    except SQLAlchemyError as exc:
        return _fatal(f"无法打开数据库：{exc}", not smoke)
    watcher = _QuitAfterFirstPaint(app)
    if smoke:
        window.installEventFilter(watcher)
    window.show()
    return app.exec()
