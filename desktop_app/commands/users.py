"""``yiye users`` and ``yiye demo``: who may use the counter, proven by an administrator.

Adding or disabling a user acts as an administrator who gives their password (a prompt, or the
first line of standard input with ``--password-stdin``). The one exception is the first
administrator of a store that has none: someone has to be first.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import open_or_fail, transaction
from desktop_app.services import auth
from desktop_app.services.auth import Actor


def register(commands: argparse._SubParsersAction[Any]) -> None:
    users = commands.add_parser("users", help="用户管理").add_subparsers(
        dest="users_command", required=True
    )
    add = users.add_parser(
        "add",
        help="添加用户（须系统管理员 --user；尚无管理员时可直接添加第一名系统管理员）",
        description="标准输入：加 --user 时第一行为该管理员的密码，下一行为新用户的密码",
    )
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=sorted(auth.ROLE_NAMES))
    add.add_argument("--department", help="部门代码（部门审批人员必填）")
    add.add_argument("--display-name")
    add.add_argument("--user", help="系统管理员用户名（须验证密码）")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="从标准输入读取密码"
    )
    add.set_defaults(func=_add)
    listing = users.add_parser("list", help="列出用户")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    disable = users.add_parser("disable", help="停用用户")
    disable.add_argument("name")
    identity.add_arguments(disable, "系统管理员")
    disable.set_defaults(func=_disable)

    demo = commands.add_parser("demo", help="向空数据库写入约200件演示办件")
    demo.add_argument("--count", type=int, default=200)
    demo.add_argument("--force", action="store_true", help="数据库已有办件时仍然写入")
    identity.add_arguments(demo, "系统管理员（数据库已有管理员时）", required=False)
    demo.set_defaults(func=_demo)


def administrator(args: argparse.Namespace, first_role: str | None = None) -> Actor:
    """The administrator of ``--user``; without it, only while the store has none.

    ``first_role``: what may be done without one (adding the first administrator); None: nothing
    but what a store without any administrator allows (a demo into an empty database).
    """
    if args.user:
        return identity.signed_in(args)
    with transaction(args, write=False) as session:
        has_admin = auth.has_active_admin(session)
    if has_admin:
        how = "密码在提示时输入，或用 --password-stdin"
        fail(f"须以系统管理员身份操作：加 --user 管理员用户名（{how}）")
    if first_role is not None and first_role != "admin":
        fail("尚无系统管理员：请先添加一名系统管理员（--role admin），再由其添加其他用户")
    return auth.SYSTEM


def _add(args: argparse.Namespace) -> int:
    actor = administrator(args, first_role=args.role)
    password = sys.stdin.readline().rstrip("\r\n")
    with transaction(args) as session:
        added = auth.add_user(
            session,
            actor,
            args.name,
            password,
            args.role,
            args.department,
            args.display_name,
            known_departments=_departments(args),
        )
    print(f"已添加用户 {added.username}（{auth.ROLE_NAMES[added.role]}）")
    return 0


def _departments(args: argparse.Namespace) -> frozenset[str]:
    from desktop_app.commands.catalog import load_or_fail

    return frozenset(load_or_fail(args).departments)


def _list(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = auth.list_users(session)
    if args.json:
        print_json(
            [
                {
                    "username": r.username,
                    "display_name": r.display_name,
                    "role": r.role,
                    "department": r.department,
                    "disabled": r.disabled,
                    "locked_until": r.locked_until,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            state = "（已停用）" if r.disabled else ""
            print(f"{r.username}\t{auth.ROLE_NAMES[r.role]}\t{r.department or ''}{state}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        auth.disable_user(session, actor, args.name)
    print(f"已停用用户 {args.name}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from desktop_app import demo
    from desktop_app.commands.catalog import load_or_fail

    if not 1 <= args.count <= 100_000:
        fail("--count 应在 1 到 100000 之间")
    administrator(args)
    store = open_or_fail(args, write=True)
    try:
        result = demo.run(store, load_or_fail(args), args.count, args.force)
    except demo.DemoRefusedError as exc:
        fail(str(exc))
    finally:
        store.dispose()
    print(f"已写入 {result.applications} 件演示办件、{result.certificates} 张行业综合许可证")
    print(f"演示用户（密码 {demo.PASSWORD}）：{'、'.join(result.users)}")
    return 0
