"""Other counters' changes show up on their own; a lost database is said in the status bar."""

import datetime as dt

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import auth, intake, workflow
from desktop_app.ui.live_updates import LiveUpdates
from tests import factories
from tests.ui.test_app import database, signed_in

__all__ = ["database"]  # the fixture, imported for these tests


def test_a_case_dispatched_elsewhere_appears_in_the_review_queue(
    qapp: QApplication, qtbot: QtBot, database: str, catalog: Catalog
) -> None:
    window, _ = signed_in(qtbot, database, "li")
    review = window.review_tab
    assert review is not None
    assert review.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.live_updates is not None, timeout=2000)
    other_counter = Store(database)
    try:
        with other_counter.write() as session:
            clerk = auth.actor_for(session, "zhang")
            submission = factories.submission(catalog)
            number = intake.accept(session, clerk, catalog, submission, dt.date(2025, 9, 26))
            workflow.dispatch(session, clerk, number.number)
        # No refresh pressed: the feed brings it within two seconds.
        qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=2000)
        assert {review.model.row(i).number for i in range(2)} == {number.number}
        cases = window.cases_tab
        assert cases is not None
        qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=2000)
        # Its 药品零售 needs a site check: the 监管 tab's 一同核查 lists it as well.
        supervision = window.supervision_tab
        assert supervision is not None
        qtbot.waitUntil(lambda: supervision.model.rowCount() == 1, timeout=2000)
        assert not window.connection_label.isVisible()
    finally:
        other_counter.dispose()


def test_a_lost_database_server_is_said_at_once(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, _ = signed_in(qtbot, database, "zhang")
    assert window.live_updates is not None
    window.live_updates.stop()
    unreachable = Store("postgresql+psycopg://yiye@127.0.0.1:1/hall?connect_timeout=1")
    window.follow(LiveUpdates(unreachable, window))
    qtbot.waitUntil(window.connection_label.isVisible, timeout=5000)
    assert window.connection_label.text().startswith("数据库连接中断，正在重试")
    window.show_connection(None)
    assert not window.connection_label.isVisible()
    window.close()
    unreachable.dispose()
