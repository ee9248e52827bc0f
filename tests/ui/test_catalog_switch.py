"""A new catalog version reaches a signed-in counter through the feed; the clerk switches to it
without restarting the program."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.db import Store
from desktop_app.services import auth, catalog_versions
from tests.store.test_catalog_versions import FOOD_FIVE_DAYS, edited
from tests.ui.test_app import PASSWORD, database, signed_in

__all__ = ["database"]  # the fixture, imported for this test


def test_a_new_version_is_offered_and_switched_to(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, state = signed_in(qtbot, database, "zhang")
    assert window.catalog_version == "2023.1.2"
    assert not window.new_catalog_button.isVisible()
    qtbot.waitUntil(lambda: window.live_updates is not None, timeout=2000)
    administrator = Store(database)  # another PC of the hall
    try:
        with administrator.write() as session:
            admin = auth.add_user(session, auth.SYSTEM, "root", PASSWORD, "admin")
            catalog_versions.add_version(
                session, admin, edited(permits=FOOD_FIVE_DAYS), clock.today(), "县市场监管局确认"
            )
    finally:
        administrator.dispose()
    qtbot.waitUntil(window.new_catalog_button.isVisible, timeout=3000)
    assert "v2023.2.0" in window.new_catalog_button.text()
    window.new_catalog_button.click()
    switched = state.main_window
    assert switched is not None
    assert switched is not window
    qtbot.addWidget(switched)
    assert switched.catalog_version == "2023.2.0"
    assert state.catalog is not None
    assert state.catalog.permits["food_business"].promised_days == 3
    assert not window.isVisible()
    assert not switched.new_catalog_button.isVisible()
