"""What the signed-in user's screens call: services wrapped in one transaction per action.

Widgets get these plain callables (STYLE.md); nothing here builds a query or holds an ORM object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock, config
from desktop_app import settings as workstation
from desktop_app.catalog import Bundle, Catalog
from desktop_app.db import DatabaseUnavailableError, Store
from desktop_app.domain import certificate_code, keys
from desktop_app.printing import certificate, letters, notice_sheet
from desktop_app.services import (
    auth,
    calendar,
    cases,
    draft_file,
    drafts,
    intake,
    issuance,
    prints,
    reporting,
    workflow,
)
from desktop_app.services.auth import Actor
from desktop_app.services.cases import CaseRow, ItemView, QueueRow
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import Receipt, Submission
from desktop_app.services.issuance import CertificateRow
from desktop_app.services.wizard import IntakeDraft
from desktop_app.settings import load as load_settings
from desktop_app.sync.config import platform_config, platform_departments
from desktop_app.ui import printer_dialogs
from desktop_app.ui.cases_tab import CaseActions, CaseDetail
from desktop_app.ui.certificates_tab import CertificateActions
from desktop_app.ui.i18n import tr
from desktop_app.ui.review_tab import ReviewActions
from desktop_app.ui.settings_tab import SettingsActions


@dataclass
class Counter:
    """The services as the signed-in user sees them."""

    store: Store
    catalog: Catalog
    actor: Actor

    def submit(self, draft: IntakeDraft) -> Receipt:
        """受理, then 并联: the items go to every department in the same transaction."""
        submission = Submission(
            industry=draft.industry or "",
            answers=draft.answers,
            form=draft.form,
            materials=draft.materials,
            commitments=tuple(sorted(draft.commitments)),
            draft_id=draft.draft_id,
        )
        on_platform = platform_departments(self.catalog.departments)
        with self.store.write() as session:
            receipt = intake.accept(session, self.actor, self.catalog, submission)
            workflow.dispatch(session, self.actor, receipt.number, platform_departments=on_platform)
        draft_file.discard(self.actor.username)  # accepted: nothing left to offer back
        return receipt

    def save_draft(self, draft: IntakeDraft) -> int:
        """On this PC first (that copy survives a lost database), then in the database."""
        draft_file.save(self.actor.username, draft)
        try:
            with self.store.write() as session:
                return drafts.save_draft(
                    session,
                    self.actor,
                    draft.draft_id,
                    draft.industry,
                    draft.answers,
                    draft.form,
                    draft.materials,
                    tuple(sorted(draft.commitments)),
                )
        except DatabaseUnavailableError as exc:
            raise ServiceError(
                tr("草稿已保存在本机；数据库暂不可用，恢复后再保存（{detail}）").format(
                    detail=exc.detail
                )
            ) from None

    def local_draft(self) -> draft_file.SavedDraft | None:
        return draft_file.load(self.actor.username)

    def discard_local_draft(self) -> None:
        draft_file.discard(self.actor.username)

    def _print(self, pdf: bytes, document: str, subject: str) -> None:
        printer = printer_dialogs.print_pdf(pdf, load_settings().printer)
        with self.store.write() as session:
            prints.record_document_print(session, self.actor, document, subject, printer)

    def print_receipt(self, receipt: Receipt) -> None:
        with self.store.read() as session:
            view = cases.get_application(session, receipt.number)
        pdf = letters.acceptance_notice(
            receipt.number,
            letters.Addressee(receipt.enterprise_name, view.agent.name if view.agent else ""),
            receipt.industry_name,
            [
                letters.ReceiptItemLine(
                    i.name,
                    i.department,
                    i.mode,
                    i.promised_due,
                    i.statutory_due,
                    i.promised_days,
                    i.statutory_days,
                    i.provisional,
                )
                for i in receipt.items
            ],
            receipt.received,
            receipt.accepted_on,
            receipt.deferred,
        )
        self._print(pdf, "receipt", receipt.number)

    def print_notice(self, bundle: Bundle) -> None:
        names = {code: p.name for code, p in self.catalog.permits.items()}
        self._print(notice_sheet.render(bundle, names), "notice", bundle.industry)

    # --- 部门审批 -----------------------------------------------------------------------------

    def review_actions(self) -> ReviewActions:
        return ReviewActions(
            queue=self.review_queue,
            take_up=self.take_up,
            request_correction=self.request_correction,
            approve=self.approve,
            reject=self.reject,
        )

    def review_queue(self) -> list[QueueRow]:
        with self.store.read() as session:
            return cases.review_queue(session, self.actor.department or "")

    def take_up(self, row: QueueRow) -> None:
        with self.store.write() as session:
            workflow.take_up(
                session, self.actor, row.number, row.permit, expected_version=row.version
            )

    def request_correction(self, row: QueueRow, reason: str) -> None:
        with self.store.write() as session:
            workflow.request_correction(
                session, self.actor, row.number, row.permit, reason, expected_version=row.version
            )

    def approve(
        self, row: QueueRow, permit_no: str, valid_from: dt.date, valid_to: dt.date | None
    ) -> None:
        with self.store.write() as session:
            workflow.approve(
                session,
                self.actor,
                row.number,
                row.permit,
                permit_no,
                valid_from,
                valid_to,
                expected_version=row.version,
            )

    def reject(self, row: QueueRow, reason: str) -> None:
        with self.store.write() as session:
            workflow.reject(
                session, self.actor, row.number, row.permit, reason, expected_version=row.version
            )

    # --- 证照 ---------------------------------------------------------------------------------

    def certificate_actions(self) -> CertificateActions:
        return CertificateActions(
            ready=self.ready_to_issue,
            issue=self.issue,
            certificates=self.certificates,
            print_certificate=self.print_certificate,
            preview=self.preview_certificate,
            void=self.void,
            verify=self.verify,
            names={
                **{code: p.name for code, p in self.catalog.permits.items()},
                **{code: d.name for code, d in self.catalog.departments.items()},
            },
        )

    def ready_to_issue(self) -> list[CaseRow]:
        with self.store.read() as session:
            return cases.search_applications(session, state="ready_to_issue")

    def issue(self, number: str) -> str:
        try:
            key = keys.load_private_key(config.signing_key_path())
        except keys.SigningKeyError as exc:
            raise ServiceError(
                tr("{exc}（本机不是签发电脑，或尚未生成签发密钥）").format(exc=exc)
            ) from None
        with self.store.write() as session:
            return issuance.issue(session, self.actor, self.catalog, number, key).number

    def certificates(self) -> list[CertificateRow]:
        with self.store.read() as session:
            return issuance.list_certificates(session)

    def certificate_pdf(self, number: str, overlay: bool = False) -> bytes:
        with self.store.read() as session:
            view = issuance.certificate_view(session, self.catalog, number)
        if not overlay:
            return certificate.render(view)
        settings = load_settings()
        return certificate.render(
            view, certificate.Overlay(settings.overlay_dx_mm, settings.overlay_dy_mm)
        )

    def preview_certificate(self, number: str) -> None:
        from desktop_app.ui.pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(self.certificate_pdf(number), number).exec()

    def print_certificate(self, number: str, overlay: bool) -> str:
        """Logs the print (a reprint needs a supervisor) and prints in one transaction.

        A printer failure rolls the log entry back, so the log only lists sheets that came out.
        """
        pdf = self.certificate_pdf(number, overlay)
        printer = load_settings().printer
        with self.store.write() as session:
            issuance.record_print(
                session, self.actor, number, printer or tr("默认打印机"), overlay=overlay
            )
            return printer_dialogs.print_pdf(pdf, printer)

    def void(self, number: str, reason: str) -> None:
        with self.store.write() as session:
            issuance.void(session, self.actor, number, reason)

    def verify(self, text: str) -> certificate_code.Verdict:
        trusted = keys.trusted_keys(config.trusted_key_folders())
        with self.store.read() as session:
            revocations = issuance.revocation_list(session)
        now = clock.now()
        return certificate_code.verify(text, trusted, now, revocations)

    # --- 办件 -----------------------------------------------------------------------------------

    def case_actions(self) -> CaseActions:
        return CaseActions(
            search=self.search_cases,
            detail=self.case_detail,
            corrections_received=self.corrections_received,
            drop=self.drop_item,
            withdraw=self.withdraw,
            reveal=self.reveal,
        )

    def search_cases(
        self, text: str, state: str | None, industry: str | None, overdue: bool
    ) -> list[CaseRow]:
        with self.store.read() as session:
            return cases.search_applications(session, text, state, industry, overdue)

    def case_detail(self, number: str) -> CaseDetail:
        with self.store.read() as session:
            view = cases.get_application(session, number)
            return CaseDetail(
                view, cases.working_days_left(session, view), cases.history(session, number)
            )

    def corrections_received(self, number: str, item: ItemView) -> None:
        with self.store.write() as session:
            workflow.corrections_received(
                session, self.actor, number, item.permit, expected_version=item.version
            )

    def drop_item(self, number: str, item: ItemView) -> None:
        with self.store.write() as session:
            workflow.drop_item(session, self.actor, number, item.permit)

    def reveal(self, number: str, what: str, reason: str) -> str:
        with self.store.write() as session:
            return cases.reveal(session, self.actor, number, what, reason)

    def withdraw(self, number: str, reason: str, version: int) -> None:
        with self.store.write() as session:
            workflow.withdraw(session, self.actor, number, reason, expected_version=version)

    def calendar_status(self) -> calendar.CalendarStatus:
        with self.store.read() as session:
            return calendar.status(session)

    # --- 统计 -----------------------------------------------------------------------------------

    def dashboard(self) -> reporting.Dashboard:
        """Runs in a worker thread: a session of its own, read-only."""
        with self.store.read() as session:
            return reporting.dashboard(session, self.actor, self.catalog)

    # --- 设置 -----------------------------------------------------------------------------------

    def settings_actions(self) -> SettingsActions:
        from desktop_app.db import test_connection
        from desktop_app.printing import qt_printer

        return SettingsActions(
            load=workstation.load,
            save=self.save_settings,
            printers=qt_printer.printer_names,
            print_calibration=self.print_calibration,
            test_connection=test_connection,
            database=self.store.info.describe(),
            catalog=f"{self.catalog.title} v{self.catalog.version}",
            is_admin=self.actor.role == "admin",
            users=self.users,
            add_user=self.add_user,
            disable_user=self.disable_user,
            import_calendar=self.import_calendar,
            departments={code: d.name for code, d in self.catalog.departments.items()},
        )

    def save_settings(self, settings: workstation.WorkstationSettings) -> None:
        """Saves after checking what would otherwise fail later (the platform's address, codes)."""
        config = platform_config(settings, environ={})
        config.platform_departments(self.catalog.departments)
        workstation.save(settings)

    def print_calibration(self, settings: workstation.WorkstationSettings) -> str:
        overlay = certificate.Overlay(settings.overlay_dx_mm, settings.overlay_dy_mm)
        return printer_dialogs.print_pdf(certificate.calibration_page(overlay), settings.printer)

    def users(self) -> list[auth.UserRow]:
        with self.store.read() as session:
            return auth.list_users(session)

    def add_user(
        self, username: str, password: str, role: str, department: str | None, name: str
    ) -> None:
        with self.store.write() as session:
            auth.add_user(
                session,
                self.actor,
                username,
                password,
                role,
                department,
                name or None,
                known_departments=frozenset(self.catalog.departments),
            )

    def disable_user(self, username: str) -> None:
        with self.store.write() as session:
            auth.disable_user(session, self.actor, username)

    def import_calendar(self, path: Path) -> int:
        with self.store.write() as session:
            return calendar.import_year_file(session, self.actor, path)
