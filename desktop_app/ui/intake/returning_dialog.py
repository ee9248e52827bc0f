"""补正后继续办理: find the application a 补正告知书 kept and go on with it, or reprint it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.drafts import ReturningRow
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM_STYLE, local_minutes, named, row_table

FindReturning = Callable[[str], list[ReturningRow]]


class ReturningDialog(QDialog):
    """Search by the notice's number, the name or the credit code; Enter takes the first match."""

    def __init__(
        self,
        find: FindReturning,
        reprint: Callable[[str], None],
        industries: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returningDialog")
        self.setWindowTitle(tr("补正后继续办理"))
        self.resize(900, 420)
        self._find = find
        self._reprint = reprint
        self.chosen: ReturningRow | None = None
        self.search_edit = named(QLineEdit(), "returningSearchEdit")
        self.search_edit.setPlaceholderText(tr("补正告知书编号、主体名称或统一社会信用代码"))
        self.model: RowTableModel[ReturningRow] = RowTableModel(
            [
                Column(tr("补正告知书"), lambda r: r.notice),
                Column(tr("出具时间"), lambda r: local_minutes(r.issued_at)),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("行业"), lambda r: industries.get(r.industry or "", r.industry or "")),
                Column(tr("需补正"), lambda r: tr("；").join(r.missing)),
            ],
            self,
        )
        self.table = row_table(self.model, "returningTable")
        self.go_on_button = named(QPushButton(tr("继续办理(&G)")), "goOnButton")
        self.reprint_button = named(
            QPushButton(tr("重打补正告知书(&P)")), "reprintCorrectionButton"
        )
        self.status_label = named(QLabel(), "returningStatusLabel")
        self.status_label.setStyleSheet(ALARM_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.go_on_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.search_edit.textChanged.connect(self.refresh)
        self.search_edit.returnPressed.connect(self._go_on)
        self.table.doubleClicked.connect(lambda _index: self._go_on())
        self.go_on_button.clicked.connect(self._go_on)
        self.reprint_button.clicked.connect(self._on_reprint)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._find(self.search_edit.text()))
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _selected(self) -> ReturningRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _go_on(self) -> None:
        row = self._selected()
        if row is None:
            self.status_label.setText(tr("没有找到补正中的申请"))
            return
        self.chosen = row
        self.accept()

    def _on_reprint(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            self._reprint(row.notice)
        except RuntimeError as exc:
            self.status_label.setText(tr("未能打印：{exc}").format(exc=exc))
            return
        self.status_label.setText(tr("已重打 {number}").format(number=row.notice))
