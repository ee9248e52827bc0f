"""Work on an issued certificate at the counter: find it, type only what changes.

The clerk finds the certificate (number, credit code, name, or its QR code scanned: the scanner
types the text and Enter), sees it as issued, types what changes, checks what the app worked out
(which departments, which materials) and accepts; the receipt names the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Catalog
from desktop_app.domain.states import (
    APPLICATION_KIND_NAMES,
    CERTIFICATE_STATE_NAMES,
    ITEM_KIND_NAMES,
    ApplicationKind,
)
from desktop_app.services.errors import ServiceError, SubmissionError
from desktop_app.services.intake import Receipt
from desktop_app.services.lifecycle import Found, Held, Plan, Request
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.after_issue_panes import (
    AdditionPane,
    ChangePane,
    Pane,
    PermitsPane,
    ReasonPane,
)
from desktop_app.ui.widgets import ALARM_STYLE, named

K = ApplicationKind
T = TypeVar("T")


@dataclass(frozen=True)
class AfterIssueActions:
    """The counter's services for work on an issued certificate (plain callables)."""

    find: Callable[[str], list[Found]]
    held: Callable[[str], Held]
    plan: Callable[[Request], Plan]
    accept: Callable[[Request], Receipt]
    print_receipt: Callable[[Receipt], None]


