"""待确认: the catalog values a department still has to confirm, its 核对表, its answer recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.catalog.confirmation import Unconfirmed
from desktop_app.catalog.model import Confirmation
from desktop_app.printing.qt_printer import PrintError
from desktop_app.services.errors import ServiceError
from desktop_app.ui.catalog_admin_actions import CatalogAdminActions
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import (
    ALARM_STYLE,
    fit_columns,
    named,
    ok_cancel,
    row_table,
    run_dialog,
    say,
)


class ConfirmDialog(QDialog):
    """Who answered for the department, and when: the values leave the 待确认 list."""

    def __init__(self, rows: list[Unconfirmed], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmValuesDialog")
        self.setWindowTitle(tr("记录部门确认"))
        what = tr("；").join(
            tr("{label}：{value}").format(label=r.label, value=r.value) for r in rows
        )
        summary = named(QLabel(f"{rows[0].subject}\n{what}"), "confirmSummaryLabel")
        summary.setWordWrap(True)
        self.department_edit = named(QLineEdit(rows[0].department_name), "confirmDepartmentEdit")
        self.department_edit.setMaxLength(100)
        self.by_edit = named(QLineEdit(), "confirmByEdit")
        self.by_edit.setMaxLength(50)
        self.by_edit.setPlaceholderText(tr("答复人姓名"))
        self.on_edit = named(QDateEdit(QDate(clock.today())), "confirmOnEdit")
        self.on_edit.setCalendarPopup(True)
        self.on_edit.setDisplayFormat("yyyy-MM-dd")
        self.on_edit.setMaximumDate(QDate(clock.today()))
        self.note_edit = named(QLineEdit(), "confirmNoteEdit")
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(tr("答复方式、文号，如：核对表签章回执"))
        self.problem_label = named(QLabel(), "confirmProblemLabel")
        self.problem_label.setStyleSheet(ALARM_STYLE)
        form = QFormLayout(self)
        form.addRow(tr("确认的内容："), summary)
        form.addRow(tr("答复单位："), self.department_edit)
        form.addRow(tr("答复人："), self.by_edit)
        form.addRow(tr("答复日期："), self.on_edit)
        form.addRow(tr("说明："), self.note_edit)
        form.addRow(self.problem_label)
        form.addRow(ok_cancel(self))

    def accept(self) -> None:
        if not self.department_edit.text().strip() or not self.by_edit.text().strip():
            self.problem_label.setText(tr("请填写答复单位和答复人"))
            return
        super().accept()

    def confirmation(self) -> Confirmation:
        on = dt.date.fromisoformat(self.on_edit.date().toString("yyyy-MM-dd"))
        return Confirmation(
            self.department_edit.text().strip(),
            self.by_edit.text().strip(),
            on,
            self.note_edit.text().strip(),
        )


class PendingPage(QWidget):
    confirmed = Signal()

    def __init__(self, actions: CatalogAdminActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPendingPage")
        self._actions = actions
        self.department_combo = named(QComboBox(), "pendingDepartmentCombo")
        self.department_combo.addItem(tr("全部部门"), None)
        for code, name in actions.departments.items():
            self.department_combo.addItem(name, code)
        self.show_confirmed_check = named(
            QCheckBox(tr("显示已确认的内容(&D)")), "showConfirmedCheck"
        )
        self.model: RowTableModel[Unconfirmed] = RowTableModel(
            [
                Column(tr("部门"), lambda r: r.department_name),
                Column(tr("事项"), lambda r: r.subject),
                Column(tr("内容"), lambda r: r.label),
                Column(tr("目录中的值"), lambda r: r.value),
                Column(
                    tr("依据 / 确认情况"),
                    lambda r: r.confirmation.describe() if r.confirmation else r.source,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "pendingValuesTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label = named(QLabel(), "pendingCountLabel")
        self.confirm_button = named(QPushButton(tr("记录确认(&R)…")), "confirmValuesButton")
        self.print_button = named(QPushButton(tr("打印核对表(&P)")), "printSheetButton")
        self.save_button = named(QPushButton(tr("核对表存为 PDF(&S)…")), "saveSheetButton")
        self.status_label = named(QLabel(), "pendingStatusLabel")
        self.status_label.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("部门：")))
        filters.addWidget(self.department_combo)
        filters.addWidget(self.show_confirmed_check)
        filters.addStretch()
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.department_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.show_confirmed_check.toggled.connect(lambda _: self.refresh())
        self.confirm_button.clicked.connect(self._confirm)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.refresh()

    def _department(self) -> str | None:
        data = self.department_combo.currentData()
        return None if data is None else str(data)

    def refresh(self) -> None:
        done = self.show_confirmed_check.isChecked()
        self.model.set_rows(self._actions.values(self._department(), done))
        fit_columns(self.table)
        count = self.model.rowCount()
        self.count_label.setText(
            tr("已确认 {count} 项").format(count=count)
            if done
            else tr("待确认 {count} 项").format(count=count)
        )
        self.confirm_button.setEnabled(not done and count > 0)

    def _say(self, text: str, alarm: bool = False) -> None:
        say(self.status_label, text, alarm)

    def _selected(self) -> list[Unconfirmed]:
        return [self.model.row(i.row()) for i in self.table.selectionModel().selectedRows()]

    def _confirm(self) -> None:
        rows = self._selected()
        if not rows:
            self._say(tr("请先选择要确认的内容（可按住 Ctrl 多选同一事项的几项）"), alarm=True)
            return
        if len({(r.permit, r.kind) for r in rows}) > 1:
            self._say(tr("一次只能记录同一事项的确认，请只选择同一事项的内容"), alarm=True)
            return
        dialog = ConfirmDialog(rows, self)
        if not run_dialog(dialog):
            return
        try:
            added = self._actions.confirm(rows[0], [r.key for r in rows], dialog.confirmation())
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(
            tr("已记录确认：目录版本 {label} 自今天起执行，{count} 项不再标注 ※").format(
                label=added.label, count=len(rows)
            )
        )
        self.confirmed.emit()

    def _sheet(self) -> bytes | None:
        department = self._department()
        if department is None:
            self._say(tr("核对表按部门打印：请先选择部门"), alarm=True)
            return None
        try:
            return self._actions.sheet(department)
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return None

    def _print(self) -> None:
        pdf = self._sheet()
        if pdf is None:
            return
        try:
            printer = self._actions.print_pdf(pdf, self.department_combo.currentText())
        except PrintError as exc:
            self._say(str(exc), alarm=True)
            return
        self._say(tr("核对表已送打印机 {printer}").format(printer=printer))

    def _save(self) -> None:
        if self._department() is None:
            self._say(tr("核对表按部门打印：请先选择部门"), alarm=True)
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("核对表存为 PDF"),
            tr("{department}目录核对表.pdf").format(department=self.department_combo.currentText()),
            tr("PDF 文件 (*.pdf)"),
        )
        if name:
            self.save_sheet(Path(name))

    def save_sheet(self, path: Path) -> None:
        pdf = self._sheet()
        if pdf is None:
            return
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            self._say(tr("无法写入 {path}：{reason}").format(path=path, reason=exc.strerror), True)
            return
        self._say(tr("已保存核对表：{path}").format(path=path))
