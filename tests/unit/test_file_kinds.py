"""A scan is judged by its bytes: PDF, JPEG or PNG, whole, at most 20 MB; never by its name."""

from __future__ import annotations

import hashlib

import pytest

from desktop_app.domain.file_kinds import (
    JPEG,
    MAX_FILE_BYTES,
    PDF,
    PNG,
    FileRefusedError,
    check_file,
)
from tests import sample_scans


@pytest.mark.parametrize(
    ("data", "kind"),
    [(sample_scans.png(), PNG), (sample_scans.jpeg(), JPEG), (sample_scans.pdf(), PDF)],
)
def test_whole_files_are_known_by_their_bytes(data: bytes, kind: object) -> None:
    checked = check_file(data)
    assert checked.kind == kind
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert checked.size == len(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件是空的"),
        (b"MZ\x90\x00" + bytes(2000), "不是 PDF、JPEG 或 PNG"),  # an executable named .pdf
        (b"<html><body>licence</body></html>", "不是 PDF、JPEG 或 PNG"),
        (sample_scans.png()[:-20], "PNG 图像不完整"),
        (sample_scans.jpeg()[:-40], "JPEG 图像不完整"),
        (sample_scans.pdf()[:-300], "PDF 文件不完整"),
        (sample_scans.jpeg()[:200], "JPEG 图像不完整"),  # cut before its scan data
    ],
)
def test_wrong_or_cut_files_are_refused_with_the_reason(data: bytes, message: str) -> None:
    with pytest.raises(FileRefusedError, match=message):
        check_file(data)


def test_a_damaged_png_chunk_is_refused() -> None:
    data = bytearray(sample_scans.png())
    data[40] ^= 0xFF  # inside the first chunk after the header: its checksum no longer fits
    with pytest.raises(FileRefusedError, match="校验和不符"):
        check_file(bytes(data))


def test_the_size_limit_is_twenty_megabytes() -> None:
    pdf = sample_scans.pdf()
    head, tail = pdf[:-6], pdf[-6:]  # %%EOF\n stays at the end
    at_limit = head + b" " * (MAX_FILE_BYTES - len(pdf)) + tail
    assert check_file(at_limit).size == MAX_FILE_BYTES
    with pytest.raises(FileRefusedError, match=r"文件超过单个文件 20 MB 的上限（20\.0 MB）"):
        check_file(head + b" " * (MAX_FILE_BYTES - len(pdf) + 1) + tail)
