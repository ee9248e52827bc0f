"""Print preview: the PDF's pages as the printer will get them (rendered by PDFium)."""

from __future__ import annotations

import pypdfium2
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.ui.i18n import tr

PREVIEW_DPI = 96


def page_images(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            pil = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            images.append(
                QImage(
                    data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888
                ).copy()
            )
    finally:
        document.close()
    return images


class PagesDialog(QDialog):
    """Pages one under another, scrolled: a document's, or a scanned material's."""

    def __init__(self, pages: list[QImage], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        container = QWidget()
        column = QVBoxLayout(container)
        self.pages = pages
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            column.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(container)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(860, 720)


class PdfPreviewDialog(PagesDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(page_images(pdf), tr("预览：{title}").format(title=title), parent)
        self.setObjectName("pdfPreviewDialog")
