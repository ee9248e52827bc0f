"""Every path a case takes, through the real screens on one database, as the hall works it.

容缺 received then approved; 告知承诺 checked, passed and failed; a counter 补正 accepted when the
applicant returns; 不予受理; a reviewer deciding on the form as filed. The counter printer is a PDF
file, read back with pdftotext.
"""

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.services.drafts import ReturningRow
from desktop_app.services.wizard import Page
from desktop_app.ui.case_dialogs import ReceiveDialog
from desktop_app.ui.decision_dialogs import ApproveDialog, ReasonDialog
from desktop_app.ui.intake.counter_decision import CorrectionDialog
from desktop_app.ui.intake.returning_dialog import ReturningDialog
from desktop_app.ui.intake.wizard import IntakeWizard
from desktop_app.ui.main_window import MainWindow
from tests import site_checks
from tests.ui.counter_flow import PaperPrinter, fill_to_review, hall_database, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok


def at_the_counter(qtbot: QtBot, tmp_path: Path) -> tuple[str, Catalog, MainWindow, IntakeWizard]:
    """A hall's database, and its clerk signed in at the counter."""
    url = hall_database(tmp_path)
    state, clerk = signed_in(qtbot, url, "zhang")
    assert clerk.intake_wizard is not None
    assert state.catalog is not None
    return url, state.catalog, clerk, clerk.intake_wizard


def text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace("\n", "")


