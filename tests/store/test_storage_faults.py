"""A damaged, read-only, full or locked SQLite file: the right message, and nothing lost."""

import datetime as dt
import json
import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from desktop_app import db, integrity, migrate
from desktop_app.bootstrap import BackupFailedError, DamagedStoreError, open_store
from desktop_app.catalog import Catalog
from desktop_app.db import DatabaseUnavailableError, Store, WritesStoppedError
from desktop_app.models import User
from desktop_app.services import audit
from desktop_app.sync import state
from desktop_app.sync.worker import SyncWorker
from tests.storage_damage import damage
from tests.store.conftest import PASSWORD, run_cli
from tests.store.test_cli_store import _case_file, _entry


@pytest.fixture
def db_file(cli_db: str) -> Path:
    return Path(cli_db.removeprefix("sqlite:///"))


def test_a_whole_file_has_no_findings(db_file: Path) -> None:
    assert integrity.check_file(db_file) == []
    assert integrity.check_file(db_file, full=True) == []


def test_a_damaged_page_stops_writes_and_says_the_way_out(
    capsys: pytest.CaptureFixture[str], db_file: Path, catalog: Catalog, tmp_path: Path
) -> None:
    page = damage(db_file, "calendar_day")
    backup = db_file.with_name(f"{db_file.stem}.before-upgrade-20250901-080000.sqlite3")
    backup.write_bytes(b"")
    before = db_file.read_bytes()
    url = f"sqlite:///{db_file}"
    file = _case_file(tmp_path, catalog, [_entry(catalog, 1)])
    accept = ("--database", url, "cases", "accept", str(file), "--user", "clerk")
    code, out, err = run_cli(capsys, *accept)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"数据库文件已损坏，已停止保存（Page {page}:" in err
    assert "yiye db check" in err
    assert f"最近的自动备份：{backup}" in err
    assert db_file.read_bytes() == before  # not even the log-in was written into it
    # Reading goes on: the hall can look cases up while the administrator restores.
    code, out, _ = run_cli(capsys, "--database", url, "cases", "list", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, _, err = run_cli(capsys, "--database", url, "audit", "verify")
    assert code == 1
    assert f"数据库文件已损坏（Page {page}:" in err
    code, _, err = run_cli(capsys, "--database", url, "db", "check")
    assert code == 1
    assert f"  Page {page}: " in err
    assert "***" not in err


def test_a_damaged_file_is_neither_copied_nor_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0006")
    engine.dispose()
    damage(path, "application")
    with pytest.raises(DamagedStoreError, match="数据库结构未升级"):
        open_store(f"sqlite:///{path}")
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []
    assert migrate.current_revision(create_engine(f"sqlite:///{path}")) == "0006"


def test_damage_met_while_writing_stops_the_next_writes(sqlite_store: Store) -> None:
    path = db.sqlite_file(sqlite_store.url)
    assert path is not None
    sqlite_store.dispose()
    damage(path, "app_user")
    refused = pytest.raises(DatabaseUnavailableError, match="数据库文件已损坏")
    with refused, sqlite_store.write() as session:
        session.scalars(select(User)).all()
    assert sqlite_store.writes_stopped is not None
    with pytest.raises(WritesStoppedError), sqlite_store.write() as session:
        audit.record(session, "clerk", "print", "SL", {})  # another table: still refused
    with sqlite_store.read() as session:  # reading the rest goes on
        assert audit.head(session)[0] > 0


def test_the_full_check_runs_at_night_once_a_day_or_after_two_days() -> None:
    def at(hour: int, day: int = 2) -> dt.datetime:  # the hall's local time, as the clock's UTC
        return dt.datetime(2026, 11, day, hour) - dt.timedelta(hours=8)

    assert integrity.full_check_due(None, at(10))
    assert not integrity.full_check_due(at(20, day=1), at(10))  # by day: not yet two days
    assert integrity.full_check_due(at(20, day=1), at(21))  # the next night
    assert not integrity.full_check_due(at(20, day=1), at(6))
    assert integrity.full_check_due(at(9, day=1), at(9, day=3))  # a PC off every evening


def test_the_nightly_check_is_kept_and_a_damaged_file_reported(db_file: Path) -> None:
    store = open_store(f"sqlite:///{db_file}")
    night = dt.datetime(2025, 9, 26, 13)  # 21:00 in the hall
    first = integrity.nightly_check(store, night)
    assert first is not None
    assert first.findings == []
    assert integrity.nightly_check(store, night + dt.timedelta(hours=3)) is None  # done today
    store.dispose()
    damage(db_file, "calendar_day")
    store = open_store(f"sqlite:///{db_file}")
    worker = SyncWorker(store, lambda report: None)
    assert worker.run_round().problem is None  # checked last night: not due
    with store.read() as session:
        state_before = state.get(session, integrity.LAST_FULL_CHECK)
    later = night + dt.timedelta(days=1)
    found = integrity.nightly_check(store, later)
    assert found is not None
    assert found.message is not None
    assert "数据库文件已损坏" in found.message
    assert store.writes_stopped == found.message
    with store.read() as session:
        assert state.get(session, integrity.LAST_FULL_CHECK) == state_before  # not written
    # The exchange's worker says it on every round from then on.
    assert "数据库文件已损坏" in (worker.run_round().problem or "")
    store.dispose()


def test_postgresql_is_left_to_its_server(pg_store: Store) -> None:
    result = integrity.check_store(pg_store)
    assert (result.findings, result.damaged) == (None, False)
    assert integrity.nightly_check(pg_store, dt.datetime(2025, 9, 26, 13)) is None


def test_a_write_that_waits_for_a_held_lock_says_so_and_loses_nothing(
    capsys: pytest.CaptureFixture[str], db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    url = f"sqlite:///{db_file}"
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        code, _, err = run_cli(
            capsys, "--database", url, "users", "add", "late", "--role", "clerk",
            "--user", "admin", "--password-stdin", stdin=f"{PASSWORD}\nXy2026abcd\n",
        )  # fmt: skip
        assert code == 2
        assert "数据库正被其他窗口或程序占用，请稍后重试" in err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    code, _, _ = run_cli(
        capsys, "--database", url, "users", "add", "late", "--role", "clerk",
        "--user", "admin", "--password-stdin", stdin=f"{PASSWORD}\nXy2026abcd\n",
    )  # fmt: skip
    assert code == 0  # the lock gone, the same command goes through


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mounts a tmpfs of a few KB (root only: CI runs as root; elsewhere these tests skip)."""
    mounted: list[Path] = []

    def mount(size_kb: int) -> Path:
        target = tmp_path / f"disk{len(mounted)}"
        target.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            if os.environ.get("CI"):
                pytest.fail(f"CI must be able to mount a small tmpfs: {done.stderr.strip()}")
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fills the disk but ``leave`` bytes."""
    filler = folder / "filler"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    filler.write_bytes(b"\0" * max(free - leave, 0))
    return filler


def test_a_read_only_disk_is_named(
    capsys: pytest.CaptureFixture[str], db_file: Path, small_disk: Callable[[int], Path]
) -> None:
    disk = small_disk(4096)
    copy = disk / "counter.sqlite3"
    copy.write_bytes(db_file.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    url = f"sqlite:///{copy}"
    code, _, err = run_cli(capsys, "--database", url, "cases", "list", "--json")
    assert code == 2
    assert "数据库所在的磁盘是只读的" in err
    assert integrity.check_file(copy) == []  # still checked (as the immutable file it is)
    code, out, _ = run_cli(capsys, "--database", url, "db", "check")
    assert (code, out) == (0, f"数据库完整：{copy}\n")


def test_a_full_disk_is_named_and_loses_nothing(
    capsys: pytest.CaptureFixture[str],
    db_file: Path,
    catalog: Catalog,
    tmp_path: Path,
    small_disk: Callable[[int], Path],
) -> None:
    disk = small_disk(8192)
    copy = disk / "counter.sqlite3"
    copy.write_bytes(db_file.read_bytes())
    url = f"sqlite:///{copy}"
    entries = [_entry(catalog, n) for n in range(1, 4)]
    for entry in entries:
        entry["materials"] = {**entry["materials"], "drug_quality_rules": "paper"}  # type: ignore[dict-item]
    file = _case_file(tmp_path, catalog, entries)
    accept = ("--database", url, "cases", "accept", str(file), "--user", "clerk")
    code, out, _ = run_cli(capsys, "--database", url, "cases", "list", "--json")
    assert code == 0
    filler = fill(disk, leave=16 * 1024)
    code, out, err = run_cli(capsys, *accept)
    assert code == 2
    assert "磁盘已满" in err
    assert "Traceback" not in err
    filler.unlink()
    assert integrity.check_file(copy, full=True) == []
    code, out, _ = run_cli(capsys, *accept)
    assert code == 0
    assert len(json.loads(out)) == 3


def test_a_backup_before_an_upgrade_on_a_full_disk_stops_the_upgrade(
    small_disk: Callable[[int], Path],
) -> None:
    disk = small_disk(2048)
    path = disk / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0006")
    engine.dispose()
    fill(disk, leave=path.stat().st_size // 2)  # room for half a copy
    with pytest.raises(BackupFailedError, match="未做升级，数据库保持原样：磁盘已满"):
        open_store(f"sqlite:///{path}")
    left = sorted(p.name for p in disk.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["filler", "old.sqlite3"]  # no partial copy
    assert migrate.current_revision(create_engine(f"sqlite:///{path}")) == "0006"
