import datetime as dt
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtWidgets import QApplication

from desktop_app.printing import letters, qt_printer

PDF = letters.acceptance_notice(
    "SL2025640324010000042",
    letters.Addressee("同心县𠀀·便利店"),
    "便利店",
    [],
    [],
    dt.date(2025, 9, 26),
)


def test_prints_every_page_to_a_pdf_printer(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    job = qt_printer.paint_pdf(PDF, qt_printer.printer_for(pdf_file=str(out)), copies=2)
    assert (job.pages, job.copies) == (1, 2)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info
    assert "A4" in info
    root = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-singlefile", str(out), str(root)], check=True
    )
    with Image.open(root.with_suffix(".png")) as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == ["SL2025640324010000042"]


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own warning for the refused job
def test_unusable_printer_is_a_print_error(qapp: QApplication, tmp_path: Path) -> None:
    printer = qt_printer.printer_for(pdf_file=str(tmp_path / "missing-folder" / "x.pdf"))
    with pytest.raises(qt_printer.PrintError, match="无法开始打印"):
        qt_printer.paint_pdf(PDF, printer)
