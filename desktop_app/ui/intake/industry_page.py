"""Page 1: pick the industry; the search matches names, aliases, codes and pinyin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from typing_extensions import override

from desktop_app.catalog import Catalog
from desktop_app.catalog.search import search
from desktop_app.domain.states import APPLICATION_KIND_NAMES
from desktop_app.services.lifecycle import AFTER_ISSUE
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ListKeys, named


class IndustryPage(QWizardPage):
    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.setObjectName("industryPage")
        self.setTitle(tr("选择行业"))
        self.setSubTitle(tr("新办：输入名称、别名或拼音首字母（如 bld＝便利店），回车选定。"))
        self._catalog = catalog
        self.industry_search_edit = named(QLineEdit(), "industrySearchEdit")
        self.industry_search_edit.setClearButtonEnabled(True)
        self.industry_list = named(QListWidget(), "industryList")
        label = QLabel(tr("行业(&H)："))
        label.setBuddy(self.industry_search_edit)
        # What the last applicant went away with (a notice's number), and the way back for one
        # who returns with the corrections.
        self.outcome_label = named(QLabel(), "outcomeLabel")
        self.outcome_label.setWordWrap(True)
        self.reprint_button = named(QPushButton(tr("重打")), "reprintLastButton")
        self.reprint_button.setVisible(False)
        self.returning_button = named(QPushButton(tr("补正后继续办理(&K)…")), "returningButton")
        self.returning_button.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.outcome_label, 1)
        top.addWidget(self.reprint_button)
        top.addWidget(self.returning_button)
        # The kind of business: this page is 新办; the others start from the certificate.
        self.kind_row = named(QWidget(), "kindRow")
        kinds = QHBoxLayout(self.kind_row)
        kinds.setContentsMargins(0, 0, 0, 0)
        kinds.addWidget(QLabel(tr("持证后办理：")))
        self.kind_buttons: dict[str, QPushButton] = {}
        for index, kind in enumerate(AFTER_ISSUE, start=1):
            button = named(
                QPushButton(f"{APPLICATION_KIND_NAMES[kind.value]}(&{index})"),
                f"kindButton_{kind.value}",
            )
            self.kind_buttons[kind.value] = button
            kinds.addWidget(button)
        kinds.addStretch()
        self.kind_row.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.kind_row)
        layout.addWidget(label)
        layout.addWidget(self.industry_search_edit)
        layout.addWidget(self.industry_list)
        self.industry_search_edit.textChanged.connect(self._filter)
        ListKeys(self.industry_search_edit, self.industry_list)
        self.industry_list.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.industry_list.itemActivated.connect(lambda _item: self._go_on())
        self._filter("")

    def _filter(self, text: str) -> None:
        self.industry_list.clear()
        for industry in search(self._catalog, text):
            item = QListWidgetItem(f"{industry.number}. {industry.name}")
            item.setData(Qt.ItemDataRole.UserRole, industry.code)
            item.setToolTip(tr("别名：") + tr("、").join(industry.aliases))
            self.industry_list.addItem(item)
        if self.industry_list.count():
            self.industry_list.setCurrentRow(0)
        self.completeChanged.emit()

    def selected_code(self) -> str | None:
        item = self.industry_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, code: str) -> None:
        self.industry_search_edit.clear()
        for row in range(self.industry_list.count()):
            if self.industry_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.industry_list.setCurrentRow(row)
                return

    def _go_on(self) -> None:
        wizard = self.wizard()
        if self.isComplete() and wizard is not None:
            wizard.next()

    @override
    def isComplete(self) -> bool:
        return self.selected_code() is not None

    @override
    def initializePage(self) -> None:
        self.industry_search_edit.setFocus()
