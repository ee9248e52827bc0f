"""Prints the exchange's figures (issues 6 and 15) on SQLite with synchronous=FULL.

- applying 10,000 platform events (2,500 items: accepted, a correction, accepted again,
  approved) as a round of the exchange applies them (one transaction per batch of pages) —
  goal <= 1 s, on SQLite and on PostgreSQL when YIYE_TEST_PG_URL names a server; also the same
  events fetched over HTTP from the loopback test platform (pages of 1,000) and applied, for
  comparison;
- the delay from a decision on one counter to its arrival on another (a second process running
  `yiye feed watch`) — goal <= 2 s; on PostgreSQL too when YIYE_TEST_PG_URL names a server.

Run: ``.venv/bin/python bench/bench_sync.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_store import FIVE_PERMITS  # noqa: E402 (beside this script)
from sqlalchemy import create_engine, make_url, select, text, update  # noqa: E402

from desktop_app.bootstrap import open_store  # noqa: E402
from desktop_app.catalog import load_catalog  # noqa: E402
from desktop_app.db import Store  # noqa: E402
from desktop_app.models import OutboxMessage, User  # noqa: E402
from desktop_app.services import auth, intake, workflow  # noqa: E402
from desktop_app.sync import exchange  # noqa: E402
from desktop_app.sync.client import PlatformClient  # noqa: E402
from tests import factories  # noqa: E402
from tests.feed_watch import watch_feed  # noqa: E402
from tests.platform_server import TOKEN, PlatformServer  # noqa: E402

APPLICATIONS = 500  # × 5 permits = 2,500 items, × 4 events = 10,000 events
TODAY = dt.date(2025, 9, 26)
DECISIONS = 15


def _ensure_users(store: Store) -> None:
    with store.write() as session:
        known = set(session.scalars(select(User.username)))
        if "clerk" not in known:
            auth.add_user(session, auth.SYSTEM, "clerk", "Bench2026x", "clerk")
        if "r_market" not in known:
            auth.add_user(session, auth.SYSTEM, "r_market", "Bench2026x", "reviewer", "market")


def _dispatched(store: Store, count: int) -> None:
    catalog = load_catalog()
    _ensure_users(store)
    with store.read() as session:
        clerk = auth.actor_for(session, "clerk")
    departments = frozenset(catalog.departments)
    for serial in range(1, count + 1):
        submission = factories.submission(catalog, "supermarket", FIVE_PERMITS, serial=serial)
        with store.write() as session:
            number = intake.accept(session, clerk, catalog, submission, TODAY).number
            workflow.dispatch(session, clerk, number, platform_departments=departments)


def _events(store: Store) -> list[dict[str, Any]]:
    with store.read() as session:
        keys = session.scalars(select(OutboxMessage.idempotency_key).order_by(OutboxMessage.id))
        keys = list(keys)
    script = [
        {"state": "accepted"},
        {"state": "correction_requested", "reason": "请补充场所平面图"},
        {"state": "accepted"},
        {"state": "approved", "permit_no": "PT-1", "valid_from": "2025-10-08", "valid_to": None},
    ]
    events = []
    for step, extra in enumerate(script, start=1):  # step by step over all items, as they come
        for key in keys:
            events.append(
                {
                    "event_id": str(uuid.uuid4()),
                    "platform_id": "",
                    "idempotency_key": key,
                    "seq": step,
                    "reason": None,
                    "permit_no": None,
                    "valid_from": None,
                    "valid_to": None,
                    "at": "2025-10-08T09:00:00+08:00",
                    **extra,
                }
            )
    return events


def bench_apply(folder: Path) -> None:
    template = folder / "template.sqlite3"
    store = open_store(f"sqlite:///{template}")
    started = time.perf_counter()
    _dispatched(store, APPLICATIONS)
    events = _events(store)
    store.dispose()
    print(
        f"set-up: {APPLICATIONS} applications, {len(events)} events "
        f"({time.perf_counter() - started:.1f} s)"
    )
    runs, cpu = [], []
    for run in range(7):
        copy = folder / f"apply{run}.sqlite3"
        copy.write_bytes(template.read_bytes())
        store = open_store(f"sqlite:///{copy}")
        start, start_cpu = time.perf_counter(), time.process_time()
        _apply_all(store, events)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        store.dispose()
    # CPU time beside wall time: on a shared machine both swing with the neighbours' load.
    print(
        f"apply {len(events):,} platform events to SQLite, "
        f"{exchange.BATCH_EVENTS:,} per transaction: "
        f"median {statistics.median(runs):.2f} s, best {min(runs):.2f} s "
        f"(CPU median {statistics.median(cpu):.2f} s) (goal <= 1 s)"
    )
    # The same, fetched from the loopback platform (HTTP and JSON included).
    server = PlatformServer(script=lambda payload, rng: [])  # it has decided already
    server.state.events = events
    copy = folder / "http.sqlite3"
    copy.write_bytes(template.read_bytes())
    store = open_store(f"sqlite:///{copy}")
    with store.write() as session:  # posted earlier: this round only fetches and applies
        session.execute(update(OutboxMessage).values(state="sent"))
    start = time.perf_counter()
    result = exchange.run_once(store, PlatformClient(server.url, TOKEN, timeout=30))
    elapsed = time.perf_counter() - start
    assert result.applied == len(events), result
    print(f"fetch over loopback HTTP and apply {len(events):,} events: {elapsed:.2f} s")
    store.dispose()
    server.stop()


def _apply_all(store: Store, events: list[dict[str, Any]]) -> None:
    for first in range(0, len(events), exchange.BATCH_EVENTS):  # as a round applies them
        batch = events[first : first + exchange.BATCH_EVENTS]
        result = exchange.apply_events(store, batch, str(first + len(batch)), TODAY)
        assert result.applied == len(batch), result


def bench_apply_postgresql(url: str) -> None:
    """The same 10,000 events on PostgreSQL: each run on a fresh copy of a template database."""
    server = make_url(url)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    template, copy = f"bench_sync_tpl_{os.getpid()}", f"bench_sync_run_{os.getpid()}"

    def database(name: str) -> str:
        return server.set(database=name).render_as_string(hide_password=False)

    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{template}"'))
    try:
        store = open_store(database(template))
        _dispatched(store, APPLICATIONS)
        events = _events(store)
        store.dispose()
        runs = []
        for _ in range(5):
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}"'))
                connection.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"'))
            store = open_store(database(copy))
            start = time.perf_counter()
            _apply_all(store, events)
            runs.append(time.perf_counter() - start)
            store.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}"'))
            connection.execute(text(f'DROP DATABASE IF EXISTS "{template}"'))
        admin.dispose()
    print(
        f"apply {len(events):,} platform events to PostgreSQL (rows written with COPY): "
        f"median {statistics.median(runs):.2f} s, best {min(runs):.2f} s (goal <= 1 s)"
    )


def bench_delay(url: str, label: str) -> None:
    """Decisions made here; a second process (`yiye feed watch`) reports when it sees each."""
    store = open_store(url)
    _ensure_users(store)
    catalog = load_catalog()
    with store.read() as session:
        clerk = auth.actor_for(session, "clerk")
        reviewer = auth.actor_for(session, "r_market")
    numbers = []
    for serial in range(DECISIONS):
        submission = factories.submission(catalog, serial=900 + serial)
        with store.write() as session:
            number = intake.accept(session, clerk, catalog, submission, TODAY).number
            workflow.dispatch(session, clerk, number)
        numbers.append(number)
    watch = watch_feed(url)
    assert watch.stdout is not None
    seen: dict[str, float] = {}
    stdout = watch.stdout

    def read() -> None:
        for line in stdout:
            if '"take_up"' in line:
                for number in numbers:
                    if number in line:
                        seen[number] = time.monotonic()

    threading.Thread(target=read, daemon=True).start()
    delays = []
    for number in numbers:
        with store.write() as session:
            workflow.take_up(session, reviewer, number, "food_registration")
        decided = time.monotonic()
        while number not in seen and time.monotonic() - decided < 5:
            time.sleep(0.005)
        delays.append(seen.get(number, float("inf")) - decided)
        time.sleep(0.2)
    watch.kill()
    watch.wait()
    store.dispose()
    print(
        f"decision on one counter to another ({label}): median "
        f"{statistics.median(delays) * 1e3:.0f} ms, max {max(delays) * 1e3:.0f} ms (goal <= 2 s)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["YIYE_DATA_DIR"] = name
        bench_apply(folder)
        bench_delay(f"sqlite:///{folder / 'template.sqlite3'}", "SQLite, polled every 0.5 s")
        pg = os.environ.get("YIYE_TEST_PG_URL")
        if pg:
            bench_apply_postgresql(pg)
            bench_delay(pg, "PostgreSQL, LISTEN/NOTIFY")


if __name__ == "__main__":
    main()
