"""What the installed app never loads, left out of the bundle (the installer's size goals).

The app uses four Qt modules (QtCore, QtGui, QtWidgets, QtPrintSupport); QML/Quick, Designer and
the rest of PySide6-Essentials are never imported. Rules name what to keep where a package is
mostly unused, so a new PySide6 release cannot add weight unnoticed.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
QT_LIBRARIES = {f"Qt6{module[2:]}.dll" for module in QT_MODULES}
# PySide6's own runtime and the MSVC C++ runtime its DLLs link against.
PYSIDE_FILES = {"__init__.py", "_config.py", "_git_pyside_version.py", "pyside6.abi3.dll"}
PYSIDE_FILES |= {f"{module}.pyd" for module in QT_MODULES} | QT_LIBRARIES
PYSIDE_FILES |= {"msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll", "concrt140.dll"}
PYSIDE_FILES |= {"vcruntime140.dll", "vcruntime140_1.dll"}
PYSIDE_DIRS = {"support"}
# Qt plugins: the Windows screen, offscreen (--smoke), the native style, the image formats the
# app may read (JPEG scans, ICO icons); PNG is built into QtGui.
QT_PLUGINS = {
    "platforms": {"qwindows.dll", "qoffscreen.dll", "qminimal.dll"},
    "styles": {"qmodernwindowsstyle.dll"},
    "imageformats": {"qjpeg.dll", "qico.dll", "qgif.dll"},
}
QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qtbase_en.qm"}
# Anywhere in site-packages: type stubs, import libraries, caches, compiled-in headers.
DROPPED_SUFFIXES = {".pyi", ".lib", ".h", ".c", ".pxd", ".pyx"}
# reportlab's bundled Type 1 fonts are for embedding Latin faces the PDFs never use (their text
# is in the app's own CJK font; Helvetica's metrics are built in). Vera stays: reportlab's
# bitmap renderer falls back on it.
REPORTLAB_FONTS_KEPT = {"Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf"}
REPORTLAB_FONTS_KEPT |= {"bitstream-vera-license.txt"}
# pip --target puts console scripts for Linux-style use in bin/ (none is used on Windows).
TOP_DROPPED_DIRS = {"bin", "Scripts"}


def _pyside_keeps(relative: PurePosixPath) -> bool:
    parts = relative.parts  # ("PySide6", ...)
    if len(parts) == 2:
        return parts[1] in PYSIDE_FILES
    top = parts[1]
    if top in PYSIDE_DIRS:
        return True
    if top == "plugins" and len(parts) == 4:
        return parts[3] in QT_PLUGINS.get(parts[2], set())
    if top == "translations" and len(parts) == 3:
        return parts[2] in QT_TRANSLATIONS
    return False


def keeps(relative: PurePosixPath) -> bool:
    """Whether a file of site-packages (path relative to it) goes into the bundle."""
    if relative.suffix.lower() in DROPPED_SUFFIXES:
        return False
    if relative.parts[0] in TOP_DROPPED_DIRS or "__pycache__" in relative.parts[:-1]:
        return False
    if relative.parts[0] == "PySide6":
        return _pyside_keeps(relative)
    if relative.parts[:2] == ("reportlab", "fonts"):
        return relative.name in REPORTLAB_FONTS_KEPT
    return True


def prune(site_packages: Path) -> int:
    """Deletes what :func:`keeps` refuses; returns the bytes freed."""
    freed = 0
    for path in sorted(site_packages.rglob("*"), reverse=True):
        if path.is_file() and not keeps(PurePosixPath(path.relative_to(site_packages).as_posix())):
            freed += path.stat().st_size
            path.unlink()
    for folder in sorted((p for p in site_packages.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return freed
