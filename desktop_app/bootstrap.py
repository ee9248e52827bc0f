"""Opening the store for use: schema upgraded (after a backup), calendar seeded."""

from __future__ import annotations

import sqlite3

from sqlalchemy import inspect, text

from desktop_app import integrity
from desktop_app.db import Store, database_url, sqlite_file, storage_problem

# The newest migration, so the start-up check needs no Alembic import (a test keeps it true).
HEAD_REVISION = "0017"


class BackupFailedError(RuntimeError):
    """The copy taken before an upgrade failed: the upgrade did not run, the file is as it was."""


class DamagedStoreError(RuntimeError):
    """The file to upgrade is damaged: neither copied (the copy would be as bad) nor upgraded."""


class SchemaOutdatedError(RuntimeError):
    """The database needs ``yiye db upgrade`` and this caller may not upgrade it."""


def _revision(store: Store) -> str | None:
    """The schema's version; None for a new database (no version table), never for a busy one.

    Read without the write lock: a counter whose neighbour is writing must still start, and a
    lock that times out must not pass for an empty database (that once backed up and "upgraded"
    a busy one).
    """
    with store.read_engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if version is None else str(version)


def open_store(url: str | None = None, upgrade: bool = True) -> Store:
    """The store at ``url`` (default: embedded SQLite), ready for the services.

    A SQLite file that already holds data is copied aside before its schema is upgraded, so a
    failed upgrade never costs a counter its cases.
    """
    store = Store(database_url(url))
    if _revision(store) != HEAD_REVISION:
        from desktop_app import migrate  # Alembic loads only when there is something to do

        if not upgrade:
            raise SchemaOutdatedError("数据库结构需要升级，请先运行 yiye db upgrade")
        file = sqlite_file(store.url)
        if file is not None and file.exists() and inspect(store.engine).get_table_names():
            findings = integrity.check_file(file)
            if findings:
                message = integrity.damaged_message(file, findings)
                raise DamagedStoreError(f"{message}；数据库结构未升级")
            try:
                migrate.backup_sqlite(file)
            except (OSError, sqlite3.Error) as exc:
                raise BackupFailedError(
                    f"升级数据库结构前的备份失败，未做升级，数据库保持原样：{storage_problem(str(exc))}"
                    f"（{exc}）"
                ) from exc
        migrate.upgrade(store.engine)
    with store.read_engine.connect() as connection:
        seeded = connection.execute(text("SELECT count(*) FROM calendar_year")).scalar()
    if not seeded:  # a new database: the ORM and chinesecalendar load only for this
        from desktop_app.services import calendar

        with store.write() as session:
            calendar.seed_if_empty(session)
    return store
