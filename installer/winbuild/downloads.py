"""Downloads pinned by SHA-256, kept in a cache so a second build reads nothing from the network."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from installer.winbuild.errors import BuildError

LOCK_DIR = Path(__file__).resolve().parent.parent / "lock"
PINS_FILE = LOCK_DIR / "downloads.toml"
REQUIREMENTS_FILE = LOCK_DIR / "requirements-win64.txt"
# The wheels' platform: 64-bit Windows, CPython 3.13 (the embedded runtime's version).
WHEEL_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.13", "--implementation", "cp"]
WHEEL_PLATFORM += ["--abi", "cp313", "--abi", "abi3", "--abi", "none", "--only-binary=:all:"]


@dataclass(frozen=True)
class Pin:
    url: str
    sha256: str
    extra: dict[str, str]

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[-1]


def load_pins(path: Path = PINS_FILE) -> dict[str, Pin]:
    """The pinned downloads by name; each must give ``url`` and a 64-hex ``sha256``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pins = {}
    for name, entry in data.items():
        url, digest = entry.get("url", ""), entry.get("sha256", "")
        if not url.startswith("https://") or len(digest) != 64:
            raise BuildError(f"{path.name} [{name}]: 需要 https 地址和 64 位 sha256")
        extra = {k: str(v) for k, v in entry.items() if k not in {"url", "sha256"}}
        pins[name] = Pin(url, digest.lower(), extra)
    return pins


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(pin: Pin, cache: Path) -> Path:
    """The pinned file from the cache, downloaded first if missing; a wrong hash stops the build."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / pin.filename
    if not target.exists():
        partial = target.with_suffix(target.suffix + ".part")
        print(f"下载 {pin.filename} …", flush=True)
        try:
            with (
                urllib.request.urlopen(pin.url, timeout=120) as response,
                partial.open("wb") as out,
            ):
                shutil.copyfileobj(response, out)
        except OSError as exc:
            raise BuildError(f"下载失败：{pin.url}：{exc}") from exc
        partial.replace(target)
    actual = sha256_of(target)
    if actual != pin.sha256:
        target.unlink()
        raise BuildError(
            f"{pin.filename} 的 sha256 不符（应为 {pin.sha256}，实为 {actual}）：已删除，构建停止"
        )
    return target


def download_wheels(cache: Path, requirements: Path = REQUIREMENTS_FILE) -> Path:
    """Every wheel of ``requirements`` for 64-bit Windows, each checked against its pinned hash."""
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    command += ["--require-hashes", *WHEEL_PLATFORM, "--dest", str(wheels), "-r", str(requirements)]
    _pip(command, "下载依赖包")
    return wheels


def install_wheels(wheels: Path, target: Path, requirements: Path = REQUIREMENTS_FILE) -> None:
    """Unpacks the pinned wheels into ``target`` (site-packages) from the cache only."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    command += ["--require-hashes", "--no-compile", "--find-links", str(wheels), *WHEEL_PLATFORM]
    command += ["--target", str(target), "-r", str(requirements)]
    _pip(command, "安装依赖包到安装包目录")


def _pip(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        detail = "\n".join(line for line in result.stderr.splitlines() if "WARNING" not in line)
        raise BuildError(f"{what}失败（pip 退出码 {result.returncode}）：\n{detail.strip()}")
