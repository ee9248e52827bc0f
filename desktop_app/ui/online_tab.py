"""网上申请: applications submitted online, pre-checked (预审) here: 受理, 退回补正 or 不予受理.

Accepting first brings the application's files from the platform (on a background thread: the
screen stays usable), then runs the wizard's checks. When the checks find something missing, the
messages are offered as the 补正 reasons.
"""

from __future__ import annotations

import contextlib
import html
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import error_log
from desktop_app.catalog import Catalog
from desktop_app.services.errors import ServiceError, SubmissionError
from desktop_app.services.intake import Receipt
from desktop_app.services.online import STATE_NAMES, OnlineRow
from desktop_app.sync.client import PlatformError
from desktop_app.sync.online_protocol import FileRef
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.i18n import tr
from desktop_app.ui.review_detail import SCAN_SCHEME
from desktop_app.ui.scan_viewer import open_scan
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, local_minutes, named, row_table


@dataclass(frozen=True)
class OnlineDetail:
    sections: list[tuple[str, list[tuple[str, str]]]]  # the form as filed: (title, label/value)
    files: list[tuple[str, FileRef, bool]]  # material key, file, already in the store


@dataclass(frozen=True)
class OnlineActions:
    listing: Callable[[], list[OnlineRow]]
    detail: Callable[[int], OnlineDetail]
    fetch_files: Callable[[int], int]  # over the network; raises PlatformError
    accept: Callable[[int], Receipt]
    return_for_correction: Callable[[int, list[str]], None]
    refuse: Callable[[int, str], None]
    open_scan: Callable[[str], tuple[bytes, str]]


def _e(text: object) -> str:
    return html.escape(str(text))


def detail_html(row: OnlineRow, detail: OnlineDetail, catalog: Catalog) -> str:
    form = "".join(
        "<h4>{}</h4><table>{}</table>".format(
            _e(title),
            "".join(
                f"<tr><td style='padding-right:12px'>{_e(label)}</td><td>{_e(value)}</td></tr>"
                for label, value in rows
            ),
        )
        for title, rows in detail.sections
    )
    names = {key: m.name for key, m in catalog.materials.items()}
    files = "".join(
        "<tr><td style='padding-right:12px'>{}</td><td>{}</td></tr>".format(
            _e(names.get(key, key)),
            f"<a href='{SCAN_SCHEME}:{ref.sha256}'>{_e(ref.name)}</a>"
            if stored
            else _e(tr("{name}（尚未取得，受理时自动下载）").format(name=ref.name)),
        )
        for key, ref, stored in detail.files
    )
    parts = [
        "<h3>{}</h3>".format(
            _e(tr("网上申请 {id}　{name}").format(id=row.platform_id, name=row.enterprise_name))
        ),
        form,
        f"<h4>{_e(tr('上传的材料'))}</h4><table>{files}</table>",
    ]
    if row.note:
        parts.insert(1, f"<p style='color:{ALARM}'>{_e(row.note)}</p>")
    if row.reasons:
        parts.insert(1, "<p>{}</p>".format(_e(tr("理由：") + tr("；").join(row.reasons))))
    return "".join(parts)


