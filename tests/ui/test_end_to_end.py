"""A clerk takes a 便利店 of 25 m² that sells drugs from login to a verified certificate.

Everything runs through the real screens on one database: the clerk's wizard, the reviewer's
部门审批 tab on "another PC", and the clerk's 证照 tab, with a PDF file as the counter printer.
"""

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import clock
from desktop_app.catalog import resolve
from desktop_app.domain import certificate_code
from desktop_app.domain.cose import kid_for
from desktop_app.services import cases
from desktop_app.services.wizard import Page
from desktop_app.ui.decision_dialogs import ApproveDialog
from tests import factories, site_checks
from tests.ui.counter_flow import PaperPrinter, hall_database, install_signing_key, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok


def test_counter_to_certificate(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = PaperPrinter(tmp_path, monkeypatch)
    receipts = paper.printed
    url = hall_database(tmp_path)

    state, window = signed_in(qtbot, url, "zhang")
    wizard = window.intake_wizard
    assert wizard is not None

    wizard.industry_page.industry_search_edit.setText("便利店")
    wizard.next()
    wizard.situation_page.form.spin_box("area_m2").setValue(25)
    wizard.situation_page.form.check_box("sells_drugs").setChecked(True)
    wizard.next()
    assert wizard.notice_page.permit_table.rowCount() == 2
    wizard.next()
    assert state.catalog is not None
    bundle = resolve(state.catalog, "convenience_store", {"area_m2": 25, "sells_drugs": True})
    values = factories.full_form(bundle, enterprise_name="同心县𠀀·便利店")
    for key, editor in wizard.form_page.editors.items():
        if editor.field.answer is None:
            editor.set_value(values[key])
    wizard.next()
    wizard.materials_page.mark_all_received_button.click()
    wizard.next()
    assert wizard.currentId() == Page.REVIEW
    wizard.review_page.accept_button.click()
    receipt = wizard.review_page.receipt
    assert receipt is not None
    assert wizard.review_page.error_label.text() == ""
    assert len(receipts) == 1  # the 受理通知书 went to the printer, its QR is the number
    receipt_page = tmp_path / "receipt"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(receipts[0]), str(receipt_page)],
        check=True,
    )
    with Image.open(receipt_page.with_suffix(".png")) as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [receipt.number]

    assert state.store is not None
    with state.store.read() as session:
        assert cases.get_application(session, receipt.number).state == "in_review"  # dispatched

    # The market reviewer logs in on their own PC (same database) and decides both items.
    _, reviewer_window = signed_in(qtbot, url, "li")
    review = reviewer_window.review_tab
    assert review is not None
    assert review.model.rowCount() == 2
    for row in range(2):
        review.select_row(row)
        review.take_up_button.click()
    # The 药品零售 site check passes (the 监管 tab's joint inspection: test_joint_inspection.py).
    site_checks.pass_site_checks(state.store, receipt.number)
    review.refresh()
    for index in range(2):  # a decided item leaves the queue: the next one is on top
        review.select_row(0)

        def fill(dialog: ApproveDialog, index: int = index) -> None:
            dialog.permit_no_edit.setText(f"NX-{index}")
            dialog.valid_to_edit.setDate(QDate(2030, 12, 31))
            click_ok(dialog)

        assert review.approve_button.isEnabled(), review.status_label.text()
        answer_modal(fill)
        review.approve_button.click()
    assert review.model.rowCount() == 0

    # Back at the counter: issue, print (to a PDF here) and verify by "scanning" the QR.
    signing_key = install_signing_key(tmp_path, monkeypatch)
    tab = window.certificates_tab
    assert tab is not None
    tab.refresh()
    assert tab.ready_model.rowCount() == 1
    tab.ready_table.selectRow(0)
    tab.issue_button.click()
    assert tab.status_label.text().startswith("已核发：640324-")
    tab.certificate_table.selectRow(0)
    tab.print_button.click()
    printed = receipts[-1]
    root = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(printed), str(root)], check=True
    )
    with Image.open(root.with_suffix(".png")) as image:
        texts = [r.text for r in zxingcpp.read_barcodes(image)]
    assert len(texts) == 1
    tab.verify_edit.setText(texts[0])
    tab.verify_edit.returnPressed.emit()
    assert "有效：有效" in tab.verify_result.text()
    assert "同心县𠀀·便利店" in tab.verify_result.text()
    now = clock.now()
    verdict = certificate_code.verify(
        texts[0], {kid_for(signing_key.public_key()): [signing_key.public_key()]}, now
    )
    assert verdict.claims is not None
    assert [(p.code, p.number) for p in verdict.claims.permits] == [
        ("food_registration", "NX-0"),
        ("drug_retail", "NX-1"),
    ]
