"""A material's scan on screen: a PDF's pages rendered by PDFium, or the image itself."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop_app.services.errors import ServiceError
from desktop_app.ui.i18n import tr
from desktop_app.ui.pdf_preview import PagesDialog, page_images

SCREEN_WIDTH = 1200  # pixels; a 高拍仪 page is 3000 or more


class ScanUnreadableError(Exception):
    """The stored file passed its checks but cannot be drawn (said, not a traceback)."""


def scan_pages(data: bytes, content_type: str) -> list[QImage]:
    if content_type == "application/pdf":
        try:
            return page_images(data)
        except pypdfium2.PdfiumError as exc:
            raise ScanUnreadableError(tr("无法显示该 PDF：{exc}").format(exc=exc)) from None
    image = QImage.fromData(data)
    if image.isNull():
        raise ScanUnreadableError(tr("无法显示该图像"))
    if image.width() > SCREEN_WIDTH:  # a camera's page: the dialog's width, still readable
        image = image.scaledToWidth(SCREEN_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return [image]


class ScanDialog(PagesDialog):
    def __init__(
        self, data: bytes, content_type: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            scan_pages(data, content_type), tr("扫描件：{title}").format(title=title), parent
        )
        self.setObjectName("scanDialog")


def open_scan(
    load: Callable[[str], tuple[bytes, str]], sha256: str, parent: QWidget
) -> ScanDialog | str:
    """The opened viewer for a stored scan, or what went wrong, in one line for a status bar."""
    try:
        data, content_type = load(sha256)
        dialog = ScanDialog(data, content_type, sha256[:12], parent)
    except ServiceError as exc:
        return exc.message
    except ScanUnreadableError as exc:
        return str(exc)
    dialog.open()
    return dialog
