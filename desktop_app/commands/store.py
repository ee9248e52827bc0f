"""``yiye db``, ``yiye users``, ``yiye audit`` and ``yiye calendar``: administering the store."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app import integrity, migrate
from desktop_app.bootstrap import BackupFailedError, DamagedStoreError, open_store
from desktop_app.commands.output import fail, print_json
from desktop_app.db import (
    DatabaseUnavailableError,
    NetworkShareError,
    Store,
    database_url,
    first_line,
    sqlite_file,
    storage_problem,
)
from desktop_app.services import auth, calendar
from desktop_app.services.errors import ServiceError

Handler = Callable[[argparse.Namespace], int]


def open_or_fail(args: argparse.Namespace, write: bool = False) -> Store:
    """The store; ``write``: one that is about to be written, so its file is checked first.

    Only writers pay for the check (it reads the whole file): a damaged file must not take more
    cases, while reading it goes on (the hall looks cases up until the administrator restores).
    """
    try:
        store = open_store(args.database)
    except (NetworkShareError, BackupFailedError, DamagedStoreError) as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        detail = first_line(exc)
        file = sqlite_file(database_url(args.database))
        fail(f"无法打开数据库：{storage_problem(detail, file)}（{detail}）")
    if write:
        try:
            checked = integrity.check_store(store)
        except DatabaseUnavailableError as exc:
            store.dispose()
            fail(exc.message)
        if checked.message is not None:
            store.dispose()
            fail(checked.message)
    return store


@contextmanager
def transaction(args: argparse.Namespace, write: bool = True) -> Iterator[Session]:
    """One transaction; a service refusal becomes one Chinese line and exit 2.

    ``write=False`` for a command that only reads: it never waits for another counter's write.
    """
    store = open_or_fail(args, write)
    try:
        with store.write() if write else store.read() as session:
            yield session
    except ServiceError as exc:
        fail(exc.message)
    finally:
        store.dispose()


def register(commands: argparse._SubParsersAction[Any]) -> None:
    db = commands.add_parser("db", help="数据库").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="升级数据库结构（SQLite 先自动备份）").set_defaults(
        func=_db_upgrade
    )
    db.add_parser("check", help="完整检查数据库文件（SQLite integrity_check）").set_defaults(
        func=_db_check
    )
    backup = db.add_parser("backup", help="把正在使用的数据库一致地复制到文件（SQLite）")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    backup.set_defaults(func=_db_backup)

    users = commands.add_parser("users", help="用户管理").add_subparsers(
        dest="users_command", required=True
    )
    add = users.add_parser("add", help="添加用户")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=sorted(auth.ROLE_NAMES))
    add.add_argument("--department", help="部门代码（部门审批人员必填）")
    add.add_argument("--display-name")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="从标准输入读取密码"
    )
    add.set_defaults(func=_users_add)
    listing = users.add_parser("list", help="列出用户")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_users_list)
    disable = users.add_parser("disable", help="停用用户")
    disable.add_argument("name")
    disable.set_defaults(func=_users_disable)

    demo = commands.add_parser("demo", help="向空数据库写入约200件演示办件")
    demo.add_argument("--count", type=int, default=200)
    demo.add_argument("--force", action="store_true", help="数据库已有办件时仍然写入")
    demo.set_defaults(func=_demo)

    cal = commands.add_parser("calendar", help="工作日历").add_subparsers(
        dest="calendar_command", required=True
    )
    importing = cal.add_parser("import", help="导入一年的节假日安排（文本文件，格式见 README）")
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--replace", action="store_true", help="更正已导入的年份（未办结办件的期限随之重算）"
    )
    importing.set_defaults(func=_calendar_import)
    state = cal.add_parser("status", help="已导入的年份；明年的安排是否尚缺")
    state.add_argument("--json", action="store_true")
    state.set_defaults(func=_calendar_status)
    due = cal.add_parser("due", help="计算期限：起始日后第 N 个工作日（起始日不计入）")
    due.add_argument("start", type=dt.date.fromisoformat, metavar="START")
    due.add_argument("days", type=int, metavar="N")
    due.set_defaults(func=_calendar_due)


def _db_upgrade(args: argparse.Namespace) -> int:
    store = open_or_fail(args)
    revision = migrate.current_revision(store.engine)
    print(f"数据库已是最新结构（版本 {revision}）：{store.info.describe()}")
    store.dispose()
    return 0


def _sqlite_file(args: argparse.Namespace, what: str) -> Path:
    path = sqlite_file(database_url(args.database))
    if path is None:
        fail(
            f"{what}用于本机 SQLite 数据库；PostgreSQL 请由数据库管理员用 pg_dump 备份、"
            "用 amcheck 检查"
        )
    if not path.exists():
        fail(f"数据库文件 {path} 不存在")
    return path


def _db_check(args: argparse.Namespace) -> int:
    path = _sqlite_file(args, "yiye db check ")
    try:
        findings = integrity.check_file(path, full=True)
    except DatabaseUnavailableError as exc:
        fail(f"无法检查 {path}：{exc.message}")
    if not findings:
        print(f"数据库完整：{path}")
        return 0
    print(f"数据库已损坏：{path}", file=sys.stderr)
    for line in findings:
        print(f"  {line}", file=sys.stderr)
    backup = integrity.latest_backup(path)
    where = f"，最近的自动备份是 {backup}" if backup else ""
    print(
        f"请停止在本机写入，从最近的备份恢复（yiye db backup 的文件，或升级前的自动备份{where}）",
        file=sys.stderr,
    )
    return 1


def _db_backup(args: argparse.Namespace) -> int:
    path = _sqlite_file(args, "yiye db backup ")
    if args.out.exists():
        fail(f"{args.out} 已存在，不会覆盖")
    try:
        migrate.backup_sqlite(path, args.out)
    except (OSError, sqlite3.Error) as exc:
        fail(f"备份失败，未留下不完整的文件：{storage_problem(str(exc))}（{exc}）")
    print(f"已备份到 {args.out}")
    return 0


def _users_add(args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    with transaction(args) as session:
        actor = auth.add_user(
            session,
            auth.SYSTEM,
            args.name,
            password,
            args.role,
            args.department,
            args.display_name,
            known_departments=_departments(),
        )
    print(f"已添加用户 {actor.username}（{auth.ROLE_NAMES[actor.role]}）")
    return 0


def _departments() -> frozenset[str]:
    from desktop_app.commands.catalog import load_or_fail

    return frozenset(load_or_fail().departments)


def _users_list(args: argparse.Namespace) -> int:
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


def _users_disable(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        auth.disable_user(session, auth.SYSTEM, args.name)
    print(f"已停用用户 {args.name}")
    return 0


def _calendar_import(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        imported = calendar.import_year_file(session, auth.SYSTEM, args.file, args.replace)
    what = "已更正" if imported.replaced else "已导入"
    print(f"{what} {args.file}：全年 {imported.working_days} 个工作日")
    for moved in imported.moved:
        print(f"  期限调整：{moved.number} {moved.permit} {moved.before} → {moved.after}")
    return 0


def _calendar_status(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        known = calendar.status(session)
    if args.json:
        print_json(known.as_json())
        return 0
    first, last = (known.years[0], known.years[-1]) if known.years else ("—", "—")
    print(f"工作日历：{first}—{last} 年（共 {len(known.years)} 年）")
    if known.next_year_missing:
        print(f"尚未导入 {known.today.year + 1} 年节假日安排：跨入该年的期限暂按周末计算（暂定）")
    if known.provisional_items:
        print(f"暂定期限的事项：{known.provisional_items} 项（导入后自动重算）")
    return 0


def _calendar_due(args: argparse.Namespace) -> int:
    if args.days < 0:
        fail("工作日数不能为负")
    with transaction(args, write=False) as session:
        due = calendar.calendar_from(session, args.start).add_working_days(args.start, args.days)
    # A date over a year whose holidays are not imported yet counts weekends only: say so.
    print(due.day.isoformat() + ("（暂定：该年节假日安排尚未导入）" if due.provisional else ""))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from desktop_app import demo
    from desktop_app.commands.catalog import load_or_fail

    if not 1 <= args.count <= 100_000:
        fail("--count 应在 1 到 100000 之间")
    store = open_or_fail(args, write=True)
    try:
        result = demo.run(store, load_or_fail(), args.count, args.force)
    except demo.DemoRefusedError as exc:
        fail(str(exc))
    finally:
        store.dispose()
    print(f"已写入 {result.applications} 件演示办件、{result.certificates} 张行业综合许可证")
    print(f"演示用户（密码 {demo.PASSWORD}）：{'、'.join(result.users)}")
    return 0
