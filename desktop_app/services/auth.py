"""Users, roles, passwords and log-in; every service checks the caller's role itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.actor import ROLE_NAMES, Actor
from desktop_app.models import User
from desktop_app.models.base import utcnow
from desktop_app.services import audit
from desktop_app.services.errors import (
    LoginError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
# argon2id with the library's defaults (RFC 9106 low-memory profile): ~50 ms on a counter PC.
_hasher = PasswordHasher()
SessionOpener = Callable[[], AbstractContextManager[Session]]


# Administrative commands run on the machine itself (installation, user management).
SYSTEM = Actor(id=0, username="system", display_name="系统", role="admin")


class PasswordPolicyError(ServiceError):
    """The new password is too weak."""


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    department: str | None
    disabled: bool
    locked_until: dt.datetime | None


DEPARTMENT_ROLES = ("reviewer", "inspector")  # users who act for one department


def require_role(actor: Actor, *roles: str, action: str) -> None:
    if actor.role not in roles:
        allowed = "、".join(ROLE_NAMES[r] for r in roles)
        raise PermissionDeniedError(
            f"{action}须由{allowed}办理，当前用户为{ROLE_NAMES[actor.role]}"
        )


def password_problem(username: str, password: str) -> str | None:
    """A minimal policy: long enough, letters and digits, not the user name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少{MIN_PASSWORD_LENGTH}位"
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "密码须同时包含字母和数字"
    if username.casefold() in password.casefold():
        return "密码不能包含用户名"
    return None


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role, user.department)


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    password: str,
    role: str,
    department: str | None = None,
    display_name: str | None = None,
    known_departments: frozenset[str] | None = None,
) -> Actor:
    require_role(actor, "admin", action="添加用户")
    if role not in ROLE_NAMES:
        raise ServiceError(f"未知的角色 {role!r}（可用：{', '.join(ROLE_NAMES)}）")
    if (role in DEPARTMENT_ROLES) != (department is not None):
        raise ServiceError(
            "部门审批人员和执法检查人员必须且只有他们需要指定所属部门（--department）"
        )
    if (
        department is not None
        and known_departments is not None
        and department not in known_departments
    ):
        raise ServiceError(f"未知的部门 {department!r}")
    if not username or len(username) > 64 or not username.isprintable():
        raise ServiceError("用户名须为1至64个可见字符")
    problem = password_problem(username, password)
    if problem:
        raise PasswordPolicyError(problem)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ServiceError(f"用户 {username} 已存在")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        department=department,
        password_hash=_hasher.hash(password),
    )
    session.add(user)
    session.flush()
    audit.record(
        session, actor.username, "user_add", username, {"role": role, "department": department}
    )
    return _actor(user)


def has_active_admin(session: Session) -> bool:
    """Whether an administrator can act: until then the first one may be added unproven."""
    query = select(User.id).where(User.role == "admin", User.disabled.is_(False)).limit(1)
    return session.scalar(query) is not None


@dataclass(frozen=True)
class LoginOutcome:
    """A log-in attempt: the actor, or why not (the failure must be committed, not rolled back)."""

    actor: Actor | None
    refusal: str = ""


def attempt_login(session: Session, username: str, password: str) -> LoginOutcome:
    """Checks the password; 5 failures lock the account for 15 minutes. Audited either way.

    Returns rather than raises, so the caller commits the failure count and the audit entry.
    """
    user = session.scalar(select(User).where(User.username == username))
    now = utcnow()
    if user is None:
        _hasher.hash(password)  # spend the same time, so a timing does not reveal the name
        return _refuse(session, username, "unknown", "用户名或密码错误")
    if user.disabled:
        return _refuse(session, username, "disabled", "该账户已停用，请联系系统管理员")
    if user.locked_until is not None and user.locked_until > now:
        minutes = int((user.locked_until - now).total_seconds() // 60) + 1
        return _refuse(
            session,
            username,
            "locked",
            f"连续输错密码{MAX_FAILED_LOGINS}次，账户已锁定，请{minutes}分钟后再试",
        )
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        message = "用户名或密码错误"
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            message = f"连续输错密码{MAX_FAILED_LOGINS}次，账户已锁定{LOCKOUT.seconds // 60}分钟"
        return _refuse(session, username, "password", message)
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.record(session, username, "login", username, {})
    return LoginOutcome(_actor(user))


def _refuse(session: Session, username: str, reason: str, message: str) -> LoginOutcome:
    audit.record(session, username, "login_failed", username, {"reason": reason})
    return LoginOutcome(None, message)


def login(sessions: SessionOpener, username: str, password: str) -> Actor:
    """Logs in within its own transaction; raises LoginError after committing a failure."""
    with sessions() as session:
        outcome = attempt_login(session, username, password)
    if outcome.actor is None:
        raise LoginError(outcome.refusal)
    return outcome.actor


def actor_for(session: Session, username: str) -> Actor:
    """The active user named on a headless command line (``--user NAME``)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"用户 {username} 不存在")
    if user.disabled:
        raise PermissionDeniedError(f"用户 {username} 已停用")
    return _actor(user)


def disable_user(session: Session, actor: Actor, username: str) -> None:
    require_role(actor, "admin", action="停用用户")
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"用户 {username} 不存在")
    user.disabled = True
    audit.record(session, actor.username, "user_disable", username, {})


def list_users(session: Session) -> list[UserRow]:
    users = session.scalars(select(User).order_by(User.username))
    return [
        UserRow(u.username, u.display_name, u.role, u.department, u.disabled, u.locked_until)
        for u in users
    ]


__all__ = ["ROLE_NAMES", "SYSTEM", "Actor", "LoginError", "PasswordPolicyError", "UserRow"]
