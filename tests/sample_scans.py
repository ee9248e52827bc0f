"""Small real scans for the attachment tests: a PNG, a JPEG and a PDF made here."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.pdfgen import canvas


def png(colour: str = "white", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(colour: str = "white") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def pdf(text: str = "business licence") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()
