"""检查对象名录 in the 监管 tab: the holders of a valid certificate with their credit class."""

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

from desktop_app.services.enforcement import MeasureView
from desktop_app.services.errors import ServiceError
from desktop_app.services.supervision import RegistryEntry
from desktop_app.ui.i18n import tr
from desktop_app.ui.measure_dialogs import RectifiedDialog
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import named, ok_cancel, row_table, run_dialog, say

CLASSES = ("A", "B", "C", "D")


@dataclass(frozen=True)
class RegistryActions:
    entries: Callable[[], list[RegistryEntry]]
    set_class: Callable[[str, str, str], None]  # (credit code, class, reason)
    industries: dict[str, str]  # code → name
    may_set: bool  # the supervisor
    measures: Callable[[], list[MeasureView]]  # newest first
    close: Callable[[int, str], None]  # (measure, what the re-check found)


def _measure_text(measure: MeasureView) -> str:
    if measure.kind == "revoke":
        return tr("已撤销许可")
    if measure.closed_on is not None:
        return tr("整改完成（{day}）").format(day=measure.closed_on.isoformat())
    due = measure.due_on.isoformat() if measure.due_on else ""
    return tr("责令整改（至 {due}）").format(due=due)


class CreditDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("creditClassDialog")
        self.setWindowTitle(tr("调整信用等级"))
        self.class_combo = named(QComboBox(), "creditClassCombo")
        for credit_class in CLASSES:
            self.class_combo.addItem(credit_class, credit_class)
        self.class_combo.setCurrentIndex(max(CLASSES.index(current), 0))
        self.reason_edit = named(QLineEdit(), "creditReasonEdit")
        self.reason_edit.setMaxLength(500)
        form = QFormLayout(self)
        form.addRow(tr("信用等级："), self.class_combo)
        form.addRow(tr("调整理由："), self.reason_edit)
        form.addRow(ok_cancel(self))


class RegistryPanel(QWidget):
    def __init__(self, actions: RegistryActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryPanel")
        self._actions = actions
        self.model: RowTableModel[RegistryEntry] = RowTableModel(
            [
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("主体名称"), lambda r: r.name),
                Column(tr("行业"), lambda r: actions.industries.get(r.industry, r.industry)),
                Column(tr("信用等级"), lambda r: r.credit_class),
            ],
            self,
        )
        self.table = row_table(self.model, "registryTable")
        self.measure_model: RowTableModel[MeasureView] = RowTableModel(
            [
                Column(tr("证书编号"), lambda r: r.certificate_number),
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("许可证"), lambda r: r.permit_name),
                Column(tr("处理"), _measure_text),
                Column(tr("发现的问题"), lambda r: r.findings),
                Column(tr("决定书"), lambda r: r.document or ""),
            ],
            self,
        )
        self.measure_table = row_table(self.measure_model, "measureTable")
        self.close_button = named(QPushButton(tr("整改完成(&D)…")), "measureDoneButton")
        self.set_button = named(QPushButton(tr("调整信用等级(&L)…")), "setCreditButton")
        self.set_button.setVisible(actions.may_set)
        self.status_label = named(QLabel(), "registryStatusLabel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addStretch()
        measure_buttons = QHBoxLayout()
        measure_buttons.addWidget(self.close_button)
        measure_buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("检查对象名录：持有效行业综合许可证的主体")))
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("监管处理：责令整改与撤销许可（反馈到证照和统计）")))
        layout.addWidget(self.measure_table, 1)
        layout.addLayout(measure_buttons)
        layout.addWidget(self.status_label)
        self.set_button.clicked.connect(self._set_class)
        self.close_button.clicked.connect(self._close)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._actions.entries())
        self.table.resizeColumnsToContents()
        self.measure_model.set_rows(self._actions.measures())
        self.measure_table.resizeColumnsToContents()

    def _say(self, text: str, alarm: bool = False) -> None:
        say(self.status_label, text, alarm)

    def _close(self) -> None:
        rows = self.measure_table.selectionModel().selectedRows()
        if not rows:
            self._say(tr("请先选择监管处理"), alarm=True)
            return
        measure = self.measure_model.row(rows[0].row())
        if measure.kind != "rectify" or measure.closed_on is not None:
            self._say(tr("该处理已办结"), alarm=True)
            return
        dialog = RectifiedDialog(_measure_text(measure), self)
        if not run_dialog(dialog):
            return
        try:
            self._actions.close(measure.id, dialog.note_edit.text())
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(tr("已登记整改完成：{permit}").format(permit=measure.permit_name))
        self.refresh()

    def _set_class(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status_label.setText(tr("请先选择主体"))
            return
        entry = self.model.row(rows[0].row())
        dialog = CreditDialog(entry.credit_class, self)
        if not run_dialog(dialog):
            return
        chosen = str(dialog.class_combo.currentData())
        try:
            self._actions.set_class(entry.credit_code, chosen, dialog.reason_edit.text())
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(tr("{name} 的信用等级已调整为 {cls}").format(name=entry.name, cls=chosen))
        self.refresh()
