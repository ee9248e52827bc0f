"""办件: every application, searchable and filtered; one lane per department in the detail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Catalog
from desktop_app.domain.states import (
    APPLICATION_STATE_NAMES,
    ITEM_MODE_NAMES,
    ITEM_STATE_NAMES,
    ApplicationState,
    ItemState,
)
from desktop_app.services.cases import ApplicationView, CaseRow, HistoryRow, ItemView
from desktop_app.services.errors import ServiceError
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import named, row_table

_ITEM_STATES = {state.value: name for state, name in ITEM_STATE_NAMES.items()}
_APPLICATION_STATES = {state.value: name for state, name in APPLICATION_STATE_NAMES.items()}
OVERDUE = "#b00020"


@dataclass(frozen=True)
class CaseDetail:
    view: ApplicationView
    days_left: dict[str, int]
    history: list[HistoryRow]


@dataclass(frozen=True)
class CaseActions:
    search: Callable[[str, str | None, str | None, bool], list[CaseRow]]
    detail: Callable[[str], CaseDetail]
    corrections_received: Callable[[str, ItemView], None]
    drop: Callable[[str, ItemView], None]
    withdraw: Callable[[str, str, int], None]
    # Shows a masked number whole (who may is the service's decision); audited.
    reveal: Callable[[str, str, str], str]


def _state(row: CaseRow) -> str:
    return APPLICATION_STATE_NAMES[ApplicationState(row.state)]


class CasesTab(QWidget):
    def __init__(
        self, catalog: Catalog, actions: CaseActions, may_act: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesTab")
        self._catalog = catalog
        self._actions = actions
        self.detail: CaseDetail | None = None
        industries = {i.code: i.name for i in catalog.industries}
        self.search_edit = named(QLineEdit(), "casesSearchEdit")
        self.search_edit.setPlaceholderText("受理编号、主体名称或统一社会信用代码")
        self.state_filter = named(QComboBox(), "casesStateFilter")
        self.state_filter.addItem("全部状态", None)
        for state, name in APPLICATION_STATE_NAMES.items():
            self.state_filter.addItem(name, state.value)
        self.industry_filter = named(QComboBox(), "casesIndustryFilter")
        self.industry_filter.addItem("全部行业", None)
        for code, name in industries.items():
            self.industry_filter.addItem(name, code)
        self.overdue_filter = named(QCheckBox("仅看超期(&O)"), "casesOverdueFilter")
        self.model: RowTableModel[CaseRow] = RowTableModel(
            [
                Column("受理编号", lambda r: r.number),
                Column("主体名称", lambda r: r.enterprise_name),
                Column("行业", lambda r: industries.get(r.industry, r.industry)),
                Column("状态", _state),
                Column("受理日期", lambda r: r.accepted_on.isoformat()),
                Column(
                    "最近期限",
                    lambda r: r.next_due.isoformat() if r.next_due else "",
                    lambda r: OVERDUE if r.overdue else None,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "casesTable")
        self.title_label = named(QLabel("选择一件办件查看详情"), "caseTitleLabel")
        self.lanes = QHBoxLayout()
        self.history_list = named(QListWidget(), "caseHistoryList")
        self.corrections_button = named(
            QPushButton("登记补正材料(&K)"), "correctionsReceivedButton"
        )
        self.drop_button = named(QPushButton("放弃被否决的可选许可(&D)"), "dropItemButton")
        self.withdraw_button = named(QPushButton("撤回申请(&W)"), "withdrawButton")
        self.item_combo = named(QComboBox(), "caseItemCombo")
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reveal_button = named(QPushButton("显示完整证件号(&Y)"), "revealButton")
        self.revealed_label = named(QLabel(), "revealedLabel")
        self.status_label = named(QLabel(), "casesStatusLabel")
        for widget in (
            self.corrections_button,
            self.drop_button,
            self.withdraw_button,
            self.item_combo,
        ):
            widget.setVisible(may_act)
        self._lay_out()
        self.search_edit.textChanged.connect(self.refresh)
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.industry_filter.currentIndexChanged.connect(self.refresh)
        self.overdue_filter.toggled.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.corrections_button.clicked.connect(
            lambda: self._item_action(actions.corrections_received, "已登记补正材料")
        )
        self.drop_button.clicked.connect(
            lambda: self._item_action(actions.drop, "已放弃该可选许可")
        )
        self.withdraw_button.clicked.connect(self._on_withdraw)
        self.reveal_button.clicked.connect(self._on_reveal)
        self.refresh()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.industry_filter)
        filters.addWidget(self.overdue_filter)
        detail = QWidget()
        column = QVBoxLayout(detail)
        title = QHBoxLayout()
        title.addWidget(self.title_label, 1)
        title.addWidget(self.revealed_label)
        title.addWidget(self.reveal_button)
        column.addLayout(title)
        column.addLayout(self.lanes)
        actions = QHBoxLayout()
        actions.addWidget(self.item_combo)
        for button in (self.corrections_button, self.drop_button, self.withdraw_button):
            actions.addWidget(button)
        actions.addStretch()
        column.addLayout(actions)
        column.addWidget(QLabel("办理记录："))
        column.addWidget(self.history_list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

    def refresh(self) -> None:
        rows = self._actions.search(
            self.search_edit.text(),
            self.state_filter.currentData(),
            self.industry_filter.currentData(),
            self.overdue_filter.isChecked(),
        )
        selected = self.detail.view.number if self.detail else None
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for index, row in enumerate(rows):
            if row.number == selected:
                self.table.selectRow(index)

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def _show_selected(self) -> None:
        selection = self.table.selectionModel().selectedRows()
        if not selection:
            return
        detail = self._actions.detail(self.model.row(selection[0].row()).number)
        self.detail = detail
        self.revealed_label.clear()  # a whole number never outlives the case it was asked for
        view = detail.view
        state = APPLICATION_STATE_NAMES[ApplicationState(view.state)]
        e = view.enterprise
        self.title_label.setText(
            f"<b>{view.number}</b>　{e.name}　{state}　"
            f"法定代表人 {e.legal_rep_name}（{e.legal_rep_id_masked}）"
        )
        while self.lanes.count():
            item = self.lanes.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        by_department: dict[str, list[ItemView]] = {}
        for item_view in view.items:
            by_department.setdefault(item_view.department, []).append(item_view)
        for department, items in by_department.items():
            lane = QGroupBox(self._catalog.departments[department].short_name)
            lane.setObjectName(f"lane_{department}")
            lane_layout = QVBoxLayout(lane)
            for item_view in items:
                lane_layout.addWidget(
                    self._item_label(item_view, detail.days_left.get(item_view.permit))
                )
            self.lanes.addWidget(lane)
        self.item_combo.clear()
        for item_view in view.items:
            self.item_combo.addItem(self._catalog.permits[item_view.permit].name, item_view.permit)
        names = {code: p.name for code, p in self._catalog.permits.items()}
        self.history_list.clear()
        for h in detail.history:
            what = names.get(h.permit, "办件") if h.permit else "办件"
            state_names = _ITEM_STATES if h.permit else _APPLICATION_STATES
            before = state_names.get(h.from_state or "", "—")
            change = f"{before} → {state_names.get(h.to_state, h.to_state)}"
            # Stored in UTC; the clerk reads the PC's local time.
            local = h.at.replace(tzinfo=dt.UTC).astimezone()
            reason = f"（{h.reason}）" if h.reason else ""
            self.history_list.addItem(
                f"{local:%Y-%m-%d %H:%M}　{what}　{change}　{h.actor}{reason}"
            )

    def _item_label(self, item: ItemView, days: int | None) -> QLabel:
        name = self._catalog.permits[item.permit].name
        state = ITEM_STATE_NAMES[ItemState(item.state)]
        lines = [f"<b>{name}</b>", f"{state}　{ITEM_MODE_NAMES.get(item.mode, item.mode)}"]
        if item.dropped:
            lines.append("已放弃")
        if days is not None:
            text = (
                f"承诺 {item.due.isoformat()}，剩 {days} 个工作日"
                if days >= 0
                else f"已超期 {-days} 个工作日"
            )
            color = OVERDUE if days < 0 else "#333333"
            lines.append(f"<span style='color:{color}'>{text}</span>")
        if item.permit_no:
            lines.append(f"许可证号 {item.permit_no}")
        label = QLabel("<br>".join(lines))
        label.setObjectName(f"item_{item.permit}")
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _selected_item(self) -> ItemView | None:
        if self.detail is None:
            return None
        permit = self.item_combo.currentData()
        return next((i for i in self.detail.view.items if i.permit == permit), None)

    def _run(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            QMessageBox.warning(self, "未能办理", exc.message)
        else:
            self.status_label.setText(done)
        self.refresh()
        self._show_selected()

    def _item_action(self, action: Callable[[str, ItemView], None], done: str) -> None:
        item = self._selected_item()
        if self.detail is not None and item is not None:
            number = self.detail.view.number
            self._run(lambda: action(number, item), done)

    def _on_reveal(self) -> None:
        if self.detail is None:
            return
        dialog = ReasonDialog("显示完整证件号码", "查看完整号码的理由（将记入审计日志）：", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            value = self._actions.reveal(self.detail.view.number, "legal_rep_id", dialog.reason())
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            return
        self.revealed_label.setText(f"法定代表人证件号码：{value}")

    def _on_withdraw(self) -> None:
        if self.detail is None:
            return
        dialog = ReasonDialog("撤回申请", "申请人撤回全部申请的理由：", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            view = self.detail.view
            reason = dialog.reason()
            self._run(
                lambda: self._actions.withdraw(view.number, reason, view.version), "已撤回申请"
            )
