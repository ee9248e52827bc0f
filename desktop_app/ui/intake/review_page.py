"""Page 6: a summary, then 受理: one number, one receipt; a failed print loses nothing."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWizardPage,
)
from typing_extensions import override

from desktop_app.catalog import Catalog, resolve
from desktop_app.services.errors import ServiceError, SubmissionError
from desktop_app.services.intake import Receipt
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named

Submit = Callable[[IntakeDraft], Receipt]
PrintReceipt = Callable[[Receipt], None]


class ReviewPage(QWizardPage):
    accepted = Signal(str)
    correction_wanted = Signal(list)
    refusal_wanted = Signal()
    form_print_wanted = Signal()

    def __init__(
        self, catalog: Catalog, draft: IntakeDraft, submit: Submit, print_receipt: PrintReceipt
    ) -> None:
        super().__init__()
        self.setObjectName("reviewPage")
        self.setTitle(tr("核对并受理"))
        self._catalog = catalog
        self._draft = draft
        self._submit = submit
        self._print_receipt = print_receipt
        self.receipt: Receipt | None = None
        self.summary = named(QTextBrowser(), "reviewSummary")
        self.accept_button = named(QPushButton(tr("受理(&S)")), "acceptButton")
        self.receipt_number_label = named(QLabel(), "receiptNumberLabel")
        self.receipt_number_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.error_label = named(QLabel(), "reviewErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        self.reprint_button = named(
            QPushButton(tr("重新打印受理通知书(&R)")), "reprintReceiptButton"
        )
        self.reprint_button.setVisible(False)
        self.print_form_button = named(
            QPushButton(tr("打印综合申请表供签字(&P)")), "printFormButton"
        )
        self.correction_button = named(
            QPushButton(tr("一次性补正告知(&B)…")), "reviewCorrectionButton"
        )
        self.refusal_button = named(QPushButton(tr("不予受理(&J)…")), "reviewRefusalButton")
        for button in (self.print_form_button, self.correction_button, self.refusal_button):
            button.setVisible(False)  # shown when the wizard can print and issue them
        self.print_form_button.clicked.connect(self.form_print_wanted.emit)
        self.correction_button.clicked.connect(lambda: self.correction_wanted.emit([]))
        self.refusal_button.clicked.connect(self.refusal_wanted.emit)
        actions = QHBoxLayout()
        actions.addWidget(self.accept_button, 1)
        actions.addWidget(self.print_form_button)
        actions.addWidget(self.correction_button)
        actions.addWidget(self.refusal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)
        layout.addWidget(self.receipt_number_label)
        layout.addWidget(self.reprint_button)
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.reprint_button.clicked.connect(self._print)

    @override
    def initializePage(self) -> None:
        bundle = resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        permits = "".join(
            tr("<li>{name}（{department_name}）</li>").format(
                name=p.name, department_name=p.department_name
            )
            for p in bundle.permits
        )
        name = self._draft.form.get("enterprise_name", "")
        agent = self._draft.agent
        who = (
            tr("<p>委托代理人：{name}</p>").format(name=html.escape(agent.get("name", "")))
            if agent
            else ""
        )
        self.summary.setHtml(
            tr(
                "<h3>{industry_name}：{name}</h3><p>许可事项：</p><ul>{permits}</ul>"
                "<p>综合表单 {fields} 项已填；材料 {materials} 项已登记。</p>"
            ).format(
                fields=len(self._draft.form),
                materials=len(self._draft.materials),
                industry_name=bundle.industry_name,
                name=html.escape(str(name)),
                permits=permits,
            )
            + who
        )
        self.accept_button.setFocus()

    def _on_accept_clicked(self) -> None:
        if self.receipt is not None:
            return
        try:
            self.receipt = self._submit(self._draft)
        except SubmissionError as exc:
            self.error_label.setText(tr("未受理，请更正：\n") + "\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.accept_button.setEnabled(False)
        self.correction_button.setEnabled(False)  # accepted: no 补正 or 不予受理 any more
        self.refusal_button.setEnabled(False)
        self.receipt_number_label.setText(tr("受理编号：{0}").format(self.receipt.number))
        self.accepted.emit(self.receipt.number)
        self.completeChanged.emit()
        self._print()

    def _print(self) -> None:
        assert self.receipt is not None
        try:
            self._print_receipt(self.receipt)
        except RuntimeError as exc:
            # The case is accepted whatever the printer does; reprinting is one click.
            self.error_label.setText(tr("已受理，但受理通知书未能打印：{exc}").format(exc=exc))
            self.reprint_button.setVisible(True)
            return
        self.reprint_button.setVisible(False)

    def reset(self) -> None:
        """For the next applicant: no receipt, every button as on a new application."""
        self.receipt = None
        self.receipt_number_label.clear()
        self.error_label.clear()
        self.reprint_button.setVisible(False)
        for button in (self.accept_button, self.correction_button, self.refusal_button):
            button.setEnabled(True)

    @override
    def isComplete(self) -> bool:
        return self.receipt is not None
