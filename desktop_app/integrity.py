"""Is the SQLite file whole? Quick at start, in full by ``yiye db check`` and nightly.

Garbage over a page went unnoticed: every command exited 0 and acceptances went on into the
damaged file. SQLite reports damage only when a query happens to read the bad page, so the file
is checked: ``quick_check`` (every page, not the indexes against their tables) when the counter
starts and before a command writes, ``integrity_check`` (everything) on demand and each night on
the PC that runs the exchange. A damaged file stops writes (Store.stop_writes); reading goes on,
so that the hall can still look cases up while the administrator restores.

PostgreSQL is checked by its server (data checksums, ``pg_amcheck``): nothing to do here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock
from desktop_app.db import (
    DAMAGED,
    DatabaseUnavailableError,
    Store,
    sqlite_file,
    storage_problem,
)

PROBLEM_LIMIT = 20
# sync_state key of the last full check (the exchange PC's nightly one).
LAST_FULL_CHECK = "integrity_last_full_check"
NIGHTLY_EVERY = dt.timedelta(hours=24)
NIGHT_STARTS, NIGHT_ENDS = 19, 7  # the hall's local hours


def check_file(path: Path, full: bool = False) -> list[str]:
    """SQLite's findings on ``path`` (empty when it is whole), read-only and without the lock.

    Raises DatabaseUnavailableError when the file cannot be read at all for a reason that is not
    damage (a folder without permission, a read-only disk that holds no WAL index, …).
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = _pragma(f"file:{path}?mode=ro", pragma)
    except sqlite3.Error as exc:
        detail = str(exc)
        if storage_problem(detail) == DAMAGED:
            return [detail]  # a header so broken that SQLite will not start reading
        if not _read_only_disk(path):
            raise DatabaseUnavailableError(detail, path) from None
        # A WAL database on a read-only disk cannot make its index; nobody can write it there,
        # so it can be read as the immutable file it is.
        rows = _pragma(f"file:{path}?immutable=1", pragma)
    # One row may hold several lines, under a "*** in database main ***" heading.
    findings = [
        line.strip()
        for (row,) in rows
        for line in str(row).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    return [] if findings == ["ok"] else findings


def _pragma(uri: str, pragma: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(uri, uri=True)
    try:
        return connection.execute(f"PRAGMA {pragma}({PROBLEM_LIMIT})").fetchall()
    finally:
        connection.close()


def _read_only_disk(path: Path) -> bool:
    try:
        return hasattr(os, "statvfs") and bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def latest_backup(path: Path) -> Path | None:
    """The newest automatic copy taken before an upgrade, next to the file."""
    copies = sorted(path.parent.glob(f"{path.stem}.before-upgrade-*{path.suffix}"))
    return copies[-1] if copies else None


def damaged_message(path: Path, findings: list[str]) -> str:
    """What the counter says: writes stopped, and the way out."""
    backup = latest_backup(path)
    where = f"最近的自动备份：{backup}" if backup else "yiye db backup 的备份文件"
    return (
        f"数据库文件已损坏，已停止保存（{findings[0][:120]}）：请停止使用本机，由管理员运行 "
        f"yiye db check，并从最近的备份恢复（{where}）"
    )


@dataclass(frozen=True)
class CheckResult:
    """One check of the store: None findings means there was nothing to check (PostgreSQL)."""

    findings: list[str] | None
    message: str | None  # set when damaged: writes are stopped with it

    @property
    def damaged(self) -> bool:
        return self.message is not None


def check_store(store: Store, full: bool = False) -> CheckResult:
    """Checks the store's file; a damaged one stops the store's writes with the way out."""
    path = sqlite_file(store.url)
    if path is None or not path.exists():
        return CheckResult(None, None)
    findings = check_file(path, full)
    if not findings:
        return CheckResult(findings, None)
    message = damaged_message(path, findings)
    store.stop_writes(message)
    return CheckResult(findings, message)


def full_check_due(last: dt.datetime | None, now: dt.datetime) -> bool:
    """At night (19:00–07:00 in the hall) once a day; by day only when two days have gone by.

    The full check reads the whole file; at night it is out of the clerks' way. A PC switched
    off every evening still gets its check, every other day, in the morning.
    """
    if last is None:
        return True
    hour = clock.local(now).hour
    at_night = hour >= NIGHT_STARTS or hour < NIGHT_ENDS
    return now - last >= (NIGHTLY_EVERY if at_night else NIGHTLY_EVERY * 2)


def nightly_check(store: Store, now: dt.datetime) -> CheckResult | None:
    """The full check when it is due (run by the exchange's lease holder); None when not.

    The time of a clean check is kept in the database, so that a restart of the counter does
    not run it again; a damaged file is not written to.
    """
    from desktop_app.sync import state

    if sqlite_file(store.url) is None:
        return None
    with store.read() as session:
        note = state.get(session, LAST_FULL_CHECK)
    last = None
    if note is not None:
        try:
            last = dt.datetime.fromisoformat(json.loads(note)["at"])
        except (ValueError, KeyError, TypeError):
            last = None  # an unreadable note: check again
        if last is not None and last.tzinfo is not None:
            last = None  # not one this code wrote (the clock is naive UTC)
    if not full_check_due(last, now):
        return None
    result = check_store(store, full=True)
    if not result.damaged:
        with store.write() as session:
            state.put(session, LAST_FULL_CHECK, json.dumps({"at": now.isoformat(), "ok": True}))
    return result
