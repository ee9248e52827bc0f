"""``yiye db``, ``yiye users``, ``yiye audit`` and ``yiye calendar``: administering the store."""

from __future__ import annotations

import argparse
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
from desktop_app.commands.output import fail
from desktop_app.db import (
    DatabaseUnavailableError,
    NetworkShareError,
    Store,
    database_url,
    first_line,
    sqlite_file,
    storage_problem,
)
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
