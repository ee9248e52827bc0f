"""办件: every application, searchable and filtered; one lane per department in the detail.

Below the lanes: the case's history, its 容缺 materials (received or still out, red when late)
and its documents with their print log. The buttons act on the case or on the item chosen.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Catalog
from desktop_app.domain.states import (
    APPLICATION_KIND_NAMES,
    APPLICATION_STATE_NAMES,
    ITEM_KIND_NAMES,
    ITEM_MODE_NAMES,
    ITEM_STATE_NAMES,
    TERMINAL_APPLICATION_STATES,
    ApplicationState,
    ItemState,
)
from desktop_app.services.cases import ApplicationView, CaseRow, HistoryRow, ItemView
from desktop_app.services.commitments import CheckRow
from desktop_app.services.deferred import DeferredRow
from desktop_app.services.documents import DocumentRow
from desktop_app.services.errors import ServiceError
from desktop_app.ui.case_dialogs import ReceiveDialog
from desktop_app.ui.case_documents import CaseDocuments
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.history_text import history_line
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, clear_layout, due_text, local_minutes, named, row_table


@dataclass(frozen=True)
class CaseDetail:
    view: ApplicationView
    days_left: dict[str, int]
    history: list[HistoryRow]
    deferred: list[DeferredRow]
    documents: list[DocumentRow]
    checks: dict[str, CheckRow]  # 告知承诺 checks by permit
    site_checks: dict[str, str] = field(default_factory=dict)  # 现场核查 status by permit


@dataclass(frozen=True)
class CaseActions:
    # (text, state, industry, overdue only, 容缺 still out only, kind)
    search: Callable[[str, str | None, str | None, bool, bool, str | None], list[CaseRow]]
    detail: Callable[[str], CaseDetail]
    corrections_received: Callable[[str, ItemView], None]
    drop: Callable[[str, ItemView], None]
    withdraw: Callable[[str, str, int], None]
    # Shows a masked number whole (who may is the service's decision); audited.
    reveal: Callable[[str, str, str], str]
    receive: Callable[[str, str, str], None]  # (case, material, how)
    terminate: Callable[[str, str, int], str]  # (case, reason, version) → the notice, printed
    print_document: Callable[[DocumentRow], str]
    deliver: Callable[[str, list[DocumentRow]], str]
    issue_rejection: Callable[[str, ItemView], str]
    may_terminate: bool = False


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
        self.kind_filter = named(QComboBox(), "casesKindFilter")
        self.kind_filter.addItem(tr("全部类型"), None)
        for kind, name in APPLICATION_KIND_NAMES.items():
            self.kind_filter.addItem(tr(name), kind)
        self.overdue_filter = named(QCheckBox(tr("仅看超期(&O)")), "casesOverdueFilter")
        self.deferred_filter = named(QCheckBox(tr("容缺待补(&L)")), "casesDeferredFilter")
        self.model: RowTableModel[CaseRow] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("类型"), lambda r: tr(APPLICATION_KIND_NAMES.get(r.kind, r.kind))),
                Column(tr("行业"), lambda r: industries.get(r.industry, r.industry)),
                Column(tr("状态"), _state),
                Column(tr("受理日期"), lambda r: r.accepted_on.isoformat()),
                Column(
                    tr("最近期限"),
                    lambda r: r.next_due.isoformat() if r.next_due else "",
                    lambda r: ALARM if r.overdue else None,
                ),
                Column(
                    tr("容缺补交期限"),
                    lambda r: r.deferred_due.isoformat() if r.deferred_due else "",
                    lambda r: ALARM if r.deferred_overdue else None,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "casesTable")
        self.title_label = named(QLabel(tr("选择一件办件查看详情")), "caseTitleLabel")
        self.lanes = QHBoxLayout()
        self.history_list = named(QListWidget(), "caseHistoryList")
        self.deferred_list = named(QListWidget(), "caseDeferredList")
        self.documents = CaseDocuments()
        self.corrections_button = named(
            QPushButton(tr("登记补正材料(&K)")), "correctionsReceivedButton"
        )
        self.drop_button = named(QPushButton(tr("放弃被否决的可选许可(&D)")), "dropItemButton")
        self.rejection_button = named(
            QPushButton(tr("打印不予许可决定书(&X)")), "rejectionDecisionButton"
        )
        self.withdraw_button = named(QPushButton(tr("撤回申请(&W)")), "withdrawButton")
        self.receive_button = named(QPushButton(tr("登记容缺材料(&R)")), "receiveDeferredButton")
        self.terminate_button = named(QPushButton(tr("终止办理(&E)")), "terminateButton")
        self.item_combo = named(QComboBox(), "caseItemCombo")
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reveal_button = named(QPushButton(tr("显示完整证件号(&Y)")), "revealButton")
        self.revealed_label = named(QLabel(), "revealedLabel")
        self.status_label = named(QLabel(), "casesStatusLabel")
        for widget in (
            self.corrections_button,
            self.drop_button,
            self.rejection_button,
            self.withdraw_button,
            self.receive_button,
            self.item_combo,
            self.documents.deliver_button,
        ):
            widget.setVisible(may_act)
        self.terminate_button.setVisible(actions.may_terminate)
        self._lay_out()
        self._connect(actions)
        self.refresh()

    def _connect(self, actions: CaseActions) -> None:
        self.search_edit.textChanged.connect(self.refresh)
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.industry_filter.currentIndexChanged.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.overdue_filter.toggled.connect(self.refresh)
        self.deferred_filter.toggled.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.corrections_button.clicked.connect(
            lambda: self._item_action(actions.corrections_received, tr("已登记补正材料"))
        )
        self.drop_button.clicked.connect(
            lambda: self._item_action(actions.drop, tr("已放弃该可选许可"))
        )
        self.rejection_button.clicked.connect(self._on_rejection)
        self.withdraw_button.clicked.connect(self._on_withdraw)
        self.receive_button.clicked.connect(self._on_receive)
        self.terminate_button.clicked.connect(self._on_terminate)
        self.reveal_button.clicked.connect(self._on_reveal)
        self.documents.connect_actions(self._on_print_documents, self._on_deliver)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.industry_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.deferred_filter)
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
        for button in (self.corrections_button, self.drop_button, self.rejection_button):
            actions.addWidget(button)
        actions.addStretch()
        for button in (self.receive_button, self.withdraw_button, self.terminate_button):
            actions.addWidget(button)
        column.addLayout(actions)
        self.detail_tabs = named(QTabWidget(), "caseDetailTabs")
        self.detail_tabs.addTab(self.history_list, tr("办理记录"))
        self.detail_tabs.addTab(self.deferred_list, tr("容缺材料"))
        self.detail_tabs.addTab(self.documents, tr("文书"))
        column.addWidget(self.detail_tabs, 1)
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
            self.deferred_filter.isChecked(),
            self.kind_filter.currentData(),
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
        kind = (
            ""
            if view.kind == "new"
            else tr("{kind}（证书 {certificate}）　").format(
                kind=tr(APPLICATION_KIND_NAMES[view.kind]), certificate=view.certificate_number
            )
        )
        self.title_label.setText(
            kind
            + tr(
                "<b>{number}</b>　{name}　{state}　"
                "法定代表人 {legal_rep_name}（{legal_rep_id_masked}）"
            ).format(
                number=view.number,
                name=html.escape(e.name),
                state=state,
                legal_rep_name=html.escape(e.legal_rep_name),
                legal_rep_id_masked=e.legal_rep_id_masked,
            )
            + (
                tr("　委托代理人 {name}").format(name=html.escape(view.agent.name))
                if view.agent
                else ""
            )
        )
        self._show_lanes(detail)
        self.item_combo.clear()
        for item_view in view.items:
            self.item_combo.addItem(self._catalog.permits[item_view.permit].name, item_view.permit)
        self._show_history(detail.history)
        self._show_deferred(detail.deferred)
        self.documents.show_rows(detail.documents)
        self.receive_button.setEnabled(any(r.received_at is None for r in detail.deferred))
        closed = ApplicationState(view.state) in TERMINAL_APPLICATION_STATES
        for button in (self.terminate_button, self.withdraw_button):
            button.setEnabled(not closed)

    def _show_lanes(self, detail: CaseDetail) -> None:
        clear_layout(self.lanes)
        by_department: dict[str, list[ItemView]] = {}
        for item_view in detail.view.items:
            by_department.setdefault(item_view.department, []).append(item_view)
        waiting = {p for r in detail.deferred if r.received_at is None for p in r.permits}
        for department, items in by_department.items():
            lane = QGroupBox(self._catalog.departments[department].short_name)
            lane.setObjectName(f"lane_{department}")
            lane_layout = QVBoxLayout(lane)
            for item_view in items:
                lane_layout.addWidget(
                    self._item_label(
                        item_view,
                        detail.days_left.get(item_view.permit),
                        detail.checks.get(item_view.permit),
                        item_view.permit in waiting,
                        detail.site_checks.get(item_view.permit),
                    )
                )
            self.lanes.addWidget(lane)

    def _show_history(self, history: list[HistoryRow]) -> None:
        names = {code: p.name for code, p in self._catalog.permits.items()}
        self.history_list.clear()
        for h in history:
            self.history_list.addItem(history_line(h, names))

    def _show_deferred(self, rows: list[DeferredRow]) -> None:
        ways = {"paper": tr("纸质"), "scan": tr("扫描件"), "electronic": tr("电子证照")}
        self.deferred_list.clear()
        for row in rows:
            if row.received_at is None:
                text = tr("{name}　补交期限 {due}　尚未补交").format(
                    name=row.name, due=row.due_on.isoformat()
                )
                if row.overdue:
                    text += tr("（已逾期）")
            else:
                text = tr("{name}　补交期限 {due}　已于 {at} 补交（{how}）").format(
                    name=row.name,
                    due=row.due_on.isoformat(),
                    at=local_minutes(row.received_at),
                    how=ways.get(row.how, row.how),
                )
            entry = QListWidgetItem(text)
            if row.overdue:
                entry.setForeground(QColor(ALARM))
            self.deferred_list.addItem(entry)
        if not rows:
            self.deferred_list.addItem(tr("本办件没有容缺材料"))

    def _item_label(
        self,
        item: ItemView,
        days: int | None,
        check: CheckRow | None,
        waiting: bool,
        site_check: str | None = None,
    ) -> QLabel:
        name = self._catalog.permits[item.permit].name
        state = tr(ITEM_STATE_NAMES[ItemState(item.state)])
        kind = "" if item.kind == "new" else tr("（{0}）").format(tr(ITEM_KIND_NAMES[item.kind]))
        lines = [
            f"<b>{name}</b>{kind}",
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
        if waiting and item.state in ("pending", "in_review"):
            lines.append(tr("容缺材料未补齐，暂不能准予"))
        if item.permit_no:
            lines.append(tr("许可证号 {permit_no}").format(permit_no=html.escape(item.permit_no)))
        if check is not None:
            lines.append(self._check_line(check))
        if site_check is not None:
            lines.append(tr("现场核查：{status}").format(status=html.escape(site_check)))
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

    @staticmethod
    def _check_line(check: CheckRow) -> str:
        if check.state == "passed":
            return tr("承诺核查：通过")
        if check.state == "failed":
            return f"<span style='color:{ALARM}'>{tr('承诺核查：不通过，许可已撤销')}</span>"
        text = tr("承诺核查：{due} 前").format(due=check.due_on.isoformat())
        return f"<span style='color:{ALARM}'>{text}</span>" if check.overdue else text

    def _selected_item(self) -> ItemView | None:
        if self.detail is None:
            return None
        permit = self.item_combo.currentData()
        return next((i for i in self.detail.view.items if i.permit == permit), None)

    def _run(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except ServiceError as exc:
            self.status_label.setText(exc.message)
            QMessageBox.warning(self, tr("未能办理"), exc.message)
        except RuntimeError as exc:  # the printer; what was decided is kept
            self.status_label.setText(tr("{done}，但未能打印：{exc}").format(done=done, exc=exc))
        else:
            self.status_label.setText(done)
        self.refresh()
        self._show_selected()

    def _item_action(self, action: Callable[[str, ItemView], None], done: str) -> None:
        item = self._selected_item()
        if self.detail is not None and item is not None:
            number = self.detail.view.number
            self._run(lambda: action(number, item), done)

    def _on_rejection(self) -> None:
        item = self._selected_item()
        if self.detail is None or item is None:
            return
        number = self.detail.view.number
        self._run(
            lambda: self._actions.issue_rejection(number, item),
            tr("已打印不予许可决定书"),
        )

    def _on_receive(self) -> None:
        if self.detail is None:
            return
        outstanding = [r for r in self.detail.deferred if r.received_at is None]
        if not outstanding:
            return
        dialog = ReceiveDialog(outstanding, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        key, how = dialog.values()
        number = self.detail.view.number
        self._run(lambda: self._actions.receive(number, key, how), tr("已登记容缺材料"))

    def _on_terminate(self) -> None:
        if self.detail is None:
            return
        dialog = ReasonDialog(tr("终止办理"), tr("终止办理的理由（将载入终止办理告知书）："), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        view, reason = self.detail.view, dialog.reason()
        self._run(
            lambda: self._actions.terminate(view.number, reason, view.version),
            tr("已终止办理，终止办理告知书已打印"),
        )

    def _on_print_documents(self, rows: list[DocumentRow]) -> None:
        if not rows:
            self.status_label.setText(tr("请先在文书列表中选择要打印的文书"))
            return

        def print_all() -> None:
            for row in rows:
                self._actions.print_document(row)

        self._run(print_all, tr("已打印 {count} 份文书").format(count=len(rows)))

    def _on_deliver(self, rows: list[DocumentRow]) -> None:
        if self.detail is None:
            return
        number = self.detail.view.number
        self._run(
            lambda: self._actions.deliver(number, rows),
            tr("已出具并打印送达回执"),
        )

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
