"""Opening the store: SQLite in the user data folder by default, PostgreSQL by URL.

SQLite is set up for a counter PC that may lose power: WAL, foreign keys, a busy timeout,
``synchronous=FULL``, and write transactions that take the write lock at BEGIN (``BEGIN
IMMEDIATE``), so two writers queue instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import ctypes
import ntpath
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

from desktop_app.machine_settings import Setting
from desktop_app.paths import DATABASE_URL_ENV, default_database_url
from desktop_app.services.errors import ConflictError, ServiceError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

_READ_ONLY = "yiye_read_only"
_DRIVE_REMOTE = 4  # GetDriveTypeW


class NetworkShareError(RuntimeError):
    """A SQLite file on a network share: its locking is unreliable there and corrupts data."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"数据库文件 {path} 位于网络共享目录。SQLite 在网络共享上的文件锁不可靠，"
            "多台电脑同时写入会损坏数据。多个窗口共用数据时请配置 PostgreSQL 服务器"
            "（设置 → 数据库地址，或环境变量 YIYE_DATABASE_URL=postgresql+psycopg://…）。"
        )


DAMAGED = "数据库文件已损坏：请停止使用本机，由管理员运行 yiye db check 并从最近的备份恢复"
# What the driver says, and what the person at the counter can do about it. Retrying helps only
# with a busy or unreachable database; the others need someone to act.
_STORAGE_PROBLEMS = (
    ("database is locked", "数据库正被其他窗口或程序占用，请稍后重试"),
    ("readonly database", "数据库文件是只读的，无法保存：请管理员检查文件属性和权限"),
    ("read-only file system", "数据库所在的磁盘是只读的，无法保存：请管理员检查"),
    ("database or disk is full", "磁盘已满，无法保存：请清理磁盘空间后重试"),
    (
        "disk i/o error",
        "磁盘读写出错（可能已满或损坏）：请检查磁盘空间后重试，并运行 yiye db check",
    ),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
    ("unable to open database file", "无法打开数据库文件（文件夹不存在或无权限）：请管理员检查"),
    # A URL SQLAlchemy cannot read or has no driver for: a setting to correct, not to wait out.
    ("can't load plugin", "数据库地址无效（不认识的数据库类型）：请检查数据库设置"),
    ("could not parse sqlalchemy url", "数据库地址格式不对：请检查数据库设置"),
)


def _unavailable(exc: Exception) -> bool:
    """An operational failure, or a damaged file (SQLite reports that as a plain DatabaseError)."""
    from sqlalchemy.exc import OperationalError

    return isinstance(exc, OperationalError) or storage_problem(first_line(exc)) == DAMAGED


def storage_problem(detail: str, file: Path | None = None) -> str:
    """The driver's reason as the person at the counter can act on it.

    SQLite says "unable to open database file" or "disk I/O error" for several causes; with the
    file at hand, the disk tells which (read-only, full, no such folder, no permission).
    """
    lowered = detail.lower()
    if file is not None and any(vague in lowered for vague in _VAGUE):
        diagnosed = _diagnose(file)
        if diagnosed is not None:
            return diagnosed
    for needle, advice in _STORAGE_PROBLEMS:
        if needle in lowered:
            return advice
    return "数据库暂不可用，请稍后重试"


_VAGUE = ("unable to open database file", "disk i/o error", "readonly database")
FULL_BELOW_BYTES = 1 << 20  # SQLite needs room for its journal as well as for the page


def _diagnose(file: Path) -> str | None:
    folder = file.parent
    try:
        if not folder.is_dir():
            return f"数据库所在的文件夹 {folder} 不存在：请管理员检查数据库设置"
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "数据库所在的磁盘是只读的，无法保存：请管理员检查"
        if shutil.disk_usage(folder).free < FULL_BELOW_BYTES:
            return "磁盘已满，无法保存：请清理磁盘空间后重试"
        if file.exists() and not os.access(file, os.W_OK):
            return "数据库文件是只读的，无法保存：请管理员检查文件属性和权限"
        if not os.access(folder, os.W_OK):
            return f"无权写入数据库所在的文件夹 {folder}：请管理员检查权限"
    except OSError:
        return None
    return None


class DatabaseUnavailableError(ServiceError):
    """The database cannot be used just now; the message says why and what to do."""

    def __init__(self, detail: str, file: Path | None = None) -> None:
        super().__init__(f"{storage_problem(detail, file)}；已输入的内容不会丢失（{detail}）")
        self.detail = detail


class WritesStoppedError(DatabaseUnavailableError):
    """The file was found damaged: nothing more is written into it (reading goes on)."""

    def __init__(self, message: str) -> None:
        ServiceError.__init__(self, f"{message}；已输入的内容不会丢失")
        self.detail = message


@dataclass(frozen=True)
class DatabaseInfo:
    """How the status bar names the store: the SQLite file or the PostgreSQL server."""

    backend: str
    location: str

    def describe(self) -> str:
        return f"{self.backend}：{self.location}"


