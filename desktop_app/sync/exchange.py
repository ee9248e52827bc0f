"""One round of the exchange with the platform: send what is due, fetch and apply new events.

No database transaction is held open over the network: each message's result is written in its
own short transaction, and events are fetched first and then applied in one transaction per
batch of pages, so counters never wait on the platform.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Store
from desktop_app.models import OutboxBody, OutboxMessage, StoredFile
from desktop_app.services import attachments
from desktop_app.services.errors import ServiceError
from desktop_app.sync import inbox, lease, online_exchange, state
from desktop_app.sync.client import PlatformClient, PlatformError

PAGE_SIZE = 1000  # the protocol's largest page
# Events applied per transaction: a catch-up after an outage holds the write lock for about a
# second per batch (bench/bench_sync.py), and a batch stays small in memory. A batch's IN lists
# (up to two per event, in one query) must stay under SQLite's 32,766 parameters.
BATCH_EVENTS = 10_000
BACKOFF_BASE = dt.timedelta(seconds=10)
BACKOFF_CAP = dt.timedelta(minutes=30)
MAX_PAGES_PER_ROUND = 1000  # 500,000 events: a safety stop, not a limit anyone should reach


@dataclass
class RoundResult:
    answered: bool = True  # every request the round made got a protocol answer
    unreachable: bool = False  # a connection failed or timed out: the rest of the round waits
    sent: int = 0
    refused: int = 0
    retry_later: int = 0
    pages: int = 0
    applied: int = 0
    duplicates: int = 0
    ignored: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    online_new: int = 0  # online applications fetched (v1.1)
    online_invalid: int = 0
    decisions_sent: int = 0
    files_sent: int = 0  # scans uploaded with the items (v1.1)
    takes_files: bool = True  # false once a v1 platform said it has no PUT /files

    def fail(self, message: str) -> None:
        self.answered = False
        self.errors.append(message)

    def count_failure(self, exc: PlatformError) -> None:
        """A message the platform did not take: to retry later, or refused for good."""
        if not exc.retry:
            self.refused += 1
            return
        self.retry_later += 1
        self.fail(exc.message)
        if exc.status is None:
            self.unreachable = True  # the rest of the round would only time out too


def backoff(attempts: int, rng: Callable[[], float] = random.random) -> dt.timedelta:
    """Exponential backoff with full jitter: after n failures, wait 50–100 % of 10 s · 2ⁿ⁻¹."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** min(max(attempts - 1, 0), 16))
    return dt.timedelta(seconds=ceiling.total_seconds() * (0.5 + rng() / 2))


def retry_delay(
    attempts: int, exc: PlatformError, rng: Callable[[], float] = random.random
) -> dt.timedelta:
    """When to try a message again: the backoff, or later when a 429 asks for it."""
    delay = backoff(attempts, rng)
    if exc.retry_after is not None:
        delay = max(delay, dt.timedelta(seconds=min(exc.retry_after, 3600)))
    return delay


def run_once(
    store: Store,
    client: PlatformClient,
    rng: Callable[[], float] = random.random,
    page_size: int = PAGE_SIZE,
) -> RoundResult:
    result = RoundResult()
    _send_due(store, client, rng, result)
    if not result.unreachable:
        online_exchange.send_decisions(store, client, retry_delay, result, rng)
    if not result.unreachable:  # do not wait on a second timeout; a 5xx on a post is no reason
        _fetch_events(store, client, page_size, result)
    if not result.unreachable:
        online_exchange.fetch_applications(store, client, result)
    with store.write() as session:
        stamp = clock.now().isoformat()
        state.put(session, "last_attempt", stamp)
        if result.answered:
            state.put(session, "last_success", stamp)
        elif result.errors:
            state.put(session, "last_error", f"{stamp} {result.errors[-1]}")
    return result


def _send_due(
    store: Store,
    client: PlatformClient,
    rng: Callable[[], float],
    result: RoundResult,
) -> None:
    """Posts the due messages, in order per application: a message waits for its elders."""
    with store.read() as session:
        pending = session.execute(
            select(OutboxMessage.id, OutboxMessage.application_id, OutboxMessage.next_attempt_at)
            .where(OutboxMessage.state == "pending")
            .order_by(OutboxMessage.id)
        ).all()
    waiting: set[int] = set()
    for message_id, application_id, due in pending:
        if application_id in waiting or due > clock.now():
            waiting.add(application_id)
            continue
        with store.read() as session:  # one body at a time: a long queue stays light
            payload = session.get_one(OutboxBody, message_id).payload
        try:
            if result.takes_files:
                _upload_files(store, client, payload, result)
            _, platform_id = client.post_item(payload)
        except PlatformError as exc:
            with store.write() as session:
                message = session.get_one(OutboxMessage, message_id)
                message.attempts += 1
                message.last_error = exc.message
                if exc.retry:
                    message.next_attempt_at = clock.now() + retry_delay(message.attempts, exc, rng)
                else:
                    message.state = "refused"  # shown to a supervisor; not retried
            result.count_failure(exc)
            if result.unreachable:
                return
            waiting.add(application_id)
            continue
        with store.write() as session:
            message = session.get_one(OutboxMessage, message_id)
            message.attempts += 1
            message.state = "sent"
            message.platform_id = platform_id
            message.sent_at = clock.now()
            message.last_error = None
        result.sent += 1


