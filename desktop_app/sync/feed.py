"""The hall's change feed: every counter learns of every other counter's changes within a second.

Choice (issue 6): a cursor over the audit trail, with PostgreSQL LISTEN/NOTIFY only as a wake-up.

- Every change already writes one audit entry in its own transaction, and audit sequence numbers
  are allocated under a row lock (services/numbers), so they commit strictly in order and without
  gaps: a reader that has seen entry N has seen everything before it. A cursor on that sequence
  never misses a change, whatever happened in between (a restart, a dropped connection, a laptop
  asleep over the weekend) — it simply reads on from where it stopped.
- NOTIFY alone would not do: a notification sent while a counter is disconnected is lost for
  good. But it is instant, so on PostgreSQL the watcher LISTENs and reads the feed as soon as a
  notification arrives, and polls the cursor twice a second as a safety net. On SQLite (one PC,
  a clerk and a reviewer in two windows) it polls; reading the highest sequence is one index hit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app.db import DatabaseUnavailableError, Store, first_line
from desktop_app.models import AuditEntry
from desktop_app.services.audit import CHANNEL

POLL_SECONDS = 0.5
RETRY_SECONDS = 2.0
# Actions that change nothing another counter shows (log-ins, prints are still shown in history).
QUIET_ACTIONS = frozenset({"login", "login_failed", "unmask"})


@dataclass(frozen=True)
class Change:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str  # the application or certificate number, or the user name


def latest_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEntry.seq))) or 0)


def changes_after(session: Session, seq: int, limit: int = 1000) -> list[Change]:
    rows = session.execute(
        select(
            AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.subject
        )
        .where(AuditEntry.seq > seq)
        .order_by(AuditEntry.seq)
        .limit(limit)
    )
    return [Change(*row) for row in rows]


class FeedWatcher:
    """A daemon thread that reports new changes, and whether the database can be reached.

    ``on_changes`` gets each batch (quiet actions left out) and ``on_status`` gets None when the
    database answers again, or the Chinese reason it does not; both run on the watcher's thread.
    """

    def __init__(
        self,
        store: Store,
        on_changes: Callable[[list[Change]], None],
        on_status: Callable[[str | None], None] = lambda _: None,
        cursor: int | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self._store = store
        self._on_changes = on_changes
        self._on_status = on_status
        self.cursor = cursor
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="yiye-feed", daemon=True)
        self._listener: Any = None  # a psycopg connection LISTENing, on PostgreSQL

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread.ident is not None:  # started
            self._thread.join(timeout)
        self._close_listener()

    def _run(self) -> None:
        failing = False
        while not self._stop.is_set():
            try:
                self._read()
                if failing:
                    failing = False
                    self._on_status(None)
                self._wait()
            except (DatabaseUnavailableError, SQLAlchemyError, OSError, _ListenerError) as exc:
                failing = True
                self._close_listener()
                self._on_status(f"数据库连接中断，正在重试（{_reason(exc)}）")
                self._stop.wait(RETRY_SECONDS)

    def _read(self) -> None:
        with self._store.read() as session:
            if self.cursor is None:
                self.cursor = latest_seq(session)
                return
            while True:
                changes = changes_after(session, self.cursor)
                if not changes:
                    return
                self.cursor = changes[-1].seq
                shown = [c for c in changes if c.action not in QUIET_ACTIONS]
                if shown:
                    self._on_changes(shown)

    def _wait(self) -> None:
        if self._store.dialect != "postgresql":
            self._stop.wait(self._poll)
            return
        if self._listener is None:
            self._listener = _listen(self._store.url)
        try:
            # Wakes at the first notification, or after the poll interval as a safety net.
            for _ in self._listener.notifies(timeout=self._poll, stop_after=1):
                pass
        except Exception as exc:  # psycopg's errors are not SQLAlchemy's: retried alike
            raise _ListenerError(str(exc)) from exc

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(Exception):  # closing a broken connection may fail
                listener.close()


class _ListenerError(RuntimeError):
    pass


def _listen(url: str) -> Any:
    import psycopg

    parsed = make_url(url)
    connection = psycopg.connect(
        host=parsed.host or "localhost",
        port=parsed.port or 5432,
        dbname=parsed.database,
        user=parsed.username,
        password=parsed.password,
        autocommit=True,
        connect_timeout=5,
    )
    connection.execute(f"LISTEN {CHANNEL}")
    return connection


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DatabaseUnavailableError):
        return exc.detail
    return first_line(exc, limit=120)
