"""yiye.exe and yiye-cli.exe: our launcher (installer/launcher/) followed by a zip with __main__.py.

The launcher is compiled here by the MinGW-w64 cross compiler (Debian's gcc-mingw-w64-x86-64),
reproducibly (no time stamp in the file); it runs Python inside its own process with the file
itself as the script, and Python runs the zip appended to it. The zip's ``__main__.py`` is the
pack finder (pack_finder.py), then the entry point.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from installer.winbuild.errors import BuildError

LAUNCHER_SOURCES = Path(__file__).resolve().parents[1] / "launcher"
COMPILER = "x86_64-w64-mingw32-gcc"
RESOURCE_COMPILER = "x86_64-w64-mingw32-windres"


@dataclass(frozen=True)
class Launcher:
    name: str
    gui: bool  # no console window (like pythonw.exe)
    main: str  # the __main__.py inside


# The pack finder's source comes first in each __main__.py (its docstring says why).
PACK_FINDER = (Path(__file__).with_name("pack_finder.py")).read_text(encoding="utf-8")
INSTALL_PACK = """
# The installation folder: the parent of runtime\\\\ (sys.prefix, where python313._pth is).
install_pack(os.path.join(os.path.dirname(sys.prefix), PACK_FILE))
"""
CONSOLE_MAIN = f"""{PACK_FINDER}{INSTALL_PACK}
from desktop_app.cli import main  # noqa: E402

sys.exit(main())
"""
# No console: the entry point catches what would go to it (windows_entry.py).
GUI_MAIN = f"""{PACK_FINDER}{INSTALL_PACK}
from desktop_app.windows_entry import gui_main  # noqa: E402

sys.exit(gui_main())
"""

CLI = Launcher("yiye-cli.exe", False, CONSOLE_MAIN)
GUI = Launcher("yiye.exe", True, GUI_MAIN)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BuildError(f"找不到 {name}：请安装 Debian 软件包 gcc-mingw-w64-x86-64")
    return path


def compile_stub(gui: bool, python_dll: str) -> bytes:
    """The launcher executable for ``python_dll`` (e.g. python313.dll), console or GUI."""
    with tempfile.TemporaryDirectory() as folder:
        resources = Path(folder) / "launcher.res.o"
        output = Path(folder) / "launcher.exe"
        # windres resolves the manifest's file name from the working directory.
        subprocess.run(
            [_tool(RESOURCE_COMPILER), "launcher.rc", "-O", "coff", "-o", str(resources)],
            cwd=LAUNCHER_SOURCES,
            check=True,
        )
        command = [_tool(COMPILER), "-O2", "-Wall", "-Wextra", "-Werror", "-municode", "-s"]
        command += ["-Wl,--no-insert-timestamp", f'-DPYTHON_DLL=L"{python_dll}"']
        command += ["-mwindows", "-DYIYE_GUI"] if gui else ["-mconsole"]
        command += ["-o", str(output), str(LAUNCHER_SOURCES / "launcher.c"), str(resources)]
        subprocess.run([*command, "-lshell32"], check=True)
        return output.read_bytes()


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
    return stub + script_archive(launcher.main)


def write_launchers(folder: Path, python_dll: str) -> list[Path]:
    written = []
    for launcher in (CLI, GUI):
        path = folder / launcher.name
        path.write_bytes(launcher_bytes(compile_stub(launcher.gui, python_dll), launcher))
        written.append(path)
    return written
