"""A case's documents in 办件: what was issued, when and by whom, each print; reprint, 送达回执."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.documents import DocumentRow
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import local_minutes, named, row_table


def _prints(row: DocumentRow) -> str:
    if not row.prints:
        return tr("未打印")
    last = row.prints[-1]
    return tr("{count} 次；最近 {at} {user}（{printer}）").format(
        count=len(row.prints), at=local_minutes(last.at), user=last.user, printer=last.printer
    )


class CaseDocuments(QWidget):
    """Lists the documents; the caller wires what printing and delivering do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTableModel[DocumentRow] = RowTableModel(
            [
                Column(tr("文书"), lambda r: tr(r.title)),
                Column(tr("编号"), lambda r: r.number),
                Column(tr("出具时间"), lambda r: local_minutes(r.issued_at)),
                Column(tr("出具人"), lambda r: r.issued_by),
                Column(tr("打印记录"), _prints),
            ],
            self,
        )
        self.table = row_table(self.model, "caseDocumentsTable")
        # Several documents are handed over at once and signed for on one 送达回执.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.print_button = named(QPushButton(tr("打印所选文书(&P)")), "printDocumentButton")
        self.deliver_button = named(QPushButton(tr("出具送达回执(&H)")), "deliveryReceiptButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.deliver_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_rows(self, rows: list[DocumentRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def selected(self) -> list[DocumentRow]:
        return [self.model.row(i.row()) for i in self.table.selectionModel().selectedRows()]

    def connect_actions(
        self,
        print_rows: Callable[[list[DocumentRow]], None],
        deliver: Callable[[list[DocumentRow]], None],
    ) -> None:
        self.print_button.clicked.connect(lambda: print_rows(self.selected()))
        self.deliver_button.clicked.connect(lambda: deliver(self.selected()))
