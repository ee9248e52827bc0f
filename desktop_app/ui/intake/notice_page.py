"""Page 3: 一次告知 — the permits, the merged materials, the limits and the flowchart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)
from typing_extensions import override

from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.catalog.notice import build_notice
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.flowchart_view import FlowchartView
from desktop_app.ui.widgets import named

PrintNotice = Callable[[Bundle], None]


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class NoticePage(QWizardPage):
    def __init__(self, catalog: Catalog, draft: IntakeDraft, print_notice: PrintNotice) -> None:
        super().__init__()
        self.setObjectName("noticePage")
        self.setTitle(tr("一次告知"))
        self._catalog = catalog
        self._draft = draft
        self._print_notice = print_notice
        self.bundle: Bundle | None = None
        self.summary_label = named(QLabel(), "noticeSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.permit_table = named(QTableWidget(), "noticePermitTable")
        self.material_table = named(QTableWidget(), "noticeMaterialTable")
        for table in (self.permit_table, self.material_table):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
        self.flowchart_view = FlowchartView()
        self.print_notice_button = named(QPushButton(tr("打印告知单(&P)")), "printNoticeButton")
        self.print_notice_button.clicked.connect(self._on_print_clicked)
        tables = QHBoxLayout()
        tables.addWidget(self.permit_table, 1)
        tables.addWidget(self.material_table, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(tables, 1)
        layout.addWidget(self.flowchart_view)
        layout.addWidget(self.print_notice_button)

    @override
    def initializePage(self) -> None:
        bundle = resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        self.bundle = bundle
        notice = build_notice(bundle)
        self.setSubTitle(notice.title)
        footnote = f"\n{notice.footnote}" if notice.footnote else ""  # values not confirmed
        self.summary_label.setText(f"{notice.time_summary}{notice.outcome}{footnote}")
        fill_table(
            self.permit_table,
            [tr("许可事项"), tr("审批部门"), tr("承诺时限"), tr("告知承诺")],
            [[i.permit, i.department, i.promised, i.commitment] for i in notice.items],
        )
        fill_table(
            self.material_table,
            [tr("申请材料"), tr("说明")],
            [
                [
                    m.name,
                    tr("窗口核验")
                    if m.government_issued
                    else (tr("可容缺") if m.deferrable else ""),
                ]
                for m in notice.materials
            ],
        )
        self.flowchart_view.set_steps(bundle.steps)

    def _on_print_clicked(self) -> None:
        assert self.bundle is not None
        try:
            self._print_notice(self.bundle)
        except RuntimeError as exc:
            QMessageBox.warning(
                self,
                tr("打印失败"),
                tr("告知单未能打印：{exc}\n申请信息未受影响，可重新打印。").format(exc=exc),
            )
