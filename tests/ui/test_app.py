import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.ui.app import build_main_window


def test_main_window_shows_the_store_and_catalog(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    database = tmp_path / "counter.sqlite3"
    window = build_main_window(f"sqlite:///{database}")
    qtbot.addWidget(window)
    window.show()
    assert window.objectName() == "mainWindow"
    assert window.size().width() == 1366
    assert database.exists()
    status = window.findChild(QLabel, "databaseLabel")
    assert status is not None
    assert str(database) in status.text()
    assert "第一批" in window.catalog_label.text()
    assert window.tabs.count() == 1


def test_smoke_starts_the_whole_app_offscreen_and_exits_0(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YIYE_DATABASE_URL": f"sqlite:///{tmp_path / 'smoke.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert (tmp_path / "smoke.sqlite3").exists()


def test_unusable_database_is_reported_not_crashed(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'x.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke", "--database", url],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
        input=b"",
    )
    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr.decode("utf-8")
