"""部门审批 shows where an item's 现场核查 stands, and refuses to approve past a failed one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.services import auth, inspections, intake, workflow
from tests import factories
from tests.ui.counter_flow import PASSWORD, hall_database, signed_in


def test_the_reviewer_sees_the_site_check_of_the_item(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "li")
    assert state.store is not None
    assert state.catalog is not None
    store, catalog = state.store, state.catalog
    with store.write() as session:
        auth.add_user(session, auth.SYSTEM, "i_market", PASSWORD, "inspector", "market")
        clerk = auth.actor_for(session, "zhang")
        number = intake.accept(session, clerk, catalog, factories.submission(catalog)).number
        workflow.dispatch(session, clerk, number)
    review = window.review_tab
    assert review is not None
    review.refresh()

    def detail_of(permit: str) -> str:
        for index in range(review.model.rowCount()):
            review.select_row(index)
            if review.model.row(index).permit == permit:
                return review.detail_view.toPlainText()
        raise AssertionError(permit)

    assert "待安排现场核查" in detail_of("drug_retail")
    assert "现场核查" not in detail_of("food_registration")  # a 小销售店 is registered without
    at = clock.wall_time().replace(second=0, microsecond=0) + dt.timedelta(days=1)
    with store.write() as session:
        boss = auth.actor_for(session, "li")
        inspections.schedule(session, boss, catalog, number, at, ["i_market"])
        inspector = auth.actor_for(session, "i_market")
        inspections.record(session, inspector, catalog, number, "drug_retail", "fail", "无执业药师")
    review.refresh()
    assert "现场核查不合格" in detail_of("drug_retail")


def test_an_inspector_can_sign_in(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    url = hall_database(tmp_path)
    state, _ = signed_in(qtbot, url, "li")  # the hall's store, to add the inspector to
    assert state.store is not None
    with state.store.write() as session:
        auth.add_user(session, auth.SYSTEM, "i_police", PASSWORD, "inspector", "police")
    _, window = signed_in(qtbot, url, "i_police")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles  # the 监管 tab comes next; until then the common tabs
    assert window.intake_wizard is None
    assert window.review_tab is None
