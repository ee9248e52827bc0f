"""What the clerk types for each kind after issue: only what changes, on the certificate as issued.

Each pane shows the certificate's data (``load``), gives the parts of the request typed so far
(``parts``) and shows refusals beside the field they concern (``show_errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Bundle, Catalog, ResolveError, resolve
from desktop_app.domain.form_values import FormValue
from desktop_app.services.lifecycle import Held
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.field_editor import FieldEditor, editor_form
from desktop_app.ui.situation_form import SituationForm
from desktop_app.ui.widgets import ALARM_STYLE, named

CHANGED_STYLE = "background: #fff6d5;"  # a changed value stands out from the issued ones


class Pane(QWidget):
    changed = Signal()

    def load(self, held: Held) -> None:
        raise NotImplementedError

    def parts(self) -> dict[str, Any]:
        """The request's ``form``, ``answers``, ``permits`` and ``reason`` as typed."""
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        """Shows the errors it owns; returns their keys (the dialog shows the others)."""
        return set()


def _editor_rows(
    bundle: Bundle, keys: list[str], on_change: Callable[[], None]
) -> tuple[QWidget, dict[str, FieldEditor]]:
    # No situation page here: a value the situation answered (营业面积) is typed as a field.
    fields = [replace(f, answer=None) for f in bundle.fields if f.key in keys]
    return editor_form(bundle, fields, on_change)


def _show_field_errors(editors: dict[str, FieldEditor], errors: dict[str, str]) -> set[str]:
    shown = set()
    for key, message in errors.items():
        field = key.removeprefix("form.")
        if key.startswith("form.") and field in editors:
            editors[field].message_label.setText(message)
            shown.add(key)
    return shown


class ChangePane(Pane):
    """变更: the form as filed, every value editable; what differs is what changes."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._catalog = catalog
        self._held: Held | None = None
        self.editors: dict[str, FieldEditor] = {}
        self._scroll = named(QScrollArea(), "changeForm")
        self._scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("只改变动的项目；其余保持证书上的内容。")))
        layout.addWidget(self._scroll, 1)

    def load(self, held: Held) -> None:
        self._held = held
        bundle = resolve(self._catalog, held.industry, held.answers)
        keys = [f.key for f in bundle.fields]
        container, self.editors = _editor_rows(bundle, keys, self._on_change)
        self._scroll.setWidget(container)
        for key, editor in self.editors.items():
            editor.widget.blockSignals(True)
            if key in held.form:
                editor.set_value(held.form[key])
            editor.widget.blockSignals(False)
            editor.message_label.clear()
        # The credit code is who holds the certificate: never changed here.
        if "credit_code" in self.editors:
            self.editors["credit_code"].widget.setEnabled(False)

    def _on_change(self) -> None:
        for key, editor in self.editors.items():
            editor.widget.setStyleSheet(CHANGED_STYLE if key in self.changed_keys() else "")
        self.changed.emit()

    def changed_keys(self) -> list[str]:
        assert self._held is not None
        form = self._held.form
        return [
            key
            for key, editor in self.editors.items()
            if _normal(editor.value()) != _normal(form.get(key))
        ]

    def parts(self) -> dict[str, Any]:
        return {"form": {key: self.editors[key].value() for key in self.changed_keys()}}

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        return _show_field_errors(self.editors, errors)


def _normal(value: FormValue | None) -> FormValue | None:
    """Empty is empty, and 300 is 300.0: only a real difference counts as a change."""
    if value in ("", [], None):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class PermitsPane(Pane):
    """延续 or 减项: the permits on the certificate to tick (延续: soonest expiry first)."""

    def __init__(self, renewal: bool) -> None:
        super().__init__()
        self._renewal = renewal
        self.permit_list = named(QListWidget(), "permitChoiceList")
        self.reason_edit = named(QLineEdit(), "reasonEdit")
        self.reason_edit.setPlaceholderText(tr("申请人说明的理由（选填）"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ALARM_STYLE)
        layout = QVBoxLayout(self)
        what = (
            tr("勾选要延续的许可（按到期先后）：") if renewal else tr("勾选要放弃（注销）的许可：")
        )
        label = QLabel(what)
        label.setBuddy(self.permit_list)
        layout.addWidget(label)
        layout.addWidget(self.permit_list, 1)
        layout.addWidget(self.error_label)
        if not renewal:
            layout.addWidget(self.reason_edit)
        self.permit_list.itemChanged.connect(lambda _item: self.changed.emit())

    def load(self, held: Held) -> None:
        self.permit_list.clear()
        permits = held.renewable() if self._renewal else held.permits
        for permit in permits:
            until = permit.valid_to.isoformat() if permit.valid_to else tr("长期")
            item = QListWidgetItem(
                tr("{name}（{department}，有效期至 {until}）").format(
                    name=permit.name, department=permit.department_name, until=until
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, permit.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.permit_list.addItem(item)
        if self.permit_list.count():
            self.permit_list.setCurrentRow(0)

    def choose(self, *codes: str) -> None:
        for row in range(self.permit_list.count()):
            item = self.permit_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    def parts(self) -> dict[str, Any]:
        chosen = [
            str(self.permit_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.permit_list.count())
            if self.permit_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        parts: dict[str, Any] = {"permits": tuple(chosen)}
        if not self._renewal and self.reason_edit.text().strip():
            parts["reason"] = self.reason_edit.text().strip()
        return parts

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        self.error_label.setText(errors.get("permits", ""))
        return {"permits"} & set(errors)


class AdditionPane(Pane):
    """增项: the situation answered again; the new permits' own fields appear below."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._catalog = catalog
        self._held: Held | None = None
        self.situation = SituationForm(catalog)
        self.editors: dict[str, FieldEditor] = {}
        self._fields = QScrollArea()
        self._fields.setWidgetResizable(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("按增项后的经营情形回答（如兼营药品）：")))
        layout.addWidget(self.situation)
        layout.addWidget(self.error_label)
        layout.addWidget(QLabel(tr("新增许可需要填写的信息：")))
        layout.addWidget(self._fields, 1)
        self.situation.answers_changed.connect(self._on_answers)

    def load(self, held: Held) -> None:
        self._held = held
        industry = self._catalog.find_industry(held.industry)
        assert industry is not None
        self.situation.set_industry(industry)
        self.situation.set_answers(dict(held.answers))

    def _on_answers(self) -> None:
        if self._held is None:
            return
        typed = {k: e.value() for k, e in self.editors.items()}
        try:
            bundle = resolve(self._catalog, self._held.industry, self.situation.answers())
        except ResolveError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        keys = [f.key for f in bundle.fields if f.answer is None and f.key not in self._held.form]
        container, self.editors = _editor_rows(bundle, keys, self.changed.emit)
        for key, value in typed.items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self._fields.setWidget(container)
        self.changed.emit()

    def parts(self) -> dict[str, Any]:
        form = {k: e.value() for k, e in self.editors.items() if not e.is_empty()}
        return {"answers": self.situation.answers(), "form": form}

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        shown = _show_field_errors(self.editors, errors)
        if "answers" in errors:
            self.error_label.setText(errors["answers"])
            shown.add("answers")
        return shown


