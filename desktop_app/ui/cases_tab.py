"""办件: every application, searchable and filtered; one lane per department in the detail."""

from __future__ import annotations

import html
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

from desktop_app import clock
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
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, due_text, named, row_table

_ITEM_STATES = {state.value: name for state, name in ITEM_STATE_NAMES.items()}
_APPLICATION_STATES = {state.value: name for state, name in APPLICATION_STATE_NAMES.items()}


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
    return tr(APPLICATION_STATE_NAMES[ApplicationState(row.state)])


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
        self.search_edit.setPlaceholderText(tr("受理编号、主体名称或统一社会信用代码"))
        self.state_filter = named(QComboBox(), "casesStateFilter")
        self.state_filter.addItem(tr("全部状态"), None)
        for state, name in APPLICATION_STATE_NAMES.items():
            self.state_filter.addItem(tr(name), state.value)
        self.industry_filter = named(QComboBox(), "casesIndustryFilter")
        self.industry_filter.addItem(tr("全部行业"), None)
        for code, name in industries.items():
            self.industry_filter.addItem(name, code)
        self.overdue_filter = named(QCheckBox(tr("仅看超期(&O)")), "casesOverdueFilter")
        self.model: RowTableModel[CaseRow] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("行业"), lambda r: industries.get(r.industry, r.industry)),
                Column(tr("状态"), _state),
                Column(tr("受理日期"), lambda r: r.accepted_on.isoformat()),
                Column(
                    tr("最近期限"),
                    lambda r: r.next_due.isoformat() if r.next_due else "",
                    lambda r: ALARM if r.overdue else None,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "casesTable")
        self.title_label = named(QLabel(tr("选择一件办件查看详情")), "caseTitleLabel")
        self.lanes = QHBoxLayout()
        self.history_list = named(QListWidget(), "caseHistoryList")
        self.corrections_button = named(
            QPushButton(tr("登记补正材料(&K)")), "correctionsReceivedButton"
        )
        self.drop_button = named(QPushButton(tr("放弃被否决的可选许可(&D)")), "dropItemButton")
        self.withdraw_button = named(QPushButton(tr("撤回申请(&W)")), "withdrawButton")
        self.item_combo = named(QComboBox(), "caseItemCombo")
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reveal_button = named(QPushButton(tr("显示完整证件号(&Y)")), "revealButton")
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
            lambda: self._item_action(actions.corrections_received, tr("已登记补正材料"))
        )
        self.drop_button.clicked.connect(
            lambda: self._item_action(actions.drop, tr("已放弃该可选许可"))
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
        column.addWidget(QLabel(tr("办理记录：")))
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
        state = tr(APPLICATION_STATE_NAMES[ApplicationState(view.state)])
        e = view.enterprise
        self.title_label.setText(
            tr(
                "<b>{number}</b>　{name}　{state}　"
                "法定代表人 {legal_rep_name}（{legal_rep_id_masked}）"
            ).format(
                number=view.number,
                name=e.name,
                state=state,
                legal_rep_name=e.legal_rep_name,
                legal_rep_id_masked=e.legal_rep_id_masked,
            )
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
            what = names.get(h.permit, tr("办件")) if h.permit else tr("办件")
            state_names = _ITEM_STATES if h.permit else _APPLICATION_STATES
            before = tr(state_names.get(h.from_state or "", "—"))
            change = f"{before} → {tr(state_names.get(h.to_state, h.to_state))}"
            # Stored in UTC; the clerk reads the PC's local time.
            local = clock.local(h.at)
            reason = tr("（{reason}）").format(reason=h.reason) if h.reason else ""
            self.history_list.addItem(
                tr("{local:%Y-%m-%d %H:%M}　{what}　{change}　{actor}{reason}").format(
                    local=local, what=what, change=change, actor=h.actor, reason=reason
                )
            )

    def _item_label(self, item: ItemView, days: int | None) -> QLabel:
        name = self._catalog.permits[item.permit].name
        state = tr(ITEM_STATE_NAMES[ItemState(item.state)])
        lines = [
            f"<b>{name}</b>",
            tr("{state}　{0}").format(tr(ITEM_MODE_NAMES.get(item.mode, item.mode)), state=state),
        ]
        if item.dropped:
            lines.append(tr("已放弃"))
        if days is not None:
            text = (
                tr("承诺 {0}，剩 {days} 个工作日").format(due_text(item), days=days)
                if days >= 0
                else tr("已超期 {0} 个工作日").format(-days)
            )
            color = ALARM if days < 0 else "#333333"
            lines.append(f"<span style='color:{color}'>{text}</span>")
        if item.permit_no:
            lines.append(tr("许可证号 {permit_no}").format(permit_no=item.permit_no))
        if item.platform == "refused":
            refusal = tr("平台退回：{message}").format(message=item.platform_message or "")
            lines.append(f"<span style='color:{ALARM}'>{html.escape(refusal)}</span>")
        elif item.platform is not None:
            lines.append(
                tr("在区域平台审批") if item.platform == "sent" else tr("待发送到区域平台")
            )
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
            QMessageBox.warning(self, tr("未能办理"), exc.message)
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
        dialog = ReasonDialog(
            tr("显示完整证件号码"), tr("查看完整号码的理由（将记入审计日志）："), self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            value = self._actions.reveal(self.detail.view.number, "legal_rep_id", dialog.reason())
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            return
        self.revealed_label.setText(tr("法定代表人证件号码：{value}").format(value=value))

    def _on_withdraw(self) -> None:
        if self.detail is None:
            return
        dialog = ReasonDialog(tr("撤回申请"), tr("申请人撤回全部申请的理由："), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            view = self.detail.view
            reason = dialog.reason()
            self._run(
                lambda: self._actions.withdraw(view.number, reason, view.version), tr("已撤回申请")
            )
