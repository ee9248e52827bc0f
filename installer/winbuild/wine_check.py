"""CI: install the built installer in a fresh Wine prefix, use the installed app, uninstall it.

``python -m installer.winbuild.wine_check dist/yiye-<version>-win64-setup.exe`` (from .ci/run).
Each step prints its time; the first failure stops the check with exit 1.

Wine 8 lacks four things Windows 10/11 have; test-only stub DLLs fill them in this prefix only
(installer/wine/*.c, never shipped): icuuc.dll (Qt6Core), bcryptprimitives!ProcessPrng (Rust in
cryptography and cbor2), propsys!VariantToString (CPython's _wmi, behind platform.machine()) and
mscms!WcsCreateIccProfile (the on-screen qwindows plugin). Wine also reports Windows 7 until told
otherwise; the installer refuses anything older than Windows 10 1809, so the prefix says 10.
A test-only program (installer/wine/desktop_holder.c) keeps the prefix's desktop up, as a
logged-in session does on a PC, so timed starts do not pay for Wine winding it down.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from installer.winbuild import signatures, wine
from installer.winbuild.build import ROOT, app_version, run_nsis
from installer.winbuild.errors import BuildError

STUB_SOURCES = ROOT / "installer" / "wine"
BUILD_STAGE = ROOT / "build" / "win64" / "stage"  # dev.py installer's, for the signing step
# name → libraries to link; all land in the prefix's system32.
STUBS = {
    "icuuc": [],
    "bcryptprimitives": ["-ladvapi32"],
    "propsys": ["-loleaut32"],
    "mscms": [],
}
OVERRIDES = "bcryptprimitives,mscms=n,b"
# propsys is replaced for the interpreter alone: other Wine DLLs need its other functions.
INTERPRETERS = ("python.exe", "pythonw.exe")
# A space in the folder, as on a real PC: the launchers' quoting must hold.
INSTALL_DIR = r"C:\Program Files\Yiye Counter"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Yiye"
STEP_LIMIT_SECONDS = 600


class CheckError(Exception):
    pass


class WineCheck:
    def __init__(self, installer: Path, prefix: Path) -> None:
        self.installer = installer
        self.prefix = prefix
        self.drive = prefix / "drive_c"
        self.started = time.monotonic()

    # Running things

    def run(
        self, arguments: list[str], timeout: float = 180, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return wine.run(self.prefix, arguments, timeout, OVERRIDES, stdin)

    def app(self, exe: str, *arguments: str, stdin: str | None = None) -> tuple[int, str, float]:
        began = time.monotonic()
        result = self.run([self.installed(exe), *arguments], stdin=stdin)
        return result.returncode, result.stdout.strip(), time.monotonic() - began

    def installed(self, name: str) -> str:
        return rf"{INSTALL_DIR}\{name}"

    def linux_path(self, windows: str) -> Path:
        assert windows[:3].upper() == "C:\\"
        return self.drive.joinpath(*windows[3:].split("\\"))

    def reg_query(self, key: str) -> str:
        result = self.run(["reg", "query", key])
        return result.stdout if result.returncode == 0 else ""

    # Steps

    def prepare(self) -> None:
        shutil.rmtree(self.prefix, ignore_errors=True)
        wine.ensure_prefix(self.prefix)
        self.run(["winecfg", "-v", "win10"])
        system32 = self.drive / "windows" / "system32"
        compiler = shutil.which("x86_64-w64-mingw32-gcc")
        if compiler is None:
            raise BuildError(
                "找不到 x86_64-w64-mingw32-gcc：请安装 Debian 软件包 gcc-mingw-w64-x86-64"
            )
        for name, libraries in STUBS.items():
            source = STUB_SOURCES / f"{name}_stub.c"
            command = [compiler, "-O2", "-Wall", "-Werror", "-shared", "-Wl,--kill-at"]
            command += ["-o", str(system32 / f"{name}.dll"), str(source), *libraries]
            subprocess.run(command, check=True)
        for interpreter in INTERPRETERS:
            key = rf"HKCU\Software\Wine\AppDefaults\{interpreter}\DllOverrides"
            self.run(["reg", "add", key, "/v", "propsys", "/d", "native,builtin", "/f"])
        # As on a PC that is already up: runs are timed without Wine's own start each time.
        wine.start_session(self.prefix, OVERRIDES)
        holder = self.drive / "desktop_holder.exe"
        source = STUB_SOURCES / "desktop_holder.c"
        subprocess.run(
            [compiler, "-O2", "-Wall", "-Werror", "-o", str(holder), str(source)], check=True
        )
        wine.start_background(self.prefix, [r"C:\desktop_holder.exe"], OVERRIDES)
        wine.wait_for_desktop(self.prefix)

    def install(self, *options: str) -> None:
        # /D= must come last and unquoted; Wine joins the words back with single spaces.
        target = ["/D=" + INSTALL_DIR.split(" ")[0], *INSTALL_DIR.split(" ")[1:]]
        result = self.run([str(self.installer), "/S", *options, *target], timeout=300)
        expect(
            result.returncode == 0, f"安装程序退出码 {result.returncode}：{result.stdout[-800:]}"
        )
        for name in ("yiye.exe", "yiye-cli.exe", "uninstall.exe"):
            expect(self.linux_path(self.installed(name)).is_file(), f"安装后缺少 {name}")
        uninstall = self.reg_query(UNINSTALL_KEY)
        expect("QuietUninstallString" in uninstall, "注册表中没有卸载项")
        expect(app_version() in uninstall, "卸载项中没有版本号")
        shortcuts = list((self.drive / "users" / "Public" / "Desktop").glob("*.lnk"))
        start_menu = list((self.drive / "ProgramData" / "Microsoft").rglob("*.lnk"))
        expect(len(shortcuts) == 1 and len(start_menu) == 2, "桌面或开始菜单快捷方式不对")

    def machine_ini(self) -> str:
        path = self.drive / "ProgramData" / "yiye" / "machine.ini"
        if not path.exists():
            return ""
        return path.read_text(encoding="utf-16" if _utf16(path) else "utf-8")

    def user_data(self) -> Path:
        found = list((self.drive / "users").glob("*/AppData/Local/TongxinApprovalService/yiye"))
        expect(len(found) == 1, f"用户数据目录应有一个，实有 {len(found)}")
        return found[0]

    def uninstall(self, *options: str) -> None:
        # The uninstaller copies itself to %TEMP% and returns at once: wait for it to finish.
        result = self.run([self.installed("uninstall.exe"), "/S", *options])
        expect(result.returncode == 0, f"卸载程序退出码 {result.returncode}")
        folder = self.linux_path(INSTALL_DIR)
        deadline = time.monotonic() + 120
        while folder.exists() and time.monotonic() < deadline:
            time.sleep(1)
        left = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
        expect(not left, f"卸载后程序目录仍在：{left}")


def _utf16(path: Path) -> bool:
    return path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckError(message)


SMOKE_RUNS = 5  # each side's median: one run on a shared machine says little


def linux_smoke(data: Path) -> float:
    """Seconds of the same smoke on Linux, from this checkout, in this run (the goal compares)."""
    env = dict(os.environ, YIYE_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    env["YIYE_MACHINE_SETTINGS"] = str(data / "machine.ini")
    command = [sys.executable, "-m", "desktop_app", "--smoke"]
    began = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, cwd=ROOT)
    expect(result.returncode == 0, f"Linux 上的 yiye --smoke 失败：{result.stderr[-400:]!r}")
    return time.monotonic() - began


def steps(check: WineCheck) -> list[tuple[str, Callable[[], str]]]:
    version = app_version()

    def prepare_step() -> str:
        check.prepare()
        return "就绪"

    def install_step() -> str:
        check.install("/OFFICE=640324", "/WORKSTATION=07")
        return INSTALL_DIR

    def version_step() -> str:
        code, out, _ = check.app("yiye-cli.exe", "--version")
        expect(code == 0 and out.splitlines()[-1] == f"yiye {version}", f"--version：{code} {out}")
        return out

    def machine_settings_step() -> str:
        text = check.machine_ini()
        expect("office_code=640324" in text and "workstation=07" in text, f"machine.ini：{text!r}")
        code, out, _ = check.app("yiye-cli.exe", "settings", "show", "--json")
        expect(code == 0, f"settings show：{code} {out}")
        shown = json.loads(out[out.index("{") :])
        expect(shown["workstation"] == {"value": "07", "source": "本机设置"}, f"窗口编号：{shown}")
        return f"窗口编号 07、区划 640324 来自本机设置；数据库 {shown['database_url']['source']}"

    def cli_smoke_step() -> str:
        code, out, seconds = check.app("yiye-cli.exe", "--smoke")
        expect(code == 0, f"yiye-cli.exe --smoke 退出码 {code}：{out[-800:]}")
        return f"{seconds:.1f} 秒"

    def gui_smoke_step() -> str:
        wine_times, linux_times = [], []
        with tempfile.TemporaryDirectory() as data:
            # The first starts create the databases and fill the page cache: not timed.
            check.app("yiye.exe", "--smoke")
            linux_smoke(Path(data))
            for _ in range(SMOKE_RUNS):  # taken in turns, so a busy moment hits both
                code, out, seconds = check.app("yiye.exe", "--smoke")
                expect(code == 0, f"yiye.exe --smoke 退出码 {code}：{out[-800:]}")
                wine_times.append(seconds)
                linux_times.append(linux_smoke(Path(data)))
        wine_median, linux_median = statistics.median(wine_times), statistics.median(linux_times)
        ratio = wine_median / linux_median
        verdict = "达标" if ratio <= 2 else "未达标"
        return (
            f"中位数（各 {SMOKE_RUNS} 次）Wine {wine_median:.2f} 秒，Linux {linux_median:.2f} 秒："
            f"{ratio:.2f} 倍（目标 ≤ 2 倍）{verdict}"
        )

    def negative_step() -> str:
        code, out, _ = check.app("yiye-cli.exe", "--database", "nosuchdriver://x", "users", "list")
        one_line = len(out.splitlines()) == 1
        expect(code == 2 and one_line, f"错误的 --database 应一行、退出码 2：{code} {out}")
        gui_code, gui_out, _ = check.app("yiye.exe", "--smoke", "--database", "nosuchdriver://x")
        expect(gui_code != 0, f"yiye.exe 用错误的 --database 应失败：{gui_code} {gui_out}")
        return out

    def users_step() -> str:
        code, out, _ = check.app(
            "yiye-cli.exe", "users", "add", "wine-admin", "--role", "admin",
            "--display-name", "测试管理员", "--password-stdin", stdin="Wine-check-2026\n",
        )  # fmt: skip
        expect(code == 0, f"users add：{code} {out}")
        return listed_users()

    def listed_users() -> str:
        code, out, _ = check.app("yiye-cli.exe", "users", "list", "--json")
        expect(code == 0 and "wine-admin" in out, f"users list：{code} {out}")
        return "wine-admin 在用户列表中"

    def reinstall_step() -> str:
        database = check.user_data() / "yiye.sqlite3"
        before = database.stat().st_size
        check.install()
        expect(database.exists() and database.stat().st_size >= before, "重装后数据库不见了")
        expect("workstation=07" in check.machine_ini(), "重装后本机设置丢了")
        return listed_users() + "；本机设置保留"

    def uninstall_step() -> str:
        check.uninstall()
        uninstall = check.reg_query(UNINSTALL_KEY)
        expect(uninstall == "", "卸载后注册表卸载项仍在")
        expect((check.user_data() / "yiye.sqlite3").exists(), "卸载删除了用户数据（未要求删除）")
        expect(check.machine_ini() != "", "卸载删除了本机设置（未要求删除）")
        return "程序目录和卸载项已删除；用户数据和本机设置保留"

    def purge_step() -> str:
        check.install()
        check.uninstall("/PURGE")
        found = list((check.drive / "users").glob("*/AppData/Local/TongxinApprovalService/yiye"))
        expect(not found, "卸载 /PURGE 后用户数据仍在")
        expect(check.machine_ini() == "", "卸载 /PURGE 后本机设置仍在")
        return "用户数据和本机设置已删除"

    def signing_step() -> str:
        # The launchers of the real build in a small installer, signed as a configured build
        # signs (launchers, then the uninstaller as makensis writes it, then the installer).
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            pfx, trust = signatures.throwaway_identity(work)
            env = {signatures.PFX_ENV: str(pfx), signatures.PFX_PASSWORD_ENV: "pw"}
            config = signatures.signing_config(env)
            assert config is not None
            stage = work / "stage"
            stage.mkdir()
            for launcher in ("yiye.exe", "yiye-cli.exe"):
                shutil.copyfile(BUILD_STAGE / launcher, stage / launcher)
                signatures.sign_file(stage / launcher, config)
            signed = work / "yiye-signed-win64-setup.exe"
            command = f'"{sys.executable}" -m installer.winbuild.signatures'
            run_nsis(stage, signed, version, command, extra_env=env)  # env: for the uninstaller
            signatures.sign_file(signed, config)
            check.installer = signed
            check.install()
            for name in ("uninstall.exe", "yiye.exe", "yiye-cli.exe"):
                copy = work / name
                shutil.copyfile(check.linux_path(check.installed(name)), copy)
                verdict = signatures.verify_file(copy, trust)
                expect(verdict.ok and verdict.publisher == "Yiye Test Publisher", f"{name} 未签名")
            expect(signatures.verify_file(signed, trust).ok, "安装包未签名")
            check.uninstall()
        return "安装包、卸载程序和两个启动器都带有效签名"

    return [
        ("新 Wine 前缀（Windows 10）与测试用桩 DLL", prepare_step),
        ("静默安装 /S /OFFICE= /WORKSTATION= /D=", install_step),
        ("yiye-cli.exe --version", version_step),
        ("本机设置（安装参数）", machine_settings_step),
        ("yiye-cli.exe --smoke", cli_smoke_step),
        ("yiye.exe --smoke（与 Linux 比）", gui_smoke_step),
        ("反向对照：不可用的 --database", negative_step),
        ("yiye-cli.exe users add", users_step),
        ("再次安装（覆盖），数据保留", reinstall_step),
        ("静默卸载 /S", uninstall_step),
        ("安装后卸载 /S /PURGE", purge_step),
        ("签名：一次性证书签的安装包，装后卸载程序的签名", signing_step),
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print("用法：python -m installer.winbuild.wine_check dist/yiye-<版本>-win64-setup.exe")
        return 2
    # Outside the checkout (drive z: links to /, see bytecode.py), removed afterwards.
    prefix = Path(tempfile.mkdtemp(prefix="yiye-wine-check-"))
    check = WineCheck(Path(argv[0]).resolve(), prefix)
    try:
        for name, step in steps(check):
            began = time.monotonic()
            said = step()
            print(f"通过 {name}（{time.monotonic() - began:.1f} 秒）：{said}", flush=True)
    except (CheckError, BuildError, subprocess.SubprocessError, OSError) as exc:
        print(f"失败 {name}：{exc}", file=sys.stderr)
        return 1
    finally:
        wine.stop(prefix)
        shutil.rmtree(prefix, ignore_errors=True)
    total = time.monotonic() - check.started
    verdict = "达标" if total <= STEP_LIMIT_SECONDS else "未达标"
    print(f"Wine 检查共 {total:.0f} 秒（目标 ≤ {STEP_LIMIT_SECONDS} 秒）{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