def _upload_files(
    store: Store, client: PlatformClient, payload: dict[str, Any], result: RoundResult
) -> None:
    """Uploads the scans an item names that the platform does not have yet (v1.1), each once.

    A v1 platform answers 404 or 405: the round stops uploading and the items go as before. A
    scan damaged in the store is not uploaded (said in the round's errors); the item still goes.
    """
    wanted = {
        f["sha256"]
        for material in payload.get("materials", ())
        for f in material.get("files", ())
        if isinstance(f, dict) and isinstance(f.get("sha256"), str)
    }
    if not wanted:
        return
    with store.read() as session:
        sent = set(
            session.scalars(
                select(StoredFile.sha256).where(
                    StoredFile.sha256.in_(wanted), StoredFile.sent_at.is_not(None)
                )
            )
        )
    for sha256 in sorted(wanted - sent):
        with store.read() as session:
            try:
                data, content_type = attachments.file_bytes(session, sha256)
            except ServiceError as exc:
                result.fail(exc.message)
                continue
        try:
            client.put_file(sha256, data, content_type)
        except PlatformError as exc:
            if exc.status in (404, 405):
                result.takes_files = False  # protocol v1: no files
                return
            raise
        with store.write() as session:
            session.get_one(StoredFile, sha256).sent_at = clock.now()
        result.files_sent += 1


def _fetch_events(
    store: Store,
    client: PlatformClient,
    page_size: int,
    result: RoundResult,
) -> None:
    with store.read() as session:
        cursor = state.get(session, "cursor") or ""
    pages_left = MAX_PAGES_PER_ROUND
    while pages_left > 0:
        events, next_cursor, pages, caught_up = _collect(client, cursor, page_size, result)
        result.pages += pages
        pages_left -= max(pages, 1)
        if not events and next_cursor == cursor:
            return
        try:
            applied = apply_events(store, events, next_cursor, clock.today())
        except IntegrityError:
            # Another counter applied these events first: read on from where it left the cursor.
            with store.read() as session:
                cursor = state.get(session, "cursor") or ""
            continue
        result.applied += applied.applied
        result.duplicates += applied.duplicates
        for outcome, count in applied.ignored.items():
            result.ignored[outcome] = result.ignored.get(outcome, 0) + count
        if caught_up:
            return
        cursor = next_cursor


def _collect(
    client: PlatformClient, cursor: str, page_size: int, result: RoundResult
) -> tuple[list[object], str, int, bool]:
    """Fetches pages from ``cursor`` until BATCH_EVENTS are in hand, or the platform has no more.

    Returns the events, the cursor after them, the pages fetched, and whether the round is done
    (caught up, or the platform failed: what was fetched before the failure is still applied).
    """
    events: list[object] = []
    pages = 0
    while len(events) < BATCH_EVENTS:
        try:
            page = client.events(cursor, page_size)
        except PlatformError as exc:
            result.fail(exc.message)
            return events, cursor, pages, True
        pages += 1
        events.extend(page.events)
        if not page.events or page.next == cursor:
            return events, page.next, pages, True
        cursor = page.next
    return events, cursor, pages, False


def apply_events(
    store: Store, events: Sequence[object], next_cursor: str, today: dt.date
) -> inbox.ApplyResult:
    """Applies fetched events and moves the cursor past them, in one transaction.

    One transaction per batch rather than per page: each commit waits for the disk
    (synchronous=FULL), and an item moved on several pages is read and written once.
    """
    with _collector_paused(), store.write() as session:
        applied = inbox.apply_events(session, events, today)
        state.put(session, "cursor", next_cursor)
    return applied


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector waits until the batch is written.

    A batch makes tens of thousands of short-lived rows and tuples (no cycles among them);
    they would set off full collections that walk the whole heap, every Qt wrapper and catalog
    object of the app included: a tenth of the batch's time in the benchmark. Paused, the
    collector runs once, later. Process-wide; another thread's batch may turn it back on early,
    which only costs that time again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class SyncStatus:
    outbox: int  # messages not yet accepted by the platform
    refused: int  # messages the platform refused (4xx): a supervisor must look at them
    cursor: str
    last_success: str | None
    last_error: str | None
    last_attempt: str | None
    runner: str | None  # the counter holding the lease to run the exchange ("<PC>/<pid>")

    def as_json(self) -> dict[str, Any]:
        return {
            "outbox": self.outbox,
            "refused": self.refused,
            "cursor": self.cursor,
            "last_success": self.last_success,
            "last_error": self.last_error,
            "last_attempt": self.last_attempt,
            "runner": self.runner,
        }


def status(session: Session) -> SyncStatus:
    counts = dict(
        session.execute(
            select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
        ).all()
    )
    return SyncStatus(
        outbox=int(counts.get("pending", 0)),
        refused=int(counts.get("refused", 0)),
        cursor=state.get(session, "cursor") or "",
        last_success=state.get(session, "last_success"),
        last_error=state.get(session, "last_error"),
        last_attempt=state.get(session, "last_attempt"),
        runner=held.holder if (held := lease.current(session)) else None,
    )
