"""双随机抽查 through the 监管 tab: a draw from the certificate holders, a result, 复核, 公示,
and the finding's 责令整改 flagged in 证照 until it is done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.domain import keys
from desktop_app.services import auth, intake, issuance, workflow
from desktop_app.ui.draws_panel import DrawDialog, ResultDialog
from desktop_app.ui.measure_dialogs import MeasureDialog, RectifiedDialog
from desktop_app.ui.registry_panel import CreditDialog
from tests import factories, site_checks
from tests.ui.counter_flow import PASSWORD, hall_database, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok

SEED = "2025-10-10 同心县市场监管局双随机抽查公告〔2025〕3号"


def test_a_draw_is_made_recorded_verified_and_published_on_screen(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "boss")
    assert state.store is not None
    assert state.catalog is not None
    store, catalog = state.store, state.catalog
    key = keys.generate()
    with store.write() as session:
        auth.add_user(session, auth.SYSTEM, "i_market", PASSWORD, "inspector", "market")
        clerk, reviewer = auth.actor_for(session, "zhang"), auth.actor_for(session, "li")
        for serial in (1, 2, 3):
            sub = factories.submission(catalog, serial=serial)
            number = intake.accept(session, clerk, catalog, sub).number
            workflow.dispatch(session, clerk, number)
            for permit in ("food_registration", "drug_retail"):
                workflow.take_up(session, reviewer, number, permit)
            site_checks.pass_in(session, number, prefix="i_")
            for permit in ("food_registration", "drug_retail"):
                workflow.approve(
                    session, reviewer, number, permit, f"{permit}-{serial}", clock.today(), None
                )
            issuance.issue(session, clerk, catalog, number, key, clock.today())
    tab = window.supervision_tab
    assert tab is not None
    panel = tab.draws_panel
    assert panel is not None

    def fill(dialog: DrawDialog) -> None:
        dialog.department_boxes["market"].setChecked(True)
        for spin in dialog.ratio_spins.values():
            spin.setValue(1.0)
        dialog.per_target_spin.setValue(1)
        dialog.seed_edit.setText(SEED)
        click_ok(dialog)

    answer_modal(fill)
    panel.new_button.click()
    assert "抽中 3 户" in panel.status_label.text(), panel.status_label.text()
    assert panel.target_model.rowCount() == 3
    panel.targets_table.selectRow(0)
    first = panel.target_model.row(0)

    def result(dialog: ResultDialog) -> None:
        dialog.choose("problem", "未在醒目位置悬挂许可证")
        click_ok(dialog)

    answer_modal(result)
    panel.result_button.click()
    assert panel.target_model.row(0).findings == "未在醒目位置悬挂许可证"
    panel.verify_button.click()
    assert "复核一致" in panel.status_label.text()
    out = tmp_path / "公示.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    panel.publish_button.click()
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[2][2] == first.credit_code
    assert panel.draw_model.row(0).published

    # The registry page: the holders with their class; the supervisor changes one, with a reason.
    registry = tab.registry_panel
    assert registry is not None
    registry.refresh()
    assert registry.model.rowCount() == 3
    registry.table.selectRow(0)
    holder = registry.model.row(0)

    def downgrade(dialog: CreditDialog) -> None:
        dialog.class_combo.setCurrentIndex(dialog.class_combo.findData("D"))
        dialog.reason_edit.setText("两年内两次抽查发现问题")
        click_ok(dialog)

    answer_modal(downgrade)
    registry.set_button.click()
    assert "已调整为 D" in registry.status_label.text(), registry.status_label.text()
    classes = {
        registry.model.row(i).credit_code: registry.model.row(i).credit_class for i in range(3)
    }
    assert classes[holder.credit_code] == "D"

    # The finding orders rectification of the 食品经营 permit: 证照 flags it until it is done.
    panel.draws_table.selectRow(0)
    panel.targets_table.selectRow(0)

    def rectify(dialog: MeasureDialog) -> None:
        dialog.choice.set("rectify")
        assert dialog.findings_edit.toPlainText() == "未在醒目位置悬挂许可证"
        dialog.permit_combo.setCurrentIndex(dialog.permit_combo.findData("food_registration"))
        dialog.due_edit.setDate(QDate(clock.today() + dt.timedelta(days=20)))
        click_ok(dialog)

    answer_modal(rectify)
    panel.measure_button.click()
    assert "已责令整改" in panel.status_label.text(), panel.status_label.text()
    certificates = window.certificates_tab
    assert certificates is not None
    certificates.refresh()
    flagged = [
        certificates.certificate_model.data(certificates.certificate_model.index(i, 6))
        for i in range(certificates.certificate_model.rowCount())
    ]
    assert sum("责令整改" in str(text) for text in flagged) == 1
    registry.refresh()
    assert registry.measure_model.rowCount() == 1
    registry.measure_table.selectRow(0)

    def done(dialog: RectifiedDialog) -> None:
        dialog.note_edit.setText("复查：已在醒目位置悬挂")
        click_ok(dialog)

    answer_modal(done)
    registry.close_button.click()
    assert "已登记整改完成" in registry.status_label.text(), registry.status_label.text()
    certificates.refresh()
    assert not any(
        "责令整改"
        in str(certificates.certificate_model.data(certificates.certificate_model.index(i, 6)))
        for i in range(certificates.certificate_model.rowCount())
    )
