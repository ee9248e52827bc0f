"""到期提醒 in 证照: permits ending within 90, 60 or 30 days, exported or reminded per holder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.services.errors import ServiceError
from desktop_app.services.expiry import WINDOWS, ExpiringPermit
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, named, row_table


@dataclass(frozen=True)
class ExpiringActions:
    rows: Callable[[int], list[ExpiringPermit]]  # within N days
    export: Callable[[list[ExpiringPermit], Path], None]
    remind: Callable[[str, int], str]  # certificate, days → what was done


class ExpiringPanel(QWidget):
    def __init__(self, actions: ExpiringActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expiringPanel")
        self._actions = actions
        self.window_filter = named(QComboBox(), "expiringWindowFilter")
        for days in WINDOWS:
            self.window_filter.addItem(tr("{days}天内到期").format(days=days), days)
        self.model: RowTableModel[ExpiringPermit] = RowTableModel(
            [
                Column(
                    tr("有效期至"),
                    lambda r: r.valid_to.isoformat(),
                    lambda r: ALARM if r.days_left <= 30 else None,
                ),
                Column(tr("剩余天数"), lambda r: str(r.days_left)),
                Column(tr("证书编号"), lambda r: r.number),
                Column(tr("持证主体"), lambda r: r.holder_name),
                Column(tr("许可证"), lambda r: r.permit_name),
                Column(tr("许可证编号"), lambda r: r.permit_no),
                Column(tr("审批部门"), lambda r: r.department_name),
            ],
            self,
        )
        self.table = row_table(self.model, "expiringTable")
        self.export_button = named(QPushButton(tr("导出 Excel(&E)")), "exportExpiringButton")
        self.remind_button = named(QPushButton(tr("打印延续提醒告知书(&M)")), "remindButton")
        self.status_label = named(QLabel(), "expiringStatusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        label = QLabel(tr("到期提醒(&D)："))
        label.setBuddy(self.window_filter)
        buttons.addWidget(label)
        buttons.addWidget(self.window_filter)
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.remind_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.window_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.export_button.clicked.connect(self._on_export)
        self.remind_button.clicked.connect(self._on_remind)
        self.refresh()

    def days(self) -> int:
        return int(self.window_filter.currentData())

    def show_within(self, days: int) -> None:
        """统计's link lands here with its own window (30 days)."""
        index = self.window_filter.findData(days)
        if index >= 0 and index != self.window_filter.currentIndex():
            self.window_filter.setCurrentIndex(index)  # refreshes
        else:
            self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        try:
            self.model.set_rows(self._actions.rows(self.days()))
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            return
        self.table.resizeColumnsToContents()
        self.status_label.setText(
            tr("{count}项许可将在{days}天内到期").format(
                count=self.model.rowCount(), days=self.days()
            )
        )

    def _selected(self) -> ExpiringPermit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _on_export(self) -> None:
        name = tr("到期提醒-{day}.xlsx").format(day=clock.today().isoformat())
        path, _ = QFileDialog.getSaveFileName(self, tr("导出到期提醒"), name, "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            self._actions.export(list(self.model.rows()), path)
        except OSError as exc:
            self.status_label.setText(
                tr("未能导出：{reason}").format(reason=exc.strerror or str(exc))
            )
            return
        self.status_label.setText(tr("已导出：{path}").format(path=path))

    def _on_remind(self) -> None:
        row = self._selected()
        if row is None:
            self.status_label.setText(tr("请先选择一项许可"))
            return
        try:
            self.status_label.setText(self._actions.remind(row.number, self.days()))
        except ServiceError as exc:
            self.status_label.setText(exc.message)
        except RuntimeError as exc:
            self.status_label.setText(tr("未能打印：{exc}").format(exc=exc))
