"""modules.pack: written from compiled folders and a stdlib zip, read by the launchers' finder.

Run with this interpreter on Linux (the writer and the finder use the running interpreter's byte
code and extension suffixes), so everything but Wine's file costs is checked here.
"""

from __future__ import annotations

import compileall
import importlib.machinery
import json
import py_compile
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from installer.winbuild import launchers, pack_writer
from installer.winbuild.bytecode import PACK_WRITER

FINDER = launchers.PACK_FINDER
EXTENSION = importlib.machinery.EXTENSION_SUFFIXES[0]
_csv = pytest.importorskip("_csv")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _stdlib_zip(root: Path, scratch: Path) -> Path:
    """A zip laid out like python313.zip: .pyc members only, one deflated, one stored."""
    archive = root / "runtime" / "stdlib.zip"
    archive.parent.mkdir(parents=True)
    members = {
        "zipped_mod.pyc": ("VALUE = 'from the zip'\n", zipfile.ZIP_DEFLATED),
        "zipped_pkg/__init__.pyc": ("PACKAGE = True\n", zipfile.ZIP_STORED),
        "packed_single.pyc": ("WHERE = 'zip, first on the path'\n", zipfile.ZIP_DEFLATED),
    }
    with zipfile.ZipFile(archive, "w") as out:
        for member, (source, compression) in members.items():
            source_file = scratch / member.replace("/", "_").replace(".pyc", ".py")
            _write(source_file, source)
            compiled = py_compile.compile(
                str(source_file),
                cfile=str(source_file) + "c",
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            )
            assert compiled is not None
            out.write(compiled, member, compress_type=compression)
    return archive


@pytest.fixture
def installation(tmp_path: Path) -> dict[str, Path]:
    root = tmp_path / "stage"  # built here, installed elsewhere (below)
    lib = root / "lib"
    _write(lib / "packed_pkg" / "__init__.py", "NAME = 'package'\n")
    _write(lib / "packed_pkg" / "mod.py", "def fail():\n    raise ValueError('from mod')\n")
    _write(lib / "packed_pkg" / "data.txt", "resource text")
    _write(lib / "packed_pkg" / "sub" / "__init__.py", "")
    _write(lib / "packed_pkg" / "sub" / "deep.py", "DEPTH = 2\n")
    _write(lib / "packed_single.py", "WHERE = 'folder'\n")
    _write(lib / "loose_folder" / "loose.py", "LOOSE = True\n")  # no __init__: not packed
    shutil.copy(_csv.__file__, lib / f"_csv{EXTENSION}")
    _write(lib / "_csv.py", "raise ImportError('the extension module must win')\n")
    assert compileall.compile_dir(
        lib, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )
    archive = _stdlib_zip(root, tmp_path / "scratch")
    pack = root / "modules.pack"
    arguments = [str(pack), str(root), str(archive), str(lib), "--drop-bytecode"]
    result = subprocess.run(
        [sys.executable, str(PACK_WRITER), *arguments],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    installed = root.rename(tmp_path / "Yiye Counter")
    return {"root": installed, "lib": installed / "lib", "pack": installed / "modules.pack"}


PROBE = """
import importlib.resources, json, traceback
sys.path[:0] = [LIB]  # the usual finders still find what the pack does not hold
installed = install_pack(PACK)
import _csv, loose_folder.loose, packed_pkg.mod, packed_pkg.sub.deep, packed_single
import zipped_mod, zipped_pkg
try:
    packed_pkg.mod.fail()
except ValueError:
    failure = traceback.format_exc()
modules = [_csv, loose_folder.loose, packed_pkg, packed_pkg.mod, packed_pkg.sub.deep]
modules += [packed_single, zipped_mod, zipped_pkg]
print(json.dumps({
    "installed": installed,
    "loaders": {m.__name__: type(m.__loader__).__name__ for m in modules},
    "files": {m.__name__: m.__file__ for m in modules},
    "package_path": list(packed_pkg.__path__),
    "values": [
        packed_single.WHERE, zipped_mod.VALUE, zipped_pkg.PACKAGE, packed_pkg.sub.deep.DEPTH
    ],
    "resource": importlib.resources.files("packed_pkg").joinpath("data.txt").read_text(),
    "failure": failure,
}))
"""


def _probe(lib: Path, pack: Path) -> dict[str, object]:
    script = f"{FINDER}\nLIB, PACK = {str(lib)!r}, {str(pack)!r}\n{PROBE}"
    result = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, cwd=lib.parent
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def test_the_pack_serves_code_zip_members_and_extensions(installation: dict[str, Path]) -> None:
    lib, root = installation["lib"], installation["root"]
    answer = _probe(lib, installation["pack"])
    assert answer["installed"] is True
    assert answer["loaders"] == {
        "_csv": "ExtensionFileLoader",
        "loose_folder.loose": "SourceFileLoader",  # not in the pack: the path finder's
        "packed_pkg": "PackedModuleLoader",
        "packed_pkg.mod": "PackedModuleLoader",
        "packed_pkg.sub.deep": "PackedModuleLoader",
        "packed_single": "PackedModuleLoader",
        "zipped_mod": "PackedModuleLoader",
        "zipped_pkg": "PackedModuleLoader",
    }
    files = answer["files"]
    assert isinstance(files, dict)
    assert files["_csv"] == str(lib / f"_csv{EXTENSION}")
    assert files["packed_pkg"] == str(lib / "packed_pkg" / "__init__.py")
    assert files["packed_pkg.sub.deep"] == str(lib / "packed_pkg" / "sub" / "deep.py")
    assert files["zipped_mod"] == str(root / "runtime" / "stdlib.zip" / "zipped_mod.pyc")
    assert answer["package_path"] == [str(lib / "packed_pkg")]
    # The zip comes first on the embedded runtime's path, so its module of that name wins.
    assert answer["values"] == ["zip, first on the path", "from the zip", True, 2]
    assert answer["resource"] == "resource text"
    failure = answer["failure"]
    assert isinstance(failure, str)
    assert f'File "{lib / "packed_pkg" / "mod.py"}", line 2, in fail' in failure
    assert "raise ValueError('from mod')" in failure  # the source line, read from the .py


def test_packed_byte_code_is_not_shipped_twice(installation: dict[str, Path]) -> None:
    lib = installation["lib"]
    left = sorted(p.relative_to(lib).as_posix().split(".")[0] for p in lib.rglob("*.pyc"))
    # What stays: outside any package, or shadowed (by the zip, by an extension module).
    assert left == [
        "__pycache__/_csv",
        "__pycache__/packed_single",
        "loose_folder/__pycache__/loose",
    ]


@pytest.mark.parametrize("damage", ["truncated", "other interpreter", "missing"])
def test_an_unreadable_pack_leaves_the_usual_imports(
    installation: dict[str, Path], damage: str
) -> None:
    pack = installation["pack"]
    data = pack.read_bytes()
    if damage == "truncated":
        pack.write_bytes(data[:30])
    elif damage == "other interpreter":
        pack.write_bytes(data[:8] + b"\0\0\r\n" + data[12:])
    else:
        pack.unlink()
    lib = installation["lib"]
    shutil.copy(lib.parent / "runtime" / "stdlib.zip", lib / "zipped.zip")  # path finder's way
    script = f"""{FINDER}
sys.path[:0] = [{str(lib)!r}, {str(lib / "zipped.zip")!r}]
assert not install_pack({str(pack)!r})
import packed_pkg.mod, zipped_mod
print(type(packed_pkg.mod.__loader__).__name__, zipped_mod.VALUE)
"""
    result = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "SourceFileLoader"


def test_within_a_folder_a_package_beats_an_extension_which_beats_a_source(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "both.py", "")
    (tmp_path / f"both{EXTENSION}").write_bytes(b"")
    _write(tmp_path / "pkg" / "__init__.py", "")
    (tmp_path / f"pkg{EXTENSION}").write_bytes(b"")
    _write(tmp_path / "not-a-name.py", "")
    _write(tmp_path / "data" / "inside.py", "")  # no __init__.py: left to the path finder
    found = pack_writer.folder_modules(str(tmp_path), [])
    assert found == {
        "both": (str(tmp_path / f"both{EXTENSION}"), False, True),
        "pkg": (str(tmp_path / "pkg" / "__init__.py"), True, False),
    }


def test_byte_code_of_another_interpreter_stops_the_writer(tmp_path: Path) -> None:
    _write(tmp_path / "lib" / "mod.py", "")
    compileall.compile_dir(tmp_path / "lib", quiet=1)
    for pyc in (tmp_path / "lib").rglob("*.pyc"):
        pyc.write_bytes(b"\0\0\r\n" + pyc.read_bytes()[4:])
    arguments = [str(tmp_path / "p"), str(tmp_path), "-", str(tmp_path / "lib")]
    result = subprocess.run(
        [sys.executable, str(PACK_WRITER), *arguments],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "another Python version" in result.stderr


@pytest.mark.parametrize("main", [launchers.CONSOLE_MAIN, launchers.GUI_MAIN])
def test_each_launcher_installs_the_pack_before_the_app_loads(main: str) -> None:
    compile(main, "__main__.py", "exec")
    assert main.index("install_pack(os.path.join(os.path.dirname(sys.prefix)") < main.index(
        "from desktop_app"
    )