class ReasonPane(Pane):
    """补证 (遗失 or 损毁) or 注销 (the applicant's reason)."""

    def __init__(self, reissue: bool) -> None:
        super().__init__()
        self._reissue = reissue
        layout = QVBoxLayout(self)
        self.lost_button = named(QRadioButton(tr("遗失(&L)")), "lostButton")
        self.damaged_button = named(QRadioButton(tr("损毁(&D)")), "damagedButton")
        self.reason_edit = named(QLineEdit(), "reasonEdit")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ALARM_STYLE)
        if reissue:
            group = QButtonGroup(self)
            for button in (self.lost_button, self.damaged_button):
                group.addButton(button)
                layout.addWidget(button)
                button.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(QLabel(tr("补证无需部门审批，受理后由窗口补发，原印制件作废。")))
        else:
            label = QLabel(tr("注销理由(&R)："))
            label.setBuddy(self.reason_edit)
            self.reason_edit.setPlaceholderText(tr("如：停业、迁出本县"))
            layout.addWidget(label)
            layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addStretch()

    def load(self, held: Held) -> None:
        self.lost_button.setAutoExclusive(False)
        self.lost_button.setChecked(False)
        self.damaged_button.setChecked(False)
        self.lost_button.setAutoExclusive(True)
        self.reason_edit.clear()

    def parts(self) -> dict[str, Any]:
        if self._reissue:
            reason = (
                "lost"
                if self.lost_button.isChecked()
                else "damaged"
                if self.damaged_button.isChecked()
                else None
            )
            return {"reason": reason}
        return {"reason": self.reason_edit.text().strip() or None}

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        if "reason" in errors:
            self.error_label.setText(
                tr("请选择补证原因：遗失或损毁") if self._reissue else errors["reason"]
            )
        return {"reason"} & set(errors)