@pytest.fixture
def printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PaperPrinter:
    return PaperPrinter(tmp_path, monkeypatch)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the screens said in a warning box (answered at once, as a clerk clicks OK)."""
    said: list[str] = []

    def warn(_parent: QWidget | None, _title: str, message: str) -> None:
        said.append(message)

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


def approve(window: MainWindow, permit_name: str, permit_no: str) -> None:
    review = window.review_tab
    assert review is not None
    review.refresh()
    row = next(
        i
        for i in range(review.model.rowCount())
        if review.model.data(review.model.index(i, 2)) == permit_name
    )
    review.select_row(row)
    if review.take_up_button.isEnabled():
        review.take_up_button.click()
        review.select_row(row)

    def fill(dialog: ApproveDialog) -> None:
        dialog.permit_no_edit.setText(permit_no)
        dialog.valid_to_edit.setDate(QDate(2030, 12, 31))
        click_ok(dialog)

    answer_modal(fill)
    review.approve_button.click()


def case_row(window: MainWindow, number: str) -> None:
    tab = window.cases_tab
    assert tab is not None
    tab.search_edit.setText(number)
    tab.select_row(0)
    assert tab.detail is not None
    assert tab.detail.view.number == number


def test_a_deferred_material_is_received_then_the_permit_approved(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, printer: PaperPrinter, warnings: list[str]
) -> None:
    url, catalog, clerk, wizard = at_the_counter(qtbot, tmp_path)
    fill_to_review(wizard, catalog)
    wizard.back()
    row = wizard.materials_page.rows["drug_quality_rules"]
    row.how_combo.setCurrentIndex(row.how_combo.findData("deferred"))
    row.due_edit.setDate(QDate(2025, 10, 20))
    wizard.next()
    wizard.review_page.accept_button.click()
    receipt = wizard.review_page.receipt
    assert receipt is not None
    receipt_text = text(printer.sent[0])
    assert "容缺受理通知书" in receipt_text
    assert "药品质量管理制度文件" in receipt_text
    assert "2025年10月20日" in receipt_text
    assert "申请材料齐全" not in receipt_text

    reviewer_state, reviewer = signed_in(qtbot, url, "li")
    approve(reviewer, "药品经营许可证（零售）", "YP-1")
    assert warnings[-1].startswith("容缺材料尚未补齐")
    review = reviewer.review_tab
    assert review is not None
    assert "容缺材料尚未补齐" in review.detail_view.toPlainText()

    case_row(clerk, receipt.number)
    tab = clerk.cases_tab
    assert tab is not None
    tab.detail_tabs.setCurrentIndex(1)
    assert "尚未补交" in tab.deferred_list.item(0).text()

    def receive(dialog: ReceiveDialog) -> None:
        assert dialog.material_combo.currentData() == "drug_quality_rules"
        dialog.how_combo.setCurrentIndex(dialog.how_combo.findData("paper"))
        click_ok(dialog)

    answer_modal(receive)
    tab.receive_button.click()
    assert tab.status_label.text() == "已登记容缺材料"
    assert "已于" in tab.deferred_list.item(0).text()

    assert reviewer_state.store is not None  # the joint site check passes (监管 tab, elsewhere)
    site_checks.pass_site_checks(reviewer_state.store, receipt.number)
    approve(reviewer, "药品经营许可证（零售）", "YP-1")
    assert review.status_label.text().endswith("已准予许可")


def test_a_commitment_is_printed_to_sign_then_checked_passed_and_failed(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    printer: PaperPrinter,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, catalog, _clerk, wizard = at_the_counter(qtbot, tmp_path)
    numbers = []
    for serial in (1, 2):
        fill_to_review(wizard, catalog, "hotel", {}, serial=serial)
        wizard.back()
        wizard.materials_page.commitment_boxes["public_hygiene"].setChecked(True)
        wizard.next()
        wizard.review_page.accept_button.click()
        receipt = wizard.review_page.receipt
        assert receipt is not None
        numbers.append(receipt.number)
        wizard.start_over()
    kept, broken = numbers
    printed = [text(p) for p in printer.sent]
    assert sum("行政许可告知承诺书" in t for t in printed) == 2  # one each, with its receipt
    assert "公共场所卫生许可证" in printed[1]

    _, health = signed_in(qtbot, url, "wang")
    approve(health, "公共场所卫生许可证", "卫-1")
    approve(health, "公共场所卫生许可证", "卫-2")
    checks = health.commitments_tab
    assert checks is not None
    checks.refresh()
    assert checks.model.rowCount() == 2
    clock.move_to(dt.date(2025, 12, 1))  # past the 60 days: both overdue, in red
    checks.refresh()
    assert checks.model.data(checks.model.index(0, 5)) == "已逾期"

    def verify(row_number: str, passed: bool, findings: str) -> None:
        assert checks is not None
        row = next(
            i for i in range(checks.model.rowCount()) if checks.model.row(i).number == row_number
        )
        checks.select_row(row)

        def fill(dialog: ReasonDialog) -> None:
            dialog.reason_edit.setPlainText(findings)
            click_ok(dialog)

        answer_modal(fill)
        (checks.pass_button if passed else checks.fail_button).click()

    verify(kept, True, "现场设施与承诺一致")
    assert checks.status_label.text() == f"{kept} 核查通过"
    verify(broken, False, "现场无消毒设施")
    assert "许可已撤销" in checks.status_label.text()
    revocation = text(printer.sent[-1])
    assert "撤销行政许可决定书" in revocation
    assert "现场无消毒设施" in revocation
    assert checks.model.rowCount() == 0  # both done
    # The supervisor sees the checks too, closed ones on request.
    _, boss = signed_in(qtbot, url, "boss")
    assert boss.commitments_tab is not None
    boss.commitments_tab.closed_box.setChecked(True)
    assert boss.commitments_tab.model.rowCount() == 2
    assert not boss.commitments_tab.pass_button.isVisible()


def test_a_counter_correction_is_accepted_when_the_applicant_returns(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, printer: PaperPrinter
) -> None:
    url, catalog, _clerk, wizard = at_the_counter(qtbot, tmp_path)
    fill_to_review(wizard, catalog, enterprise_name="同心县惠民便利店")
    wizard.back()
    site = wizard.materials_page.rows["site_plan"]
    site.how_combo.setCurrentIndex(site.how_combo.findData(""))  # not brought

    def correct(dialog: CorrectionDialog) -> None:
        assert dialog.items() == ["经营场所平面图"]
        dialog.items_edit.setPlainText("经营场所平面图\n法定代表人身份证复印件不清晰，请重新复印")
        click_ok(dialog)

    answer_modal(correct)
    wizard.materials_page.correction_button.click()
    assert wizard.currentId() == Page.INDUSTRY  # the counter is free for the next applicant
    outcome = wizard.industry_page.outcome_label.text()
    assert outcome.startswith("已出具一次性补正告知书 BZ2025640324")
    notice = re.search(r"BZ\d+", outcome).group()  # type: ignore[union-attr]
    notice_text = text(printer.sent[-1])
    assert "一次性补正告知书" in notice_text
    assert "法定代表人身份证复印件不清晰" in notice_text

    # The applicant comes back a week later; another clerk finds the application by the number.
    _, other = signed_in(qtbot, url, "boss")
    again = other.intake_wizard
    assert again is not None

    found: list[ReturningRow] = []

    def find(dialog: ReturningDialog) -> None:
        dialog.search_edit.setText(notice)
        found.extend(dialog.model.row(i) for i in range(dialog.model.rowCount()))
        if found:
            dialog.go_on_button.click()
        else:
            dialog.reject()

    answer_modal(find)
    again.industry_page.returning_button.click()
    assert [row.enterprise_name for row in found] == ["同心县惠民便利店"]
    assert again.draft.form["enterprise_name"] == "同心县惠民便利店"  # nothing typed again
    for _ in range(4):
        again.next()
    assert again.form_page.problems() == {}
    assert again.currentId() == Page.MATERIALS
    site = again.materials_page.rows["site_plan"]
    site.how_combo.setCurrentIndex(site.how_combo.findData("paper"))
    again.next()
    again.review_page.accept_button.click()
    receipt = again.review_page.receipt
    assert receipt is not None
    tab = other.cases_tab
    assert tab is not None
    tab.refresh()
    case_row(other, receipt.number)
    titles = [tab.documents.model.row(i).title for i in range(tab.documents.model.rowCount())]
    assert titles[0] == "一次性补正告知书"  # the counter's notice stays with the case
    assert "受理通知书" in titles


def test_an_application_the_counter_refuses_gets_its_decision(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, printer: PaperPrinter
) -> None:
    _url, catalog, clerk, wizard = at_the_counter(qtbot, tmp_path)
    fill_to_review(wizard, catalog)

    def refuse(dialog: ReasonDialog) -> None:
        dialog.reason_edit.setPlainText("申请事项依法不需要取得行政许可")
        click_ok(dialog)

    answer_modal(refuse)
    wizard.review_page.refusal_button.click()
    assert wizard.industry_page.outcome_label.text().startswith("已出具不予受理决定书 BY")
    decision = text(printer.sent[-1])
    assert "不予受理决定书" in decision
    assert "申请事项依法不需要取得行政许可" in decision
    assert "行政复议" in decision
    assert clerk.cases_tab is not None
    clerk.cases_tab.refresh()
    assert clerk.cases_tab.model.rowCount() == 0  # nothing was accepted


def test_a_reviewer_decides_on_the_form_as_filed_and_nothing_else(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, printer: PaperPrinter
) -> None:
    url, catalog, _clerk, wizard = at_the_counter(qtbot, tmp_path)
    fill_to_review(wizard, catalog, "hotel", {"catering": True}, enterprise_name="同心县驿站宾馆")
    wizard.review_page.print_form_button.click()
    form = text(printer.sent[-1])
    assert "行业综合许可申请表" in form
    assert "（受理后生成）" in form  # checked and signed before acceptance
    wizard.review_page.accept_button.click()
    assert wizard.review_page.receipt is not None

    _, health = signed_in(qtbot, url, "wang")
    review = health.review_tab
    assert review is not None
    review.select_row(0)
    shown = review.detail_view.toPlainText()
    assert "同心县驿站宾馆" in shown
    assert "共用信息" in shown
    assert "公共场所卫生许可证" in shown
    permits = catalog.permits
    police_only = set(permits["special_trade"].form) - set(permits["public_hygiene"].form)
    police_labels = {catalog.fields[k].label for k in police_only if not catalog.fields[k].shared}
    assert police_labels
    assert not any(label in shown for label in police_labels)  # another department's fields
    assert "********" in shown  # the legal representative's ID, masked
    assert health.findChild(QLabel, "item_public_hygiene") is None  # the queue, not the lanes
