"""一同核查 through the screens: a 宾馆 with catering — one inspection for three departments, one
整改意见书 with two departments' findings, one 复查, then approval in 部门审批."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.services import auth, cases, documents, intake, workflow
from desktop_app.ui.decision_dialogs import ApproveDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.supervision_tab import RecordDialog, ScheduleDialog, SupervisionTab
from tests import factories
from tests.ui.counter_flow import PASSWORD, hall_database, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok

PEOPLE = [
    ("i_health", "inspector", "health"),
    ("i_police", "inspector", "police"),
    ("i_market", "inspector", "market"),
    ("zhao", "reviewer", "police"),
]
POLICE_FINDINGS = "客房未安装旅客信息登记系统"
MARKET_FINDINGS = "后厨缺少防蝇设施"


def tab_of(window: MainWindow) -> SupervisionTab:
    tab = window.supervision_tab
    assert tab is not None
    tab.refresh()
    return tab


def schedule(tab: SupervisionTab, number: str, inspectors: list[str]) -> None:
    tab.select_number(number)

    def fill(dialog: ScheduleDialog) -> None:
        dialog.choose(inspectors)
        click_ok(dialog)

    answer_modal(fill)
    tab.schedule_button.click()
    assert tab.status_label.text().startswith("已安排"), tab.status_label.text()


def record(
    qtbot: QtBot, url: str, who: str, number: str, permit: str, outcome: str, text: str = ""
) -> str:
    _, window = signed_in(qtbot, url, who)
    tab = tab_of(window)
    tab.select_number(number)

    def fill(dialog: RecordDialog) -> None:
        dialog.choose(permit, outcome, text)
        click_ok(dialog)

    answer_modal(fill)
    tab.record_button.click()
    assert tab.status_label.text().startswith("结论已登记"), tab.status_label.text()
    return tab.detail.toPlainText()


def test_one_inspection_one_rectification_one_recheck_through_the_screens(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    url = hall_database(tmp_path)
    state, boss_window = signed_in(qtbot, url, "boss")
    assert state.store is not None
    assert state.catalog is not None
    store, catalog = state.store, state.catalog
    with store.write() as session:
        for name, role, department in PEOPLE:
            auth.add_user(session, auth.SYSTEM, name, PASSWORD, role, department)
        clerk = auth.actor_for(session, "zhang")
        sub = factories.submission(catalog, "hotel", {"catering": True})
        number = intake.accept(session, clerk, catalog, sub).number
        workflow.dispatch(session, clerk, number)

    boss = tab_of(boss_window)
    schedule(boss, number, ["i_health", "i_police", "i_market"])
    assert "现场核查：" in boss.detail.toPlainText()
    cases_tab = boss_window.cases_tab  # 办件 shows each item's site check too
    assert cases_tab is not None
    cases_tab.refresh()
    cases_tab.select_row(0)
    hygiene = cases_tab.findChild(QLabel, "item_public_hygiene")
    assert hygiene is not None
    assert "现场核查：待现场核查" in hygiene.text()

    record(qtbot, url, "i_health", number, "public_hygiene", "pass")
    record(qtbot, url, "i_police", number, "special_trade", "rectify", POLICE_FINDINGS)
    shown = record(qtbot, url, "i_market", number, "food_business", "rectify", MARKET_FINDINGS)
    assert "需整改，待申请人整改" in shown
    with store.read() as session:
        notices = [d for d in documents.for_case(session, number) if d.kind == "rectification"]
        (notice,) = notices  # one 整改意见书 …
        findings = documents.find(session, number, "rectification").content["findings"]
    assert [row[2] for row in findings] == [POLICE_FINDINGS, MARKET_FINDINGS]  # … two departments

    boss = tab_of(boss_window)
    boss.select_number(number)
    boss.rectified_button.click()
    assert "整改完成" in boss.status_label.text()
    schedule(boss, number, ["i_police", "i_market"])
    assert "第1次复查" in boss.detail.toPlainText()
    record(qtbot, url, "i_police", number, "special_trade", "pass")
    record(qtbot, url, "i_market", number, "food_business", "pass")

    for reviewer, count in (("wang", 1), ("zhao", 1), ("li", 1)):
        _, window = signed_in(qtbot, url, reviewer)
        review = window.review_tab
        assert review is not None
        assert review.model.rowCount() == count
        review.select_row(0)
        if review.take_up_button.isEnabled():
            review.take_up_button.click()
            review.select_row(0)

        def fill(dialog: ApproveDialog, reviewer: str = reviewer) -> None:
            dialog.permit_no_edit.setText(f"TX-{reviewer}")
            dialog.valid_to_edit.setDate(QDate(2030, 12, 31))
            click_ok(dialog)

        answer_modal(fill)
        review.approve_button.click()
        assert review.model.rowCount() == 0, review.status_label.text()
    with store.read() as session:
        assert cases.get_application(session, number).state == "ready_to_issue"
    assert notice.title == "现场核查整改意见书"
