"""Small helpers shared by the widgets."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QTableView,
    QWidget,
)
from typing_extensions import override

from desktop_app import clock
from desktop_app.ui.i18n import tr

if TYPE_CHECKING:  # the login dialog uses these helpers: no SQLAlchemy before its first paint
    from desktop_app.services.cases import ItemView, QueueRow

ObjectT = TypeVar("ObjectT", bound=QObject)
# The one red of the application: errors, overdue deadlines, what needs a supervisor.
ALARM = "#b00020"
ALARM_STYLE = f"color: {ALARM};"


def due_text(item: ItemView | QueueRow) -> str:
    """The promised date; one counted over a year without holiday data says it is provisional."""
    day = item.due.isoformat()
    return tr("{day}（暂定）").format(day=day) if item.due_provisional else day


def local_minutes(at: dt.datetime) -> str:
    """A stored (UTC) moment as the hall's clock shows it, to the minute."""
    return f"{clock.local(at):%Y-%m-%d %H:%M}"


def clear_layout(layout: QLayout) -> None:
    """Empties ``layout``; its widgets vanish at once.

    deleteLater alone leaves them painted until the event loop runs, over what replaces them.
    """
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept (which checks first) and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def say(label: QLabel, text: str, alarm: bool = False) -> None:
    """A status line: red when something was refused or went wrong, plain otherwise."""
    label.setStyleSheet(ALARM_STYLE if alarm else "")
    label.setText(text)


def named(obj: ObjectT, name: str) -> ObjectT:
    """Sets the object name that acceptance scripts and accessibility tools find a widget by."""
    obj.setObjectName(name)
    return obj


class Choice:
    """Radio buttons in a row, one of the (value, label) options; the first is checked."""

    def __init__(self, parent: QWidget, options: list[tuple[str, str]], prefix: str) -> None:
        self.group = QButtonGroup(parent)
        self.row = QHBoxLayout()
        for value, label in options:
            button = named(QRadioButton(label), f"{prefix}_{value}")
            button.setProperty("choice", value)
            self.group.addButton(button)
            self.row.addWidget(button)
        self.group.buttons()[0].setChecked(True)

    def set(self, value: str) -> None:
        for button in self.group.buttons():
            button.setChecked(button.property("choice") == value)

    def value(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("choice")) if checked else ""


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question whose default (Enter) is No: what is about to be lost stays."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_dialog(dialog: QDialog) -> bool:
    """Shows a modal dialog; whether it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def row_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only table of whole rows, one selectable at a time, as every tab lists things."""
    table = named(QTableView(), name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_columns(table: QTableView, widest: int = 420) -> None:
    """Columns as wide as their contents, none wider than ``widest`` (the tooltip has the rest)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


class ListKeys(QObject):
    """Up and Down typed in a search box move through the list of matches (keyboard first)."""

    def __init__(self, edit: QLineEdit, listing: QListWidget) -> None:
        super().__init__(edit)
        self._listing = listing
        edit.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            row = self._listing.currentRow() + (-1 if event.key() == Qt.Key.Key_Up else 1)
            if 0 <= row < self._listing.count():
                self._listing.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)
