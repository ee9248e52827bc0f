"""The bridge from a PDF to a Qt printer: the only Qt in printing/ (STYLE.md).

Pages are rasterised with PDFium at the printer's own resolution and painted onto the QPrinter, so
what the counter printer puts on paper is exactly the PDF (fonts, QR modules and all), including
with printer drivers that cannot take PDF themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

POINTS_PER_INCH = 72.0


class PrintError(RuntimeError):
    """The printer refused the job (offline, out of paper, no such printer)."""


@dataclass(frozen=True)
class PrintJob:
    printer: str
    pages: int
    copies: int


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str:
    return QPrinterInfo.defaultPrinter().printerName()


def printer_for(name: str | None = None, pdf_file: str | None = None) -> QPrinter:
    """A high-resolution A4 printer: the named one, the default, or a PDF file (headless)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf_file is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_file)
    elif name:
        printer.setPrinterName(name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    # The PDF carries its own margins; a driver's margins would shift 套打 data off the stock.
    printer.setFullPage(True)
    return printer


def _page_image(page: pypdfium2.PdfPage, dpi: int) -> QImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=False)
    pil = bitmap.to_pil().convert("RGB")
    data = pil.tobytes("raw", "RGB")
    # QImage does not copy the buffer: copy() detaches it before `data` goes away.
    return QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()


def paint_pdf(pdf: bytes, printer: QPrinter, copies: int = 1) -> PrintJob:
    """Prints every page of ``pdf`` ``copies`` times; raises PrintError when the printer refuses."""
    document = pypdfium2.PdfDocument(pdf)
    pages = len(document)
    dpi = min(printer.resolution(), 600)  # beyond 600 dpi only the spool file grows
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            f"无法开始打印（打印机“{printer.printerName() or printer.outputFileName()}”不可用）"
        )
    try:
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        first = True
        for _ in range(copies):
            for index in range(pages):
                if not first and not printer.newPage():
                    raise PrintError("打印机拒绝了新的一页")
                first = False
                image = _page_image(document[index], dpi)
                painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return PrintJob(printer.printerName() or printer.outputFileName(), pages, copies)
