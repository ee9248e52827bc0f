"""Installation settings that are not data: which office, which counter PC, which keys."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from desktop_app import machine_settings
from desktop_app.paths import RESOURCES_DIR, user_data_dir

OFFICE_CODE_ENV = "YIYE_OFFICE_CODE"
WORKSTATION_ENV = "YIYE_WORKSTATION"
ISSUER_USCC_ENV = "YIYE_ISSUER_USCC"
SIGNING_KEY_ENV = "YIYE_SIGNING_KEY"
TRUSTED_KEYS_ENV = "YIYE_TRUSTED_KEYS"
# 同心县 in GB/T 2260.
DEFAULT_OFFICE_CODE = "640324"
# The county market regulator's 统一社会信用代码 is not in our sources: this syntactically valid
# stand-in must be replaced at installation (YIYE_ISSUER_USCC).
DEFAULT_ISSUER_USCC = "11640324MB00000002"
ISSUER_NAME = "同心县市场监督管理局"
# GB/T 36904 licence type code for 行业综合许可证: not published yet (the region sets it); stand-in.
LICENCE_TYPE_CODE = "HYZHXKZ"


@dataclass(frozen=True)
class Installation:
    """Codes printed into every number, so two stand-alone counters never issue the same one."""

    office_code: str = DEFAULT_OFFICE_CODE
    workstation: str = "01"
    issuer_uscc: str = DEFAULT_ISSUER_USCC


def office_setting(
    machine: machine_settings.MachineSettings | None = None,
) -> machine_settings.Setting:
    machine = machine or machine_settings.load()
    return machine_settings.first_given(
        (os.environ.get(OFFICE_CODE_ENV), f"环境变量 {OFFICE_CODE_ENV}"),
        (machine.office_code, "本机设置"),
        (DEFAULT_OFFICE_CODE, "默认：同心县"),
    )


def workstation_setting(
    machine: machine_settings.MachineSettings | None = None,
) -> machine_settings.Setting:
    machine = machine or machine_settings.load()
    return machine_settings.first_given(
        (os.environ.get(WORKSTATION_ENV), f"环境变量 {WORKSTATION_ENV}"),
        (machine.workstation, "本机设置"),
        ("01", "默认"),
    )


def installation() -> Installation:
    """The codes in force: the environment, the PC's machine.ini (the installer), defaults."""
    machine = machine_settings.load()  # read once for both codes
    office = office_setting(machine).value
    workstation = workstation_setting(machine).value
    issuer = os.environ.get(ISSUER_USCC_ENV, DEFAULT_ISSUER_USCC)
    if not re.fullmatch(r"\d{6}", office):
        raise ValueError(f"{OFFICE_CODE_ENV} 应为6位行政区划代码，实为 {office!r}")
    if not re.fullmatch(r"[0-9A-Z]{2}", workstation):
        raise ValueError(f"{WORKSTATION_ENV} 应为2位数字或大写字母，实为 {workstation!r}")
    if not re.fullmatch(r"[0-9A-Z]{18}", issuer):
        raise ValueError(f"{ISSUER_USCC_ENV} 应为18位统一社会信用代码，实为 {issuer!r}")
    return Installation(office, workstation, issuer)


def keys_dir() -> Path:
    return user_data_dir() / "keys"


def signing_key_path() -> Path:
    """Where this PC keeps the issuing key (only the issuing PC has one)."""
    configured = os.environ.get(SIGNING_KEY_ENV)
    return Path(configured) if configured else keys_dir() / "issuing-key.pem"


def demo_keys_dir() -> Path:
    """Where ``yiye demo`` keeps its own key pair: never among the trusted keys."""
    return keys_dir() / "demo"


def trusted_key_folders() -> list[Path]:
    """Public keys verifiers trust: the bundled ones, this PC's own, and a configured folder."""
    folders = [RESOURCES_DIR / "keys", keys_dir() / "trusted"]
    configured = os.environ.get(TRUSTED_KEYS_ENV)
    if configured:
        folders.append(Path(configured))
    return folders


def demo_key_folders() -> list[Path]:
    """Where demo keys may be (their own folder; an older demo left one among the trusted)."""
    return [demo_keys_dir(), *trusted_key_folders()]
