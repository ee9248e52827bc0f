"""Prints how long fetching 1,000 online applications with their file lists takes (issue 15).

Over loopback, goal: under 2 s; on SQLite and, when YIYE_TEST_PG_URL names a server, PostgreSQL.

The test platform (tests/platform_server.py) serves them in pages of 200, as the counter asks;
each application lists ten uploaded files. Run: ``.venv/bin/python bench/bench_online.py``.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scratch_stores import fresh_stores  # noqa: E402 (beside this script)
from sqlalchemy import func, select  # noqa: E402

from desktop_app.catalog import load_catalog, resolve  # noqa: E402
from desktop_app.db import Store  # noqa: E402
from desktop_app.models import OnlineApplication  # noqa: E402
from desktop_app.sync import exchange, online_exchange  # noqa: E402
from desktop_app.sync.client import PlatformClient  # noqa: E402
from tests import factories  # noqa: E402
from tests.platform_server import TOKEN, PlatformServer  # noqa: E402

COUNT = 1000
ANSWERS = {"area_m2": 25, "sells_drugs": True}


def filled_platform() -> PlatformServer:
    catalog = load_catalog()
    bundle = resolve(catalog, "convenience_store", ANSWERS)
    keys = [m.key for m in bundle.materials if not m.government_issued]
    server = PlatformServer()
    for serial in range(1, COUNT + 1):
        form = factories.full_form(bundle, serial)
        server.state.applications.append(
            {
                "id": f"W{serial:06d}",
                "submitted_at": "2025-09-26T08:30:00+08:00",
                "channel": "web",
                "industry": "convenience_store",
                "answers": ANSWERS,
                "form": form,
                "materials": {
                    key: [
                        {
                            "sha256": hashlib.sha256(f"{serial}{key}".encode()).hexdigest(),
                            "size": 200_000,
                            "name": f"{key}.pdf",
                            "content_type": "application/pdf",
                        }
                    ]
                    for key in keys
                },
                "commitments": [],
            }
        )
    return server


def measure(store: Store, server: PlatformServer, label: str) -> None:
    client = PlatformClient(server.url, TOKEN)
    result = exchange.RoundResult()
    began = time.perf_counter()
    online_exchange.fetch_applications(store, client, result)
    elapsed = time.perf_counter() - began
    with store.read() as session:
        kept = session.scalar(select(func.count()).select_from(OnlineApplication))
    print(
        f"{label}: {kept} online applications fetched and kept in {elapsed * 1e3:.0f} ms "
        f"(goal < 2000 ms; {result.online_invalid} not per protocol)"
    )


def main() -> None:
    server = filled_platform()
    try:
        for label, store in fresh_stores("bench_online"):
            measure(store, server, label)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
