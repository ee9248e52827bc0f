"""A horizontal bar chart painted with QPainter.

QtCharts would need the ~425 MB PySide6-Addons wheel for two simple charts; QPainter draws them
crisply at any DPI, with the bundled font, and is trivially testable.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from desktop_app.ui.i18n import tr

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 150


class BarChart(QWidget):
    """Bars of (label, value[, highlighted value]); the highlighted part (overdue) is red."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: tuple[tuple[str, int, int], ...] = ()

    def set_bars(self, bars: Sequence[tuple[str, int, int]]) -> None:
        self.bars = tuple(bars)
        self.setAccessibleDescription(
            tr("；").join(f"{label} {value}" for label, value, _ in self.bars)
        )
        self.updateGeometry()
        self.update()

    @override
    def sizeHint(self) -> QSize:
        return QSize(420, 28 + len(self.bars) * (BAR_HEIGHT + GAP))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(QRectF(0, 0, self.width(), 20), Qt.AlignmentFlag.AlignLeft, self.title)
        largest = max((value for _, value, _ in self.bars), default=0) or 1
        room = max(self.width() - LABEL_WIDTH - 50, 10)
        for row, (label, value, highlighted) in enumerate(self.bars):
            y = 24 + row * (BAR_HEIGHT + GAP)
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(0, y, LABEL_WIDTH - 6, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            width = room * value / largest
            painter.fillRect(QRectF(LABEL_WIDTH, y, width, BAR_HEIGHT), QColor("#5b8bd0"))
            if highlighted:
                painter.fillRect(
                    QRectF(LABEL_WIDTH, y, room * highlighted / largest, BAR_HEIGHT),
                    QColor("#c0392b"),
                )
            painter.drawText(
                QRectF(LABEL_WIDTH + width + 4, y, 46, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()
