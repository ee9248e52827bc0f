"""执法检查人员名录 on screen: the inspectors by department, a 回避 recorded by the supervisor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.services import auth
from desktop_app.ui.roster_panel import ConflictDialog
from tests import factories
from tests.ui.counter_flow import PASSWORD, hall_database, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok


def test_the_supervisor_records_a_conflict_and_bad_codes_are_refused(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "boss")
    assert state.store is not None
    with state.store.write() as session:
        auth.add_user(session, auth.SYSTEM, "i_market", PASSWORD, "inspector", "market")
        auth.add_user(session, auth.SYSTEM, "i_police", PASSWORD, "inspector", "police")
    tab = window.supervision_tab
    assert tab is not None
    panel = tab.roster_panel
    assert panel is not None
    assert panel.model.rowCount() == 0  # as it stood at sign-in
    tab.pages.setCurrentWidget(panel)  # opening the page shows the inspectors added since
    assert [panel.model.row(i).username for i in range(2)] == ["i_market", "i_police"]
    panel.table.selectRow(1)

    def bad(dialog: ConflictDialog) -> None:
        assert dialog.inspector_combo.currentData() == "i_police"  # the row selected
        dialog.code_edit.setText("91640324MA0000000X")
        dialog.reason_edit.setText("系其法定代表人近亲属")
        click_ok(dialog)

    answer_modal(bad)
    panel.conflict_button.click()
    assert "校验位" in panel.status_label.text(), panel.status_label.text()
    code = factories.credit_code(7)

    def good(dialog: ConflictDialog) -> None:
        dialog.code_edit.setText(code.lower())
        dialog.reason_edit.setText("系其法定代表人近亲属")
        click_ok(dialog)

    answer_modal(good)
    panel.conflict_button.click()
    assert panel.status_label.text() == f"已登记 i_police 回避 {code}"
    assert panel.model.row(1).conflicts == ((code, "系其法定代表人近亲属"),)
    assert panel.model.row(0).conflicts == ()
