"""Page 6: a summary, then 受理: one number, one receipt; a failed print loses nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWizardPage
from typing_extensions import override

from desktop_app.catalog import Catalog, resolve
from desktop_app.services.errors import ServiceError, SubmissionError
from desktop_app.services.intake import Receipt
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.widgets import named

Submit = Callable[[IntakeDraft], Receipt]
PrintReceipt = Callable[[Receipt], None]


class ReviewPage(QWizardPage):
    accepted = Signal(str)

    def __init__(
        self, catalog: Catalog, draft: IntakeDraft, submit: Submit, print_receipt: PrintReceipt
    ) -> None:
        super().__init__()
        self.setObjectName("reviewPage")
        self.setTitle("核对并受理")
        self._catalog = catalog
        self._draft = draft
        self._submit = submit
        self._print_receipt = print_receipt
        self.receipt: Receipt | None = None
        self.summary = named(QTextBrowser(), "reviewSummary")
        self.accept_button = named(QPushButton("受理(&S)"), "acceptButton")
        self.receipt_number_label = named(QLabel(), "receiptNumberLabel")
        self.receipt_number_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.error_label = named(QLabel(), "reviewErrorLabel")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.reprint_button = named(QPushButton("重新打印受理通知书(&R)"), "reprintReceiptButton")
        self.reprint_button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.receipt_number_label)
        layout.addWidget(self.reprint_button)
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.reprint_button.clicked.connect(self._print)

    @override
    def initializePage(self) -> None:
        bundle = resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        permits = "".join(f"<li>{p.name}（{p.department_name}）</li>" for p in bundle.permits)
        name = self._draft.form.get("enterprise_name", "")
        self.summary.setHtml(
            f"<h3>{bundle.industry_name}：{name}</h3><p>许可事项：</p><ul>{permits}</ul>"
            f"<p>综合表单 {len(self._draft.form)} 项已填；"
            f"材料 {len(self._draft.materials)} 项已登记。</p>"
        )
        self.accept_button.setFocus()

    def _on_accept_clicked(self) -> None:
        if self.receipt is not None:
            return
        try:
            self.receipt = self._submit(self._draft)
        except SubmissionError as exc:
            self.error_label.setText("未受理，请更正：\n" + "\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.accept_button.setEnabled(False)
        self.receipt_number_label.setText(f"受理编号：{self.receipt.number}")
        self.accepted.emit(self.receipt.number)
        self.completeChanged.emit()
        self._print()

    def _print(self) -> None:
        assert self.receipt is not None
        try:
            self._print_receipt(self.receipt)
        except RuntimeError as exc:
            # The case is accepted whatever the printer does; reprinting is one click.
            self.error_label.setText(f"已受理，但受理通知书未能打印：{exc}")
            self.reprint_button.setVisible(True)
            return
        self.reprint_button.setVisible(False)

    @override
    def isComplete(self) -> bool:
        return self.receipt is not None
