"""证照: issue ready applications, preview, print (or 套打), reprint, void; verify a scanned QR."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.certificate_code import Verdict
from desktop_app.domain.states import APPLICATION_KIND_NAMES, CERTIFICATE_STATE_NAMES
from desktop_app.services.cases import CaseRow
from desktop_app.services.errors import ServiceError
from desktop_app.services.issuance import CertificateRow
from desktop_app.ui.decision_dialogs import ReasonDialog
from desktop_app.ui.expiring_panel import ExpiringActions, ExpiringPanel
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, named, row_table


@dataclass(frozen=True)
class CertificateActions:
    ready: Callable[[], list[CaseRow]]
    issue: Callable[[str], str]  # case number → what was done, to tell the clerk
    certificates: Callable[[], list[CertificateRow]]
    print_certificate: Callable[[str, bool], str]
    preview: Callable[[str], None]
    void: Callable[[str, str], None]
    verify: Callable[[str], Verdict]
    # Codes in the signed claims → the names the clerk reads (permits and departments).
    names: dict[str, str] = field(default_factory=dict)


def _attention(row: CertificateRow) -> str:
    notes = [
        tr("{permit}责令整改（至 {due}）").format(permit=name, due=due.isoformat())
        for name, due in row.orders
    ]
    if row.revoked_permits:
        names = tr("、").join(row.revoked_permits)
        notes.insert(0, tr("{permits}已被撤销，请办理变更或注销").format(permits=names))
    return tr("；").join(notes)


class CertificatesTab(QWidget):
    def __init__(
        self,
        actions: CertificateActions,
        parent: QWidget | None = None,
        expiring: ExpiringActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificatesTab")
        self._actions = actions
        self.ready_model: RowTableModel[CaseRow] = RowTableModel(
            [
                Column(tr("受理编号"), lambda r: r.number),
                Column(tr("类型"), lambda r: tr(APPLICATION_KIND_NAMES.get(r.kind, r.kind))),
                Column(tr("证书编号"), lambda r: r.certificate_number or ""),
                Column(tr("主体名称"), lambda r: r.enterprise_name),
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("受理日期"), lambda r: r.accepted_on.isoformat()),
            ],
            self,
        )
        self.certificate_model: RowTableModel[CertificateRow] = RowTableModel(
            [
                Column(tr("证书编号"), lambda r: r.number),
                Column(tr("版本"), lambda r: tr("第{revision}版").format(revision=r.revision)),
                Column(tr("状态"), lambda r: tr(CERTIFICATE_STATE_NAMES.get(r.state, r.state))),
                Column(tr("持证主体"), lambda r: r.holder_name),
                Column(tr("发证日期"), lambda r: r.issued_on.isoformat()),
                Column(
                    tr("有效期至"),
                    lambda r: r.valid_until.isoformat() if r.valid_until else tr("长期"),
                ),
                Column(
                    tr("提示"),
                    _attention,
                    lambda r: ALARM if r.revoked_permits or r.orders else None,
                ),
            ],
            self,
        )
        self.ready_table = row_table(self.ready_model, "readyTable")
        self.certificate_table = row_table(self.certificate_model, "certificateTable")
        self.issue_button = named(QPushButton(tr("核发行业综合许可证(&I)")), "issueButton")
        self.preview_button = named(QPushButton(tr("预览(&V)")), "previewButton")
        self.print_button = named(QPushButton(tr("打印(&P)")), "printCertificateButton")
        self.overlay_button = named(QPushButton(tr("套打(&O)")), "overlayPrintButton")
        self.void_button = named(QPushButton(tr("作废(&X)")), "voidButton")
        self.verify_edit = named(QLineEdit(), "verifyEdit")
        self.verify_edit.setPlaceholderText(tr("用扫码枪扫描证书二维码，或粘贴二维码文本后回车"))
        self.verify_result = named(QLabel(), "verifyResultLabel")
        self.verify_result.setWordWrap(True)
        self.status_label = named(QLabel(), "certificatesStatusLabel")

        ready_box = QGroupBox(tr("待出证"))
        ready_layout = QVBoxLayout(ready_box)
        ready_layout.addWidget(self.ready_table)
        ready_layout.addWidget(self.issue_button)
        issued_box = QGroupBox(tr("已发证书"))
        issued_layout = QVBoxLayout(issued_box)
        issued_layout.addWidget(self.certificate_table)
        row = QHBoxLayout()
        for button in (
            self.preview_button,
            self.print_button,
            self.overlay_button,
            self.void_button,
        ):
            row.addWidget(button)
        issued_layout.addLayout(row)
        verify_box = QGroupBox(tr("证书核验（离线）"))
        verify_layout = QVBoxLayout(verify_box)
        verify_layout.addWidget(self.verify_edit)
        verify_layout.addWidget(self.verify_result)
        layout = QVBoxLayout(self)
        tables = QHBoxLayout()
        tables.addWidget(ready_box, 2)
        tables.addWidget(issued_box, 3)
        layout.addLayout(tables, 1)
        self.expiring_panel: ExpiringPanel | None = None
        if expiring is not None:
            expiring_box = QGroupBox(tr("到期提醒"))
            self.expiring_panel = ExpiringPanel(expiring)
            QVBoxLayout(expiring_box).addWidget(self.expiring_panel)
            layout.addWidget(expiring_box, 1)
        layout.addWidget(verify_box)
        layout.addWidget(self.status_label)

        self.issue_button.clicked.connect(self._on_issue)
        self.preview_button.clicked.connect(lambda: self._with_certificate(actions.preview))
        self.print_button.clicked.connect(lambda: self._print(overlay=False))
        self.overlay_button.clicked.connect(lambda: self._print(overlay=True))
        self.void_button.clicked.connect(self._on_void)
        self.verify_edit.returnPressed.connect(self._on_verify)
        self.refresh()

    def refresh(self) -> None:
        # Keep the clerk's selection across the refresh that follows every action.
        selected = self._selected_certificate()
        self.ready_model.set_rows(self._actions.ready())
        self.certificate_model.set_rows(self._actions.certificates())
        self.ready_table.resizeColumnsToContents()
        self.certificate_table.resizeColumnsToContents()
        if selected is not None:
            for index in range(self.certificate_model.rowCount()):
                if self.certificate_model.row(index).number == selected.number:
                    self.certificate_table.selectRow(index)
                    break

    def _selected_ready(self) -> CaseRow | None:
        rows = self.ready_table.selectionModel().selectedRows()
        return self.ready_model.row(rows[0].row()) if rows else None

    def _selected_certificate(self) -> CertificateRow | None:
        rows = self.certificate_table.selectionModel().selectedRows()
        return self.certificate_model.row(rows[0].row()) if rows else None

    def _report(self, action: Callable[[], str]) -> None:
        try:
            message = action()
        except (ServiceError, RuntimeError) as exc:
            text = exc.message if isinstance(exc, ServiceError) else str(exc)
            self.status_label.setText(text)
            QMessageBox.warning(self, tr("未能办理"), text)
        else:
            self.status_label.setText(message)
        self.refresh()

    def _on_issue(self) -> None:
        row = self._selected_ready()
        if row is not None:
            self._report(lambda: self._actions.issue(row.number))

    def _with_certificate(self, action: Callable[[str], None]) -> None:
        row = self._selected_certificate()
        if row is None:
            return

        def run() -> str:
            action(row.number)
            return ""

        self._report(run)

    def _print(self, overlay: bool) -> None:
        row = self._selected_certificate()
        if row is not None:
            self._report(
                lambda: tr("已发送到打印机：{0}").format(
                    self._actions.print_certificate(row.number, overlay)
                )
            )

    def _on_void(self) -> None:
        row = self._selected_certificate()
        if row is None:
            return
        dialog = ReasonDialog(
            tr("作废证书"),
            tr("作废 {number}（编号不再使用）的理由：").format(number=row.number),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason()

        def run() -> str:
            self._actions.void(row.number, reason)
            return tr("已作废 {number}").format(number=row.number)

        self._report(run)

    def _on_verify(self) -> None:
        verdict = self._actions.verify(self.verify_edit.text().strip())
        claims = verdict.claims
        color = "#1b5e20" if verdict.valid else ALARM
        lines = [
            tr("<b style='color:{color}'>{0}：{reason}</b>").format(
                tr("有效") if verdict.valid else tr("无效"), color=color, reason=verdict.reason
            )
        ]
        if claims is not None:
            holder = tr("{holder_name}（{holder_uscc}）").format(
                holder_name=claims.holder_name, holder_uscc=claims.holder_uscc
            )
            lines.append(
                tr("{holder}证书 {number} 第{revision}版").format(
                    holder=holder, number=claims.number, revision=claims.revision
                )
            )
            names = self._actions.names
            for p in claims.permits:
                permit, department = (
                    names.get(p.code, p.code),
                    names.get(p.department, p.department),
                )
                lines.append(
                    tr("· {permit} {number}（{department}）至 {0}").format(
                        p.valid_to or tr("长期"),
                        permit=permit,
                        number=p.number,
                        department=department,
                    )
                )
        self.verify_result.setText("<br>".join(lines))
        self.verify_edit.selectAll()
