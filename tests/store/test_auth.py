import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.db import Store
from desktop_app.models import AuditEntry, User
from desktop_app.services import auth
from desktop_app.services.errors import PermissionDeniedError, ServiceError
from tests.store.conftest import PASSWORD, actor


def test_login_with_the_right_password(store: Store) -> None:
    who = auth.login(store.write, "clerk", PASSWORD)
    assert (who.username, who.role) == ("clerk", "clerk")


def test_five_failures_lock_the_account_for_15_minutes(store: Store) -> None:
    for _ in range(4):
        with pytest.raises(auth.LoginError, match="用户名或密码错误"):
            auth.login(store.write, "clerk", "wrong-password1")
    with pytest.raises(auth.LoginError, match="已锁定"):
        auth.login(store.write, "clerk", "wrong-password1")
    with pytest.raises(auth.LoginError, match="分钟后再试"):
        auth.login(store.write, "clerk", PASSWORD)  # even the right password waits
    with store.write() as session:
        user = session.scalars(select(User).where(User.username == "clerk")).one()
        assert user.locked_until is not None
        user.locked_until = user.locked_until - dt.timedelta(minutes=16)
    assert auth.login(store.write, "clerk", PASSWORD).username == "clerk"


def test_failures_are_audited_and_committed(store: Store) -> None:
    with pytest.raises(auth.LoginError):
        auth.login(store.write, "nobody", "whatever1")
    with store.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.subject == "nobody")
        ).all()
    assert actions == ["login_failed"]


def test_disabled_user_cannot_log_in(store: Store) -> None:
    with store.write() as session:
        auth.disable_user(session, auth.SYSTEM, "clerk2")
    with pytest.raises(auth.LoginError, match="停用"):
        auth.login(store.write, "clerk2", PASSWORD)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short1", "至少8位"),
        ("onlyletters", "字母和数字"),
        ("12345678", "字母和数字"),
        ("newbie2026", "用户名"),
    ],
)
def test_password_policy(store: Store, password: str, problem: str) -> None:
    with pytest.raises(auth.PasswordPolicyError, match=problem), store.write() as session:
        auth.add_user(session, auth.SYSTEM, "newbie", password, "clerk")


def test_only_an_admin_adds_users(store: Store) -> None:
    with pytest.raises(PermissionDeniedError), store.write() as session:
        auth.add_user(session, actor(store, "boss"), "x1", "Abcdefg123", "clerk")


def test_reviewer_needs_a_department(store: Store) -> None:
    with pytest.raises(ServiceError, match="部门"), store.write() as session:
        auth.add_user(session, auth.SYSTEM, "r_x", "Abcdefg123", "reviewer")
    with pytest.raises(ServiceError, match="部门"), store.write() as session:
        auth.add_user(session, auth.SYSTEM, "c_x", "Abcdefg123", "clerk", "market")
