"""Protocol v1.1 in the exchange round: fetch online applications, send the counter's answers.

Like the items' messages: no transaction is held over the network; each answer's result is
written in its own short transaction; a page of applications is kept together with the cursor
after it, so a page fetched twice (a crash, another counter) keeps each application once.
Files are fetched on demand, when a clerk opens or accepts the application.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop_app import clock
from desktop_app.db import Store
from desktop_app.models import OnlineApplication
from desktop_app.services import attachments, online
from desktop_app.services.auth import Actor
from desktop_app.sync import state
from desktop_app.sync.client import PlatformClient, PlatformError

if TYPE_CHECKING:
    from desktop_app.sync.exchange import RoundResult

CURSOR = "applications_cursor"
PAGE_SIZE = 200
MAX_PAGES_PER_ROUND = 500


def send_decisions(
    store: Store,
    client: PlatformClient,
    retry_delay: Callable[[int, PlatformError, Callable[[], float]], dt.timedelta],
    result: RoundResult,
    rng: Callable[[], float] = random.random,
) -> None:
    """Posts the answers due, oldest decision first; each is written in its own transaction."""
    with store.read() as session:
        due = session.execute(
            select(OnlineApplication.id, OnlineApplication.platform_id)
            .where(
                OnlineApplication.decision_state == "pending",
                OnlineApplication.decision_next_at <= clock.now(),
            )
            .order_by(OnlineApplication.decided_at, OnlineApplication.id)
        ).all()
    for row_id, platform_id in due:
        with store.read() as session:
            payload = session.get_one(OnlineApplication, row_id).decision_payload
        assert payload is not None
        try:
            client.post_decision(platform_id, payload)
        except PlatformError as exc:
            with store.write() as session:
                row = session.get_one(OnlineApplication, row_id)
                row.decision_attempts += 1
                row.decision_error = exc.message
                if exc.retry:
                    delay = retry_delay(row.decision_attempts, exc, rng)
                    row.decision_next_at = clock.now() + delay
                else:
                    row.decision_state = "refused"  # a supervisor sees it; not retried
            result.count_failure(exc)
            if result.unreachable:
                return
            continue
        with store.write() as session:
            row = session.get_one(OnlineApplication, row_id)
            row.decision_attempts += 1
            row.decision_state = "sent"
            row.decision_sent_at = clock.now()
            row.decision_error = None
        result.decisions_sent += 1


def fetch_applications(
    store: Store, client: PlatformClient, result: RoundResult, page_size: int = PAGE_SIZE
) -> None:
    with store.read() as session:
        cursor = state.get(session, CURSOR) or ""
    for _ in range(MAX_PAGES_PER_ROUND):
        try:
            page = client.applications(cursor, page_size)
        except PlatformError as exc:
            if exc.status != 404:  # 404: a v1 platform, which has no online applications
                result.fail(exc.message)
            return
        with store.write() as session:
            new, invalid = online.store_fetched(session, page.applications)
            state.put(session, CURSOR, page.cursor)
        result.online_new += new
        result.online_invalid += invalid
        if not page.applications or page.cursor == cursor:
            return
        cursor = page.cursor


def fetch_files(store: Store, client: PlatformClient, actor: Actor, online_id: int) -> int:
    """Brings the application's files the store lacks; returns how many were fetched.

    Each file is checked against its hash and size, then by its bytes like any scan.
    """
    with store.read() as session:
        missing = online.missing_files(session, online_id)
    for ref in missing:
        data = client.file(ref.sha256, ref.size)
        with store.write() as session:
            attachments.store_file(session, actor, data, ref.name)
    return len(missing)
