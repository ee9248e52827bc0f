"""Byte code compiled at build time by the embedded interpreter itself, under Wine.

Our Linux Python is another version: its .pyc files would be ignored. ``unchecked-hash`` .pyc
files are used without looking at the sources' dates, so a read-only Program Files and the
installer's file times cost nothing at start. One process: compileall's worker pool (-j) hangs
under Wine 8.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from installer.winbuild import wine
from installer.winbuild.errors import BuildError


def compile_all(runtime: Path, folders: list[Path]) -> None:
    # A throwaway prefix outside the checkout: its drive z: links to /, which would send any tool
    # that walks the project (setuptools, pip -e) round the whole file system.
    prefix = Path(tempfile.mkdtemp(prefix="yiye-wine-build-"))
    try:
        wine.ensure_prefix(prefix)
        command = [wine.windows_path(runtime / "python.exe"), "-m", "compileall", "-q"]
        command += ["--invalidation-mode", "unchecked-hash"]
        command += [wine.windows_path(folder) for folder in folders]
        result = wine.run(prefix, command, timeout=900)
    finally:
        wine.stop(prefix)
        shutil.rmtree(prefix, ignore_errors=True)
    if result.returncode:
        raise BuildError(f"编译字节码失败（退出码 {result.returncode}）：\n{result.stdout[-4000:]}")
