"""Installation settings that are not data: which office and which counter PC this is."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

OFFICE_CODE_ENV = "YIYE_OFFICE_CODE"
WORKSTATION_ENV = "YIYE_WORKSTATION"
# 同心县 in GB/T 2260.
DEFAULT_OFFICE_CODE = "640324"


@dataclass(frozen=True)
class Installation:
    """Codes printed into every number, so two stand-alone counters never issue the same one."""

    office_code: str = DEFAULT_OFFICE_CODE
    workstation: str = "01"


def installation() -> Installation:
    office = os.environ.get(OFFICE_CODE_ENV, DEFAULT_OFFICE_CODE)
    workstation = os.environ.get(WORKSTATION_ENV, "01")
    if not re.fullmatch(r"\d{6}", office):
        raise ValueError(f"{OFFICE_CODE_ENV} 应为6位行政区划代码，实为 {office!r}")
    if not re.fullmatch(r"[0-9A-Z]{2}", workstation):
        raise ValueError(f"{WORKSTATION_ENV} 应为2位数字或大写字母，实为 {workstation!r}")
    return Installation(office, workstation)
