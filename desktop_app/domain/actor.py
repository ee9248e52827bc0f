"""Who is acting, and the roles: light enough for the login dialog to import before it paints."""

from __future__ import annotations

from dataclasses import dataclass

ROLE_NAMES = {
    "clerk": "窗口受理人员",
    "reviewer": "部门审批人员",
    "supervisor": "窗口负责人",
    "admin": "系统管理员",
    "auditor": "审计人员",
    "inspector": "执法检查人员",
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: passed to every use case, which checks the role itself."""

    id: int
    username: str
    display_name: str
    role: str
    department: str | None = None
