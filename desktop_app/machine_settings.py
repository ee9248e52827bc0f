r"""The counter PC's own settings, written by the installer for a hall's roll-out.

``%ProgramData%\yiye\machine.ini`` (``/etc/yiye/machine.ini`` elsewhere; ``YIYE_MACHINE_SETTINGS``
names another file) holds what an administrator gives on the installer's command line: the
hall's database, the office and workstation codes, the platform. They apply to every account on
the PC; a user's own settings (设置 tab) and the environment variables still come first.
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from desktop_app.services.errors import ServiceError

MACHINE_SETTINGS_ENV = "YIYE_MACHINE_SETTINGS"
SECTION = "counter"


class MachineSettingsError(ServiceError):
    """machine.ini cannot be used as written; the message names the file and the value."""


@dataclass(frozen=True)
class MachineSettings:
    """Empty strings are values the file does not give."""

    database_url: str = ""
    office_code: str = ""
    workstation: str = ""
    platform_url: str = ""


KEYS = tuple(field.name for field in fields(MachineSettings))


def machine_settings_path() -> Path:
    configured = os.environ.get(MACHINE_SETTINGS_ENV)
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "yiye" / "machine.ini"
    return Path("/etc/yiye/machine.ini")


def _decode(data: bytes) -> str:
    # The installer writes UTF-16 (Windows' INI functions with a BOM); Notepad UTF-8, maybe a BOM.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def load(path: Path | None = None) -> MachineSettings:
    """The file's settings; none when it does not exist.

    A broken file is an error, not a default: silently running on the wrong database or with the
    wrong workstation code would be worse.
    """
    path = path or machine_settings_path()
    try:
        text = _decode(path.read_bytes())
    except FileNotFoundError:
        return MachineSettings()
    except (OSError, UnicodeDecodeError) as exc:
        raise MachineSettingsError(f"本机设置文件 {path} 无法读取：{exc}") from exc
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        first_line = str(exc).splitlines()[0]
        raise MachineSettingsError(
            f"本机设置文件 {path} 格式错误（应为 [counter] 小节下的“键 = 值”行）：{first_line}"
        ) from exc
    if not parser.has_section(SECTION):
        return MachineSettings()
    unknown = sorted(set(parser[SECTION]) - set(KEYS))
    if unknown:
        raise MachineSettingsError(
            f"本机设置文件 {path} 中有不认识的设置：{'、'.join(unknown)}（可用：{'、'.join(KEYS)}）"
        )
    values = {key: parser[SECTION].get(key, "").strip() for key in KEYS}
    settings = MachineSettings(**values)
    _check(settings, path)
    return settings


def _check(settings: MachineSettings, path: Path) -> None:
    if settings.office_code and not re.fullmatch(r"\d{6}", settings.office_code):
        raise MachineSettingsError(
            f"本机设置文件 {path}：office_code 应为6位行政区划代码，实为 {settings.office_code!r}"
        )
    if settings.workstation and not re.fullmatch(r"[0-9A-Z]{2}", settings.workstation):
        raise MachineSettingsError(
            f"本机设置文件 {path}：workstation 应为2位数字或大写字母，实为 {settings.workstation!r}"
        )


@dataclass(frozen=True)
class Setting:
    """A value in force and where it came from (``yiye settings show`` tells IT which won)."""

    value: str
    source: str


def first_given(*candidates: tuple[str | None, str]) -> Setting:
    """The first non-empty value of ``(value, source)`` pairs, in order of precedence."""
    for value, source in candidates:
        if value:
            return Setting(value, source)
    return Setting("", "未设置")


def validated(settings: MachineSettings, path: Path | None = None) -> MachineSettings:
    """``settings`` stripped and checked as :func:`load` checks a file (the first-start dialog)."""
    cleaned = MachineSettings(**{key: getattr(settings, key).strip() for key in KEYS})
    _check(cleaned, path or machine_settings_path())
    return cleaned


def save(settings: MachineSettings, path: Path | None = None) -> Path:
    """Writes machine.ini (UTF-8, then renamed into place); raises with the reason if it cannot.

    On Windows %ProgramData% is writable by administrators only: a clerk's account is refused,
    which is the point (the installer, or an administrator, sets the counter up).
    """
    path = path or machine_settings_path()
    cleaned = validated(settings, path)
    lines = [f"[{SECTION}]"] + [f"{key} = {getattr(cleaned, key)}" for key in KEYS]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        temporary.replace(path)
    except PermissionError as exc:
        raise MachineSettingsError(
            f"没有权限写入 {path}：请以管理员身份运行本程序，或用安装程序的参数设置本机"
        ) from exc
    except OSError as exc:
        raise MachineSettingsError(f"无法写入 {path}：{exc}") from exc
    return path
