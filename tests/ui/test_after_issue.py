"""变更, 延续, 增项, 减项, 补证 and 注销 through the screens, on SQLite and PostgreSQL.

The clerk's wizard opens the work on the certificate (found by credit code or a scanned QR), the
reviewers decide in 部门审批 (the dialog starts from the permit as the certificate lists it), and
the 证照 tab issues; a PDF file stands in for the counter printer.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.models import Certificate
from desktop_app.services import issuance
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.certificates_tab import CertificatesTab
from desktop_app.ui.counter import Counter
from desktop_app.ui.decision_dialogs import ApproveDialog
from desktop_app.ui.intake.after_issue import AfterIssueDialog
from desktop_app.ui.intake.after_issue_panes import (
    AdditionPane,
    ChangePane,
    PermitsPane,
    ReasonPane,
)
from desktop_app.ui.intake.wizard import IntakeWizard
from desktop_app.ui.review_tab import ReviewTab
from tests import factories
from tests.lifecycle_steps import issue_supermarket
from tests.store.conftest import actor, pg_template, sqlite_template, store  # noqa: F401
from tests.ui.counter_flow import PaperPrinter, install_signing_key
from tests.ui.test_review_tab import answer_modal, click_ok


@dataclass
class Hall:
    store: Store
    catalog: Catalog
    wizard: IntakeWizard
    certificates: CertificatesTab
    paper: PaperPrinter
    tmp_path: Path
    counter: Counter

    def reviewer(self, qtbot: QtBot, department: str) -> ReviewTab:
        counter = Counter(self.store, self.catalog, actor(self.store, f"r_{department}"))
        tab = ReviewTab(self.catalog, counter.review_actions())
        qtbot.addWidget(tab)
        return tab

    def sent_text(self, index: int = -1) -> str:
        return subprocess.run(
            ["pdftotext", str(self.paper.sent[index]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout


@pytest.fixture
def hall(
    qapp: QApplication,
    qtbot: QtBot,
    store: Store,  # noqa: F811
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Hall:
    signing_key = install_signing_key(tmp_path, monkeypatch)
    paper = PaperPrinter(tmp_path, monkeypatch)
    counter = Counter(store, catalog, actor(store, "clerk"))
    wizard = IntakeWizard(
        catalog,
        submit=counter.submit,
        save_draft=lambda draft: 0,
        print_receipt=counter.print_receipt,
        print_notice=counter.print_notice,
        decisions=counter.decisions(),
        draft=IntakeDraft(),
        after_issue=counter.after_issue_actions(),
    )
    qtbot.addWidget(wizard)
    certificates = CertificatesTab(counter.certificate_actions())
    qtbot.addWidget(certificates)
    issue_supermarket(store, catalog, signing_key)
    return Hall(store, catalog, wizard, certificates, paper, tmp_path, counter)


def _open(hall: Hall, kind: str, search: str) -> AfterIssueDialog:
    hall.wizard.industry_page.kind_buttons[kind].click()
    dialog = hall.wizard.after_issue_dialog
    assert dialog is not None
    dialog.search_edit.setText(search)
    dialog.search_edit.returnPressed.emit()
    assert dialog.held is not None, dialog.error_label.text()
    return dialog


def _accept(dialog: AfterIssueDialog) -> str:
    dialog.plan_button.click()
    assert dialog.plan is not None, dialog.error_label.text()
    dialog.all_received_button.click()
    dialog.accept_button.click()
    assert dialog.receipt is not None, dialog.error_label.text()
    return dialog.receipt.number


def _decide_all(hall: Hall, qtbot: QtBot, departments: list[str]) -> list[str]:
    """Each department takes up and approves its items, confirming what the dialog offers."""
    offered: list[str] = []
    for department in departments:
        review = hall.reviewer(qtbot, department)
        while review.model.rowCount():
            review.select_row(0)
            review.take_up_button.click()
            review.select_row(0)

            def confirm(dialog: ApproveDialog) -> None:
                offered.append(dialog.permit_no_edit.text())
                if not dialog.permit_no_edit.text():  # a permit being added gets its number
                    dialog.permit_no_edit.setText("YP-NEW-1")
                click_ok(dialog)

            answer_modal(confirm)
            review.approve_button.click()
    return offered


def _issue(hall: Hall) -> str:
    tab = hall.certificates
    tab.refresh()
    assert tab.ready_model.rowCount() == 1
    tab.ready_table.selectRow(0)
    tab.issue_button.click()
    return tab.status_label.text()


def _certificate(hall: Hall) -> issuance.CertificateView:
    with hall.store.read() as session:
        number = session.scalars(select(Certificate.number)).first()
        assert number is not None
        return issuance.certificate_view(session, hall.catalog, number)


def test_a_legal_representative_change_typed_once_goes_to_the_permits_that_record_it(
    hall: Hall, qtbot: QtBot
) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "change", first.holder_uscc)
    pane = dialog.pane
    assert isinstance(pane, ChangePane)
    assert pane.editors["legal_rep_name"].value() == first.legal_rep_name  # as issued
    pane.editors["legal_rep_name"].set_value("马文军")
    pane.editors["legal_rep_id"].set_value(factories.id_number(456))
    assert pane.changed_keys() == ["legal_rep_name", "legal_rep_id"]  # the two typed, no more
    dialog.plan_button.click()
    assert dialog.plan is not None
    recording = {
        p.code
        for p in first.permits
        if {"legal_rep_name", "legal_rep_id"} & set(hall.catalog.permits[p.code].form)
    }
    assert {i.permit for i in dialog.plan.items} == recording
    assert dialog.plan_table.rowCount() == len(recording)
    number = _accept(dialog)
    assert "变更受理通知书" in hall.sent_text()
    assert "马文军" in hall.sent_text()
    dialog.close_button.click()
    assert number in hall.wizard.industry_page.outcome_label.text()
    departments = sorted({p.department for p in first.permits if p.code in recording})
    offered = _decide_all(hall, qtbot, departments)
    assert offered == [
        p.permit_no
        for d in departments
        for p in first.permits
        if p.department == d and p.code in recording
    ]  # each dialog started from the permit's number as the certificate lists it
    assert _issue(hall).startswith("已核发：")
    second = _certificate(hall)
    assert (second.revision, second.legal_rep_name) == (2, "马文军")
    with hall.store.read() as session:
        old = issuance.certificate_view(session, hall.catalog, first.number, 1)
    assert (old.state, old.legal_rep_name) == ("superseded", first.legal_rep_name)


def test_renewal_offers_the_soonest_expiry_first(hall: Hall, qtbot: QtBot) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "renewal", first.number)
    pane = dialog.pane
    assert isinstance(pane, PermitsPane)
    assert pane.permit_list.item(0).text().startswith("清真食品准营证")
    dialog.plan_button.click()
    assert "请选择要延续的许可" in dialog.error_label.text() + pane.error_label.text()
    pane.choose("halal")
    _accept(dialog)
    _decide_all(hall, qtbot, ["united_front"])
    assert _issue(hall).startswith("已核发：")
    halal = next(p for p in _certificate(hall).permits if p.code == "halal")
    assert halal.valid_to is not None
    assert halal.valid_to > next(p for p in first.permits if p.code == "halal").valid_to  # type: ignore[operator]


def test_cancellation_leaves_no_valid_certificate(hall: Hall, qtbot: QtBot) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "cancellation", first.qr_text)  # the scanner types the QR text
    pane = dialog.pane
    assert isinstance(pane, ReasonPane)
    pane.reason_edit.setText("停业")
    _accept(dialog)
    assert "注销受理通知书" in hall.sent_text()
    _decide_all(hall, qtbot, sorted({p.department for p in first.permits}))
    assert _issue(hall).startswith("已注销：")
    assert "行业综合许可证注销通知书" in hall.sent_text()
    with hall.store.read() as session:
        assert "valid" not in session.scalars(select(Certificate.state)).all()
    again = _open_refused(hall, "change", first.number)
    assert "已注销" in again


def _open_refused(hall: Hall, kind: str, search: str) -> str:
    hall.wizard.industry_page.kind_buttons[kind].click()
    dialog = hall.wizard.after_issue_dialog
    assert dialog is not None
    dialog.search_edit.setText(search)
    dialog.search_edit.returnPressed.emit()
    assert dialog.held is None
    return dialog.error_label.text()


def test_reissue_voids_the_old_print(hall: Hall, qtbot: QtBot) -> None:
    first = _certificate(hall)
    hall.certificates.refresh()
    hall.certificates.certificate_table.selectRow(0)
    hall.certificates.print_button.click()
    dialog = _open(hall, "reissue", first.number)
    pane = dialog.pane
    assert isinstance(pane, ReasonPane)
    dialog.plan_button.click()
    assert "遗失或损毁" in pane.error_label.text()
    pane.lost_button.setChecked(True)
    _accept(dialog)
    assert "补证受理通知书" in hall.sent_text()
    assert _issue(hall).startswith("已补发：")
    with hall.store.read() as session:
        history = issuance.certificate_history(session, hall.catalog, first.number)
    assert history.print_no == 2
    assert [p.voided for p in history.prints] == [True]
    assert _certificate(hall).qr_text != first.qr_text


def test_removal_down_to_one_permit_warns_before_acceptance(hall: Hall) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "removal", first.holder_name)
    pane = dialog.pane
    assert isinstance(pane, PermitsPane)
    pane.choose("halal", "device2_filing", "public_hygiene")
    dialog.plan_button.click()
    assert "不再核发行业综合许可证" in dialog.warning_label.text()


def test_a_refused_request_keeps_what_was_typed(hall: Hall) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "change", first.number)
    pane = dialog.pane
    assert isinstance(pane, ChangePane)
    pane.editors["area_m2"].set_value("很大")
    dialog.plan_button.click()
    assert dialog.plan is None
    assert pane.editors["area_m2"].message_label.text()
    assert pane.editors["area_m2"].value() == "很大"
    pane.editors["area_m2"].set_value(420)
    dialog.plan_button.click()
    assert dialog.plan is not None
    assert {i.permit for i in dialog.plan.items} == {"food_business", "public_hygiene"}


def test_addition_asks_only_the_new_permits_fields(hall: Hall, qtbot: QtBot) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "addition", first.number)
    pane = dialog.pane
    assert isinstance(pane, AdditionPane)
    assert pane.editors == {}  # nothing new until the situation changes
    pane.situation.check_box("sells_drugs").setChecked(True)
    assert pane.editors, "the drug permit's own fields appear"
    assert "legal_rep_name" not in pane.editors  # held data is not asked again
    for editor in pane.editors.values():
        if editor.field.required:
            editor.set_value(factories.field_value(editor.field, 1))
    number = _accept(dialog)
    assert dialog.plan is not None
    assert [(i.permit, i.kind) for i in dialog.plan.items] == [("drug_retail", "new")]
    assert number
    assert _decide_all(hall, qtbot, ["market"]) == [""]  # a new permit: no number yet
    assert _issue(hall).startswith("已核发：")
    assert "drug_retail" in {p.code for p in _certificate(hall).permits}


def test_removal_issues_a_revision_without_the_permit(hall: Hall, qtbot: QtBot) -> None:
    first = _certificate(hall)
    dialog = _open(hall, "removal", first.number)
    pane = dialog.pane
    assert isinstance(pane, PermitsPane)
    pane.choose("halal")
    pane.reason_edit.setText("不再经营清真食品")
    _accept(dialog)
    assert "减项受理通知书" in hall.sent_text()
    _decide_all(hall, qtbot, ["united_front"])
    assert _issue(hall).startswith("已核发：")
    second = _certificate(hall)
    assert second.revision == 2
    assert "halal" not in {p.code for p in second.permits}


def test_expiring_permits_are_listed_exported_and_reminded(
    hall: Hall, qtbot: QtBot, clock: FixedClock
) -> None:
    from openpyxl import load_workbook

    clock.move_to(dt.date(2028, 1, 15))  # 清真 ends 2028-03-31: 76 days on
    tab = CertificatesTab(
        hall.counter.certificate_actions(), expiring=hall.counter.expiring_actions()
    )
    qtbot.addWidget(tab)
    panel = tab.expiring_panel
    assert panel is not None
    assert [(r.permit, r.days_left) for r in panel.model.rows()] == [("halal", 76)]
    panel.show_within(30)
    assert panel.model.rowCount() == 0
    panel.show_within(90)
    book = hall.tmp_path / "expiring.xlsx"
    panel.export_to(book)
    sheet = load_workbook(book).active
    assert sheet is not None
    assert [c.value for c in sheet[2]][:3] == ["2028-03-31", 76, panel.model.row(0).number]
    panel.table.selectRow(0)
    panel.remind_button.click()
    assert panel.status_label.text().startswith("已打印延续提醒告知书")
    text = hall.sent_text()
    assert "延续提醒告知书" in text
    assert "清真食品准营证" in text
