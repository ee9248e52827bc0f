"""A clerk takes a 便利店 of 25 m² that sells drugs from login to a verified certificate.

The clerk's part runs through the real screens; department decisions and issuing go through the
same services the 部门审批 and 证照 tabs will call (those tabs are not built yet).
"""

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import open_store
from desktop_app.catalog import resolve
from desktop_app.domain import certificate_code, keys
from desktop_app.domain.cose import kid_for
from desktop_app.printing import certificate, qt_printer
from desktop_app.services import auth, cases, issuance, workflow
from desktop_app.services.wizard import Page
from desktop_app.ui import printer_dialogs
from desktop_app.ui.app import AppState, start
from tests import factories

PASSWORD = "Counter2026"


def test_counter_to_certificate(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipts: list[Path] = []

    def counter_printer(pdf: bytes, _name: str = "") -> str:
        # The counter printer is a PDF file here: the real Qt printing path, no paper.
        path = tmp_path / f"printed-{len(receipts)}.pdf"
        qt_printer.paint_pdf(pdf, qt_printer.printer_for(pdf_file=str(path)))
        receipts.append(path)
        return "测试打印机"

    monkeypatch.setattr(printer_dialogs, "print_pdf", counter_printer)
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    store = open_store(url)
    with store.write() as session:
        auth.add_user(session, auth.SYSTEM, "zhang", PASSWORD, "clerk")
        reviewer = auth.add_user(session, auth.SYSTEM, "li", PASSWORD, "reviewer", "market")
    store.dispose()

    dialog = start(url)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=20_000)
    dialog.username_edit.setText("zhang")
    dialog.password_edit.setText(PASSWORD)
    dialog.login_button.click()
    state = dialog.context
    assert isinstance(state, AppState)
    window = state.main_window
    assert window is not None
    qtbot.addWidget(window)
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
    with state.store.write() as session:
        view = cases.get_application(session, receipt.number)
        assert view.state == "in_review"  # dispatched to the department at acceptance
        for item in view.items:
            workflow.take_up(session, reviewer, receipt.number, item.permit)
            workflow.approve(
                session,
                reviewer,
                receipt.number,
                item.permit,
                f"{item.permit}-1",
                dt.date.today(),
                dt.date(2030, 12, 31),
            )
    signing_key = keys.generate()
    assert state.actor is not None
    with state.store.write() as session:
        issued = issuance.issue(session, state.actor, state.catalog, receipt.number, signing_key)

    printed = tmp_path / "certificate.pdf"
    qt_printer.paint_pdf(certificate.render(issued), qt_printer.printer_for(pdf_file=str(printed)))
    root = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(printed), str(root)], check=True
    )
    with Image.open(root.with_suffix(".png")) as image:
        texts = [r.text for r in zxingcpp.read_barcodes(image)]
    assert texts == [issued.qr_text]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    verdict = certificate_code.verify(
        texts[0], {kid_for(signing_key.public_key()): [signing_key.public_key()]}, now
    )
    assert verdict.valid
    assert verdict.claims is not None
    assert verdict.claims.holder_name == "同心县𠀀·便利店"
    assert [p.code for p in verdict.claims.permits] == ["food_registration", "drug_retail"]
