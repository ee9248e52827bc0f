"""The counter's answers other than 受理: a 一次性补正告知书, or a 不予受理决定书."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop_app.services.drafts import ReturningRow
from desktop_app.services.intake import Receipt
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named, ok_cancel

Correct = Callable[[IntakeDraft, list[str]], str]  # issues the notice, returns its number
Refuse = Callable[[IntakeDraft, str], str]
PrintDocument = Callable[[str, str], None]  # (case or notice number, document kind)


@dataclass(frozen=True)
class CounterDecisions:
    """What the wizard calls besides 受理 (wired to Counter by the main window)."""

    print_form: Callable[[IntakeDraft, Receipt | None], None]
    correct: Correct
    refuse: Refuse
    print_document: PrintDocument
    returning: Callable[[str], list[ReturningRow]]
    take_over: Callable[[int], IntakeDraft]


class CorrectionDialog(QDialog):
    """Everything the applicant must bring or correct, one per line, told at once."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(tr("一次性补正告知"))
        self.items_edit = named(QPlainTextEdit("\n".join(missing)), "correctionItemsEdit")
        self.error_label = named(QLabel(), "correctionErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "一次性列明需要补正的全部内容，每行一项（已列出尚未收取的材料）。"
                    "申请保留，申请人补正后凭告知书编号继续办理。"
                )
            )
        )
        layout.addWidget(self.items_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def items(self) -> list[str]:
        return [line.strip() for line in self.items_edit.toPlainText().splitlines() if line.strip()]

    @override
    def accept(self) -> None:
        if not self.items():
            self.error_label.setText(tr("请列明需要补正的内容"))
            return
        super().accept()


def ask_correction(parent: QWidget, missing: list[str]) -> list[str] | None:
    dialog = CorrectionDialog(missing, parent)
    return dialog.items() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_refusal(parent: QWidget) -> str | None:
    dialog = ReasonDialog(tr("不予受理"), tr("不予受理的理由（将载入不予受理决定书）："), parent)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
