"""Imports the bundle's modules from modules.pack, without a file-system call per module.

Under Wine every stat or open costs about a millisecond (a real Windows PC pays less, but an
antivirus on access adds to it), and the standard path finder makes three or four of them for
each of the ~390 modules the counter loads at start. The pack, written at build time by
pack_writer.py, indexes every module of the installation; this finder answers from that index:

- byte code copied into the pack, for the app and site-packages (their __pycache__ files are
  not shipped): read from a memory map, the source file named as the module's file, so
  tracebacks, ``__file__`` and resources next to the code work as before;
- the standard library's .pyc members of the runtime's zip, read from a memory map of the zip;
- extension modules, loaded from the recorded path without searching for them.

A name the pack does not know goes on to the usual finders, and a pack that cannot be read is
ignored (the app starts more slowly, nothing else changes). This file is copied into the
launchers' ``__main__.py``, ahead of the entry point, so it runs before anything is imported from
the bundle; it uses the standard library only.

Format: the 8 bytes ``PACK_HEADER``, the interpreter's 4-byte byte-code magic, the index's length (8
bytes, little-endian), the index (marshal: {"zip": path or None, "modules": {name: (kind, path,
is_package, offset, length)}}), then the copied byte code. Paths are relative to the folder
holding the pack (the installation folder).
"""

from __future__ import annotations

import _imp
import marshal
import mmap
import os
import sys
import zlib
from importlib.machinery import ExtensionFileLoader, ModuleSpec, SourceFileLoader
from importlib.util import MAGIC_NUMBER
from types import CodeType

PACK_HEADER = b"YIYEPK\x01\x00"
PACK_CODE, PACK_ZIP_STORED, PACK_ZIP_DEFLATED, PACK_EXTENSION = 0, 1, 2, 3
PACK_FILE = "modules.pack"


class PackedModuleLoader(SourceFileLoader):
    """A source loader whose byte code comes from the pack instead of __pycache__."""

    def __init__(self, fullname: str, path: str, finder: PackFinder) -> None:
        super().__init__(fullname, path)
        self.finder = finder

    def get_code(self, fullname: str) -> CodeType:
        code = self.finder.code(fullname)
        # As importlib does for .pyc files: tracebacks name the file where it runs from now.
        _imp._fix_co_filename(code, self.path)  # type: ignore[attr-defined]
        return code


class PackFinder:
    def __init__(self, path: str) -> None:
        self.folder = os.path.dirname(path)
        with open(path, "rb") as file:
            self.pack = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        head = self.pack[:20]
        if head[:8] != PACK_HEADER or head[8:12] != MAGIC_NUMBER:
            raise ValueError(f"{path} was written for another interpreter")
        size = int.from_bytes(head[12:20], "little")
        index = marshal.loads(self.pack[20 : 20 + size])
        self.start = 20 + size
        self.modules: dict[str, tuple[int, str, bool, int, int]] = index["modules"]
        self.zip: mmap.mmap | None = None
        if index["zip"] is not None:
            with open(self.absolute(index["zip"]), "rb") as file:
                self.zip = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def absolute(self, relative: str) -> str:
        return os.path.join(self.folder, relative)

    def code(self, fullname: str) -> CodeType:
        kind, _, _, offset, length = self.modules[fullname]
        if kind == PACK_CODE:
            data = self.pack[self.start + offset : self.start + offset + length]
        else:
            assert self.zip is not None
            data = self.zip[offset : offset + length]
            if kind == PACK_ZIP_DEFLATED:
                data = zlib.decompress(data, -15)
            data = data[16:]  # the .pyc header: magic, flags, and hash or date
        code = marshal.loads(data)
        if not isinstance(code, CodeType):
            raise ImportError(f"no code for {fullname} in the pack", name=fullname)
        return code

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        kind, relative, is_package, _, _ = entry
        origin = self.absolute(relative)
        loader: ExtensionFileLoader | PackedModuleLoader
        if kind == PACK_EXTENSION:
            loader = ExtensionFileLoader(fullname, origin)
        else:
            loader = PackedModuleLoader(fullname, origin, self)
        spec = ModuleSpec(fullname, loader, origin=origin, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec

    def invalidate_caches(self) -> None:
        """Nothing cached beyond the index, which describes files that do not change."""


def install_pack(path: str) -> bool:
    """Puts the pack's finder first on ``sys.meta_path``; False when the pack is unusable."""
    try:
        finder = PackFinder(path)
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return False
    sys.meta_path.insert(0, finder)
    return True
