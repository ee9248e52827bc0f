"""Byte code compiled at build time by the embedded interpreter itself, under Wine, then packed.

Our Linux Python is another version: its .pyc files would be ignored. ``unchecked-hash`` .pyc
files are used without looking at the sources' dates, so a read-only Program Files and the
installer's file times cost nothing at start. One process: compileall's worker pool (-j) hangs
under Wine 8. pack_writer.py then moves the byte code into modules.pack (pack_finder.py says why).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from installer.winbuild import wine
from installer.winbuild.errors import BuildError

PACK_WRITER = Path(__file__).with_name("pack_writer.py")


def compile_and_pack(runtime: Path, stdlib_zip: Path, path: list[Path], pack: Path) -> str:
    """Compiles ``path``'s folders and packs them with ``stdlib_zip``; returns the writer's summary.

    ``path`` is in sys.path's order; the pack lies in the installation folder, ``pack.parent``.
    """
    # A throwaway prefix outside the checkout: its drive z: links to /, which would send any tool
    # that walks the project (setuptools, pip -e) round the whole file system.
    prefix = Path(tempfile.mkdtemp(prefix="yiye-wine-build-"))
    try:
        wine.ensure_prefix(prefix)
        python = wine.windows_path(runtime / "python.exe")
        command = [python, "-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash"]
        # The runtime's own folder holds only extension modules and the zip: nothing to compile.
        command += [wine.windows_path(folder) for folder in path if folder != runtime]
        compiled = wine.run(prefix, command, timeout=900)
        if compiled.returncode:
            raise BuildError(
                f"编译字节码失败（退出码 {compiled.returncode}）：\n{compiled.stdout[-4000:]}"
            )
        command = [python, wine.windows_path(PACK_WRITER), wine.windows_path(pack)]
        command += [wine.windows_path(pack.parent), wine.windows_path(stdlib_zip)]
        command += [*(wine.windows_path(folder) for folder in path), "--drop-bytecode"]
        packed = wine.run(prefix, command, timeout=300)
    finally:
        wine.stop(prefix)
        shutil.rmtree(prefix, ignore_errors=True)
    if packed.returncode:
        raise BuildError(f"写模块包失败（退出码 {packed.returncode}）：\n{packed.stdout[-4000:]}")
    return packed.stdout.strip().splitlines()[-1]
