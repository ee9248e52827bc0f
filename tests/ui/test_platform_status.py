"""The platform exchange runs behind the main window and says how it is doing."""

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import auth, intake, workflow
from desktop_app.sync.exchange import SyncStatus
from desktop_app.sync.lease import Lease
from desktop_app.sync.worker import WorkerReport
from desktop_app.ui.platform_sync import describe
from tests import factories
from tests.platform_server import TOKEN, PlatformServer
from tests.ui.test_app import database, signed_in

__all__ = ["database"]  # the fixture, imported for these tests


@pytest.fixture
def platform(monkeypatch: pytest.MonkeyPatch) -> Iterator[PlatformServer]:
    server = PlatformServer()
    monkeypatch.setenv("YIYE_PLATFORM_URL", server.url)
    monkeypatch.setenv("YIYE_PLATFORM_TOKEN", TOKEN)
    monkeypatch.setenv("YIYE_PLATFORM_DEPARTMENTS", "market")
    yield server
    server.stop()


def test_the_status_bar_follows_the_exchange(
    qapp: QApplication, qtbot: QtBot, database: str, catalog: Catalog, platform: PlatformServer
) -> None:
    window, _ = signed_in(qtbot, database, "zhang")
    label = window.sync_label
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text() == "平台同步正常，待发 0 件"
    # A case accepted on another counter: the feed wakes the exchange, the platform decides.
    other = Store(database)
    try:
        with other.write() as session:
            clerk = auth.actor_for(session, "zhang")
            number = intake.accept(
                session, clerk, catalog, factories.submission(catalog), dt.date(2025, 9, 26)
            ).number
            workflow.dispatch(session, clerk, number, platform_departments={"market"})
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: len(platform.state.items) == 2, timeout=5000)
    assert window.cases_tab is not None
    platform.go_down()
    assert window.platform_sync is not None
    window.platform_sync.poke()
    qtbot.waitUntil(lambda: "平台暂不可达" in label.text(), timeout=15_000)
    assert "自动重试" in label.text()
    assert "无法连接平台" in label.toolTip()


def test_without_a_platform_nothing_is_shown(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, _ = signed_in(qtbot, database, "zhang")
    assert window.platform_sync is not None
    qtbot.wait(300)
    assert not window.sync_label.isVisible()


def test_a_counter_standing_by_names_the_one_that_exchanges(qapp: QApplication) -> None:
    status = SyncStatus(
        2, 1, "40", "2026-11-27T09:00:00", None, "2026-11-27T09:00:00", "COUNTER-3/4242"
    )
    held = Lease("COUNTER-3/4242", dt.datetime(2026, 11, 27, 9, 1))
    text, tooltip, problem = describe(WorkerReport(status, None, None, standby=held))
    assert text == "平台同步由 COUNTER-3 负责，待发 2 件，平台退回 1 件（请负责人处理）"
    assert tooltip.startswith("最近成功：2026-11-27T09:00:00")
    assert problem  # a refusal waits for a supervisor
