"""A scan attached in the wizard reaches the case and the reviewer sees and opens it."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app import settings
from desktop_app.services import attachments
from desktop_app.settings import WorkstationSettings
from desktop_app.ui.app import AppState
from desktop_app.ui.intake.wizard import IntakeWizard
from desktop_app.ui.scan_viewer import ScanDialog
from tests import sample_scans
from tests.ui.counter_flow import fill_to_materials, hall_database, signed_in

MATERIAL = "site_plan"


def at_the_materials(qtbot: QtBot, url: str) -> tuple[AppState, IntakeWizard]:
    """Signed in as the clerk, the wizard filled up to the material list."""
    state, window = signed_in(qtbot, url, "zhang")
    wizard = window.intake_wizard
    assert wizard is not None
    assert state.catalog is not None
    fill_to_materials(wizard, state.catalog)
    return state, wizard


def test_a_scan_from_the_wizard_is_shown_to_the_reviewer(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = hall_database(tmp_path)
    state, wizard = at_the_materials(qtbot, url)
    page = wizard.materials_page

    plan = tmp_path / "平面图.png"
    plan.write_bytes(sample_scans.png("navy"))
    renamed = tmp_path / "营业执照.pdf"
    renamed.write_bytes(b"MZ\x90\x00" + bytes(300))  # a program named like a PDF
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(plan), str(renamed)], "")
    )
    page.scan_buttons[MATERIAL].click()
    assert page.scan_buttons[MATERIAL].text() == "扫描件（1）…"
    assert "营业执照.pdf：按文件内容判断不是 PDF、JPEG 或 PNG" in page.error_label.text()
    assert page.rows[MATERIAL].value() == "scan"  # a scanned material counts as received
    page.mark_all_received_button.click()
    assert page.rows[MATERIAL].value() == "scan"  # "the rest on paper" leaves it scanned
    wizard.next()
    wizard.review_page.accept_button.click()
    receipt = wizard.review_page.receipt
    assert receipt is not None

    assert state.store is not None
    with state.store.read() as session:
        (stored,) = attachments.of_case(session, receipt.number)
    assert (stored.material_key, stored.name, stored.attached_by) == (
        MATERIAL,
        "平面图.png",
        "zhang",
    )

    _, reviewer_window = signed_in(qtbot, url, "li")
    review = reviewer_window.review_tab
    assert review is not None
    shown = []
    for index in range(review.model.rowCount()):
        review.select_row(index)
        shown.append(review.detail_view.toHtml())
    assert any(f"scan:{stored.sha256}" in html and "平面图.png" in html for html in shown)
    review.open_scan(stored.sha256)
    dialog = review.scan_dialog
    assert dialog is not None
    assert isinstance(dialog, ScanDialog)
    assert [(p.width(), p.height()) for p in dialog.pages] == [(40, 30)]
    dialog.close()


def test_the_document_camera_adds_the_pages_just_shot(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    shots = tmp_path / "高拍仪"
    shots.mkdir()
    (shots / "上一位申请人.jpg").write_bytes(sample_scans.jpeg())  # there before: not taken
    settings.save(WorkstationSettings(document_camera_folder=str(shots)))
    state, wizard = at_the_materials(qtbot, hall_database(tmp_path))
    page = wizard.materials_page
    page.camera_buttons[MATERIAL].click()
    assert "没有新拍的图像" in page.error_label.text()
    assert MATERIAL not in wizard.draft.scans
    (shots / "IMG_0001.png").write_bytes(sample_scans.png("teal"))
    (shots / "IMG_0002.png").write_bytes(sample_scans.png("olive"))
    page.camera_buttons[MATERIAL].click()
    entries = wizard.draft.scans[MATERIAL]
    assert [(e["name"], e["source"]) for e in entries] == [
        ("IMG_0001.png", "camera"),
        ("IMG_0002.png", "camera"),
    ]
    assert page.rows[MATERIAL].value() == "scan"
    page.mark_all_received_button.click()
    wizard.next()
    wizard.review_page.accept_button.click()
    receipt = wizard.review_page.receipt
    assert receipt is not None
    assert state.store is not None
    with state.store.read() as session:
        stored = attachments.of_case(session, receipt.number)
    assert sorted((a.name, a.source) for a in stored) == [
        ("IMG_0001.png", "camera"),
        ("IMG_0002.png", "camera"),
    ]
