"""Prints acceptance and load times on SQLite with synchronous=FULL (the counter default).

Goals (issue 3): accept a 5-permit application <= 20 ms; load an application with its items
<= 5 ms. Run: ``.venv/bin/python bench/bench_store.py``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app import integrity
from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog
from desktop_app.services import auth, cases, intake
from tests import factories

RUNS = 60
FIVE_PERMITS = {
    "area_m2": 400,
    "halal": True,
    "sells_drugs": True,
    "device_class2": True,
    "onsite_production": False,
}


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with store.write() as session:
            clerk = auth.add_user(session, auth.SYSTEM, "clerk", "Bench2026x", "clerk")
        with store.read() as session:
            synchronous = session.connection().exec_driver_sql("PRAGMA synchronous").scalar()
        accept_times, numbers = [], []
        for serial in range(RUNS):
            sub = factories.submission(catalog, "supermarket", FIVE_PERMITS, serial=serial)
            start = time.perf_counter()
            with store.write() as session:
                receipt = intake.accept(session, clerk, catalog, sub, dt.date(2025, 9, 26))
            accept_times.append(time.perf_counter() - start)
            numbers.append(receipt.number)
        assert len(receipt.items) == 5
        load_times = []
        for number in numbers:
            start = time.perf_counter()
            with store.read() as session:
                cases.get_application(session, number)
            load_times.append(time.perf_counter() - start)
        store.dispose()
        # Every command that writes pays for a quick_check of the whole file (integrity.py).
        path = Path(folder) / "bench.sqlite3"
        megabytes = path.stat().st_size / 1e6
        checks = {}
        for full in (False, True):
            start = time.perf_counter()
            integrity.check_file(path, full)
            checks[full] = (time.perf_counter() - start) * 1e3
    print(f"SQLite synchronous={synchronous} (2 = FULL), {RUNS} applications of 5 permits")
    print(
        "accept (one transaction, committed): "
        f"median {statistics.median(accept_times) * 1e3:.1f} ms, "
        f"p90 {sorted(accept_times)[int(RUNS * 0.9)] * 1e3:.1f} ms (goal <= 20 ms)"
    )
    print(
        f"load application with items: median {statistics.median(load_times) * 1e3:.2f} ms, "
        f"p90 {sorted(load_times)[int(RUNS * 0.9)] * 1e3:.2f} ms (goal <= 5 ms)"
    )
    print(
        f"file check of {megabytes:.1f} MB: quick_check {checks[False]:.1f} ms "
        f"({checks[False] / megabytes:.1f} ms/MB; paid by each command that writes), "
        f"integrity_check {checks[True]:.1f} ms ({checks[True] / megabytes:.1f} ms/MB; nightly)"
    )


if __name__ == "__main__":
    main()
