"""The reviewer's dialogs: approve (permit number and validity) and a reason (reject, 补正)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop_app import clock
from desktop_app.domain.form_values import text_problem
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named, ok_cancel


def _date(edit: QDateEdit) -> dt.date:
    return dt.date.fromisoformat(edit.date().toString("yyyy-MM-dd"))


def _approve_title(kind: str, permit_name: str) -> str:
    titles = {
        "change": tr("准予变更：{permit_name}"),
        "renewal": tr("准予延续：{permit_name}"),
        "cancellation": tr("准予注销：{permit_name}"),
    }
    return titles.get(kind, tr("准予许可：{permit_name}")).format(permit_name=permit_name)


class ApproveDialog(QDialog):
    """准予许可: the permit's own number and its validity (a filing may have none).

    For a 变更, 延续 or 注销 it starts from the permit as the certificate lists it: a change
    usually keeps the number, a renewal moves the end date, a cancellation records as it is.
    """

    def __init__(
        self,
        permit_name: str,
        parent: QWidget | None = None,
        kind: str = "new",
        current: tuple[str | None, dt.date | None, dt.date | None] = (None, None, None),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.setWindowTitle(_approve_title(kind, permit_name))
        self.permit_no_edit = named(QLineEdit(), "permitNoEdit")
        today = QDate(clock.today())
        permit_no, valid_from, valid_to = current
        self.valid_from_edit = named(QDateEdit(today), "validFromEdit")
        self.valid_to_edit = named(QDateEdit(today.addYears(5).addDays(-1)), "validToEdit")
        self.no_expiry_box = named(QCheckBox(tr("长期有效（备案类）")), "noExpiryBox")
        if permit_no:
            self.permit_no_edit.setText(permit_no)
        if valid_from is not None and kind != "renewal":
            self.valid_from_edit.setDate(QDate(valid_from))
        if valid_to is not None and kind != "renewal":
            self.valid_to_edit.setDate(QDate(valid_to))
        elif valid_to is not None:  # 延续: the next period follows the current one
            self.valid_from_edit.setDate(QDate(valid_to).addDays(1))
            self.valid_to_edit.setDate(QDate(valid_to).addYears(5))
        if permit_no and valid_to is None:
            self.no_expiry_box.setChecked(True)
        if kind == "cancellation":  # nothing to decide but the cancellation itself
            for edit in (self.permit_no_edit, self.valid_from_edit, self.valid_to_edit):
                edit.setEnabled(False)
            self.no_expiry_box.setEnabled(False)
        for edit in (self.valid_from_edit, self.valid_to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.no_expiry_box.toggled.connect(lambda on: self.valid_to_edit.setEnabled(not on))
        self.valid_to_edit.setEnabled(not self.no_expiry_box.isChecked() and kind != "cancellation")
        self.error_label = named(QLabel(), "approveErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        buttons = ok_cancel(self)
        form = QFormLayout()
        form.addRow(tr("许可证编号(&N)："), self.permit_no_edit)
        form.addRow(tr("有效期自(&F)："), self.valid_from_edit)
        form.addRow(tr("有效期至(&T)："), self.valid_to_edit)
        form.addRow("", self.no_expiry_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, dt.date, dt.date | None]:
        valid_to = None if self.no_expiry_box.isChecked() else _date(self.valid_to_edit)
        return self.permit_no_edit.text().strip(), _date(self.valid_from_edit), valid_to

    @override
    def accept(self) -> None:
        permit_no, valid_from, valid_to = self.values()
        problem = text_problem(tr("许可证编号"), permit_no, 60)
        if not permit_no:
            problem = tr("请填写许可证编号")
        elif problem is None and valid_to is not None and valid_to <= valid_from:
            problem = tr("有效期截止日须晚于起始日")
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()


class ReasonDialog(QDialog):
    """A written reason: 不予许可, 补正 (everything to correct, at once), 撤回."""

    def __init__(
        self, title: str, prompt: str, parent: QWidget | None = None, optional: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self._optional = optional
        self.setWindowTitle(title)
        self.reason_edit = named(QPlainTextEdit(), "reasonEdit")
        self.error_label = named(QLabel(), "reasonErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @override
    def accept(self) -> None:
        problem = text_problem(tr("理由"), self.reason().replace("\n", tr("；")), 500)
        if not self.reason() and not self._optional:
            problem = tr("请写明理由")
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()
