"""The platform exchange's worker (sync/worker.py) under the main window, and its status line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.db import Store
from desktop_app.sync.worker import SyncWorker, WorkerReport
from desktop_app.ui.i18n import tr


class PlatformSync(QObject):
    reported = Signal(object)  # WorkerReport, queued onto the GUI thread
    writes_stopped = Signal(str)  # the nightly check found the file damaged

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stopped = False
        self._store = store
        worker = self._worker = SyncWorker(store, self._report)
        self.destroyed.connect(lambda *_: worker.stop(0))

    def start(self) -> None:
        self._worker.start()

    def poke(self) -> None:
        self._worker.poke()

    def stop(self) -> None:
        self._stopped = True
        self._worker.stop()

    def _report(self, report: WorkerReport) -> None:
        if not self._stopped:
            self.reported.emit(report)
            if self._store.writes_stopped is not None:
                self.writes_stopped.emit(self._store.writes_stopped)


def describe(report: WorkerReport) -> tuple[str, str, bool]:
    """The status bar's text, its tooltip, and whether it is a problem; text "" hides it."""
    if report.problem:
        return tr("平台同步：{problem}").format(problem=report.problem), report.problem, True
    status, result = report.status, report.result
    if status is None:
        return "", "", False
    details = tr("最近成功：{success}\n最近错误：{error}").format(
        success=status.last_success or "—", error=status.last_error or "—"
    )
    refused = (
        tr("，平台退回 {refused} 件（请负责人处理）").format(refused=status.refused)
        if status.refused
        else ""
    )
    if report.standby is not None:
        text = tr("平台同步由 {computer} 负责，待发 {outbox} 件{refused}").format(
            computer=report.standby.computer, outbox=status.outbox, refused=refused
        )
        return text, details, bool(status.refused)
    if result is None:
        return "", "", False
    if result.answered:
        text = tr("平台同步正常，待发 {outbox} 件{refused}").format(
            outbox=status.outbox, refused=refused
        )
        return text, details, bool(status.refused)
    text = tr("平台暂不可达，待发 {outbox} 件，自动重试{refused}").format(
        outbox=status.outbox, refused=refused
    )
    return text, details, True
