"""Opening the store for use: schema upgraded (after a backup), calendar seeded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from desktop_app import migrate
from desktop_app.db import Store, database_url
from desktop_app.services import calendar


class SchemaOutdatedError(RuntimeError):
    """The database needs ``yiye db upgrade`` and this caller may not upgrade it."""


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def open_store(url: str | None = None, upgrade: bool = True) -> Store:
    """The store at ``url`` (default: embedded SQLite), ready for the services.

    A SQLite file that already holds data is copied aside before its schema is upgraded, so a
    failed upgrade never costs a counter its cases.
    """
    store = Store(database_url(url))
    if not migrate.is_up_to_date(store.engine):
        if not upgrade:
            raise SchemaOutdatedError("数据库结构需要升级，请先运行 yiye db upgrade")
        file = _sqlite_file(store.url)
        if file is not None and file.exists() and inspect(store.engine).get_table_names():
            migrate.backup_sqlite(file)
        migrate.upgrade(store.engine)
    with store.write() as session:
        calendar.seed_if_empty(session)
    return store
