"""Sending a document to the counter printer (the print log is the caller's)."""

from __future__ import annotations

from desktop_app.printing import qt_printer
from desktop_app.ui.i18n import tr


def print_pdf(pdf: bytes, printer_name: str = "") -> str:
    """Prints on the configured printer (else the default); returns the printer's name.

    Raises:
        qt_printer.PrintError: no printer, or the printer refused the job.
    """
    name = printer_name or qt_printer.default_printer_name()
    if not name:
        raise qt_printer.PrintError(tr("本机没有可用的打印机（可在“设置”中选择打印机）"))
    job = qt_printer.paint_pdf(pdf, qt_printer.printer_for(name))
    return job.printer
