"""Opening the store: SQLite in the user data folder by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from desktop_app.paths import default_database_url

DATABASE_URL_ENV = "YIYE_DATABASE_URL"


@dataclass(frozen=True)
class DatabaseInfo:
    """How the status bar names the store: the SQLite file or the PostgreSQL server."""

    backend: str
    location: str

    def describe(self) -> str:
        return f"{self.backend}：{self.location}"


def database_url(explicit: str | None = None) -> str:
    """The URL in force: the command line, then ``YIYE_DATABASE_URL``, then embedded SQLite."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or default_database_url()


def describe(url: str) -> DatabaseInfo:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return DatabaseInfo("SQLite", parsed.database or "内存")
    host = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
    return DatabaseInfo("PostgreSQL", host)


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # synchronous=FULL: a number printed on paper must never be handed out twice after a power cut.
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An Engine with the pragmas the product relies on applied to every SQLite connection."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine
