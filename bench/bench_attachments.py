"""Prints the figures of a 5 MB scan (issue 15): attaching it, showing it, copies kept.

Attach is check, store and tie to the case; show is read it back and decode it as the
reviewer's viewer does (goal: under 1 s together); then how many copies the store holds after
the same file is attached to two cases (goal: one).

SQLite with synchronous=FULL; PostgreSQL too when YIYE_TEST_PG_URL names a server.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_attachments.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from scratch_stores import fresh_stores  # noqa: E402 (beside this script)
from sqlalchemy import func, select  # noqa: E402

from desktop_app.catalog import load_catalog  # noqa: E402
from desktop_app.db import Store  # noqa: E402
from desktop_app.models import StoredFile  # noqa: E402
from desktop_app.services import attachments, auth, intake  # noqa: E402
from desktop_app.ui.scan_viewer import scan_pages  # noqa: E402
from tests import factories  # noqa: E402

RUNS = 5
TARGET_BYTES = 5 * 1024 * 1024


def five_megabyte_jpeg() -> bytes:
    """A document camera's page: noise compresses badly, so a few megapixels make 5 MB."""
    side = 1200
    while True:
        buffer = io.BytesIO()
        Image.effect_noise((side, side * 4 // 3), 60).convert("RGB").save(
            buffer, "JPEG", quality=92
        )
        if buffer.tell() >= TARGET_BYTES:
            return buffer.getvalue()
        side += 200


def measure(store: Store, label: str, scans: list[bytes]) -> None:
    catalog = load_catalog()
    with store.write() as session:
        clerk = auth.add_user(session, auth.SYSTEM, "bench_clerk", "Bench2026pass", "clerk")
    actor = auth.Actor(clerk.id, clerk.username, clerk.display_name, "clerk")
    numbers = []
    with store.write() as session:
        for serial in range(len(scans) + 1):
            sub = factories.submission(catalog, serial=serial + 1)
            numbers.append(intake.accept(session, actor, catalog, sub).number)
    attach_times, show_times = [], []
    for number, scan in zip(numbers, scans, strict=False):
        began = time.perf_counter()
        with store.write() as session:
            sha = attachments.attach(session, actor, number, "site_plan", scan, "page.jpg").sha256
        attach_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        with store.read() as session:
            data, content_type = attachments.file_bytes(session, sha)
        scan_pages(data, content_type)
        show_times.append(time.perf_counter() - began)
    with store.write() as session:  # the first scan again, on another case
        attachments.attach(session, actor, numbers[-1], "site_plan", scans[0], "again.jpg")
    with store.read() as session:
        copies = session.scalar(
            select(func.count()).select_from(StoredFile).where(StoredFile.size == len(scans[0]))
        )
    attach, show = statistics.median(attach_times), statistics.median(show_times)
    print(
        f"{label}: attach {attach * 1e3:.0f} ms, read and decode {show * 1e3:.0f} ms, "
        f"together {(attach + show) * 1e3:.0f} ms (goal < 1000 ms); "
        f"copies of a file attached to two cases: {copies} (goal 1)"
    )


def main() -> None:
    QApplication(sys.argv[:1])
    first = five_megabyte_jpeg()
    # Each run a different file (the same bytes would be found already stored).
    scans = [first] + [first[:-2] + bytes([i]) + first[-2:] for i in range(1, RUNS)]
    print(f"scan: JPEG of {len(first) / 1024 / 1024:.1f} MB")
    for label, store in fresh_stores("bench_attachments"):
        measure(store, label, scans)


if __name__ == "__main__":
    main()
