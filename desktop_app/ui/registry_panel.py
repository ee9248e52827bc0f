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

from desktop_app.services.errors import ServiceError
from desktop_app.services.supervision import RegistryEntry
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM_STYLE, named, ok_cancel, row_table, run_dialog

CLASSES = ("A", "B", "C", "D")


@dataclass(frozen=True)
class RegistryActions:
    entries: Callable[[], list[RegistryEntry]]
    set_class: Callable[[str, str, str], None]  # (credit code, class, reason)
    industries: dict[str, str]  # code → name
    may_set: bool  # the supervisor


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
        self.set_button = named(QPushButton(tr("调整信用等级(&L)…")), "setCreditButton")
        self.set_button.setVisible(actions.may_set)
        self.status_label = named(QLabel(), "registryStatusLabel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("检查对象名录：持有效行业综合许可证的主体")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.set_button.clicked.connect(self._set_class)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._actions.entries())
        self.table.resizeColumnsToContents()

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
            self.status_label.setStyleSheet(ALARM_STYLE)
            self.status_label.setText(exc.message)
            return
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            tr("{name} 的信用等级已调整为 {cls}").format(name=entry.name, cls=chosen)
        )
        self.refresh()
