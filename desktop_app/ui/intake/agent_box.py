"""The 委托代理人 on the form page: asked only when not the legal representative applies."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.form_values import agent_problems
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named


class AgentBox(QGroupBox):
    """A checkable group: unchecked, the legal representative applies in person."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, with_reader: bool = False) -> None:
        super().__init__(tr("由委托代理人办理（非法定代表人本人到场时勾选）(&W)"), parent)
        self.setObjectName("agentBox")
        self.setCheckable(True)
        self.setChecked(False)
        self.name_edit = named(QLineEdit(), "agentNameEdit")
        self.id_edit = named(QLineEdit(), "agentIdEdit")
        self.phone_edit = named(QLineEdit(), "agentPhoneEdit")
        self.read_card_button = named(QPushButton(tr("读取代理人身份证")), "readAgentIdCardButton")
        self.read_card_button.setVisible(with_reader)
        self.message_label = named(QLabel(), "agentMessageLabel")
        self.message_label.setStyleSheet(ALARM_STYLE)
        self.message_label.setWordWrap(True)
        # Folded while unchecked: most applicants come in person, the form page keeps its room.
        self._fields = QWidget()
        form = QFormLayout(self._fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("代理人姓名："), self.name_edit)
        form.addRow(tr("代理人身份证件号码："), self.id_edit)
        form.addRow(tr("代理人联系电话（选填）："), self.phone_edit)
        form.addRow(self.read_card_button)
        form.addRow(self.message_label)
        QVBoxLayout(self).addWidget(self._fields)
        self._fields.setVisible(False)
        self.toggled.connect(self._fields.setVisible)
        for edit in (self.name_edit, self.id_edit, self.phone_edit):
            edit.textChanged.connect(self._on_changed)
        self.toggled.connect(self._on_changed)

    def value(self) -> dict[str, str] | None:
        if not self.isChecked():
            return None
        return {
            "name": self.name_edit.text().strip(),
            "id_number": self.id_edit.text().strip(),
            "phone": self.phone_edit.text().strip(),
        }

    def set_value(self, agent: dict[str, str] | None) -> None:
        self.setChecked(agent is not None)
        agent = agent or {}
        self.name_edit.setText(agent.get("name", ""))
        self.id_edit.setText(agent.get("id_number", ""))
        self.phone_edit.setText(agent.get("phone", ""))

    def fill_from_card(self, name: str, id_number: str) -> None:
        self.setChecked(True)
        self.name_edit.setText(name)
        self.id_edit.setText(id_number)

    def problems(self) -> dict[str, str]:
        agent = self.value()
        if agent is None:
            return {}
        return agent_problems(agent["name"], agent["id_number"], agent["phone"])

    def show_problems(self) -> bool:
        """Shows what is wrong (the same checks as acceptance); True when all is right."""
        problems = self.problems()
        self.message_label.setText("\n".join(problems.values()))
        return not problems

    def _on_changed(self, *_: object) -> None:
        if self.message_label.text():
            self.show_problems()
        self.changed.emit()
