"""The GUI's one place for errors nothing else caught: logged, said in one line, the work kept.

PySide6 hands an exception raised in a slot to ``sys.excepthook`` and carries on with the event
loop, so the app survives it; this hook makes sure the clerk hears of it in Chinese, the draft
on screen is saved first, and the administrator finds the traceback in the error log. Exceptions
in worker threads are logged there and reported on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import error_log
from desktop_app.services.errors import ServiceError
from desktop_app.ui.i18n import tr


class ErrorHandler(QObject):
    """Installed once by the app; ``keep_work`` saves what is typed before the message shows."""

    reported = Signal(str)  # the one line shown, also from worker threads

    def __init__(
        self,
        keep_work: Callable[[], None] = lambda: None,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__()
        self._keep_work = keep_work
        self._parent_widget = parent_widget
        self._showing = False
        self.last_message = ""
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        message = self.message_for(exc.with_traceback(traceback), "GUI")
        try:
            self._keep_work()
        except Exception as failed:  # saving must not hide the first error
            error_log.record(failed, "GUI: saving the draft after an error")
        self._show(message)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.reported.emit(self.message_for(args.exc_value, f"thread {name}"))

    @staticmethod
    def message_for(exc: BaseException, context: str) -> str:
        if isinstance(exc, ServiceError):  # a refusal a screen forgot to catch: no log needed
            return exc.message
        return error_log.internal_error_message(exc, context)

    def _show(self, message: str) -> None:
        self.last_message = message
        if self._showing:  # one box at a time; the log has every error
            return
        self._showing = True
        try:
            QMessageBox.critical(
                self._parent_widget(),
                tr("未能完成操作"),
                tr("{message}\n\n已填写的内容都还在，可以继续办理。").format(message=message),
            )
        finally:
            self._showing = False
