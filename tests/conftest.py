"""Shared fixtures; Qt runs offscreen, set before any QApplication exists."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import SupportsIndex

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from desktop_app import clock as app_clock
from desktop_app.catalog import Catalog, load_catalog
from desktop_app.paths import CATALOG_DIR


def _sleep_by_event(seconds: float | SupportsIndex) -> None:
    threading.Event().wait(float(seconds))


if "faketime" in os.environ.get("LD_PRELOAD", ""):
    # CI runs the suite again under Debian's faketime, the monotonic clock left real. There
    # ``time.sleep`` fails with EINVAL: Python 3.11 sleeps until an absolute CLOCK_MONOTONIC
    # deadline, which libfaketime 0.9.10 shifts by the faked offset (wolfcw/libfaketime#426);
    # subprocess's timed waits sleep so too. An event's timed wait takes another path.
    time.sleep = _sleep_by_event


# Every test runs at this moment unless it moves the clock: a Friday in a year with holiday data.
TEST_DAY = dt.date(2025, 9, 26)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


EditCatalog = Callable[[str, str, str], Path]


@pytest.fixture
def edited_catalog(tmp_path: Path) -> EditCatalog:
    """Copies the real catalog and replaces ``old`` with ``new`` in one file; returns the folder."""
    directory = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, directory)

    def edit(file: str, old: str, new: str) -> Path:
        path = directory / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return directory

    return edit


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user data folder (database, keys, settings)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("YIYE_DATA_DIR", str(folder))
    # Nor the PC's machine.ini (a developer's /etc/yiye): a test that wants one writes it here.
    monkeypatch.setenv("YIYE_MACHINE_SETTINGS", str(folder / "machine.ini"))
    for name in ("YIYE_DATABASE_URL", "YIYE_SIGNING_KEY", "YIYE_TRUSTED_KEYS"):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture(autouse=True)
def clock() -> Iterator[app_clock.FixedClock]:
    """The app's one clock, stopped at 09:30 China time on ``TEST_DAY``; a test may move it.

    Nothing in the suite reads the machine's date: CI runs it again under faketime to prove it.
    """
    with app_clock.using(app_clock.FixedClock.on(TEST_DAY)) as fixed:
        assert isinstance(fixed, app_clock.FixedClock)
        yield fixed
