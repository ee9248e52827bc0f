"""The document camera's capture folder: what was saved since the last look, in shooting order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.document_camera import CameraFolder, CameraFolderError


def save(folder: Path, name: str, data: bytes, at_ns: int) -> Path:
    path = folder / name
    path.write_bytes(data)
    os.utime(path, ns=(at_ns, at_ns))
    return path


def test_only_pages_saved_since_the_last_look_are_taken(tmp_path: Path) -> None:
    save(tmp_path, "last_applicant.jpg", b"old", 1_000)
    camera = CameraFolder(tmp_path)
    camera.mark_seen()
    assert camera.take_new() == []
    second = save(tmp_path, "IMG_0002.JPG", b"p2", 3_000)
    first = save(tmp_path, "IMG_0001.jpg", b"p1", 2_000)
    save(tmp_path, "notes.txt", b"not a page", 4_000)
    (tmp_path / "sub.png").mkdir()  # a folder named like a page is not one
    assert camera.take_new() == [first, second]
    assert camera.take_new() == []  # taken once
    again = save(tmp_path, "IMG_0001.jpg", b"p1, shot again", 5_000)  # overwritten: new
    assert camera.take_new() == [again]


def test_an_unreadable_folder_is_said(tmp_path: Path) -> None:
    camera = CameraFolder(tmp_path / "gone")
    with pytest.raises(CameraFolderError, match="无法读取高拍仪文件夹"):
        camera.mark_seen()
