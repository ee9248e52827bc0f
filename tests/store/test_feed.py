"""The hall's change feed: a decision on one counter reaches the others within two seconds."""

import datetime as dt
import subprocess
import threading
import time

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import audit, intake, workflow
from desktop_app.sync.feed import Change, FeedWatcher, changes_after, latest_seq
from tests import factories
from tests.feed_watch import ENV, ROOT, watch_feed, yiye
from tests.store.conftest import PASSWORD, actor

TODAY = dt.date(2025, 9, 26)
CORRECTION = ["--correction", "营业执照复印件不清晰"]


def dispatched_case(store: Store, catalog: Catalog, serial: int = 1) -> str:
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(
            session, clerk, catalog, factories.submission(catalog, serial=serial), TODAY
        ).number
        workflow.dispatch(session, clerk, number)
    return number


def test_the_feed_reads_on_from_its_cursor_in_order(store: Store, catalog: Catalog) -> None:
    with store.read() as session:
        start = latest_seq(session)
    number = dispatched_case(store, catalog)
    with store.write() as session:
        workflow.take_up(session, actor(store, "r_market"), number, "food_registration")
    with store.read() as session:
        changes = changes_after(session, start)
        assert [c.seq for c in changes] == list(range(start + 1, start + 1 + len(changes)))
        assert changes[-1].action == "take_up"
        assert changes[-1].subject == number
        assert changes_after(session, changes[-1].seq) == []


class Collector:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.statuses: list[str | None] = []
        self.arrived = threading.Event()

    def on_changes(self, batch: list[Change]) -> None:
        self.changes.extend(batch)
        self.arrived.set()

    def on_status(self, problem: str | None) -> None:
        self.statuses.append(problem)


def test_a_decision_on_another_counter_arrives_within_two_seconds(
    store: Store, catalog: Catalog
) -> None:
    number = dispatched_case(store, catalog)
    other_counter = Store(store.url)  # its own engine and connections, as on another PC
    collector = Collector()
    watcher = FeedWatcher(store, collector.on_changes, collector.on_status)
    watcher.start()
    try:
        deadline = time.monotonic() + 5
        while watcher.cursor is None and time.monotonic() < deadline:
            time.sleep(0.01)
        with other_counter.write() as session:
            audit.record(session, "clerk", "login", "clerk", {})  # quiet: not reported
            workflow.take_up(session, actor(store, "r_market"), number, "food_registration")
        decided = time.monotonic()
        assert collector.arrived.wait(2.0), "no change within 2 s"
        delay = time.monotonic() - decided
        assert [c.action for c in collector.changes] == ["take_up"]
        assert collector.changes[0].subject == number
        assert delay < 2.0
        assert collector.statuses == []
    finally:
        watcher.stop()
        other_counter.dispose()


def test_an_unreachable_server_is_reported_and_retried() -> None:
    store = Store("postgresql+psycopg://yiye@127.0.0.1:1/none?connect_timeout=1")
    collector = Collector()
    watcher = FeedWatcher(store, collector.on_changes, collector.on_status)
    watcher.start()
    try:
        deadline = time.monotonic() + 10
        while not collector.statuses and time.monotonic() < deadline:
            time.sleep(0.05)
        assert collector.statuses
        assert collector.statuses[0] is not None
        assert collector.statuses[0].startswith("数据库连接中断，正在重试")
        assert watcher.cursor is None
    finally:
        watcher.stop()
        store.dispose()


def test_two_processes_on_postgresql_see_each_others_decisions(
    pg_store: Store, catalog: Catalog
) -> None:
    number = dispatched_case(pg_store, catalog)
    with watch_feed(pg_store.url, "--seconds", "60") as watch:
        assert watch.stdout is not None
        decide = subprocess.run(
            yiye(
                pg_store.url,
                *("items", "decide", number, "drug_retail"),
                *("--user", "r_market", "--password-stdin", *CORRECTION),
            ),
            cwd=ROOT,
            env=ENV,
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        decided = time.monotonic()
        assert decide.returncode == 0, decide.stderr
        lines: list[str] = []
        stdout = watch.stdout
        reader = threading.Thread(
            target=lambda: lines.extend(stdout.readline() for _ in range(2)), daemon=True
        )
        reader.start()
        reader.join(2.0)
        delay = time.monotonic() - decided
        assert len(lines) == 2, f"saw {lines} within 2 s"
        assert all(number in line for line in lines)
        assert '"request_correction"' in lines[1]
        assert delay < 2.0
        watch.kill()
