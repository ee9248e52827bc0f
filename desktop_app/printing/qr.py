"""QR codes drawn as vector modules on a reportlab canvas (sharp at any printer resolution)."""

from __future__ import annotations

import functools

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_8BIT_BYTE, MODE_ALPHA_NUM, QRData
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

# Keyboard-wedge scanners and phones both read 0.4 mm modules reliably; the issue asks >= 0.33 mm.
MODULE_MM = 0.4
QUIET_ZONE = 4


@functools.lru_cache(maxsize=32)
def matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix at error correction M, in alphanumeric mode where the text allows it.

    Cached: choosing the best mask costs ~70 ms in pure Python, and the same certificate is
    rendered for preview, print and export in a row.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    alnum = all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" for c in text)
    code.add_data(QRData(text.encode("utf-8"), mode=MODE_ALPHA_NUM if alnum else MODE_8BIT_BYTE))
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


def side_mm(text: str, module_mm: float = MODULE_MM) -> float:
    """The printed side of the code including its quiet zone."""
    return (len(matrix(text)) + 2 * QUIET_ZONE) * module_mm


def draw(canvas: Canvas, text: str, x: float, y: float, module_mm: float = MODULE_MM) -> float:
    """Draws the code, its quiet zone's bottom-left corner at (x, y); returns the side in points."""
    modules = matrix(text)
    size = module_mm * mm
    count = len(modules)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    # Work in module units with the origin at the top-left module: every coordinate below is a
    # small integer, which keeps the content stream short and quick to write.
    canvas.translate(x + QUIET_ZONE * size, y + (QUIET_ZONE + count) * size)
    canvas.scale(size, -size)
    path = canvas.beginPath()
    for row, cells in enumerate(modules):
        column = 0
        while column < count:
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < count and cells[column]:
                column += 1
            # One rectangle per horizontal run, all in one path: a small PDF, fast to print.
            path.rect(start, row, column - start, 1)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return float((count + 2 * QUIET_ZONE) * size)


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A QR code of a fixed printed size inside a platypus story (the 受理编号 on a notice)."""

    def __init__(self, text: str, module_mm: float = 0.5) -> None:
        super().__init__()
        self.text = text
        self.module_mm = module_mm
        self.side = side_mm(text, module_mm) * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        draw(self.canv, self.text, 0, 0, self.module_mm)
