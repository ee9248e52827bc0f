import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app import clock
from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import OutboxBody, OutboxMessage
from desktop_app.services import auth, intake, workflow
from desktop_app.ui.cases_tab import CasesTab
from desktop_app.ui.counter import Counter
from desktop_app.ui.decision_dialogs import ReasonDialog
from tests import factories
from tests.ui.test_review_tab import answer_modal, click_ok


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    with store.write() as session:
        auth.add_user(session, auth.SYSTEM, "zhang", "Counter2026", "clerk")
        auth.add_user(session, auth.SYSTEM, "li", "Counter2026", "reviewer", "market")
    return store


def accept(store: Store, catalog: Catalog, serial: int, name: str, day: dt.date) -> str:
    with store.read() as session:
        clerk = auth.actor_for(session, "zhang")
    with store.write() as session:
        number = intake.accept(
            session,
            clerk,
            catalog,
            factories.submission(catalog, serial=serial, enterprise_name=name),
            day,
        ).number
        workflow.dispatch(session, clerk, number)
    return number


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, store: Store, catalog: Catalog) -> CasesTab:
    old = accept(store, catalog, 1, "马氏便利店", dt.date(2025, 6, 26))
    accept(store, catalog, 2, "杨氏便利店", clock.today())
    with store.read() as session:
        clerk = auth.actor_for(session, "zhang")
    widget = CasesTab(catalog, Counter(store, catalog, clerk).case_actions(), may_act=True)
    qtbot.addWidget(widget)
    widget.old_number = old  # type: ignore[attr-defined]
    return widget


def test_search_and_filters(tab: CasesTab) -> None:
    assert tab.model.rowCount() == 2
    tab.search_edit.setText("马氏")
    assert tab.model.rowCount() == 1
    tab.search_edit.clear()
    tab.overdue_filter.setChecked(True)
    assert tab.model.rowCount() == 1  # the one accepted in June is long overdue
    assert tab.model.row(0).number == tab.old_number  # type: ignore[attr-defined]
    tab.overdue_filter.setChecked(False)
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("ready_to_issue"))
    assert tab.model.rowCount() == 0


def test_detail_has_a_lane_per_department_with_red_overdue_deadlines(tab: CasesTab) -> None:
    tab.search_edit.setText(tab.old_number)  # type: ignore[attr-defined]
    tab.select_row(0)
    lane = tab.findChild(QGroupBox, "lane_market")
    assert lane is not None
    item = lane.findChild(QLabel, "item_drug_retail")
    assert item is not None
    assert "已超期" in item.text()
    assert "#b00020" in item.text()
    assert "640324********" in tab.title_label.text()  # the ID is masked
    assert tab.history_list.count() >= 3


def test_withdraw_asks_for_a_reason(tab: CasesTab) -> None:
    tab.search_edit.setText("杨氏")
    tab.select_row(0)

    def fill(dialog: ReasonDialog) -> None:
        dialog.reason_edit.setPlainText("申请人不再经营")
        click_ok(dialog)

    answer_modal(fill)
    tab.withdraw_button.click()
    assert tab.status_label.text() == "已撤回申请"
    assert tab.model.row(0).state == "withdrawn"


def test_a_clerk_may_not_see_the_whole_id(tab: CasesTab) -> None:
    tab.search_edit.setText("杨氏")
    tab.select_row(0)

    def fill(dialog: ReasonDialog) -> None:
        dialog.reason_edit.setPlainText("核对身份")
        click_ok(dialog)

    answer_modal(fill)
    tab.reveal_button.click()
    assert "窗口负责人" in tab.status_label.text()
    assert tab.revealed_label.text() == ""


def test_an_item_the_platform_refused_says_why_in_its_lane(
    tab: CasesTab, store: Store, catalog: Catalog
) -> None:
    with store.read() as session:
        clerk = auth.actor_for(session, "zhang")
    with store.write() as session:
        number = intake.accept(
            session, clerk, catalog, factories.submission(catalog, serial=3), clock.today()
        ).number
        workflow.dispatch(session, clerk, number, platform_departments={"market"})
        for message in session.scalars(select(OutboxMessage)):
            if session.get_one(OutboxBody, message.id).payload["permit"] == "drug_retail":
                message.state = "refused"
                message.last_error = "平台返回 HTTP 422：本平台未开通 drug_retail 的办理"
    tab.search_edit.setText(number)
    tab.select_row(0)
    lane = tab.findChild(QGroupBox, "lane_market")
    assert lane is not None
    refused = lane.findChild(QLabel, "item_drug_retail")
    queued = lane.findChild(QLabel, "item_food_registration")
    assert refused is not None
    assert queued is not None
    assert "平台退回：平台返回 HTTP 422：本平台未开通 drug_retail 的办理" in refused.text()
    assert "待发送到区域平台" in queued.text()