class OnlineTab(QWidget):
    files_fetched = Signal(int, object)  # online id, an error message or None (GUI thread)

    def __init__(
        self, catalog: Catalog, actions: OnlineActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onlineTab")
        self._catalog = catalog
        self._actions = actions
        self._busy: int | None = None
        self.scan_dialog: QDialog | None = None
        self.model: RowTableModel[OnlineRow] = RowTableModel(
            [
                Column(
                    tr("提交时间"),
                    lambda r: local_minutes(r.submitted_at) if r.submitted_at else "",
                ),
                Column(
                    tr("渠道"),
                    lambda r: {"web": tr("政务服务网"), "app": tr("我的宁夏")}.get(
                        r.channel or "", r.channel or ""
                    ),
                ),
                Column(tr("行业"), lambda r: self._industry(r.industry)),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("材料文件"), lambda r: str(r.files)),
                Column(
                    tr("状态"),
                    lambda r: tr(STATE_NAMES.get(r.state, r.state)),
                    lambda r: ALARM if r.state == "invalid" else None,
                ),
                Column(tr("受理编号"), lambda r: r.receipt_no or ""),
            ],
            self,
        )
        self.table = row_table(self.model, "onlineTable")
        self.detail_view = named(QTextBrowser(), "onlineDetailView")
        self.detail_view.setOpenLinks(False)
        self.detail_view.anchorClicked.connect(self._on_link)
        self.accept_button = named(QPushButton(tr("受理(&S)")), "onlineAcceptButton")
        self.return_button = named(QPushButton(tr("退回补正(&B)…")), "onlineReturnButton")
        self.refuse_button = named(QPushButton(tr("不予受理(&J)…")), "onlineRefuseButton")
        self.refresh_button = named(QPushButton(tr("刷新(&F)")), "onlineRefreshButton")
        self.status_label = named(QLabel(), "onlineStatusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.return_button, self.refuse_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_view)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.accept_button.clicked.connect(self._on_accept)
        self.return_button.clicked.connect(lambda: self._on_return())
        self.refuse_button.clicked.connect(self._on_refuse)
        self.refresh_button.clicked.connect(self.refresh)
        self.files_fetched.connect(self._after_fetch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.refresh()

    def _industry(self, code: str | None) -> str:
        industry = self._catalog.find_industry(code or "")
        return industry.name if industry is not None else code or ""

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(self._actions.listing())
        self.table.resizeColumnsToContents()
        if selected is not None:
            for index in range(self.model.rowCount()):
                if self.model.row(index).id == selected.id:
                    self.table.selectRow(index)
        self._update_buttons()

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def selected(self) -> OnlineRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        waiting = row is not None and row.state == "waiting" and self._busy is None
        for button in (self.accept_button, self.return_button, self.refuse_button):
            button.setEnabled(waiting)

    def _on_selected(self) -> None:
        self._update_buttons()
        row = self.selected()
        if row is None:
            self.detail_view.clear()
            return
        try:
            detail = self._actions.detail(row.id)
        except ServiceError as exc:
            self.detail_view.setPlainText(exc.message)
            return
        self.detail_view.setHtml(detail_html(row, detail, self._catalog))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() != SCAN_SCHEME:
            return
        opened = open_scan(self._actions.open_scan, url.path(), self)
        if isinstance(opened, str):
            self.status_label.setText(opened)
        else:
            self.scan_dialog = opened

    # --- 受理 ----------------------------------------------------------------------------------

    def _on_accept(self) -> None:
        row = self.selected()
        if row is None or self._busy is not None:
            return
        self._busy = row.id
        self._update_buttons()
        self.status_label.setText(tr("正在从平台取得材料文件…"))
        threading.Thread(target=self._fetch, args=(row.id,), daemon=True).start()

    def _fetch(self, online_id: int) -> None:
        """On a worker thread: the network, then the answer posted back to the GUI thread."""
        problem: str | None = None
        try:
            self._actions.fetch_files(online_id)
        except (PlatformError, ServiceError) as exc:
            problem = exc.message
        except Exception as exc:  # on a worker thread: said in the tab, logged, never lost
            problem = error_log.internal_error_message(exc, "online application: its files")
        with contextlib.suppress(RuntimeError):  # the tab was closed meanwhile: nobody to tell
            self.files_fetched.emit(online_id, problem)

    def _after_fetch(self, online_id: int, problem: str | None) -> None:
        self._busy = None
        if problem is not None:
            self.status_label.setText(
                tr("材料文件暂时无法取得：{problem}（未受理，可稍后再试）").format(problem=problem)
            )
            self._update_buttons()
            return
        self.accept_now(online_id)

    def accept_now(self, online_id: int) -> None:
        """The checks and the case, once the files are in the store."""
        try:
            receipt = self._actions.accept(online_id)
        except SubmissionError as exc:
            self.status_label.setText(tr("不能受理：{problems}").format(problems=exc.message))
            self.refresh()
            self._on_return(list(exc.errors.values()))
            return
        except ServiceError as exc:
            self.status_label.setText(exc.message)
        else:
            self.status_label.setText(tr("已受理，受理编号 {number}").format(number=receipt.number))
        self.refresh()
        self._on_selected()

    # --- 退回补正、不予受理 ----------------------------------------------------------------------

    def _on_return(self, suggested: list[str] | None = None) -> None:
        row = self.selected()
        if row is None or row.state != "waiting":
            return
        dialog = ReasonDialog(
            tr("退回补正"), tr("需要申请人补正的内容（每行一条，平台转告申请人）："), self
        )
        if suggested:
            dialog.reason_edit.setPlainText("\n".join(suggested))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reasons = [line for line in dialog.reason().splitlines() if line.strip()]
        self._decide(lambda: self._actions.return_for_correction(row.id, reasons), tr("已退回补正"))

    def _on_refuse(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ReasonDialog(tr("不予受理"), tr("不予受理的理由（平台转告申请人）："), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason()
        self._decide(lambda: self._actions.refuse(row.id, reason), tr("已不予受理"))

    def _decide(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except ServiceError as exc:
            self.status_label.setText(exc.message)
        else:
            self.status_label.setText(done + tr("，答复将发往平台"))
        self.refresh()
        self._on_selected()
