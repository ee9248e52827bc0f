"""Running Windows programs under Debian's Wine: one prefix per purpose, pipes for every stream.

Python under Wine fails with invalid handles when a standard stream is not a real handle, so
every run gets /dev/null for input and one pipe for output and errors.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path, PurePosixPath

from installer.winbuild.errors import BuildError


def wine() -> str:
    path = shutil.which("wine") or shutil.which("wine64")
    if path is None:
        raise BuildError("找不到 wine：请安装 Debian 软件包 wine 和 wine64")
    return path


def windows_path(path: Path) -> str:
    """Wine shows the Linux root as drive Z:."""
    return "Z:" + str(PurePosixPath(path.resolve())).replace("/", "\\")


def environment(prefix: Path, overrides: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env["WINEPREFIX"] = str(prefix)
    env["WINEDEBUG"] = "-all"
    env["WINEARCH"] = "win64"
    # No Mono or Gecko download prompts (nothing here needs .NET or an HTML engine).
    env["WINEDLLOVERRIDES"] = ";".join(filter(None, ["mscoree,mshtml=", overrides]))
    env.pop("DISPLAY", None)  # never open a window from a test or the build
    return env


def ensure_prefix(prefix: Path) -> None:
    """Creates the Wine prefix once (about ten seconds)."""
    if (prefix / "system.reg").exists():
        return
    prefix.mkdir(parents=True, exist_ok=True)
    run(prefix, ["wineboot", "--init"], timeout=300)


def run(
    prefix: Path,
    arguments: list[str],
    timeout: float = 300,
    overrides: str = "",
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Runs ``wine ARGUMENTS`` and waits; output and errors come back as one text."""
    try:
        return subprocess.run(
            [wine(), *arguments],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=environment(prefix, overrides),
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        stop(prefix)
        raise BuildError(f"wine {' '.join(arguments)} 超过 {timeout:.0f} 秒未结束") from exc


def start_session(prefix: Path, overrides: str = "") -> None:
    """Keeps the prefix's wineserver and services running until :func:`stop`.

    Otherwise every run starts them again (seconds each), and the services Wine starts inherit
    that run's output pipe, so reading it waits until they exit. Started here with no streams.
    """
    server = shutil.which("wineserver")
    if server is None:
        raise BuildError("找不到 wineserver：请安装 Debian 软件包 wine64")
    env = environment(prefix, overrides)
    quiet = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
    }
    subprocess.Popen([server, "-p"], env=env, start_new_session=True, **quiet)  # type: ignore[call-overload]
    subprocess.run([wine(), "cmd", "/c", "exit"], env=env, timeout=120, check=False, **quiet)  # type: ignore[call-overload]


def start_background(prefix: Path, arguments: list[str], overrides: str = "") -> None:
    """Starts a Windows program that runs until :func:`stop`, with no streams to hold."""
    quiet = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
    }
    env = environment(prefix, overrides)
    subprocess.Popen([wine(), *arguments], env=env, start_new_session=True, **quiet)  # type: ignore[call-overload]


def _desktop_running(prefix: Path) -> bool:
    """Whether the prefix's desktop process (explorer.exe /desktop) is up, from Linux's /proc."""
    wanted = f"WINEPREFIX={prefix}".encode()
    for process in Path("/proc").glob("[0-9]*"):
        try:
            command = (process / "cmdline").read_bytes()
            if b"explorer.exe" not in command or b"/desktop" not in command:
                continue
            if wanted in (process / "environ").read_bytes().split(b"\0"):
                return True
        except OSError:
            continue  # ended meanwhile, or not ours to read
    return False


def wait_for_desktop(prefix: Path, timeout: float = 120) -> None:
    """Waits until the desktop is up, so that no later run starts it holding that run's pipe.

    Whichever run comes first starts the desktop, and the desktop keeps that run's output pipe
    open for as long as it lives: a run that reads its output to the end then never ends.
    """
    deadline = time.monotonic() + timeout
    while not _desktop_running(prefix):
        if time.monotonic() > deadline:
            raise BuildError(f"Wine 桌面进程 {timeout:.0f} 秒内未启动")
        time.sleep(0.2)


def stop(prefix: Path) -> None:
    """Ends every process of the prefix (wineserver lingers otherwise)."""
    server = shutil.which("wineserver")
    if server:
        subprocess.run([server, "-k"], env=environment(prefix), capture_output=True)
