"""监管处理 dialogs: what a supervision finding orders (责令整改 or 撤销许可), and the work done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app import clock
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import Choice, named, ok_cancel

DEFAULT_DAYS = 30  # the usual 整改期限


class MeasureDialog(QDialog):
    """The measure on one permit of the target's certificate, after a 发现问题."""

    def __init__(
        self, permits: list[tuple[str, str]], findings: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measureDialog")
        self.setWindowTitle(tr("监管处理"))
        self.choice = Choice(
            self, [("rectify", tr("责令限期整改")), ("revoke", tr("撤销许可"))], "measure"
        )
        self.permit_combo = named(QComboBox(), "measurePermitCombo")
        for code, name in permits:
            self.permit_combo.addItem(name, code)
        self.findings_edit = named(QPlainTextEdit(findings), "measureFindingsEdit")
        due = QDate(clock.today() + dt.timedelta(days=DEFAULT_DAYS))
        self.due_edit = named(QDateEdit(due), "measureDueEdit")
        self.due_edit.setCalendarPopup(True)
        self.basis_edit = named(QLineEdit(), "measureBasisEdit")
        self.basis_edit.setMaxLength(500)
        self.basis_edit.setPlaceholderText(tr("撤销所依据的法律法规条款"))
        form = QFormLayout(self)
        form.addRow(tr("处理方式："), self.choice.row)
        form.addRow(tr("许可证："), self.permit_combo)
        form.addRow(tr("发现的问题："), self.findings_edit)
        form.addRow(tr("整改期限："), self.due_edit)
        form.addRow(tr("撤销依据："), self.basis_edit)
        form.addRow(ok_cancel(self))
        self.choice.group.buttonToggled.connect(lambda *_: self._follow())
        self._follow()

    def _follow(self) -> None:
        revoking = self.choice.value() == "revoke"
        self.due_edit.setEnabled(not revoking)
        self.basis_edit.setEnabled(revoking)

    def chosen(self) -> tuple[str, str, str, dt.date | None, str]:
        """The choice: (kind, permit, findings, due date, basis)."""
        kind = self.choice.value()
        text = self.due_edit.date().toString("yyyy-MM-dd")
        due = dt.date.fromisoformat(text) if kind == "rectify" else None
        basis = self.basis_edit.text() if kind == "revoke" else ""
        permit = str(self.permit_combo.currentData() or "")
        return kind, permit, self.findings_edit.toPlainText(), due, basis


class RectifiedDialog(QDialog):
    """整改完成: what the department's re-check found."""

    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("rectifiedDialog")
        self.setWindowTitle(tr("整改完成"))
        self.note_edit = named(QLineEdit(), "rectifiedNoteEdit")
        self.note_edit.setMaxLength(500)
        form = QFormLayout(self)
        form.addRow(tr("处理："), QLabel(label))
        form.addRow(tr("复查情况："), self.note_edit)
        form.addRow(ok_cancel(self))
