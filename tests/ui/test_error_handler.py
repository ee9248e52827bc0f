"""An error nothing foresaw, in the middle of an action: one line, the log, the work kept."""

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import open_store
from desktop_app.models import Application, Draft
from desktop_app.services import workflow
from desktop_app.services.wizard import Page
from desktop_app.ui.error_handler import ErrorHandler
from tests.ui.counter_flow import fill_to_review, hall_database, signed_in


@pytest.mark.qt_no_exception_capture
def test_a_failure_while_accepting_is_shown_logged_and_loses_nothing(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_data_dir: Path,
) -> None:
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "zhang")
    wizard = window.intake_wizard
    assert wizard is not None
    assert state.catalog is not None
    shown: list[str] = []

    def critical(_parent: QWidget | None, _title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "critical", critical)
    handler = ErrorHandler(wizard.save_now, lambda: window)
    monkeypatch.setattr("sys.excepthook", handler.handle)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("网络驱动异常")

    fill_to_review(wizard, state.catalog, enterprise_name="同心县惠民便利店")
    monkeypatch.setattr(workflow, "dispatch", broken)  # after acceptance, in the same transaction
    wizard.review_page.accept_button.click()

    log = isolated_data_dir / "logs" / "yiye-errors.log"
    assert len(shown) == 1
    assert shown[0].startswith("内部错误：RuntimeError: 网络驱动异常。详细信息已写入 ")
    assert str(log) in shown[0]
    assert "已填写的内容都还在" in shown[0]
    assert "in broken" in log.read_text(encoding="utf-8")
    # The app and the clerk's work are still there: the wizard on its page, the draft saved.
    assert window.isVisible()
    assert wizard.currentId() == Page.REVIEW
    assert wizard.review_page.receipt is None
    assert wizard.draft.form["enterprise_name"] == "同心县惠民便利店"
    store = open_store(url)
    with store.read() as session:
        drafts = session.query(Draft).all()
        assert session.query(Application).count() == 0  # rolled back whole
    store.dispose()
    assert [d.form["enterprise_name"] for d in drafts] == ["同心县惠民便利店"]
    # Once the fault is gone the same screen accepts the application.
    monkeypatch.undo()
    wizard.review_page.accept_button.click()
    assert wizard.review_page.receipt is not None


def test_a_worker_thread_failure_is_logged_and_reported_on_the_gui_thread(
    qapp: QApplication, qtbot: QtBot, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    handler = ErrorHandler()
    monkeypatch.setattr(threading, "excepthook", handler._handle_thread)

    def fail() -> None:
        raise OSError(28, "No space left on device")

    thread = threading.Thread(target=fail, name="yiye-sync")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("内部错误：OSError: [Errno 28] No space left on device。")
    assert "thread yiye-sync" in (isolated_data_dir / "logs" / "yiye-errors.log").read_text(
        encoding="utf-8"
    )
