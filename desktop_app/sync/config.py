"""Where the regional platform is, and which departments decide there instead of in 部门审批.

The environment wins over the workstation settings, so a hall can configure every counter alike:
``YIYE_PLATFORM_URL``, ``YIYE_PLATFORM_TOKEN``, ``YIYE_PLATFORM_DEPARTMENTS`` (``all`` or
comma-separated department codes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop_app import machine_settings
from desktop_app.services.errors import ServiceError
from desktop_app.settings import WorkstationSettings, load

URL_ENV = "YIYE_PLATFORM_URL"
TOKEN_ENV = "YIYE_PLATFORM_TOKEN"
DEPARTMENTS_ENV = "YIYE_PLATFORM_DEPARTMENTS"
ALL = "all"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class PlatformConfigError(ServiceError):
    """A setting that cannot work; the message says which, in Chinese."""


@dataclass(frozen=True)
class PlatformConfig:
    url: str = ""
    token: str = ""
    departments: str = ""  # "all", or comma-separated codes

    @property
    def enabled(self) -> bool:
        return bool(self.url)

    def platform_departments(self, known: Iterable[str]) -> frozenset[str]:
        """The departments whose items go to the platform (none when no platform is set)."""
        if not self.enabled:
            return frozenset()
        known = frozenset(known)
        if self.departments.strip().lower() == ALL:
            return known
        chosen = frozenset(c.strip() for c in self.departments.split(",") if c.strip())
        unknown = sorted(chosen - known)
        if unknown:
            raise PlatformConfigError(
                f"平台审批部门中有未知的部门代码：{'、'.join(unknown)}"
                f"（可用：{ALL} 或 {', '.join(sorted(known))}）"
            )
        return chosen


def platform_url_setting(
    settings: WorkstationSettings, environ: Mapping[str, str] = os.environ
) -> machine_settings.Setting:
    """The environment, the user's 设置, the PC's machine.ini: the first that names a platform."""
    return machine_settings.first_given(
        (environ.get(URL_ENV), f"环境变量 {URL_ENV}"),
        (settings.platform_url, "用户设置"),
        (machine_settings.load().platform_url, "本机设置"),
    )


def platform_config(
    settings: WorkstationSettings | None = None, environ: Mapping[str, str] = os.environ
) -> PlatformConfig:
    settings = settings or load()
    url = platform_url_setting(settings, environ).value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises only when read)
    except ValueError:  # 'https://[::1' and the like
        raise PlatformConfigError(f"平台地址无效：{url}") from None
    # Plain HTTP only to this PC itself (a test platform); the token never crosses a wire in clear.
    loopback = parts.scheme == "http" and parts.hostname in LOOPBACK
    if (url and not (parts.scheme == "https" or loopback)) or (url and not parts.hostname):
        raise PlatformConfigError(f"平台地址须为 https:// 地址：{url}")
    return PlatformConfig(
        url=url,
        token=(environ.get(TOKEN_ENV) or settings.platform_token).strip(),
        departments=environ.get(DEPARTMENTS_ENV, settings.platform_departments),
    )


def platform_departments(known: Iterable[str]) -> frozenset[str]:
    """The departments whose items this PC sends to the platform when it dispatches."""
    return platform_config().platform_departments(known)
