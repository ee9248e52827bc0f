"""网上申请 on screen: fetched from the test platform, opened, accepted (files fetched in the
background), and one with a missing material returned with the checks' messages as reasons."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.services import online
from desktop_app.sync import exchange
from desktop_app.sync.client import PlatformClient
from desktop_app.ui.decision_dialogs import ReasonDialog
from tests.platform_server import TOKEN, PlatformServer
from tests.store.test_online import submit
from tests.ui.counter_flow import hall_database, platform_configured, signed_in

__all__ = ["platform_configured"]  # the fixture
from tests.ui.test_review_tab import click_ok


def answer_when_open(fill: Callable[[QWidget], None]) -> QTimer:
    """Answers the next modal dialog, whenever it opens (after a background step)."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            timer.stop()
            fill(dialog)

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_online_applications_are_pre_checked_on_screen(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, platform_configured: PlatformServer
) -> None:
    platform = platform_configured
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "zhang")
    assert state.catalog is not None
    assert state.store is not None
    complete = submit(platform, state.catalog, 1)
    incomplete = submit(platform, state.catalog, 2, complete=False)
    exchange.run_once(state.store, PlatformClient(platform.url, TOKEN, timeout=0.5))
    tab = window.online_tab
    assert tab is not None
    tab.refresh()
    assert tab.model.rowCount() == 2
    assert tab.model.data(tab.model.index(0, 2)) == "便利店"
    assert tab.model.data(tab.model.index(0, 6)) == "待预审"

    tab.select_row(0)
    shown = tab.detail_view.toPlainText()
    assert "测试主体名称" in shown
    assert "尚未取得" in shown  # the files come when the clerk accepts
    tab.accept_button.click()
    assert not tab.accept_button.isEnabled()  # busy while the files download
    qtbot.waitUntil(lambda: "已受理" in tab.status_label.text(), timeout=10_000)
    assert tab.model.data(tab.model.index(1, 6)) == "已受理"  # waiting ones stay on top
    accepted = tab.model.row(1)
    assert accepted.platform_id == complete
    assert (accepted.receipt_no or "").startswith("SL")

    tab.select_row(0)
    assert tab.model.row(0).platform_id == incomplete

    offered: list[str] = []

    def reasons_offered(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        offered.append(dialog.reason_edit.toPlainText())  # the checks' messages
        dialog.reason_edit.setPlainText("请上传一业一证行业综合许可申请表")
        click_ok(dialog)

    answer_when_open(reasons_offered)
    tab.accept_button.click()
    qtbot.waitUntil(lambda: "答复将发往平台" in tab.status_label.text(), timeout=10_000)
    assert len(offered) == 1
    assert "一业一证行业综合许可申请表" in offered[0]  # what the checks found missing
    with state.store.read() as session:
        rows = {r.platform_id: r for r in online.listing(session)}
    assert rows[incomplete].state == "returned"
    assert rows[incomplete].reasons == ("请上传一业一证行业综合许可申请表",)
    exchange.run_once(state.store, PlatformClient(platform.url, TOKEN, timeout=0.5))
    assert {k: d["decision"] for k, d in platform.state.decisions.items()} == {
        complete: "accepted",
        incomplete: "returned",
    }
