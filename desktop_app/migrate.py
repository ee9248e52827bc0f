"""Schema migrations (Alembic) and the backup taken before the app upgrades a SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from desktop_app import clock

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision`` in one transaction."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Takes the schema back to ``revision`` (for maintainers; the app only ever upgrades)."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


_connect = sqlite3.connect  # the backup's own, so a test can make it fail like a full disk


def backup_sqlite(database: Path, target: Path | None = None) -> Path:
    """Copies a live SQLite file consistently (the backup API, not a file copy mid-write).

    Written under a temporary name and renamed when whole: a full disk leaves no partial copy
    that could pass for a backup, and raises (an upgrade then does not go on).
    """
    if target is None:
        stamp = clock.wall_time().strftime("%Y%m%d-%H%M%S")
        target = database.with_name(f"{database.stem}.before-upgrade-{stamp}{database.suffix}")
    partial = target.with_name(target.name + ".partial")
    try:
        source = _connect(database)
        try:
            copy = _connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
