"""Writes modules.pack: every module of the bundle found without touching the disk at start.

Run by the embedded interpreter itself (under Wine at build time; by the tests with ours), after
compileall, as a plain script with the standard library only:

    python pack_writer.py OUT ROOT STDLIB_ZIP|- FOLDER... [--drop-bytecode]

Each FOLDER is a sys.path entry; its modules and packages (folders with ``__init__.py``) are
indexed: byte code is copied into the pack, extension modules are recorded by path, and the
standard library's .pyc files are recorded by their place inside STDLIB_ZIP (not copied: the zip
stays the one copy). ``--drop-bytecode`` deletes the __pycache__ files it copied, so the bundle
holds each module's byte code once. Paths in the index are relative to ROOT, the installation
folder. installer/winbuild/pack_finder.py reads the result; the format is described there.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import marshal
import os
import struct
import sys
import zipfile

HEADER = b"YIYEPK\x01\x00"
CODE, ZIP_STORED, ZIP_DEFLATED, EXTENSION = 0, 1, 2, 3
PYC_HEADER_BYTES = 16
LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local header, before its name


class PackError(Exception):
    pass


def folder_modules(directory: str, package: list[str]) -> dict[str, tuple[str, bool, bool]]:
    """Module name → (path, is package, is extension), for a folder and its packages.

    In the path finder's order within a folder: a package before an extension module before a
    source module of the same name.
    """
    found: dict[str, tuple[str, bool, bool]] = {}
    files: dict[str, tuple[str, bool, bool]] = {}
    for entry in sorted(os.listdir(directory)):
        path = os.path.join(directory, entry)
        if os.path.isdir(path):
            if entry.isidentifier() and os.path.isfile(os.path.join(path, "__init__.py")):
                inner = [*package, entry]
                found[".".join(inner)] = (os.path.join(path, "__init__.py"), True, False)
                found.update(folder_modules(path, inner))
            continue
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            stem = entry[: -len(suffix)]
            if entry.endswith(suffix) and stem.isidentifier():
                files[".".join([*package, stem])] = (path, False, True)
                break
        else:
            stem, dot, suffix = entry.rpartition(".")
            if dot and suffix == "py" and stem.isidentifier() and stem != "__init__":
                files.setdefault(".".join([*package, stem]), (path, False, False))
    for name, value in files.items():
        found.setdefault(name, value)
    return found


class Pack:
    def __init__(self, root: str) -> None:
        self.root = root
        self.index: dict[str, tuple[int, str, bool, int, int]] = {}
        self.blobs: list[bytes] = []
        self.size = 0
        self.copied: list[str] = []

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.root)

    def add_code(self, name: str, source: str, is_package: bool) -> None:
        pyc = importlib.util.cache_from_source(source)
        try:
            with open(pyc, "rb") as file:
                data = file.read()
        except OSError:
            return  # not compiled (compileall skipped it): the path finder will find the source
        if data[:4] != importlib.util.MAGIC_NUMBER:
            raise PackError(f"{pyc}: byte code of another Python version")
        code = data[PYC_HEADER_BYTES:]
        self.index[name] = (CODE, self.relative(source), is_package, self.size, len(code))
        self.blobs.append(code)
        self.size += len(code)
        self.copied.append(pyc)

    def add_folder(self, folder: str) -> None:
        """A sys.path folder's modules; names already indexed (earlier on the path) win."""
        for name, (path, is_package, extension) in sorted(folder_modules(folder, []).items()):
            if name in self.index:
                continue
            if extension:
                self.index[name] = (EXTENSION, self.relative(path), False, 0, 0)
            else:
                self.add_code(name, path, is_package)

    def add_stdlib_zip(self, archive_path: str) -> None:
        with open(archive_path, "rb") as raw, zipfile.ZipFile(raw) as archive:
            for info in archive.infolist():
                if not info.filename.endswith(".pyc"):
                    continue
                kind = {zipfile.ZIP_STORED: ZIP_STORED, zipfile.ZIP_DEFLATED: ZIP_DEFLATED}.get(
                    info.compress_type
                )
                if kind is None:
                    raise PackError(f"{info.filename}: compression {info.compress_type}")
                raw.seek(info.header_offset)
                fields = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
                start = info.header_offset + LOCAL_HEADER.size + fields[-2] + fields[-1]
                parts = info.filename[: -len(".pyc")].split("/")
                is_package = parts[-1] == "__init__"
                name = ".".join(parts[:-1] if is_package else parts)
                member = os.path.join(archive_path, *info.filename.split("/"))
                self.index.setdefault(
                    name, (kind, self.relative(member), is_package, start, info.compress_size)
                )

    def write(self, out: str, stdlib_zip: str | None) -> None:
        head = marshal.dumps(
            {"zip": self.relative(stdlib_zip) if stdlib_zip else None, "modules": self.index}
        )
        with open(out, "wb") as file:
            file.write(HEADER + importlib.util.MAGIC_NUMBER + len(head).to_bytes(8, "little"))
            file.write(head)
            for blob in self.blobs:
                file.write(blob)


def main(argv: list[str]) -> int:
    drop = "--drop-bytecode" in argv
    arguments = [argument for argument in argv if argument != "--drop-bytecode"]
    if len(arguments) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    out, root, stdlib_zip, *folders = arguments
    pack = Pack(os.path.abspath(root))
    try:
        if stdlib_zip != "-":  # first on the embedded runtime's path
            pack.add_stdlib_zip(os.path.abspath(stdlib_zip))
        for folder in folders:  # earlier folders win, as on sys.path
            pack.add_folder(os.path.abspath(folder))
        pack.write(out, os.path.abspath(stdlib_zip) if stdlib_zip != "-" else None)
    except (OSError, PackError, zipfile.BadZipFile) as exc:
        print(f"pack_writer: {exc}", file=sys.stderr)
        return 1
    if drop:
        for pyc in pack.copied:
            os.remove(pyc)
    print(f"{len(pack.index)} modules, {pack.size} bytes of byte code")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
