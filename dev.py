"""Set up the project's virtual environment and run the app or the test suite.

Usage (the README's quick start; works the same on Windows and Linux):
    python3 dev.py run [yiye arguments...]     # create/refresh .venv, then start the app
    python3 dev.py test [pytest arguments...]  # create/refresh .venv, lint, run every test
    python3 dev.py i18n                        # refresh the Qt Linguist files (resources/i18n)
    python3 dev.py installer                   # build dist/yiye-<version>-win64-setup.exe
                                               # (Linux; installer/README.md lists the tools)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"


def _venv_bin(name: str) -> Path:
    scripts = VENV / ("Scripts" if os.name == "nt" else "bin")
    return scripts / (f"{name}.exe" if os.name == "nt" else name)


def _requirements_digest() -> str:
    # Reinstall only when the declared dependencies change, so a second run starts at once.
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the project with its test extra when needed."""
    python = _venv_bin("python")
    if not python.exists():
        print("创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8") == digest:
        return
    print("安装依赖 …", flush=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            f"{ROOT}[test]",
        ],
        check=True,
    )
    STAMP.write_text(digest, encoding="utf-8")


def run_tests(args: list[str]) -> int:
    """Lint, format check and type check, then pytest; returns the first failing exit code."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks = [
        [str(_venv_bin("ruff")), "check", "."],
        [str(_venv_bin("ruff")), "format", "--check", "."],
        [str(_venv_bin("mypy"))],
    ]
    for check in checks:
        result = subprocess.run(check, cwd=ROOT, env=env)
        if result.returncode:
            return result.returncode
    return subprocess.run(
        [str(_venv_bin("python")), "-m", "pytest", *_parallel(args), *args], cwd=ROOT, env=env
    ).returncode


def _parallel(args: list[str]) -> list[str]:
    """One pytest worker per core unless the arguments choose (``-n 0`` for one process)."""
    chosen = any(a.startswith(("-n", "--numprocesses", "--dist")) for a in args)
    return [] if chosen or "no:xdist" in args else ["-n", "auto"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "i18n", "installer"}:
        print(__doc__)
        return 2
    ensure_venv()
    if argv[0] == "run":
        return subprocess.run([str(_venv_bin("yiye")), *argv[1:]]).returncode
    if argv[0] == "installer":
        command = [str(_venv_bin("python")), "-m", "installer.winbuild.build", *argv[1:]]
        return subprocess.run(command, cwd=ROOT).returncode
    if argv[0] == "i18n":
        script = ROOT / "tools" / "update_translations.py"
        return subprocess.run([str(_venv_bin("python")), str(script)], cwd=ROOT).returncode
    return run_tests(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