def database_setting(explicit: str | None = None) -> Setting:
    """The URL in force and its source.

    In order: the command line, ``YIYE_DATABASE_URL``, the user's settings, the PC's machine.ini
    (a hall's roll-out), embedded SQLite.
    """
    from desktop_app import machine_settings
    from desktop_app.settings import load

    return machine_settings.first_given(
        (explicit, "命令行 --database"),
        (os.environ.get(DATABASE_URL_ENV), f"环境变量 {DATABASE_URL_ENV}"),
        (load().database_url, "用户设置"),
        (machine_settings.load().database_url, "本机设置"),
        (default_database_url(), "默认：用户数据目录中的 SQLite"),
    )


def database_url(explicit: str | None = None) -> str:
    return database_setting(explicit).value


def test_connection(url: str) -> str:
    """Connects once; returns what it reached, or raises with the driver's reason."""
    engine = create_store_engine(url)
    try:
        with engine.connect():
            return describe(url).describe()
    finally:
        engine.dispose()


def describe(url: str) -> DatabaseInfo:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return DatabaseInfo("SQLite", parsed.database or "内存")
    host = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
    return DatabaseInfo("PostgreSQL", host)


def _windows_drive_type(root: str) -> int:
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def is_network_path(
    path: str, is_windows: bool = os.name == "nt", drive_type: Callable[[str], int] | None = None
) -> bool:
    """True for a UNC path (two leading slashes) or, on Windows, a mapped remote drive."""
    if path.startswith(("\\\\", "//")):
        return True
    if not is_windows:
        return False
    drive = ntpath.splitdrive(path)[0]
    if not drive:
        return False
    return (drive_type or _windows_drive_type)(drive + "\\") == _DRIVE_REMOTE


BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another counter's write to finish


def _on_sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would emit a deferred BEGIN).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # synchronous=FULL: a number printed on paper must never be handed out twice after a power cut.
    busy = f"busy_timeout={BUSY_TIMEOUT_MS}"
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", busy, "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    read_only = conn.get_execution_options().get(_READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, an in-memory database, or no URL at all)."""
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:  # the caller is already explaining the unreadable URL
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_store_engine(url: str) -> Engine:
    """An Engine with the settings the product relies on; refuses SQLite on a network share."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and is_network_path(parsed.database):
            raise NetworkShareError(parsed.database)
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    """The database of one counter (or of a hall): sessions for use cases, one per transaction."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or create_store_engine(url)
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self.writes_stopped: str | None = None  # why: the file was found damaged

    def stop_writes(self, message: str) -> None:
        """No more writes into this database (integrity.py found the file damaged)."""
        self.writes_stopped = message

    def _factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        # The ORM loads with the first session, not with the store: the login dialog's start-up
        # checks the schema with Core alone.
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            writer = sessionmaker(self.engine, expire_on_commit=False)
            reader = sessionmaker(self.read_engine, expire_on_commit=False)
            self._sessions = (writer, reader)
        return self._sessions

    @property
    def read_engine(self) -> Engine:
        """The engine for reading only: on SQLite its transactions never take the write lock."""
        return self.engine.execution_options(**{_READ_ONLY: True})

    @property
    def info(self) -> DatabaseInfo:
        return describe(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on an exception.

        A stale optimistic-locking check anywhere in the transaction (even at commit) surfaces
        as ConflictError, the message the counter shows.
        """
        from sqlalchemy.exc import DatabaseError
        from sqlalchemy.orm.exc import StaleDataError

        if self.writes_stopped is not None:
            raise WritesStoppedError(self.writes_stopped)
        try:
            with self._factories()[0].begin() as session:
                yield session
        except StaleDataError:
            raise ConflictError() from None
        except DatabaseError as exc:
            # A lost server, an unwritable or damaged file: the counter says so and what to do;
            # nothing was half-written. (A constraint violation is the caller's to handle.)
            if _unavailable(exc):
                detail = first_line(exc)
                if storage_problem(detail) == DAMAGED:
                    self.stop_writes(f"{DAMAGED}（{detail}）")
                raise DatabaseUnavailableError(detail, sqlite_file(self.url)) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction that does not take SQLite's write lock."""
        from sqlalchemy.exc import DatabaseError

        try:
            with self._factories()[1].begin() as session:
                yield session
        except DatabaseError as exc:
            if _unavailable(exc):
                raise DatabaseUnavailableError(first_line(exc), sqlite_file(self.url)) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def first_line(exc: BaseException, limit: int = 200) -> str:
    """The driver's reason in one short line (SQLAlchemy wraps it, with SQL and a URL after)."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:limit] if text else type(exc).__name__


__all__ = [
    "DAMAGED",
    "DATABASE_URL_ENV",
    "DatabaseInfo",
    "DatabaseUnavailableError",
    "NetworkShareError",
    "Store",
    "WritesStoppedError",
    "create_store_engine",
    "database_url",
    "describe",
    "first_line",
    "is_network_path",
    "sqlite_file",
    "storage_problem",
]
