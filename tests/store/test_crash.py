import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("accept_and_die.py")


def _run(database: Path, kill_at: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HELPER), f"sqlite:///{database}", kill_at],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def _counts(database: Path) -> tuple[int, int, int, str]:
    with sqlite3.connect(database) as connection:
        applications = connection.execute("SELECT count(*) FROM application").fetchone()[0]
        items = connection.execute("SELECT count(*) FROM item").fetchone()[0]
        materials = connection.execute("SELECT count(*) FROM received_material").fetchone()[0]
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return applications, items, materials, integrity


@pytest.fixture
def database(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "crash.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return path


def test_a_full_acceptance_writes_everything(database: Path) -> None:
    result = _run(database, "never")
    assert result.returncode == 0, result.stderr
    applications, items, materials, integrity = _counts(database)
    assert (applications, items, integrity) == (1, 6, "ok")
    assert materials > 10
    assert int(result.stdout) > 40  # the kill points below fall inside the transaction


@pytest.mark.parametrize("kill_at", ["3", "8", "15", "25", "40", "commit"])
def test_kill_9_leaves_all_or_nothing(database: Path, kill_at: str) -> None:
    result = _run(database, kill_at)
    assert result.returncode == -9, result.stderr
    applications, items, materials, integrity = _counts(database)
    assert integrity == "ok"
    assert (applications, items, materials) == (0, 0, 0)
