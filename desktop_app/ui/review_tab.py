"""部门审批: the reviewer's queue for their own department and the decision buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.states import (
    ITEM_KIND_NAMES,
    ITEM_MODE_NAMES,
    ITEM_STATE_NAMES,
    ItemState,
)
from desktop_app.services.attachments import Attachment, WindowCheck
from desktop_app.services.cases import DepartmentView, HistoryRow, QueueRow
from desktop_app.services.deferred import DeferredRow
from desktop_app.services.errors import ServiceError
from desktop_app.ui.decision_dialogs import ApproveDialog, ReasonDialog
from desktop_app.ui.i18n import tr
from desktop_app.ui.review_detail import SCAN_SCHEME, review_html
from desktop_app.ui.scan_viewer import open_scan
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, due_text, named, row_table


@dataclass(frozen=True)
class ReviewDetail:
    """What the reviewer decides on: the filed form and materials their department needs."""

    view: DepartmentView
    deferred: list[DeferredRow]  # this item's 容缺 materials
    history: list[HistoryRow]
    files: list[Attachment] = field(default_factory=list)  # scans of the department's materials
    checks: list[WindowCheck] = field(default_factory=list)
    site_check: str | None = None  # where this item's 现场核查 stands; None: it needs none


@dataclass(frozen=True)
class ReviewActions:
    """The services the tab calls (each one transaction); wired in Counter."""

    queue: Callable[[], list[QueueRow]]
    take_up: Callable[[QueueRow], None]
    request_correction: Callable[[QueueRow, str], None]
    approve: Callable[[QueueRow, str, dt.date, dt.date | None], None]
    reject: Callable[[QueueRow, str], None]
    detail: Callable[[QueueRow], ReviewDetail] | None = None
    open_scan: Callable[[str], tuple[bytes, str]] | None = None  # sha256 → bytes, content type


class ReviewTab(QWidget):
    def __init__(
        self, catalog: Catalog, actions: ReviewActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTab")
        self._catalog = catalog
        self._actions = actions
        permits = catalog.permits
        self.model: RowTableModel[QueueRow] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("许可事项"), lambda r: permits[r.permit].display_name(r.variant)),
                Column(tr("办理类型"), lambda r: tr(ITEM_KIND_NAMES.get(r.kind, r.kind))),
                Column(tr("状态"), lambda r: tr(ITEM_STATE_NAMES[ItemState(r.state)])),
                Column(tr("办理方式"), lambda r: tr(ITEM_MODE_NAMES.get(r.mode, r.mode))),
                Column(
                    tr("承诺期限"), due_text, lambda r: ALARM if r.due < clock.today() else None
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "reviewQueueTable")
        self.detail_view = named(QTextBrowser(), "reviewDetailView")
        self.detail_view.setPlaceholderText(tr("选择一项查看申请表、材料和办理记录"))
        self.detail_view.setOpenLinks(False)  # a scan's link opens it here, not as a web page
        self.detail_view.anchorClicked.connect(self._on_link)
        self.scan_dialog: QDialog | None = None
        self.take_up_button = named(QPushButton(tr("受理审查(&T)")), "takeUpButton")
        self.correction_button = named(QPushButton(tr("要求补正(&C)")), "correctionButton")
        self.approve_button = named(QPushButton(tr("准予许可(&A)")), "approveButton")
        self.reject_button = named(QPushButton(tr("不予许可(&R)")), "rejectButton")
        self.refresh_button = named(QPushButton(tr("刷新(&F)")), "refreshReviewButton")
        self.kind_filter = named(QComboBox(), "reviewKindFilter")
        self.kind_filter.addItem(tr("全部类型"), None)
        for kind, name in ITEM_KIND_NAMES.items():
            self.kind_filter.addItem(tr(name), kind)
        self.kind_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.status_label = named(QLabel(), "reviewStatusLabel")
        buttons = QHBoxLayout()
        for button in (
            self.take_up_button,
            self.correction_button,
            self.approve_button,
            self.reject_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.kind_filter)
        buttons.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_view)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.take_up_button.clicked.connect(
            lambda: self._run(lambda row: actions.take_up(row), tr("已受理审查"))
        )
        self.correction_button.clicked.connect(self._on_correction)
        self.approve_button.clicked.connect(self._on_approve)
        self.reject_button.clicked.connect(self._on_reject)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.refresh()

    def refresh(self) -> None:
        # Refreshed by every action and by other counters' changes: keep the reviewer's place.
        selected = self.selected()
        kind = self.kind_filter.currentData()
        self.model.set_rows([r for r in self._actions.queue() if kind is None or r.kind == kind])
        self.table.resizeColumnsToContents()
        if selected is not None:
            for index in range(self.model.rowCount()):
                row = self.model.row(index)
                if (row.number, row.permit) == (selected.number, selected.permit):
                    self.table.selectRow(index)
        self._update_buttons()

    def selected(self) -> QueueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def _on_selected(self) -> None:
        self._update_buttons()
        row = self.selected()
        if row is None or self._actions.detail is None:
            self.detail_view.clear()
            return
        try:
            detail = self._actions.detail(row)
        except ServiceError as exc:
            self.detail_view.setPlainText(exc.message)
            return
        self.detail_view.setHtml(review_html(detail, row, self._catalog))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == SCAN_SCHEME and self._actions.open_scan is not None:
            self.open_scan(url.path())

    def open_scan(self, sha256: str) -> None:
        """Shows one scan; a file that cannot be read is said in the status line."""
        assert self._actions.open_scan is not None
        opened = open_scan(self._actions.open_scan, sha256, self)
        if isinstance(opened, str):
            self.status_label.setText(opened)
        else:
            self.scan_dialog = opened

    def _update_buttons(self) -> None:
        row = self.selected()
        state = row.state if row else None
        self.take_up_button.setEnabled(state == "pending")
        self.correction_button.setEnabled(state == "in_review")
        self.approve_button.setEnabled(state == "in_review")
        self.reject_button.setEnabled(state == "in_review")

    def _run(self, action: Callable[[QueueRow], None], done: str) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            action(row)
        except ServiceError as exc:
            QMessageBox.warning(self, tr("未能办理"), exc.message)
            self.status_label.setText(exc.message)
        else:
            self.status_label.setText(f"{row.number} {done}")
        self.refresh()

    def _on_approve(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ApproveDialog(
            self._catalog.permits[row.permit].display_name(row.variant),
            self,
            row.kind,
            (row.permit_no, row.valid_from, row.valid_to),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            permit_no, valid_from, valid_to = dialog.values()
            self._run(
                lambda r: self._actions.approve(r, permit_no, valid_from, valid_to),
                tr("已准予许可"),
            )

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        dialog = ReasonDialog(title, prompt, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _on_correction(self) -> None:
        reason = self._ask_reason(
            tr("要求补正"), tr("一次性列明需要补正的全部内容（审批时限暂停计算）：")
        )
        if reason is not None:
            self._run(lambda r: self._actions.request_correction(r, reason), tr("已要求补正"))

    def _on_reject(self) -> None:
        reason = self._ask_reason(
            tr("不予许可"), tr("写明不予许可的理由（将载入不予许可决定书）：")
        )
        if reason is not None:
            self._run(lambda r: self._actions.reject(r, reason), tr("已作出不予许可决定"))
