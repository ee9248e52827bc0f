"""承诺核查: the 告知承诺 checks due, the overdue in red; the department records each result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Catalog
from desktop_app.services.commitments import CheckRow
from desktop_app.services.errors import ServiceError
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, named, row_table


@dataclass(frozen=True)
class CommitmentActions:
    checks: Callable[[bool], list[CheckRow]]  # (include the closed ones)
    # (check, passed, findings) → the 撤销行政许可决定书's number when it failed (printed)
    verify: Callable[[CheckRow, bool, str], str | None]
    may_verify: bool


def _state(row: CheckRow) -> str:
    if row.state == "passed":
        return tr("通过")
    if row.state == "failed":
        return tr("不通过（已撤销）")
    return tr("已逾期") if row.overdue else tr("待核查")


class CommitmentsTab(QWidget):
    def __init__(
        self, catalog: Catalog, actions: CommitmentActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentsTab")
        self._actions = actions
        permits = catalog.permits
        self.model: RowTableModel[CheckRow] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("许可事项"), lambda r: permits[r.permit].name),
                Column(tr("许可证号"), lambda r: r.permit_no or ""),
                Column(
                    tr("核查期限"),
                    lambda r: r.due_on.isoformat(),
                    lambda r: ALARM if r.overdue else None,
                ),
                Column(tr("状态"), _state, lambda r: ALARM if r.overdue else None),
                Column(tr("核查情况"), lambda r: r.note or ""),
            ],
            self,
        )
        self.table = row_table(self.model, "commitmentsTable")
        self.closed_box = named(QCheckBox(tr("含已核查(&L)")), "commitmentsClosedBox")
        self.pass_button = named(QPushButton(tr("核查通过(&P)")), "checkPassedButton")
        self.fail_button = named(QPushButton(tr("核查不通过(&F)")), "checkFailedButton")
        self.status_label = named(QLabel(), "commitmentsStatusLabel")
        for button in (self.pass_button, self.fail_button):
            button.setVisible(actions.may_verify)
        buttons = QHBoxLayout()
        buttons.addWidget(self.closed_box)
        buttons.addStretch()
        buttons.addWidget(self.pass_button)
        buttons.addWidget(self.fail_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.closed_box.toggled.connect(self.refresh)
        self.pass_button.clicked.connect(lambda: self._verify(passed=True))
        self.fail_button.clicked.connect(lambda: self._verify(passed=False))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._actions.checks(self.closed_box.isChecked()))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def selected(self) -> CheckRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.pass_button, self.fail_button):
            button.setEnabled(row is not None and row.state == "open")

    def _verify(self, passed: bool) -> None:
        row = self.selected()
        if row is None:
            return
        if passed:
            title, prompt = tr("核查通过"), tr("核查情况（可写明核查的内容）：")
        else:
            title, prompt = tr("核查不通过"), tr("发现的问题（将载入撤销行政许可决定书）：")
        dialog = ReasonDialog(title, prompt, self, optional=passed)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            revocation = self._actions.verify(row, passed, dialog.reason())
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            QMessageBox.warning(self, tr("未能办理"), exc.message)
        except RuntimeError as exc:
            self.status_label.setText(tr("已登记，但撤销决定书未能打印：{exc}").format(exc=exc))
        else:
            self.status_label.setText(
                tr("{number} 核查通过").format(number=row.number)
                if revocation is None
                else tr("{number} 核查不通过，许可已撤销，撤销决定书 {notice} 已打印").format(
                    number=row.number, notice=revocation
                )
            )
        self.refresh()
