"""A document camera (高拍仪) through the folder its capture software saves pages into.

The cameras in service halls come with their own capture program (or a vendor SDK); each can save
every page it shoots into a chosen folder. The counter watches that folder: the pages saved since
the clerk last took some (or since the material list opened) are the new capture. No clock is
involved: a page is new when its (name, size, modification time) was not there before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png"}


class CameraFolderError(Exception):
    """The folder set for the document camera cannot be read."""


def _listing(folder: Path) -> dict[Path, tuple[int, int]]:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        raise CameraFolderError(f"无法读取高拍仪文件夹 {folder}：{exc.strerror or exc}") from None
    found = {}
    for entry in entries:
        if Path(entry.name).suffix.lower() not in SUFFIXES:
            continue
        try:
            if entry.is_file():
                stat = entry.stat()
                found[Path(entry.path)] = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            continue  # removed meanwhile
    return found


@dataclass
class CameraFolder:
    """The capture folder, and what was in it when last looked at."""

    folder: Path
    _seen: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def mark_seen(self) -> None:
        """What is there now is the last applicant's or an older capture: not offered."""
        self._seen = _listing(self.folder)

    def take_new(self) -> list[Path]:
        """The pages saved since the last look, oldest first (the order they were shot in)."""
        now = _listing(self.folder)
        new = [path for path, stamp in now.items() if self._seen.get(path) != stamp]
        self._seen = now
        return sorted(new, key=lambda p: (now[p][1], p.name))
