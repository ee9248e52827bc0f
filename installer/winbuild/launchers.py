"""yiye.exe and yiye-cli.exe: distlib's launcher stub, a shebang line and a zip with __main__.py.

The stub runs the interpreter named by the shebang with the exe itself as the script (Python
runs the zip appended to it) and passes the exit code back. ``<launcher_dir>`` makes the path
relative to the exe, so the installation folder can be anywhere (``/D=`` at install time).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

LAUNCHER_DIR = "<launcher_dir>"


@dataclass(frozen=True)
class Launcher:
    name: str
    interpreter: str  # relative to the launcher's folder
    main: str  # the __main__.py inside


CONSOLE_MAIN = """import sys

from desktop_app.cli import main

sys.exit(main())
"""
# pythonw.exe has no console: the entry point catches what would go to it (windows_entry.py).
GUI_MAIN = """import sys

from desktop_app.windows_entry import gui_main

sys.exit(gui_main())
"""

CLI = Launcher("yiye-cli.exe", r"runtime\python.exe", CONSOLE_MAIN)
GUI = Launcher("yiye.exe", r"runtime\pythonw.exe", GUI_MAIN)


def shebang(interpreter: str) -> bytes:
    return f"#!{LAUNCHER_DIR}\\{interpreter}\r\n".encode()


def script_archive(main: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed date: the same sources give the same launcher, byte for byte.
        info = zipfile.ZipInfo("__main__.py", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, main)
    return buffer.getvalue()


def launcher_bytes(stub: bytes, launcher: Launcher) -> bytes:
    if stub[:2] != b"MZ":
        raise ValueError("launcher stub is not a Windows executable")
    return stub + shebang(launcher.interpreter) + script_archive(launcher.main)


def read_stubs(wheel: Path, console: str, gui: str) -> tuple[bytes, bytes]:
    """The console and GUI stubs from distlib's wheel (already checked against its pin)."""
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(console), archive.read(gui)


def write_launchers(folder: Path, console_stub: bytes, gui_stub: bytes) -> list[Path]:
    written = []
    for launcher, stub in ((CLI, console_stub), (GUI, gui_stub)):
        path = folder / launcher.name
        path.write_bytes(launcher_bytes(stub, launcher))
        written.append(path)
    return written
