import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.certificate_code import CertificateClaims, PermitClaim, Verdict
from desktop_app.services.cases import CaseRow
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.issuance import CertificateRow
from desktop_app.ui.certificates_tab import CertificateActions, CertificatesTab

CLAIMS = CertificateClaims(
    issuer="11640324MB00000002",
    issued_at=dt.datetime(2025, 10, 9),
    expires=None,
    number="640324-2025-01-000001",
    revision=1,
    industry="convenience_store",
    holder_uscc="91640324MA0000001T",
    holder_name="同心县𠀀·便利店",
    permits=(PermitClaim("drug_retail", "YP-1", "market", dt.date(2025, 10, 9), None),),
)


class Fake:
    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.ready = [
            CaseRow(
                "SL1",
                "convenience_store",
                "ready_to_issue",
                "甲",
                "91640324MA0000001T",
                dt.date(2025, 9, 26),
                None,
                False,
            )
        ]
        self.issued: list[CertificateRow] = []
        self.reprint_denied = False

    def actions(self) -> CertificateActions:
        return CertificateActions(
            ready=lambda: list(self.ready),
            issue=self._issue,
            certificates=lambda: list(self.issued),
            print_certificate=self._print,
            preview=lambda number: self.calls.append(("preview", number)),
            void=lambda number, reason: self.calls.append(("void", number, reason)),
            verify=lambda text: Verdict(
                text == "YZ1:GOOD", "有效" if text == "YZ1:GOOD" else "签名无效", CLAIMS
            ),
        )

    def _issue(self, number: str) -> str:
        self.ready = []
        self.issued = [
            CertificateRow(
                CLAIMS.number,
                1,
                "valid",
                "convenience_store",
                "甲",
                "91640324MA0000001T",
                dt.date(2025, 10, 9),
                None,
                (),
            )
        ]
        return f"已核发：{CLAIMS.number}"

    def _print(self, number: str, overlay: bool) -> str:
        if self.reprint_denied:
            raise PermissionDeniedError("补打证书须由窗口负责人办理")
        self.calls.append(("print", number, overlay))
        return "柜台打印机"


def test_issue_moves_the_case_to_the_certificates(qapp: QApplication, qtbot: QtBot) -> None:
    fake = Fake()
    tab = CertificatesTab(fake.actions())
    qtbot.addWidget(tab)
    assert tab.objectName() == "certificatesTab"
    tab.ready_table.selectRow(0)
    tab.issue_button.click()
    assert tab.status_label.text() == f"已核发：{CLAIMS.number}"
    assert tab.ready_model.rowCount() == 0
    assert tab.certificate_model.rowCount() == 1
    assert tab.certificate_model.data(tab.certificate_model.index(0, 5)) == "长期"


def test_print_and_overlay_print(qapp: QApplication, qtbot: QtBot) -> None:
    fake = Fake()
    fake._issue("SL1")
    tab = CertificatesTab(fake.actions())
    qtbot.addWidget(tab)
    tab.certificate_table.selectRow(0)
    tab.print_button.click()
    tab.overlay_button.click()
    assert fake.calls == [("print", CLAIMS.number, False), ("print", CLAIMS.number, True)]


def test_refused_reprint_is_explained(
    qapp: QApplication, qtbot: QtBot, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    fake = Fake()
    fake._issue("SL1")
    fake.reprint_denied = True
    tab = CertificatesTab(fake.actions())
    qtbot.addWidget(tab)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))  # type: ignore[attr-defined]
    tab.certificate_table.selectRow(0)
    tab.print_button.click()
    assert warnings == ["补打证书须由窗口负责人办理"]
    assert tab.status_label.text() == "补打证书须由窗口负责人办理"


def test_scanner_input_shows_the_signed_content_and_verdict(
    qapp: QApplication, qtbot: QtBot
) -> None:
    tab = CertificatesTab(Fake().actions())
    qtbot.addWidget(tab)
    tab.verify_edit.setText("YZ1:GOOD")
    tab.verify_edit.returnPressed.emit()  # a keyboard-wedge scanner ends with Enter
    assert "有效：有效" in tab.verify_result.text()
    assert "同心县𠀀·便利店" in tab.verify_result.text()
    tab.verify_edit.setText("YZ1:FORGED")
    tab.verify_edit.returnPressed.emit()
    assert "无效：签名无效" in tab.verify_result.text()


def test_a_certificate_with_a_revoked_permit_asks_for_a_change(
    qapp: QApplication, qtbot: QtBot
) -> None:
    fake = Fake()
    fake._issue("SL1")
    fake.issued.append(dataclasses.replace(fake.issued[0], number="640324-2025-01-000002"))
    fake.issued[0] = dataclasses.replace(fake.issued[0], revoked_permits=("药品经营许可证", "X"))
    tab = CertificatesTab(fake.actions())
    qtbot.addWidget(tab)
    model = tab.certificate_model
    assert model.headerData(6, Qt.Orientation.Horizontal) == "提示"
    assert model.data(model.index(0, 6)) == "药品经营许可证、X已被撤销，请办理变更或注销"
    assert model.data(model.index(1, 6)) == ""
    assert model.data(model.index(0, 6), Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
