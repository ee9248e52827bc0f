"""执法检查人员名录 in the 监管 tab: the inspectors per department and whom each must not inspect.

Inspector accounts are users with the role 执法检查人员 (设置 → 用户, by the administrator); the
supervisor records a 回避 here, and a draw never sends an inspector to such an enterprise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.errors import ServiceError
from desktop_app.services.supervision import RosterRow
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import named, ok_cancel, row_table, run_dialog, say


@dataclass(frozen=True)
class RosterActions:
    rows: Callable[[], list[RosterRow]]
    add_conflict: Callable[[str, str, str], None]  # (inspector, credit code, reason)
    departments: dict[str, str]  # code → name
    may_edit: bool  # the supervisor or the administrator


class ConflictDialog(QDialog):
    def __init__(self, rows: list[RosterRow], chosen: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("登记回避"))
        self.inspector_combo = named(QComboBox(), "conflictInspectorCombo")
        for row in rows:
            if not row.disabled:
                label = tr("{name}（{username}）").format(
                    name=row.display_name, username=row.username
                )
                self.inspector_combo.addItem(label, row.username)
        self.inspector_combo.setCurrentIndex(max(self.inspector_combo.findData(chosen), 0))
        self.code_edit = named(QLineEdit(), "conflictCodeEdit")
        self.code_edit.setMaxLength(18)
        self.code_edit.setPlaceholderText(tr("18位统一社会信用代码"))
        self.reason_edit = named(QLineEdit(), "conflictReasonEdit")
        self.reason_edit.setMaxLength(500)
        form = QFormLayout(self)
        form.addRow(tr("检查人员："), self.inspector_combo)
        form.addRow(tr("统一社会信用代码："), self.code_edit)
        form.addRow(tr("回避理由："), self.reason_edit)
        form.addRow(ok_cancel(self))


class RosterPanel(QWidget):
    def __init__(self, actions: RosterActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self._actions = actions
        self.model: RowTableModel[RosterRow] = RowTableModel(
            [
                Column(tr("部门"), lambda r: actions.departments.get(r.department, r.department)),
                Column(tr("姓名"), lambda r: r.display_name),
                Column(tr("用户名"), lambda r: r.username),
                Column(tr("状态"), lambda r: tr("已停用") if r.disabled else tr("在岗")),
                Column(
                    tr("回避"),
                    lambda r: tr("；").join(
                        tr("{code}（{reason}）").format(code=code, reason=why)
                        for code, why in r.conflicts
                    ),
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "rosterTable")
        self.conflict_button = named(QPushButton(tr("登记回避(&C)…")), "addConflictButton")
        self.conflict_button.setVisible(actions.may_edit)
        self.status_label = named(QLabel(), "rosterStatusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("执法检查人员名录（增加或停用检查人员：设置 → 用户，由系统管理员办理）"))
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.conflict_button.clicked.connect(self._add_conflict)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._actions.rows())
        self.table.resizeColumnsToContents()

    def _say(self, text: str, alarm: bool = False) -> None:
        say(self.status_label, text, alarm)

    def _add_conflict(self) -> None:
        rows = [self.model.row(i) for i in range(self.model.rowCount())]
        if not any(not r.disabled for r in rows):
            self._say(tr("还没有在岗的执法检查人员"), alarm=True)
            return
        selected = self.table.selectionModel().selectedRows()
        chosen = self.model.row(selected[0].row()).username if selected else ""
        dialog = ConflictDialog(rows, chosen, self)
        if not run_dialog(dialog):
            return
        inspector = str(dialog.inspector_combo.currentData())
        try:
            self._actions.add_conflict(
                inspector, dialog.code_edit.text(), dialog.reason_edit.text()
            )
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(
            tr("已登记 {inspector} 回避 {code}").format(
                inspector=inspector, code=dialog.code_edit.text().strip().upper()
            )
        )
        self.refresh()
