import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import open_store
from desktop_app.services import auth
from desktop_app.ui.app import AppState, start
from desktop_app.ui.login_dialog import LoginDialog
from desktop_app.ui.main_window import MainWindow
from tests.storage_damage import damage

PASSWORD = "Counter2026"


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    store = open_store(url)
    with store.write() as session:
        auth.add_user(session, auth.SYSTEM, "zhang", PASSWORD, "clerk", display_name="张敏")
        auth.add_user(session, auth.SYSTEM, "li", PASSWORD, "reviewer", "market")
    store.dispose()
    return url


def started(qtbot: QtBot, url: str) -> tuple[LoginDialog, AppState]:
    dialog = start(url)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "loginDialog"
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=20_000)
    state = dialog.context
    assert isinstance(state, AppState)
    return dialog, state


def log_in(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.login_button.click()


def signed_in(qtbot: QtBot, url: str, username: str) -> tuple[MainWindow, AppState]:
    """Starts the app and logs ``username`` in; the main window is closed after the test."""
    dialog, state = started(qtbot, url)
    log_in(dialog, username, PASSWORD)
    window = state.main_window
    assert window is not None
    qtbot.addWidget(window)
    return window, state


def test_clerk_logs_in_to_the_main_window(qapp: QApplication, qtbot: QtBot, database: str) -> None:
    dialog, state = started(qtbot, database)
    log_in(dialog, "zhang", PASSWORD)
    window = state.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.objectName() == "mainWindow"
    assert window.isVisible()
    assert window.findChild(QWidget, "intakeTab") is not None
    assert window.findChild(QWidget, "intakeWizard") is not None
    user = window.findChild(QLabel, "userLabel")
    assert user is not None
    assert "张敏" in user.text()
    assert "窗口受理人员" in user.text()


def test_reviewer_sees_no_intake(qapp: QApplication, qtbot: QtBot, database: str) -> None:
    dialog, state = started(qtbot, database)
    log_in(dialog, "li", PASSWORD)
    assert state.main_window is not None
    qtbot.addWidget(state.main_window)
    assert state.main_window.findChild(QWidget, "intakeTab") is None


def test_a_file_found_damaged_at_start_says_so_and_lets_nobody_write(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    damage(Path(database.removeprefix("sqlite:///")), "calendar_day")
    dialog, state = started(qtbot, database)
    qtbot.waitUntil(lambda: "数据库文件已损坏" in dialog.error_label.text(), timeout=20_000)
    assert "yiye db check" in dialog.error_label.text()
    log_in(dialog, "zhang", PASSWORD)  # signing in is a write (the audit log)
    assert state.main_window is None
    assert "已停止保存" in dialog.error_label.text()


def test_writes_stopped_while_signed_in_stay_in_the_status_bar(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, _state = signed_in(qtbot, database, "zhang")
    label = window.findChild(QLabel, "storageLabel")
    assert label is not None
    assert not label.isVisible()
    window.show_writes_stopped("数据库文件已损坏，已停止保存（Page 8）：请停止使用本机")
    assert label.isVisible()
    assert "Page 8" in label.toolTip()
    box = window.findChild(QMessageBox, "writesStoppedBox")
    assert box is not None
    assert box.isVisible()
    assert "请停止使用本机" in box.text()
    window.show_writes_stopped("again")  # the nightly check says it on every round: one box
    assert len(window.findChildren(QMessageBox, "writesStoppedBox")) == 1


def test_wrong_password_says_so_and_keeps_the_name(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    dialog, state = started(qtbot, database)
    log_in(dialog, "zhang", "wrong-1234")
    assert dialog.error_label.text() == "用户名或密码错误"
    assert dialog.username_edit.text() == "zhang"
    assert dialog.password_edit.text() == ""
    assert state.main_window is None


def test_idle_lock_asks_for_the_password_and_keeps_the_work(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, state = signed_in(qtbot, database, "zhang")
    assert window.intake_wizard is not None
    window.intake_wizard.industry_page.industry_search_edit.setText("便利")
    assert state.idle_lock is not None
    state.idle_lock.lock()
    lock = state.idle_lock.dialog
    assert lock is not None
    assert not window.tabs.isVisible()
    assert lock.username_edit.isReadOnly()
    lock.reject()  # Esc, or the close button
    assert lock.isVisible()
    assert state.idle_lock.dialog is lock
    lock.password_edit.setText(PASSWORD)
    lock.login_button.click()
    assert state.idle_lock.dialog is None
    assert window.tabs.isVisible()
    assert window.intake_wizard.industry_page.industry_search_edit.text() == "便利"


def test_the_idle_lock_lets_one_sign_out_instead(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, state = signed_in(qtbot, database, "zhang")
    assert state.idle_lock is not None
    state.idle_lock.lock()
    lock = state.idle_lock.dialog
    assert lock is not None
    assert lock.sign_out_button.isVisible()
    lock.sign_out_button.click()
    assert not window.isVisible()


def _smoke(url: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke", "--database", url],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_smoke_starts_the_whole_app_offscreen_and_exits_0(tmp_path: Path) -> None:
    result = _smoke(f"sqlite:///{tmp_path / 'smoke.sqlite3'}")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert (tmp_path / "smoke.sqlite3").exists()


def test_unusable_database_is_reported_not_crashed(tmp_path: Path) -> None:
    result = _smoke(f"sqlite:///{tmp_path / 'missing-folder' / 'x.sqlite3'}")
    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr.decode("utf-8")


def test_the_login_path_loads_no_database_machinery() -> None:
    # The dialog paints before SQLAlchemy and the services load (the clerk types meanwhile); a
    # helper module that imports a service for its type hints once undid that (5x slower paint).
    code = (
        "import sys, desktop_app.ui.app"
        "\nloaded = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic')))"
        "\nassert not loaded, loaded[:5]"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
