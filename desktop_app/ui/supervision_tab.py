"""监管: 一同核查 to schedule, record and recheck; 双随机抽查, 检查对象名录, 执法检查人员名录.

For supervisors, reviewers and inspectors; each action is one service transaction (ui/counter.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.services.errors import ServiceError
from desktop_app.services.inspections import OUTCOMES, InspectionStatus, OpenCase
from desktop_app.ui.draws_panel import DrawActions, DrawsPanel
from desktop_app.ui.i18n import tr
from desktop_app.ui.registry_panel import RegistryActions, RegistryPanel
from desktop_app.ui.roster_panel import RosterActions, RosterPanel
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import Choice, named, ok_cancel, row_table, run_dialog, say


@dataclass(frozen=True)
class SupervisionActions:
    cases: Callable[[], list[OpenCase]]
    status: Callable[[str], InspectionStatus]
    inspectors: Callable[[], list[tuple[str, str, str]]]  # (username, name, department)
    # (number, China time, inspectors, site or None) → a line saying what was done
    schedule: Callable[[str, dt.datetime, list[str], str | None], str]
    record: Callable[[str, str, str, str], str]  # (number, permit, outcome, findings)
    rectified: Callable[[str], str]
    print_document: Callable[[str, str], None]  # (number, kind)
    department: str | None  # the user's own department; None: the supervisor, every one


def _outcomes() -> list[tuple[str, str]]:
    return [("pass", tr("合格")), ("rectify", tr("需整改")), ("fail", tr("不合格"))]


class ScheduleDialog(QDialog):
    """When, where, and which inspectors (at least one of each department due)."""

    def __init__(self, inspectors: list[tuple[str, str, str]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleInspectionDialog")
        self.setWindowTitle(tr("安排联合现场核查"))
        self.when_edit = named(QDateTimeEdit(), "inspectionAtEdit")
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setCalendarPopup(True)
        tomorrow = clock.wall_time().replace(hour=9, minute=30, second=0, microsecond=0)
        self.when_edit.setDateTime(QDateTime(tomorrow + dt.timedelta(days=1)))
        self.site_edit = named(QLineEdit(), "inspectionSiteEdit")
        self.site_edit.setPlaceholderText(tr("留空：经营场所地址"))
        self.inspector_list = named(QListWidget(), "inspectorList")
        for username, name, department in inspectors:
            item = QListWidgetItem(
                tr("{name}（{department}）").format(name=name, department=department)
            )
            item.setData(Qt.ItemDataRole.UserRole, username)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.inspector_list.addItem(item)
        form = QFormLayout(self)
        form.addRow(tr("核查时间："), self.when_edit)
        form.addRow(tr("核查地点："), self.site_edit)
        form.addRow(tr("检查人员："), self.inspector_list)
        form.addRow(ok_cancel(self))

    def choose(self, usernames: list[str]) -> None:
        for index in range(self.inspector_list.count()):
            item = self.inspector_list.item(index)
            wanted = item.data(Qt.ItemDataRole.UserRole) in usernames
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for index in range(self.inspector_list.count())
            if (item := self.inspector_list.item(index)).checkState() == Qt.CheckState.Checked
        ]

    def at(self) -> dt.datetime:
        text = self.when_edit.dateTime().toString("yyyy-MM-dd HH:mm")
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


class RecordDialog(QDialog):
    """One item's result: 合格, 需整改 with the changes, 不合格 with the reason."""

    def __init__(self, permits: list[tuple[str, str]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("recordInspectionDialog")
        self.setWindowTitle(tr("登记现场核查结论"))
        self.permit_combo = named(QComboBox(), "inspectionPermitCombo")
        for code, name in permits:
            self.permit_combo.addItem(name, code)
        self.outcomes = Choice(self, _outcomes(), "outcome")
        self.findings_edit = named(QPlainTextEdit(), "inspectionFindingsEdit")
        self.findings_edit.setPlaceholderText(tr("需整改：写明整改意见；不合格：写明理由"))
        form = QFormLayout(self)
        form.addRow(tr("核查事项："), self.permit_combo)
        form.addRow(tr("结论："), self.outcomes.row)
        form.addRow(tr("意见："), self.findings_edit)
        form.addRow(ok_cancel(self))

    def choose(self, permit: str, outcome: str, findings: str = "") -> None:
        self.permit_combo.setCurrentIndex(self.permit_combo.findData(permit))
        self.outcomes.set(outcome)
        self.findings_edit.setPlainText(findings)

    def outcome(self) -> tuple[str, str, str]:
        permit = str(self.permit_combo.currentData())
        return permit, self.outcomes.value(), self.findings_edit.toPlainText()


class SupervisionTab(QWidget):
    def __init__(
        self,
        catalog: Catalog,
        actions: SupervisionActions,
        draws: DrawActions | None = None,
        registry: RegistryActions | None = None,
        roster: RosterActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionTab")
        self._catalog = catalog
        self._actions = actions
        self.model: RowTableModel[OpenCase] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("主体名称"), lambda r: r.enterprise),
                Column(
                    tr("现场核查"),
                    lambda r: tr("；").join(self._line(i.permit, i.status) for i in r.items),
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "inspectionsTable")
        self.detail = named(QTextBrowser(), "inspectionDetail")
        self.schedule_button = named(QPushButton(tr("安排核查(&S)…")), "scheduleInspectionButton")
        self.record_button = named(QPushButton(tr("登记结论(&E)…")), "recordInspectionButton")
        self.rectified_button = named(QPushButton(tr("整改完成(&G)")), "rectifiedButton")
        self.print_notice_button = named(QPushButton(tr("打印通知书")), "printInspectionNotice")
        self.print_record_button = named(QPushButton(tr("打印记录表")), "printInspectionRecord")
        self.print_rectification_button = named(
            QPushButton(tr("打印整改意见书")), "printRectification"
        )
        self.status_label = named(QLabel(), "supervisionStatusLabel")
        self.status_label.setWordWrap(True)
        self._buttons = (
            self.schedule_button,
            self.record_button,
            self.rectified_button,
            self.print_notice_button,
            self.print_record_button,
            self.print_rectification_button,
        )
        buttons = QHBoxLayout()
        for button in self._buttons:
            buttons.addWidget(button)
        buttons.addStretch()
        joint = QWidget()
        layout = QVBoxLayout(joint)
        layout.addWidget(QLabel(tr("一同核查：需要现场核查的在办件")))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.pages = named(QTabWidget(), "supervisionPages")
        self.pages.addTab(joint, tr("一同核查"))
        self.draws_panel = DrawsPanel(draws) if draws is not None else None
        if self.draws_panel is not None:
            self.pages.addTab(self.draws_panel, tr("双随机抽查"))
        self.registry_panel = RegistryPanel(registry) if registry is not None else None
        if self.registry_panel is not None:
            self.pages.addTab(self.registry_panel, tr("检查对象名录"))
        self.roster_panel = RosterPanel(roster) if roster is not None else None
        if self.roster_panel is not None:
            self.pages.addTab(self.roster_panel, tr("执法检查人员名录"))
        QVBoxLayout(self).addWidget(self.pages)
        # A page shows what stands when it is opened; changes from the hall refresh 一同核查 only,
        # so a supervisor's selection in a draw or the registry is not lost while working.
        self.pages.currentChanged.connect(lambda _index: self._refresh_page())
        self.schedule_button.clicked.connect(self._schedule)
        self.record_button.clicked.connect(self._record)
        self.rectified_button.clicked.connect(self._rectified)
        self.print_notice_button.clicked.connect(lambda: self._print("inspection_notice"))
        self.print_record_button.clicked.connect(lambda: self._print("inspection_record"))
        self.print_rectification_button.clicked.connect(lambda: self._print("rectification"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show())
        self.refresh()

    def _permit_name(self, code: str) -> str:
        permit = self._catalog.permits.get(code)
        return permit.name if permit else code

    def _line(self, permit: str, text: str) -> str:
        return tr("{permit}：{text}").format(permit=self._permit_name(permit), text=text)

    def refresh(self) -> None:
        self.model.set_rows(self._actions.cases())
        self.table.resizeColumnsToContents()
        self._show()

    def _refresh_page(self) -> None:
        page = self.pages.currentWidget()
        for panel in (self.draws_panel, self.registry_panel, self.roster_panel):
            if panel is not None and panel is page:
                panel.refresh()

    def select_number(self, number: str) -> None:
        for index in range(self.model.rowCount()):
            if self.model.row(index).number == number:
                self.table.selectRow(index)
                return

    def selected(self) -> OpenCase | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _show(self) -> None:
        row = self.selected()
        for button in self._buttons:
            button.setEnabled(row is not None)
        if row is None:
            self.detail.clear()
            return
        try:
            status = self._actions.status(row.number)
        except ServiceError as exc:
            self.detail.setPlainText(exc.message)
            return
        lines = [self._line(i.permit, i.status) for i in status.items]
        for view in status.rounds:
            people = tr("、").join(name for _, _, name in view.inspectors)
            lines.append(
                tr("{title}：{at}，{site}；检查人员 {people}").format(
                    title=view.title,
                    at=view.scheduled_at.strftime("%Y-%m-%d %H:%M"),
                    site=view.site,
                    people=people,
                )
            )
            lines += [
                "  "
                + self._line(r.permit, OUTCOMES[r.outcome])
                + (tr("（{findings}）").format(findings=r.findings) if r.findings else "")
                for r in view.results
            ]
        self.detail.setPlainText("\n".join(lines))

    def _run(self, action: Callable[[], str]) -> None:
        try:
            say(self.status_label, action())
        except ServiceError as exc:
            say(self.status_label, exc.message, alarm=True)
        except RuntimeError as exc:  # the printer
            say(self.status_label, tr("未能打印：{exc}").format(exc=exc), alarm=True)
        self.refresh()

    def _schedule(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ScheduleDialog(self._actions.inspectors(), self)
        if not run_dialog(dialog):
            return
        site = dialog.site_edit.text().strip() or None
        number = row.number
        self._run(lambda: self._actions.schedule(number, dialog.at(), dialog.chosen(), site))
        self.select_number(number)

    def _record(self) -> None:
        row = self.selected()
        if row is None:
            return
        own = self._actions.department
        permits = [
            (i.permit, self._permit_name(i.permit))
            for i in row.items
            if own is None or i.department == own
        ]
        if not permits:
            self.status_label.setText(tr("本案没有本部门需要核查的事项"))
            return
        dialog = RecordDialog(permits, self)
        if not run_dialog(dialog):
            return
        permit, outcome, findings = dialog.outcome()
        number = row.number
        self._run(lambda: self._actions.record(number, permit, outcome, findings))
        self.select_number(number)

    def _rectified(self) -> None:
        row = self.selected()
        if row is not None:
            number = row.number
            self._run(lambda: self._actions.rectified(number))
            self.select_number(number)

    def _print(self, kind: str) -> None:
        row = self.selected()
        if row is not None:
            number = row.number

            def printed() -> str:
                self._actions.print_document(number, kind)
                return tr("已打印")

            self._run(printed)
            self.select_number(number)
