"""The background exchange: what it reports, and two counters exchanging at the same time."""

import datetime as dt
import threading

from sqlalchemy import delete, func, select

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.models import InboxEvent
from desktop_app.sync import exchange, lease, state
from desktop_app.sync.client import PlatformClient
from desktop_app.sync.config import PlatformConfig, PlatformConfigError
from desktop_app.sync.worker import SyncWorker, WorkerReport
from tests.platform_server import TOKEN, PlatformServer
from tests.store.test_platform_sync import accept_cases


def test_the_worker_reports_what_the_status_bar_shows(store: Store, catalog: Catalog) -> None:
    reports: list[WorkerReport] = []
    unset = SyncWorker(store, reports.append, config=PlatformConfig)
    assert unset.run_round() == WorkerReport(None, None, None)

    def wrong() -> PlatformConfig:
        raise PlatformConfigError("平台地址须为 https:// 地址：http://x")

    assert SyncWorker(store, reports.append, config=wrong).run_round().problem == (
        "平台地址须为 https:// 地址：http://x"
    )
    server = PlatformServer()
    try:
        accept_cases(store, catalog, 1, departments=frozenset({"market"}))
        worker = SyncWorker(
            store, reports.append, config=lambda: PlatformConfig(server.url, TOKEN, "market")
        )
        worker.start()
        worker.poke()
        for _ in range(100):
            if reports and reports[-1].result is not None:
                break
            threading.Event().wait(0.05)
        worker.stop()
        # The poke may have run a second round before the stop: every round counts.
        rounds = [r.result for r in reports if r.result is not None]
        assert rounds
        assert all(r.answered for r in rounds)
        assert sum(r.sent for r in rounds) == len(server.state.items) > 0
        report = reports[-1]
        assert report.status is not None
        assert report.status.outbox == 0
    finally:
        server.stop()


def test_two_counters_exchanging_at_once_apply_each_event_once(
    store: Store, catalog: Catalog
) -> None:
    server = PlatformServer()
    try:
        accept_cases(store, catalog, 4)
        exchange.run_once(store, PlatformClient(server.url, TOKEN))  # items posted, events due
        with store.write() as session:  # forget the events: both counters fetch them anew
            session.execute(delete(InboxEvent))
        counters = [Store(store.url), Store(store.url)]
        # Both start from the same cursor, so both try to apply the same pages.
        with store.write() as session:
            state.put(session, "cursor", "")
        errors: list[BaseException] = []

        def run(counter: Store) -> None:
            try:
                exchange.run_once(counter, PlatformClient(server.url, TOKEN))
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(c,)) for c in counters]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        with store.read() as session:
            inbox = session.scalar(select(func.count()).select_from(InboxEvent))
        assert inbox == len(server.state.events)
        for counter in counters:
            counter.dispose()
    finally:
        server.stop()


def test_one_counter_runs_the_exchange_while_the_others_stand_by(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    server = PlatformServer()
    try:
        config = lambda: PlatformConfig(server.url, TOKEN, "market")  # noqa: E731
        first, second = (
            SyncWorker(store, print, config=config, holder=f"COUNTER-{n}/10{n}") for n in (1, 2)
        )
        assert first.run_round().result is not None
        accept_cases(store, catalog, 1, departments=frozenset({"market"}))
        standing = second.run_round()
        assert standing.result is None
        assert standing.standby is not None
        assert standing.standby.computer == "COUNTER-1"
        assert standing.status is not None
        pending = standing.status.outbox
        assert pending > 0  # left for the holder: the platform heard nothing
        assert server.state.posts == []
        # The first counter is switched off: its lease runs out and the second takes over.
        clock.advance(lease.LEASE + dt.timedelta(seconds=1))
        taken = second.run_round()
        assert taken.result is not None
        assert taken.result.sent == pending
        assert first.run_round().standby is not None
        with store.read() as session:
            held = lease.current(session)
            assert exchange.status(session).runner == "COUNTER-2/102"  # yiye sync status
        assert held is not None
        assert (held.holder, held.until) == ("COUNTER-2/102", clock.at + lease.LEASE)
    finally:
        server.stop()


def test_a_closing_app_hands_the_exchange_on_at_once(store: Store) -> None:
    server = PlatformServer()
    try:
        reports: list[WorkerReport] = []
        config = lambda: PlatformConfig(server.url, TOKEN, "market")  # noqa: E731
        closing = SyncWorker(store, reports.append, config=config, holder="COUNTER-1/1")
        closing.start()
        for _ in range(100):
            if reports:
                break
            threading.Event().wait(0.05)
        assert reports[-1].result is not None
        closing.stop()
        with store.read() as session:
            assert lease.current(session) is None
        other = SyncWorker(store, reports.append, config=config, holder="COUNTER-2/2")
        assert other.run_round().result is not None
    finally:
        server.stop()
