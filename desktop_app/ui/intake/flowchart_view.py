"""The 一次告知 flowchart on screen, drawn from the same bundle steps as the printed sheet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from desktop_app.catalog import Step
from desktop_app.ui.i18n import tr

FILL = {"counter": "#dde9f9", "department": "#f2f2e6", "issue": "#f2e0db"}
BOX_HEIGHT = 64
ROW_GAP = 34


class FlowchartView(QWidget):
    """Counter on top, the departments side by side (并联), the certificate at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowchartView")
        self._steps: tuple[Step, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_steps(self, steps: Sequence[Step]) -> None:
        self._steps = tuple(steps)
        self.setAccessibleDescription(" → ".join(s.title for s in self._steps))
        self.update()

    @override
    def sizeHint(self) -> QSize:
        return QSize(600, 3 * BOX_HEIGHT + 2 * ROW_GAP + 4)

    def _box(self, painter: QPainter, rect: QRectF, text: str, stage: str) -> None:
        painter.setBrush(QColor(FILL[stage]))
        painter.drawRoundedRect(rect, 6, 6)
        painter.drawText(
            rect.adjusted(4, 2, -4, -2),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            text,
        )

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF) -> None:
        painter.drawLine(start, end)
        painter.setBrush(QColor("black"))
        painter.drawPolygon(QPolygonF([end, end + QPointF(-4, -8), end + QPointF(4, -8)]))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2
        middle = QRectF(width * 0.2, 1, width * 0.6, BOX_HEIGHT)
        departments = [s for s in self._steps if s.stage == "department"]
        rows = (1.0, 1.0 + BOX_HEIGHT + ROW_GAP, 1.0 + 2 * (BOX_HEIGHT + ROW_GAP))
        for step in self._steps:
            if step.stage == "counter":
                self._box(
                    painter,
                    middle.translated(0, rows[0] - 1),
                    f"{step.department_name}\n{step.title}",
                    "counter",
                )
            if step.stage == "issue":
                self._box(
                    painter,
                    middle.translated(0, rows[2] - 1),
                    f"{step.department_name}\n{step.title}",
                    "issue",
                )
        count = max(len(departments), 1)
        gap = 8.0
        box_width = (width - (count - 1) * gap) / count
        for index, step in enumerate(departments):
            rect = QRectF(1 + index * (box_width + gap), rows[1], box_width, BOX_HEIGHT)
            days = (
                tr("承诺{promised_days}个工作日").format(promised_days=step.promised_days)
                if step.promised_days
                else tr("即时办结")
            )
            self._box(
                painter,
                rect,
                tr("{department_name}（{days}）\n{0}").format(
                    step.title.removeprefix("并联审批："),  # data, not UI text
                    department_name=step.department_name,
                    days=days,
                ),
                "department",
            )
            centre = rect.center().x()
            self._arrow(painter, QPointF(width / 2, rows[0] + BOX_HEIGHT), QPointF(centre, rows[1]))
            self._arrow(painter, QPointF(centre, rows[1] + BOX_HEIGHT), QPointF(width / 2, rows[2]))
        painter.end()
