"""The background exchange: what it reports, and two counters exchanging at the same time."""

import threading

from sqlalchemy import delete, func, select

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import InboxEvent
from desktop_app.sync import exchange
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
            exchange._set(session, "cursor", "")
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
