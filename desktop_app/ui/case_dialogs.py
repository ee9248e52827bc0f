"""The 办件 screen's small dialogs: a 容缺 material received."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QWidget

from desktop_app.services.deferred import DeferredRow
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import named, ok_cancel


def _ways() -> list[tuple[str, str]]:
    return [("paper", tr("纸质")), ("scan", tr("扫描件")), ("electronic", tr("电子证照"))]


class ReceiveDialog(QDialog):
    """登记容缺材料: which of the materials still out came in, and how."""

    def __init__(self, outstanding: list[DeferredRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiveDialog")
        self.setWindowTitle(tr("登记容缺材料"))
        self.material_combo = named(QComboBox(), "receiveMaterialCombo")
        for row in outstanding:
            self.material_combo.addItem(
                tr("{name}（补交期限 {due}）").format(name=row.name, due=row.due_on.isoformat()),
                row.key,
            )
        self.how_combo = named(QComboBox(), "receiveHowCombo")
        for value, label in _ways():
            self.how_combo.addItem(label, value)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow(tr("材料(&M)："), self.material_combo)
        form.addRow(tr("收取方式(&W)："), self.how_combo)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return str(self.material_combo.currentData()), str(self.how_combo.currentData())