class AfterIssueDialog(QDialog):
    def __init__(
        self,
        catalog: Catalog,
        kind: ApplicationKind,
        actions: AfterIssueActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("afterIssueDialog")
        kind_name = APPLICATION_KIND_NAMES[kind.value]
        self.setWindowTitle(tr("办理{kind}").format(kind=kind_name))
        self.kind = kind
        self._catalog = catalog
        self._actions = actions
        self.held: Held | None = None
        self.plan: Plan | None = None
        self.receipt: Receipt | None = None

        self.search_edit = named(QLineEdit(), "certificateSearchEdit")
        self.search_edit.setPlaceholderText(
            tr("证书编号、统一社会信用代码、主体名称，或扫描证书二维码后回车")
        )
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(tr("查找证书(&F)："))
        search_label.setBuddy(self.search_edit)
        self.found_list = named(QListWidget(), "foundList")
        self.found_list.setMaximumHeight(70)
        self.held_label = named(QLabel(), "heldLabel")
        self.held_label.setWordWrap(True)
        self.held_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pane = self._pane(kind)
        self.pane.setEnabled(False)
        self.pane.setMinimumHeight(260)  # what the clerk types gets the room
        self.pane.changed.connect(self._forget_plan)

        self.plan_button = named(QPushButton(tr("核对办理事项(&P)")), "planButton")
        self.plan_table = named(QTableWidget(0, 4), "planTable")
        self.plan_table.setHorizontalHeaderLabels(
            [tr("许可"), tr("办理类型"), tr("审批部门"), tr("承诺时限")]
        )
        self.plan_table.horizontalHeader().setStretchLastSection(True)
        self.plan_table.setMaximumHeight(120)
        self.warning_label = named(QLabel(), "warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(ALARM_STYLE)
        self.material_list = named(QListWidget(), "materialChecklist")
        self.material_list.setMaximumHeight(96)
        self.all_received_button = named(QPushButton(tr("材料全部已收(&R)")), "allReceivedButton")
        self.accept_button = named(QPushButton(tr("受理(&A)")), "acceptAfterIssueButton")
        self.close_button = named(QPushButton(tr("关闭(&C)")), "closeAfterIssueButton")
        self.error_label = named(QLabel(), "afterIssueError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.result_label = named(QLabel(), "afterIssueResult")
        self.result_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search_edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.found_list)
        layout.addWidget(self.held_label)
        layout.addWidget(self.pane, 10)
        layout.addWidget(self.plan_button)
        layout.addWidget(self.plan_table)
        layout.addWidget(self.warning_label)
        materials_row = QHBoxLayout()
        materials_label = QLabel(tr("收取材料（勾选已收）："))
        materials_label.setBuddy(self.material_list)
        materials_row.addWidget(materials_label, 1)
        materials_row.addWidget(self.all_received_button)
        layout.addLayout(materials_row)
        layout.addWidget(self.material_list)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.search_edit.returnPressed.connect(self.search)
        self.found_list.itemActivated.connect(self._on_found)
        self.plan_button.clicked.connect(self.work_out)
        self.all_received_button.clicked.connect(self._all_received)
        self.accept_button.clicked.connect(self.accept_application)
        self.close_button.clicked.connect(self.reject)
        self._set_ready(False)
        self.resize(900, 760)
        self.search_edit.setFocus()

    def _pane(self, kind: ApplicationKind) -> Pane:
        panes: dict[ApplicationKind, Callable[[], Pane]] = {
            K.CHANGE: lambda: ChangePane(self._catalog),
            K.RENEWAL: lambda: PermitsPane(renewal=True),
            K.ADDITION: lambda: AdditionPane(self._catalog),
            K.REMOVAL: lambda: PermitsPane(renewal=False),
            K.REISSUE: lambda: ReasonPane(reissue=True),
            K.CANCELLATION: lambda: ReasonPane(reissue=False),
        }
        return panes[kind]()

    # --- finding the certificate ------------------------------------------------------------

    def search(self) -> None:
        text = self.search_edit.text()
        self.error_label.clear()
        try:
            found = self._actions.find(text)
        except ServiceError as exc:
            self.error_label.setText(exc.message)
            return
        self.found_list.clear()
        for row in found:
            item = QListWidgetItem(
                tr("{number}　{holder}　{uscc}　{state}　{note}")
                .format(
                    number=row.number,
                    holder=row.holder_name,
                    uscc=row.holder_uscc,
                    state=tr(CERTIFICATE_STATE_NAMES.get(row.state, row.state)),
                    note=row.note,
                )
                .strip()
            )
            item.setData(Qt.ItemDataRole.UserRole, row.number)
            self.found_list.addItem(item)
        if not found:
            self.error_label.setText(tr("没有找到证书：{text}").format(text=text.strip()[:60]))
            return
        self.found_list.setCurrentRow(0)
        if len(found) == 1:  # a scan or an exact number: straight on
            self.choose(found[0].number)
        else:
            self.found_list.setFocus()

    def _on_found(self, item: QListWidgetItem) -> None:
        self.choose(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose(self, number: str) -> None:
        """Loads the certificate as issued into the pane (refused: why, in one line)."""
        try:
            held = self._actions.held(number)
        except ServiceError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.held = held
        lines = [
            tr("{number}（第{revision}版）{holder}　统一社会信用代码 {uscc}").format(
                number=held.number,
                revision=held.revision,
                holder=held.holder_name,
                uscc=held.holder_uscc,
            ),
            tr("法定代表人：{rep}　经营场所：{address}　行业：{industry}").format(
                rep=held.legal_rep_name, address=held.address, industry=held.industry_name
            ),
            tr("许可：")
            + tr("；").join(
                tr("{name} {no}（{until}）").format(
                    name=p.name,
                    no=p.permit_no,
                    until=p.valid_to.isoformat() if p.valid_to else tr("长期"),
                )
                for p in held.permits
            ),
        ]
        if held.revoked:
            lines.append(tr("已撤销（换发时去除）：") + tr("、").join(held.revoked))
        self.held_label.setText("\n".join(lines))
        self.pane.load(held)
        self.pane.setEnabled(True)
        self._forget_plan()
        self.pane.setFocus()

    # --- working out and accepting ----------------------------------------------------------

    def request(self) -> Request:
        assert self.held is not None
        parts = self.pane.parts()
        materials = dict.fromkeys(self._received(), "paper")
        return Request(self.kind, self.held.number, materials=materials, **parts)

    def work_out(self) -> None:
        """Which departments and materials: shown before anything is stored."""
        if self.held is None:
            self.error_label.setText(tr("请先查找并选定证书"))
            return
        self.error_label.clear()
        plan = self._call(self._actions.plan)
        if plan is None:
            return
        self.plan = plan
        self.plan_table.setRowCount(len(plan.items))
        for row, item in enumerate(plan.items):
            cells = (
                item.name,
                ITEM_KIND_NAMES.get(item.kind, item.kind),
                item.department_name,
                tr("{days}个工作日").format(days=item.promised_days),
            )
            for column, text in enumerate(cells):
                self.plan_table.setItem(row, column, QTableWidgetItem(text))
        self.plan_table.resizeColumnsToContents()
        notes = plan.warnings()
        if not plan.items and plan.kind != K.REISSUE and not notes:
            notes = [tr("无需部门审批")]
        self.warning_label.setText("\n".join(notes))
        kept = set(self._received())
        self.material_list.clear()
        for material in plan.materials:
            if material.government_issued:
                continue
            entry = QListWidgetItem(material.name)
            entry.setData(Qt.ItemDataRole.UserRole, material.key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = material.key in kept
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.material_list.addItem(entry)
        self._set_ready(True)

    def _received(self) -> list[str]:
        """The materials ticked as handed in (on paper)."""
        return [
            str(self.material_list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.material_list.count())
            if self.material_list.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _all_received(self) -> None:
        for row in range(self.material_list.count()):
            self.material_list.item(row).setCheckState(Qt.CheckState.Checked)

    def accept_application(self) -> None:
        if self.plan is None:
            self.work_out()
            if self.plan is None:
                return
        receipt = self._call(self._actions.accept)
        if receipt is None:
            return
        self.receipt = receipt
        self.error_label.clear()
        kind_name = APPLICATION_KIND_NAMES[self.kind.value]
        try:
            self._actions.print_receipt(receipt)
            printed = tr("{kind}受理通知书已打印").format(kind=kind_name)
        except RuntimeError as exc:
            printed = tr("受理通知书未能打印：{exc}，可在“办件”中重打").format(exc=exc)
        self.result_label.setText(
            tr("已受理{kind}申请 {number}（{printed}）").format(
                kind=kind_name, number=receipt.number, printed=printed
            )
        )
        self.accept_button.setEnabled(False)
        self.pane.setEnabled(False)
        self.pane.setMinimumHeight(260)  # what the clerk types gets the room
        self.close_button.setFocus()

    def _call(self, action: Callable[[Request], T]) -> T | None:
        """``action`` on the request as typed; a refusal is shown and nothing typed is lost."""
        try:
            return action(self.request())
        except SubmissionError as exc:
            self._show_errors(exc.errors)
        except ServiceError as exc:
            self.error_label.setText(exc.message)
        return None

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Each refusal beside its field where there is one; the rest in one list below."""
        shown = self.pane.show_errors(errors)
        rest = [message for key, message in errors.items() if key not in shown]
        self.error_label.setText("\n".join(rest) if rest else tr("请按提示修改后再核对"))

    def _forget_plan(self) -> None:
        self.plan = None
        self.plan_table.setRowCount(0)
        self.warning_label.clear()
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.accept_button.setEnabled(ready and self.receipt is None)
