"""One widget per form field, with its check shown beside it as the clerk types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Bundle, BundleField
from desktop_app.catalog.bundle import SHARED_GROUP
from desktop_app.domain.form_values import FormValue, check_value
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE

EditorWidget = QLineEdit | QCheckBox | QComboBox | QListWidget


class FieldEditor(QObject):
    """Wraps the field's widget (named ``field_<key>``) and its message label."""

    changed = Signal()

    def __init__(self, field: BundleField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.widget: EditorWidget = self._make_widget()
        self.widget.setObjectName(f"field_{field.key}")
        self.widget.setAccessibleName(field.label)
        self.message_label = QLabel()
        self.message_label.setObjectName(f"message_{field.key}")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ALARM_STYLE)

    def _make_widget(self) -> EditorWidget:
        field = self.field
        if field.type == "bool":
            box = QCheckBox(tr("是"))  # the form row already carries the label
            box.toggled.connect(self._on_changed)
            return box
        if field.type == "choice" and field.multiple:
            listing = QListWidget()
            for choice in field.choices:
                item = QListWidgetItem(choice)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                listing.addItem(item)
            listing.setMaximumHeight(min(6, len(field.choices)) * 22 + 6)
            listing.itemChanged.connect(self._on_changed)
            return listing
        if field.type == "choice":
            combo = QComboBox()
            combo.addItem(tr("请选择"), None)
            for choice in field.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(self._on_changed)
            return combo
        edit = QLineEdit()
        if field.max_length:
            # One more than allowed, so an over-long paste shows the message instead of vanishing.
            edit.setMaxLength(field.max_length + 1)
        if field.type == "date":
            edit.setPlaceholderText(tr("如 2026-03-01"))
        if field.answer:
            edit.setReadOnly(True)
            edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab skips what is already answered
            edit.setToolTip(tr("已在申请情形中回答，无需重复填写"))
        edit.textChanged.connect(self._on_changed)
        return edit

    def _on_changed(self, *_: object) -> None:
        self.refresh_message()
        self.changed.emit()

    def value(self) -> FormValue:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QListWidget):
            return [
                widget.item(i).text()
                for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked
            ]
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return None if data is None else str(data)
        text = widget.text()
        if self.field.type in ("integer", "number") and text.strip():
            try:
                number = float(text)
            except ValueError:
                return text  # the check says "应为数字"
            return int(number) if self.field.type == "integer" and number.is_integer() else number
        return text

    def set_value(self, value: FormValue) -> None:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QListWidget):
            chosen = set(value) if isinstance(value, list) else set()
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(
                    Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
                )
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        else:
            widget.setText(
                "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
            )

    def problem(self) -> str | None:
        return check_value(self.field, self.value())[1]

    def refresh_message(self, show_missing: bool = False) -> None:
        """Shows the field's problem; a still-empty required field only once asked to go on."""
        value = self.value()
        problem = self.problem()
        empty = value in (None, "", [])
        self.message_label.setText(problem if problem and (show_missing or not empty) else "")

    def is_empty(self) -> bool:
        return self.value() in (None, "", [])


def editor_form(
    bundle: Bundle,
    fields: Sequence[BundleField],
    on_change: Callable[[], None],
) -> tuple[QWidget, dict[str, FieldEditor]]:
    """``fields`` as the combined form shows them: 共用信息 first, then a box per permit."""
    names = {p.code: p.name for p in bundle.permits}
    container = QWidget()
    outer = QVBoxLayout(container)
    groups: dict[str, QFormLayout] = {}
    editors: dict[str, FieldEditor] = {}
    for field in fields:
        if field.group not in groups:
            title = tr("共用信息") if field.group == SHARED_GROUP else names[field.group]
            box = QGroupBox(title)
            groups[field.group] = QFormLayout(box)
            outer.addWidget(box)
        editor = FieldEditor(field, container)
        editors[field.key] = editor
        label = QLabel(
            tr("{label}{0}：").format("" if field.required else tr("（选填）"), label=field.label)
        )
        label.setBuddy(editor.widget)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor.widget)
        column.addWidget(editor.message_label)
        groups[field.group].addRow(label, cell)
        editor.changed.connect(on_change)
    outer.addStretch()
    # Tab walks the fields in form order (shared first, then each permit's own), whatever the
    # order Qt created the widgets in; a scroll area follows the focus.
    editable = [e.widget for e in editors.values() if e.field.answer is None]
    for before, after in pairwise(editable):
        QWidget.setTabOrder(before, after)
    return container, editors
