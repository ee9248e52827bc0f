"""The exchange in the background of the app: a round every few seconds, never on the UI thread.

One counter of a hall runs the rounds, the holder of the lease (sync/lease.py); the others stand
by and show the shared state. Were two to run at once, nothing would go wrong: the idempotency
keys make a message posted twice one item on the platform, and the inbox's key makes an event
applied by two counters apply once (the slower counter's batch is refused by the database and
it reads on from the new cursor).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app import clock, integrity
from desktop_app.db import DatabaseUnavailableError, Store
from desktop_app.sync import lease
from desktop_app.sync.client import PlatformClient
from desktop_app.sync.config import PlatformConfig, PlatformConfigError, platform_config
from desktop_app.sync.exchange import RoundResult, SyncStatus, run_once, status

INTERVAL_SECONDS = 10.0


@dataclass(frozen=True)
class WorkerReport:
    """What the status bar shows after a round."""

    status: SyncStatus | None  # None: the database could not be read
    result: RoundResult | None  # None: no round (not configured, a setting wrong, standing by)
    problem: str | None  # a setting that is wrong, or the database that is gone
    standby: lease.Lease | None = None  # another counter runs the exchange


class SyncWorker:
    def __init__(
        self,
        store: Store,
        on_report: Callable[[WorkerReport], None],
        config: Callable[[], PlatformConfig] = platform_config,
        interval: float = INTERVAL_SECONDS,
        holder: str | None = None,
    ) -> None:
        self._store = store
        self._on_report = on_report
        self._config = config
        self._interval = interval
        self._holder = holder or lease.holder_name()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="yiye-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Runs a round now (after a dispatch: the platform hears of it at once)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.ident is not None:
            self._thread.join(timeout)

    def run_round(self) -> WorkerReport:
        if self._store.writes_stopped is not None:  # said on every round until restored
            return WorkerReport(None, None, self._store.writes_stopped)
        try:
            # The nightly full check of a SQLite file, whose PC is its exchange PC (it is the
            # only one); a hall's PostgreSQL is checked by its server.
            checked = integrity.nightly_check(self._store, clock.now())
        except DatabaseUnavailableError as exc:
            return WorkerReport(None, None, exc.message)
        if checked is not None and checked.message is not None:
            return WorkerReport(None, None, checked.message)
        try:
            config = self._config()
        except PlatformConfigError as exc:
            return WorkerReport(None, None, exc.message)
        if not config.enabled:
            return WorkerReport(None, None, None)
        try:
            held = lease.take(self._store, self._holder, clock.now())
            if held.holder != self._holder:
                with self._store.read() as session:
                    return WorkerReport(status(session), None, None, standby=held)
            result = run_once(self._store, PlatformClient(config.url, config.token))
            with self._store.read() as session:
                return WorkerReport(status(session), result, None)
        except DatabaseUnavailableError as exc:
            return WorkerReport(None, None, exc.message)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                report = self.run_round()
            except Exception as exc:  # a background thread must not die: say it and go on
                report = WorkerReport(None, None, f"平台同步出错：{type(exc).__name__}: {exc}")
            if not self._stop.is_set():
                self._on_report(report)
            self._wake.wait(self._interval)
            self._wake.clear()
        # In this thread, so that a database gone at closing time holds up nobody.
        with contextlib.suppress(Exception):  # at worst the lease runs out by itself
            lease.release(self._store, self._holder)
