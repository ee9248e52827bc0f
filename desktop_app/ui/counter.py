"""What the signed-in user's screens call: services wrapped in one transaction per action.

Widgets get these plain callables (STYLE.md); nothing here builds a query or holds an ORM object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import clock, config, id_cards
from desktop_app import settings as workstation
from desktop_app.catalog import Bundle, Catalog, CatalogError, resolve
from desktop_app.db import DatabaseUnavailableError, Store
from desktop_app.document_camera import CameraFolder
from desktop_app.domain import certificate_code, keys
from desktop_app.printing import application_form, certificate, notice_sheet
from desktop_app.services import (
    attachments,
    auth,
    calendar,
    cases,
    catalog_versions,
    commitments,
    credit,
    deferred,
    documents,
    draft_file,
    drafts,
    enforcement,
    expiry,
    filed_form,
    inspections,
    intake,
    issuance,
    lifecycle,
    master_data,
    material_reuse,
    online,
    prints,
    reporting,
    supervision,
    workflow,
)
from desktop_app.services.attachments import read_scan_file
from desktop_app.services.auth import Actor
from desktop_app.services.cases import CaseRow, QueueRow
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import AgentInfo, Receipt, Submission
from desktop_app.services.issuance import CertificateRow
from desktop_app.services.wizard import IntakeDraft
from desktop_app.settings import load as load_settings
from desktop_app.sync.client import PlatformClient
from desktop_app.sync.config import PlatformConfigError, platform_config, platform_departments
from desktop_app.sync.online_exchange import fetch_files
from desktop_app.ui import printer_dialogs
from desktop_app.ui.case_desk import CaseDesk
from desktop_app.ui.cases_tab import CaseActions
from desktop_app.ui.catalog_admin_actions import CatalogAdminActions, catalog_admin_actions
from desktop_app.ui.certificates_tab import CertificateActions
from desktop_app.ui.commitments_tab import CommitmentActions
from desktop_app.ui.document_printing import print_issued, print_latest
from desktop_app.ui.draws_panel import DrawActions
from desktop_app.ui.expiring_panel import ExpiringActions
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.after_issue import AfterIssueActions
from desktop_app.ui.intake.counter_decision import CounterDecisions
from desktop_app.ui.online_tab import OnlineActions, OnlineDetail
from desktop_app.ui.registry_panel import RegistryActions
from desktop_app.ui.review_tab import ReviewActions, ReviewDetail
from desktop_app.ui.roster_panel import RosterActions
from desktop_app.ui.settings_tab import SettingsActions
from desktop_app.ui.supervision_tab import SupervisionActions

LOOKUP_SECONDS = 5.0  # the licence lookup fills the form while the clerk types: not longer


@dataclass
class Counter:
    """The services as the signed-in user sees them."""

    store: Store
    catalog: Catalog
    actor: Actor

    def _submission(self, draft: IntakeDraft) -> Submission:
        agent = draft.agent
        return Submission(
            industry=draft.industry or "",
            answers=draft.answers,
            form=draft.form,
            materials=draft.materials,
            commitments=tuple(sorted(draft.commitments)),
            agent=None
            if agent is None
            else AgentInfo(agent["name"], agent["id_number"], agent.get("phone") or None),
            draft_id=draft.draft_id,
            prefilled=draft.prefilled_keys(),
            checks=draft.check_pairs(),
        )

    def submit(self, draft: IntakeDraft) -> Receipt:
        """受理, then 并联: the items go to every department in the same transaction."""
        on_platform = platform_departments(self.catalog.departments)
        with self.store.write() as session:
            receipt = intake.accept(session, self.actor, self.catalog, self._submission(draft))
            attachments.link_scans(session, self.actor, receipt.number, draft.scans)
            workflow.dispatch(session, self.actor, receipt.number, platform_departments=on_platform)
        draft_file.discard(self.actor.username)  # accepted: nothing left to offer back
        return receipt

    def known_values(self, credit_code: str) -> master_data.Prefill:
        with self.store.read() as session:
            return master_data.from_earlier_cases(session, self.catalog, credit_code)

    def licence_lookup(self) -> Callable[[str], master_data.Prefill | None] | None:
        """The platform's business-licence lookup; None when no platform is set up here."""
        try:
            config = platform_config()
        except PlatformConfigError:
            return None
        if not config.enabled:
            return None
        client = PlatformClient(config.url, config.token, timeout=LOOKUP_SECONDS)

        def look_up(credit_code: str) -> master_data.Prefill | None:
            record = client.enterprise(credit_code)
            return None if record is None else master_data.from_licence(self.catalog, record)

        return look_up

    def id_reader_finder(self) -> Callable[[], id_cards.IdReader | None] | None:
        """The form page's way to the card reader; None when this PC has none set up."""
        try:
            if id_cards.configured_reader() is None:
                return None
        except id_cards.ReaderError:
            pass  # a wrong setting: said when the clerk presses the button
        return id_cards.configured_reader

    def reuse_offers(self, draft: IntakeDraft) -> dict[str, material_reuse.ReuseOffer]:
        """The materials a returning enterprise handed in before that may serve again."""
        with self.store.read() as session:
            return material_reuse.offers_for_application(
                session, self.catalog, draft.industry or "", draft.answers, draft.form
            )

    def store_scan(self, path: Path, source: str = "file") -> dict[str, str]:
        """A file chosen or shot (高拍仪) in the wizard, checked and stored; for the draft."""
        data = read_scan_file(path)
        with self.store.write() as session:
            scan = attachments.store_file(session, self.actor, data, path.name)
        return {"sha256": scan.sha256, "name": scan.name, "source": source}

    def document_camera(self) -> CameraFolder | None:
        """The 高拍仪's capture folder set on this PC (设置), or None."""
        folder = load_settings().document_camera_folder
        return CameraFolder(Path(folder)) if folder else None

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
                    draft.agent,
                    draft.scans,
                    draft.prefilled,
                    draft.checks,
                )
        except DatabaseUnavailableError as exc:
            raise ServiceError(
                tr("草稿已保存在本机；数据库暂不可用，恢复后再保存（{detail}）").format(
                    detail=exc.detail
                )
            ) from None

    def counter_correction(self, draft: IntakeDraft, missing: list[str]) -> str:
        """一次性补正告知书: the draft is kept under the notice's number (printed by the caller)."""
        draft.draft_id = self.save_draft(draft)
        with self.store.write() as session:
            number = drafts.request_counter_corrections(
                session, self.actor, self.catalog, draft.draft_id, missing
            )
        draft_file.discard(self.actor.username)  # kept in the database, found by the number
        return number

    def counter_refusal(self, draft: IntakeDraft, reason: str) -> str:
        """不予受理决定书: the draft is closed (the decision is printed by the caller)."""
        draft.draft_id = self.save_draft(draft)
        with self.store.write() as session:
            number = drafts.refuse_at_counter(
                session, self.actor, self.catalog, draft.draft_id, reason
            )
        draft_file.discard(self.actor.username)
        return number

    def decisions(self) -> CounterDecisions:
        return CounterDecisions(
            print_form=self.print_form,
            correct=self.counter_correction,
            refuse=self.counter_refusal,
            print_document=self.print_document,
            returning=self.returning,
            take_over=self.take_over,
        )

    def print_document(self, number: str, kind: str) -> None:
        """The newest document of ``kind`` of a case, or of the counter notice ``number``."""
        print_latest(self.store, self.actor, number, kind)

    def returning(self, text: str) -> list[drafts.ReturningRow]:
        with self.store.read() as session:
            return drafts.returning(session, text)

    def take_over(self, draft_id: int) -> IntakeDraft:
        """The applicant is back with the corrections: the kept draft, to go on with."""
        with self.store.write() as session:
            row = drafts.take_over(session, self.actor, draft_id)
        return IntakeDraft(
            industry=row.industry,
            answers=dict(row.answers),
            form=dict(row.form),
            materials=dict(row.materials),
            commitments=set(row.commitments),
            agent=row.agent,
            draft_id=row.id,
            scans={key: list(entries) for key, entries in row.scans.items()},
            prefilled=dict(row.prefilled),
            checks={key: dict(check) for key, check in row.checks.items()},
        )

    def local_draft(self) -> draft_file.SavedDraft | None:
        return draft_file.load(self.actor.username)

    def discard_local_draft(self) -> None:
        draft_file.discard(self.actor.username)

    def _print(self, pdf: bytes, document: str, subject: str) -> None:
        printer = printer_dialogs.print_pdf(pdf, load_settings().printer)
        with self.store.write() as session:
            prints.record_document_print(session, self.actor, document, subject, printer)

    def print_receipt(self, receipt: Receipt) -> None:
        """The 受理通知书 (or 容缺受理通知书) and, with 告知承诺, the 告知承诺书 to sign."""
        print_latest(self.store, self.actor, receipt.number, "receipt")
        with self.store.read() as session:
            kinds = {d.kind for d in documents.for_case(session, receipt.number)}
        if "commitment" in kinds:
            print_latest(self.store, self.actor, receipt.number, "commitment")

    def print_form(self, draft: IntakeDraft, receipt: Receipt | None) -> None:
        """The 综合申请表 to check and sign: as filed once accepted, else from the draft."""
        if receipt is not None:
            print_latest(self.store, self.actor, receipt.number, "application_form")
            return
        content = intake.application_form_preview(self.catalog, self._submission(draft))
        self._print(application_form.render(tr("（受理后生成）"), content), "form", "draft")

    # --- 变更, 延续, 增项, 减项, 补证, 注销 -----------------------------------------------------

    def after_issue_actions(self) -> AfterIssueActions:
        return AfterIssueActions(
            find=self.find_certificates,
            held=self.held_certificate,
            plan=self.plan_after_issue,
            accept=self.accept_after_issue,
            print_receipt=self.print_receipt,
        )

    def find_certificates(self, text: str) -> list[lifecycle.Found]:
        with self.store.read() as session:
            return lifecycle.find(session, text)

    def held_certificate(self, number: str) -> lifecycle.Held:
        with self.store.read() as session:
            return lifecycle.held(session, self.catalog, number)

    def plan_after_issue(self, request: lifecycle.Request) -> lifecycle.Plan:
        with self.store.read() as session:
            held = lifecycle.held(session, self.catalog, request.certificate)
        return lifecycle.plan(self.catalog, held, request)

    def accept_after_issue(self, request: lifecycle.Request) -> Receipt:
        """受理 on the certificate, then 并联 to the departments it concerns (if any)."""
        on_platform = platform_departments(self.catalog.departments)
        with self.store.write() as session:
            receipt = lifecycle.accept(session, self.actor, self.catalog, request)
            if receipt.items:
                workflow.dispatch(
                    session, self.actor, receipt.number, platform_departments=on_platform
                )
        return receipt

    def print_notice(self, bundle: Bundle) -> None:
        names = {code: p.name for code, p in self.catalog.permits.items()}
        self._print(notice_sheet.render(bundle, names), "notice", bundle.industry)

    # --- 网上申请 -----------------------------------------------------------------------------

    def online_actions(self) -> OnlineActions:
        return OnlineActions(
            listing=self.online_listing,
            detail=self.online_detail,
            fetch_files=self.online_fetch_files,
            accept=self.online_accept,
            return_for_correction=self.online_return,
            refuse=self.online_refuse,
            open_scan=self.open_scan,
        )

    def online_listing(self) -> list[online.OnlineRow]:
        with self.store.read() as session:
            return online.listing(session)

    def online_detail(self, online_id: int) -> OnlineDetail:
        """The form as filed (masked as every screen), and which files are here already."""
        with self.store.read() as session:
            files = online.files_of(session, online_id)
            missing = {ref.sha256 for ref in online.missing_files(session, online_id)}
            raw = online.raw_of(session, online_id)
        form: dict[str, Any] = raw["form"] if isinstance(raw.get("form"), dict) else {}
        try:
            bundle = resolve(self.catalog, str(raw.get("industry")), raw.get("answers") or {})
            shown = [
                (s.title, [(label, value) for _, label, value in s.rows])
                for s in filed_form.sections(self.catalog, bundle, form, masked=True)
            ]
        except (CatalogError, AttributeError, TypeError):  # not one of our industries
            shown = [(tr("申请表"), [(str(k), filed_form.show_value(v)) for k, v in form.items()])]
        return OnlineDetail(shown, [(key, ref, ref.sha256 not in missing) for key, ref in files])

    def online_fetch_files(self, online_id: int) -> int:
        config = platform_config()
        if not config.enabled:
            raise ServiceError(tr("未配置区域平台地址，无法取得网上申请的材料文件"))
        return fetch_files(
            self.store, PlatformClient(config.url, config.token), self.actor, online_id
        )

    def online_accept(self, online_id: int) -> Receipt:
        on_platform = platform_departments(self.catalog.departments)
        with self.store.write() as session:
            return online.accept(session, self.actor, self.catalog, online_id, on_platform)

    def online_return(self, online_id: int, reasons: list[str]) -> None:
        with self.store.write() as session:
            online.return_for_correction(session, self.actor, online_id, reasons)

    def online_refuse(self, online_id: int, reason: str) -> None:
        with self.store.write() as session:
            online.refuse(session, self.actor, online_id, reason)

    # --- 部门审批 -----------------------------------------------------------------------------

    def review_actions(self) -> ReviewActions:
        return ReviewActions(
            queue=self.review_queue,
            take_up=self.take_up,
            request_correction=self.request_correction,
            approve=self.approve,
            reject=self.reject,
            detail=self.review_detail,
            open_scan=self.open_scan,
        )

    def review_detail(self, row: QueueRow) -> ReviewDetail:
        """The form and materials this reviewer's department decides on, masked."""
        with self.store.read() as session:
            view = cases.department_view(
                session, self.catalog, row.number, self.actor.department or ""
            )
            late = [
                d
                for d in deferred.of_case(session, self.catalog, row.number)
                if row.permit in d.permits
            ]
            mine = {m.key for m in view.materials}  # never another department's papers
            site = inspections.status(session, self.catalog, row.number)
            site_check = next((i.status for i in site.items if i.permit == row.permit), None)
            return ReviewDetail(
                view,
                late,
                cases.history(session, row.number),
                [f for f in attachments.of_case(session, row.number) if f.material_key in mine],
                [
                    c
                    for c in attachments.checks_of_case(session, row.number)
                    if c.material_key in mine
                ],
                site_check,
            )

    def open_scan(self, sha256: str) -> tuple[bytes, str]:
        with self.store.read() as session:
            return attachments.file_bytes(session, sha256)

    # --- 承诺核查 -------------------------------------------------------------------------------

    def supervision_actions(self) -> SupervisionActions:
        return SupervisionActions(
            cases=self.inspection_cases,
            status=self.inspection_status,
            inspectors=self.inspectors,
            schedule=self.schedule_inspection,
            record=self.record_inspection,
            rectified=self.rectified,
            print_document=self.print_document,
            department=None if self.actor.role == "supervisor" else self.actor.department,
        )

    def _deciding_departments(self) -> list[str]:
        """The departments that decide permits (all but the counter's own)."""
        return [c for c in self.catalog.departments if c != self.catalog.counter_department]

    def draw_actions(self) -> DrawActions:
        drawing = self._deciding_departments()
        return DrawActions(
            draws=self._draws,
            view=self._draw_view,
            draw=self._new_draw,
            record=self._draw_result,
            verify=self._verify_draw,
            publish=self._publish_draw,
            permits=self._permits_held,
            order=self._order_measure,
            departments={c: self.catalog.departments[c].name for c in drawing},
            may_draw=self.actor.role == "supervisor",
        )

    def registry_actions(self) -> RegistryActions:
        return RegistryActions(
            entries=self._registry,
            set_class=self._set_credit_class,
            industries={i.code: i.name for i in self.catalog.industries},
            may_set=self.actor.role == "supervisor",
            measures=self._measures,
            close=self._close_measure,
        )

    def catalog_label_in_force(self) -> str | None:
        with self.store.read() as session:
            return catalog_versions.label_in_force(session)

    def roster_actions(self) -> RosterActions:
        return RosterActions(
            rows=self._roster,
            add_conflict=self._add_conflict,
            departments={c: d.name for c, d in self.catalog.departments.items()},
            may_edit=self.actor.role == "supervisor",
        )

    def _roster(self) -> list[supervision.RosterRow]:
        with self.store.read() as session:
            return supervision.roster_rows(session)

    def _add_conflict(self, inspector: str, credit_code: str, reason: str) -> None:
        with self.store.write() as session:
            supervision.add_conflict(session, self.actor, inspector, credit_code, reason)

    def _permits_held(self, credit_code: str) -> list[tuple[str, str]]:
        with self.store.read() as session:
            return enforcement.permits_held(session, credit_code)

    def _order_measure(
        self,
        draw_id: int,
        code: str,
        kind: str,
        permit: str,
        findings: str,
        due: dt.date | None,
        basis: str,
    ) -> str:
        with self.store.write() as session:
            done = enforcement.order(
                session, self.actor, draw_id, code, kind, permit, findings, due, basis
            )
        if done.document:
            return tr("已撤销{permit}，撤销行政许可决定书 {document}").format(
                permit=done.permit_name, document=done.document
            )
        due_text = done.due_on.isoformat() if done.due_on else ""
        return tr("已责令整改{permit}（至 {due}）").format(permit=done.permit_name, due=due_text)

    def _measures(self) -> list[enforcement.MeasureView]:
        with self.store.read() as session:
            return enforcement.measures(session)

    def _close_measure(self, measure_id: int, note: str) -> None:
        with self.store.write() as session:
            enforcement.close(session, self.actor, measure_id, note)

    def _registry(self) -> list[supervision.RegistryEntry]:
        with self.store.read() as session:
            return supervision.registry(session, self._deciding_departments())

    def _set_credit_class(self, credit_code: str, credit_class: str, reason: str) -> None:
        with self.store.write() as session:
            credit.set_class(session, self.actor, credit_code, credit_class, reason)

    def _draws(self) -> list[supervision.DrawSummary]:
        with self.store.read() as session:
            return supervision.draws(session)

    def _draw_view(self, draw_id: int) -> supervision.DrawView:
        with self.store.read() as session:
            return supervision.view(session, draw_id)

    def _new_draw(
        self, departments: list[str], ratios: dict[str, float], seed: str, per_target: int
    ) -> supervision.DrawView:
        with self.store.write() as session:
            return supervision.draw(
                session, self.actor, self.catalog, departments, [], ratios, seed, per_target
            )

    def _draw_result(self, draw_id: int, code: str, result: str, findings: str) -> None:
        with self.store.write() as session:
            supervision.record(session, self.actor, draw_id, code, result, findings)

    def _verify_draw(self, draw_id: int) -> tuple[bool, str]:
        with self.store.read() as session:
            return supervision.verify(session, draw_id)

    def _publish_draw(self, draw_id: int, path: Path) -> int:
        with self.store.write() as session:
            return supervision.publish(session, self.actor, self.catalog, draw_id, path)

    def inspection_cases(self) -> list[inspections.OpenCase]:
        own = None if self.actor.role == "supervisor" else self.actor.department
        with self.store.read() as session:
            return inspections.open_cases(session, own)

    def inspection_status(self, number: str) -> inspections.InspectionStatus:
        with self.store.read() as session:
            return inspections.status(session, self.catalog, number)

    def inspectors(self) -> list[tuple[str, str, str]]:
        """(username, name, department name) of every active inspector."""
        with self.store.read() as session:
            users = auth.list_users(session)
        names = {code: d.name for code, d in self.catalog.departments.items()}
        return [
            (u.username, u.display_name, names.get(u.department or "", u.department or ""))
            for u in users
            if u.role == "inspector" and not u.disabled
        ]

    def schedule_inspection(
        self, number: str, at: dt.datetime, chosen: list[str], site: str | None
    ) -> str:
        with self.store.write() as session:
            view = inspections.schedule(session, self.actor, self.catalog, number, at, chosen, site)
        return tr("已安排{title}：{at}").format(
            title=view.title, at=view.scheduled_at.strftime("%Y-%m-%d %H:%M")
        )

    def record_inspection(self, number: str, permit: str, outcome: str, findings: str) -> str:
        with self.store.write() as session:
            view = inspections.record(
                session, self.actor, self.catalog, number, permit, outcome, findings
            )
        if view.state == "done" and any(r.outcome == "rectify" for r in view.results):
            return tr("结论已登记；本次核查结果已齐，已出具整改意见书")
        return tr("结论已登记")

    def rectified(self, number: str) -> str:
        with self.store.write() as session:
            inspections.report_rectified(session, self.actor, self.catalog, number)
        return tr("已登记整改完成，审批时限继续计算；可安排复查")

    def commitment_actions(self) -> CommitmentActions:
        return CommitmentActions(
            checks=self.checks, verify=self.verify_check, may_verify=self.actor.role == "reviewer"
        )

    def checks(self, include_closed: bool) -> list[commitments.CheckRow]:
        with self.store.read() as session:
            return commitments.checks(session, self.actor, include_closed=include_closed)

    def verify_check(self, row: commitments.CheckRow, passed: bool, findings: str) -> str | None:
        """Records the check; a failure's 撤销行政许可决定书 goes to the printer."""
        with self.store.write() as session:
            revocation = commitments.verify(
                session, self.actor, row.number, row.permit, passed, findings
            )
        if revocation is not None:
            print_latest(self.store, self.actor, row.number, "revocation")
        return revocation

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

    def expiring_actions(self) -> ExpiringActions:
        return ExpiringActions(rows=self.expiring, export=expiry.export_excel, remind=self.remind)

    def expiring(self, within_days: int) -> list[expiry.ExpiringPermit]:
        with self.store.read() as session:
            return expiry.expiring(session, self.catalog, clock.today(), within_days)

    def remind(self, number: str, within_days: int) -> str:
        """Issues the holder's 延续提醒告知书 and prints it."""
        with self.store.write() as session:
            notice = expiry.issue_reminder(
                session, self.actor, self.catalog, number, clock.today(), within_days
            )
        with self.store.read() as session:
            document = documents.by_number(session, notice)
        print_issued(self.store, self.actor, document)
        return tr("已打印延续提醒告知书 {notice}（证书 {number}）").format(
            notice=notice, number=number
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
            view = issuance.issue(session, self.actor, self.catalog, number, key)
        if view.state == "cancelled":  # 注销, or a 减项 that left fewer than two permits
            try:
                print_latest(self.store, self.actor, number, "cancellation")
                printed = tr("注销通知书已打印")
            except RuntimeError as exc:
                printed = tr("注销通知书未能打印：{exc}，可在“办件”中重打").format(exc=exc)
            return tr("已注销：{number}（{printed}）").format(number=view.number, printed=printed)
        if view.print_no > 1 and view.application_number != number:
            return tr("已补发：{number}（印制号 {print_no}，原印制件作废），请打印").format(
                number=view.number, print_no=view.print_no
            )
        return tr("已核发：{number}（第{revision}版）").format(
            number=view.number, revision=view.revision
        )

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
        demo = keys.trusted_keys(config.demo_key_folders(), demo=True)
        with self.store.read() as session:
            revocations = issuance.revocation_list(session)
        now = clock.now()
        return certificate_code.verify(text, trusted, now, revocations, demo=demo)

    # --- 办件 -----------------------------------------------------------------------------------

    def case_actions(self) -> CaseActions:
        return CaseDesk(self.store, self.catalog, self.actor).actions()

    def calendar_status(self) -> calendar.CalendarStatus:
        with self.store.read() as session:
            return calendar.status(session)

    # --- 统计 -----------------------------------------------------------------------------------

    def dashboard(self) -> reporting.Dashboard:
        """Runs in a worker thread: a session of its own, read-only."""
        with self.store.read() as session:
            return reporting.dashboard(session, self.actor, self.catalog)

    # --- 设置 -----------------------------------------------------------------------------------

    def catalog_admin_actions(self) -> CatalogAdminActions:
        def print_pdf(pdf: bytes, subject: str) -> str:
            printer = printer_dialogs.print_pdf(pdf, load_settings().printer)
            with self.store.write() as session:
                prints.record_document_print(session, self.actor, "catalog_sheet", subject, printer)
            return printer

        return catalog_admin_actions(self.store, self.actor, print_pdf)

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
        try:
            id_cards.reader_for(settings.id_reader)
        except id_cards.ReaderError as exc:
            raise ServiceError(str(exc)) from None
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

    def import_calendar(self, path: Path, replace: bool = False) -> calendar.YearImported:
        with self.store.write() as session:
            return calendar.import_year_file(session, self.actor, path, replace)
