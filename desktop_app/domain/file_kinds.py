"""What a scanned or uploaded material is, judged by its bytes: PDF, JPEG or PNG, whole, ≤ 20 MB.

A file's name says nothing (an executable renamed ``营业执照.pdf`` is refused); a file cut short
in transfer is refused too, where its format lets us see it: a PNG's chunks and their checksums
up to IEND, a JPEG's end-of-image marker after its scan data, a PDF's ``%%EOF`` at the end.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass

MAX_FILE_BYTES = 20 * 1024 * 1024
LIMIT_TEXT = "20 MB"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
JPEG_SCAN = b"\xff\xda"
JPEG_END = b"\xff\xd9"
PDF_START = b"%PDF-"
PDF_END = b"%%EOF"
# The PDF header may follow some bytes of junk, and an incremental save may leave a little after
# the last %%EOF; readers accept both within about a kilobyte.
PDF_SLACK = 1024


class FileRefusedError(ValueError):
    """The file cannot be taken as a material; the message says why, in one line."""


@dataclass(frozen=True)
class FileKind:
    name: str  # what the clerk reads
    content_type: str
    extension: str


PDF = FileKind("PDF", "application/pdf", ".pdf")
JPEG = FileKind("JPEG 图像", "image/jpeg", ".jpg")
PNG = FileKind("PNG 图像", "image/png", ".png")
KINDS = {kind.content_type: kind for kind in (PDF, JPEG, PNG)}


@dataclass(frozen=True)
class CheckedFile:
    kind: FileKind
    sha256: str
    size: int


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def check_file(data: bytes) -> CheckedFile:
    """The file's kind and hash; raises FileRefusedError naming what is wrong."""
    if not data:
        raise FileRefusedError("文件是空的")
    if len(data) > MAX_FILE_BYTES:
        raise FileRefusedError(f"文件超过单个文件 {LIMIT_TEXT} 的上限（{megabytes(len(data))}）")
    if data.startswith(PNG_SIGNATURE):
        kind = _whole_png(data)
    elif data.startswith(JPEG_START):
        kind = _whole_jpeg(data)
    elif PDF_START in data[:PDF_SLACK]:
        kind = _whole_pdf(data)
    else:
        raise FileRefusedError("按文件内容判断不是 PDF、JPEG 或 PNG 文件（与文件名无关）")
    return CheckedFile(kind, hashlib.sha256(data).hexdigest(), len(data))


def _whole_png(data: bytes) -> FileKind:
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        length, chunk = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            break
        body = data[position + 4 : end - 4]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(body) != crc:
            raise FileRefusedError(f"PNG 图像已损坏（{chunk.decode('latin-1')} 块校验和不符）")
        if chunk == b"IEND":
            return PNG
        position = end
    raise FileRefusedError("PNG 图像不完整（文件被截断）")


def _whole_jpeg(data: bytes) -> FileKind:
    scan = data.find(JPEG_SCAN)
    if scan < 0 or data.rfind(JPEG_END) < scan:
        raise FileRefusedError("JPEG 图像不完整（文件被截断）")
    return JPEG


def _whole_pdf(data: bytes) -> FileKind:
    if PDF_END not in data[-PDF_SLACK:]:
        raise FileRefusedError("PDF 文件不完整（缺少结尾标记，可能被截断）")
    return PDF
