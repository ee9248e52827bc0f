"""一证准营: issuing the 行业综合许可证, its revisions, prints, voids and cancellation.

The certificate number is allocated inside the issuing transaction from a counter row (never a
sequence), so numbers per year are exactly 1..N; a rolled-back issue gives its number back, a voided
certificate keeps its number for ever.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.config import LICENCE_TYPE_CODE, installation
from desktop_app.domain import certificate_code
from desktop_app.domain.cose import PrivateKey
from desktop_app.domain.license_id import license_identifier
from desktop_app.domain.states import (
    APPLICATION_KIND_NAMES,
    APPLICATION_STATE_NAMES,
    ApplicationKind,
    ApplicationState,
    ItemState,
)
from desktop_app.models import (
    Application,
    Certificate,
    CertificatePermit,
    Item,
    PrintRecord,
    ReplacedPrint,
    StateChange,
)
from desktop_app.models.base import utcnow
from desktop_app.services import audit, documents, enforcement, holder, numbers
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.calendar import working_days_between
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError

REISSUE_REASON_NAMES = {"lost": "遗失", "damaged": "损毁"}
_Query = TypeVar("_Query", bound="Select[*tuple[Any, ...]]")  # any select, whatever its columns


@dataclass(frozen=True)
class PermitLine:
    code: str
    name: str
    permit_no: str
    department: str
    department_name: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class CertificateView:
    """A certificate revision as shown, printed and exported."""

    number: str
    revision: int
    state: str
    industry: str
    industry_name: str
    holder_name: str
    holder_uscc: str
    legal_rep_name: str
    address: str
    issuer_uscc: str
    issued_on: dt.date
    valid_from: dt.date
    valid_until: dt.date | None
    license_id: str
    qr_text: str
    application_number: str
    reprints: int
    permits: tuple[PermitLine, ...]
    print_no: int = 1


def _require_issuer(actor: Actor, catalog: Catalog, action: str) -> None:
    # The counter hands the certificate out (统一出件); market supervision issues it.
    if actor.role == "reviewer":
        if actor.department != catalog.issuing_department:
            raise PermissionDeniedError(
                f"{action}须由窗口或{catalog.departments[catalog.issuing_department].name}办理"
            )
        return
    require_role(actor, "clerk", "supervisor", "reviewer", action=action)


def certificate_number(session: Session, year: int) -> str:
    """``640324-2025-000123``; a stand-alone SQLite counter adds its workstation code."""
    site = installation()
    sequence = numbers.allocate(session, f"certificate:{year}")
    if session.get_bind().dialect.name == "sqlite":
        return f"{site.office_code}-{year}-{site.workstation}-{sequence:06d}"
    return f"{site.office_code}-{year}-{sequence:06d}"


def _current(session: Session, enterprise_id: int, industry: str) -> Certificate | None:
    return session.scalar(
        select(Certificate).where(
            Certificate.enterprise_id == enterprise_id,
            Certificate.industry == industry,
            Certificate.state == "valid",
        )
    )


@dataclass(frozen=True)
class _Line:
    """One permit as it will stand on the new revision."""

    permit: str
    name: str
    permit_no: str
    department: str
    valid_from: dt.date
    valid_to: dt.date | None


def issue(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    application_number: str,
    signing_key: PrivateKey,
    today: dt.date | None = None,
) -> CertificateView:
    """Issues what the case decided, by its kind.

    新办: revision 1 of a new number. 变更, 延续, 增项, 减项: the next revision, carrying the
    permits no item touched. 注销 (and a 减项 leaving fewer than two permits): the certificate is
    cancelled. 补证: the same revision re-signed with the next 印制号; the old sheets are void.
    """
    _require_issuer(actor, catalog, "核发行业综合许可证")
    today = today or clock.today()
    application = session.scalar(
        select(Application)
        .where(Application.number == application_number)
        .options(
            selectinload(Application.items),
            selectinload(Application.enterprise),
            selectinload(Application.agent),
        )
    )
    if application is None:
        raise NotFoundError(f"办件 {application_number} 不存在")
    if application.state == ApplicationState.ISSUED:
        raise WorkflowError(f"办件 {application_number} 已出证，不能再次出证（补证请走补证流程）")
    if application.state != ApplicationState.READY_TO_ISSUE:
        state = APPLICATION_STATE_NAMES[ApplicationState(application.state)]
        raise WorkflowError(
            f"办件 {application_number} 尚未全部准予许可，不能出证（当前：{state}）"
        )
    items = [i for i in application.items if not i.dropped]
    if any(i.state != ItemState.APPROVED for i in items):
        raise WorkflowError("尚有事项未准予许可")
    kind = ApplicationKind(application.kind)
    if kind == ApplicationKind.NEW:
        previous = _current(session, application.enterprise_id, application.industry)
        if previous is not None:
            raise WorkflowError(f"该主体已持有本行业综合许可证 {previous.number}，请办理变更或延续")
        if len(items) < 2:
            raise WorkflowError("仅涉及一项许可，单独发放该许可证，不核发行业综合许可证")
        lines = [_new_line(catalog, i, today) for i in items]
        number, revision = certificate_number(session, today.year), 1
        _sign(session, actor, catalog, application, lines, number, revision, signing_key, today)
        return _issued(session, actor, catalog, application, number, revision)
    previous = session.scalar(
        select(Certificate)
        .where(Certificate.number == application.certificate_number, Certificate.state == "valid")
        .options(selectinload(Certificate.permits))
    )
    if previous is None:
        raise WorkflowError(
            f"证书 {application.certificate_number} 已不是有效证书，不能办理"
            f"{APPLICATION_KIND_NAMES[kind.value]}"
        )
    if kind == ApplicationKind.REISSUE:
        return _reissue(session, actor, catalog, application, previous, signing_key)
    lines = _next_lines(catalog, previous, items, today, revoked_since(session, previous.number))
    if kind == ApplicationKind.CANCELLATION or len(lines) < 2:
        return _cancel_by_application(session, actor, catalog, application, previous, today)
    previous.state = "superseded"
    previous.state_reason = f"{APPLICATION_KIND_NAMES[kind.value]}：{application_number}"
    revision = previous.revision + 1
    _sign(
        session, actor, catalog, application, lines, previous.number, revision, signing_key, today
    )
    return _issued(session, actor, catalog, application, previous.number, revision)


def _new_line(catalog: Catalog, item: Item, today: dt.date) -> _Line:
    permit = catalog.permits[item.permit]
    return _Line(
        item.permit,
        permit.display_name(item.variant),
        item.permit_no or "",
        item.department,
        item.valid_from or today,
        item.valid_to,
    )


def issuing_cases(number: str) -> Select[int]:
    """The applications whose issue made a revision of certificate ``number`` (a subquery)."""
    return select(Certificate.application_id).where(Certificate.number == number)


def revoked_since(session: Session, number: str) -> set[str]:
    """Permits of certificate ``number`` whose latest decision is a revocation.

    A failed 告知承诺 check or the platform revoked it: a new revision must not carry it on.
    """
    latest: dict[str, str] = {}
    for permit, state in session.execute(
        select(Item.permit, Item.state)
        .where(Item.application_id.in_(issuing_cases(number)))
        .order_by(Item.id)
    ):
        latest[permit] = state
    return {permit for permit, state in latest.items() if state == ItemState.REVOKED}


def _next_lines(
    catalog: Catalog,
    previous: Certificate,
    items: list[Item],
    today: dt.date,
    revoked: set[str],
) -> list[_Line]:
    """The previous revision's permits with this case's decisions applied, in their order."""
    decided = {i.permit: i for i in items}
    lines = []
    for p in previous.permits:
        item = decided.pop(p.permit, None)
        if item is None and p.permit in revoked:
            continue  # revoked since: it leaves the certificate with this revision
        if item is None:
            lines.append(
                _Line(p.permit, p.name, p.permit_no, p.department, p.valid_from, p.valid_to)
            )
        elif item.kind != "cancellation":
            # 变更 and 延续: the number and validity the department recorded (or confirmed).
            lines.append(
                _Line(
                    p.permit,
                    p.name,
                    item.permit_no or p.permit_no,
                    p.department,
                    item.valid_from or p.valid_from,
                    item.valid_to,
                )
            )
    lines += [_new_line(catalog, i, today) for i in decided.values() if i.kind == "new"]
    return lines


def _sign(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    application: Application,
    lines: list[_Line],
    number: str,
    revision: int,
    signing_key: PrivateKey,
    today: dt.date,
) -> Certificate:
    """Signs and stores one revision, with the holder data as this application filed it."""
    filed = holder.as_filed(application.form)
    expiries = [line.valid_to for line in lines if line.valid_to is not None]
    # Filings without an expiry do not drive the certificate's validity.
    valid_until = min(expiries) if expiries else None
    site = installation()
    claims = certificate_code.CertificateClaims(
        issuer=site.issuer_uscc,
        issued_at=utcnow(),
        expires=valid_until,
        number=number,
        revision=revision,
        industry=application.industry,
        holder_uscc=filed.credit_code,
        holder_name=filed.name,
        permits=tuple(
            certificate_code.PermitClaim(
                line.permit, line.permit_no, line.department, line.valid_from, line.valid_to
            )
            for line in lines
        ),
    )
    certificate = Certificate(
        number=number,
        revision=revision,
        application_id=application.id,
        enterprise_id=application.enterprise_id,
        industry=application.industry,
        holder_name=filed.name,
        holder_uscc=filed.credit_code,
        legal_rep_name=filed.legal_rep_name,
        address=filed.address,
        issuer_uscc=site.issuer_uscc,
        issued_on=today,
        issued_at=claims.issued_at,
        issued_by=actor.id,
        valid_from=today,
        valid_until=valid_until,
        state="valid",
        license_id=license_identifier(LICENCE_TYPE_CODE, site.issuer_uscc, number, revision),
        qr_text=certificate_code.encode(claims, signing_key),
        working_days=working_days_between(session, application.accepted_on, today),
    )
    session.add(certificate)
    session.flush()
    for line in lines:
        session.add(
            CertificatePermit(
                certificate_id=certificate.id,
                permit=line.permit,
                name=line.name,
                permit_no=line.permit_no,
                department=line.department,
                valid_from=line.valid_from,
                valid_to=line.valid_to,
            )
        )
    holder.approve(session, application.enterprise, application.form, application.id)
    return certificate


def _finish(
    session: Session, actor: Actor, application: Application, state: ApplicationState
) -> None:
    old_state = application.state
    application.state = state.value
    application.updated_at = utcnow()
    session.add(
        StateChange(
            application_id=application.id,
            from_state=old_state,
            to_state=state.value,
            actor_id=actor.id,
        )
    )


def _issued(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    application: Application,
    number: str,
    revision: int,
) -> CertificateView:
    _finish(session, actor, application, ApplicationState.ISSUED)
    audit.record(
        session,
        actor.username,
        "certificate_issue",
        number,
        {
            "revision": revision,
            "application": application.number,
            "kind": application.kind,
            "state": "issued",
        },
    )
    session.flush()
    return certificate_view(session, catalog, number, revision)


def _cancel_by_application(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    application: Application,
    previous: Certificate,
    today: dt.date,
) -> CertificateView:
    """注销 (or a 减项 that leaves fewer than two permits): the certificate ends, with a notice."""
    kind_name = APPLICATION_KIND_NAMES[application.kind]
    cancelled = [i for i in application.items if not i.dropped and i.kind == "cancellation"]
    names = {p.permit: p.name for p in previous.permits}
    kept = [p for p in previous.permits if p.permit not in {i.permit for i in cancelled}]
    previous.state = "cancelled"
    previous.state_reason = f"{kind_name}：{application.number}"
    if application.reason:
        previous.state_reason += f"（{application.reason}）"
    _finish(session, actor, application, ApplicationState.COMPLETED)
    industry = catalog.find_industry(application.industry)
    department = catalog.department_name
    header = documents.case_header(
        application, industry.name if industry else application.industry, today
    )
    documents.issue(
        session,
        actor,
        "cancellation",
        {
            **header,
            "kind_name": kind_name,
            "certificate": previous.number,
            "revision": previous.revision,
            "reason": application.reason,
            "cancelled": [
                [names.get(i.permit, i.permit), i.permit_no or "", department(i.department)]
                for i in cancelled
            ],
            "kept": [[p.name, p.permit_no, department(p.department)] for p in kept],
        },
        application_id=application.id,
    )
    audit.record(
        session,
        actor.username,
        "certificate_cancelled",
        previous.number,
        {
            "revision": previous.revision,
            "application": application.number,
            "kind": application.kind,
            "state": "cancelled",
            "case_state": ApplicationState.COMPLETED.value,
        },
    )
    session.flush()
    return certificate_view(session, catalog, previous.number, previous.revision)


def _reissue(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    application: Application,
    certificate: Certificate,
    signing_key: PrivateKey,
) -> CertificateView:
    """补证: the revision re-signed with the next 印制号; every earlier sheet is void."""
    claims = certificate_code.CertificateClaims(
        issuer=certificate.issuer_uscc,
        issued_at=utcnow(),
        expires=certificate.valid_until,
        number=certificate.number,
        revision=certificate.revision,
        industry=certificate.industry,
        holder_uscc=certificate.holder_uscc,
        holder_name=certificate.holder_name,
        permits=tuple(
            certificate_code.PermitClaim(
                p.permit, p.permit_no, p.department, p.valid_from, p.valid_to
            )
            for p in certificate.permits
        ),
        print_no=certificate.print_no + 1,
    )
    reason = application.reason or "lost"
    session.add(
        ReplacedPrint(
            certificate_id=certificate.id,
            print_no=certificate.print_no,
            qr_text=certificate.qr_text,
            application_id=application.id,
            reason=reason,
        )
    )
    void_reason = f"补证（{REISSUE_REASON_NAMES.get(reason, reason)}）：{application.number}"
    for sheet in session.scalars(
        select(PrintRecord).where(
            PrintRecord.certificate_id == certificate.id, PrintRecord.voided.is_(False)
        )
    ):
        sheet.voided = True
        sheet.void_reason = void_reason
    certificate.print_no = claims.print_no
    certificate.qr_text = certificate_code.encode(claims, signing_key)
    _finish(session, actor, application, ApplicationState.ISSUED)
    audit.record(
        session,
        actor.username,
        "certificate_reissue",
        certificate.number,
        {
            "revision": certificate.revision,
            "print_no": certificate.print_no,
            "application": application.number,
            "reason": reason,
            "state": "issued",
        },
    )
    session.flush()
    return certificate_view(session, catalog, certificate.number, certificate.revision)


def load_certificate(session: Session, number: str, revision: int | None = None) -> Certificate:
    """The newest revision of ``number`` (or the one asked for), with its permits."""
    query = (
        select(Certificate)
        .where(Certificate.number == number)
        .options(selectinload(Certificate.permits))
    )
    query = (
        query.where(Certificate.revision == revision)
        if revision
        else query.order_by(Certificate.revision.desc())
    )
    certificate = session.scalars(query.limit(1)).first()
    if certificate is None:
        raise NotFoundError(f"行业综合许可证 {number} 不存在")
    return certificate


def certificate_view(
    session: Session, catalog: Catalog, number: str, revision: int | None = None
) -> CertificateView:
    """The newest revision of ``number`` (or the one asked for)."""
    c = load_certificate(session, number, revision)
    application = session.get_one(Application, c.application_id)
    industry = catalog.find_industry(c.industry)
    return CertificateView(
        number=c.number,
        revision=c.revision,
        state=c.state,
        industry=c.industry,
        industry_name=industry.name if industry else c.industry,
        holder_name=c.holder_name,
        holder_uscc=c.holder_uscc,
        legal_rep_name=c.legal_rep_name,
        address=c.address,
        issuer_uscc=c.issuer_uscc,
        issued_on=c.issued_on,
        valid_from=c.valid_from,
        valid_until=c.valid_until,
        license_id=c.license_id,
        qr_text=c.qr_text,
        application_number=application.number,
        reprints=c.reprints,
        print_no=c.print_no,
        permits=tuple(
            PermitLine(
                p.permit,
                p.name,
                p.permit_no,
                p.department,
                catalog.departments[p.department].name,
                p.valid_from,
                p.valid_to,
            )
            for p in c.permits
        ),
    )


@dataclass(frozen=True)
class PrintLine:
    revision: int
    at: dt.datetime
    kind: str  # print, reprint
    printer: str
    copies: int
    voided: bool
    void_reason: str | None


@dataclass(frozen=True)
class ReplacedLine:
    print_no: int
    reason: str
    replaced_at: dt.datetime


@dataclass(frozen=True)
class CertificateHistory:
    """A certificate's whole life: every revision as issued, every print, every replaced sheet."""

    number: str
    state: str  # of the newest revision
    print_no: int
    revisions: tuple[CertificateView, ...]
    prints: tuple[PrintLine, ...]
    replaced: tuple[ReplacedLine, ...]


def certificate_history(session: Session, catalog: Catalog, number: str) -> CertificateHistory:
    revisions = session.scalars(
        select(Certificate.revision)
        .where(Certificate.number == number)
        .order_by(Certificate.revision)
    ).all()
    if not revisions:
        raise NotFoundError(f"行业综合许可证 {number} 不存在")
    views = tuple(certificate_view(session, catalog, number, r) for r in revisions)
    ids = select(Certificate.id).where(Certificate.number == number)
    prints = session.execute(
        select(PrintRecord, Certificate.revision)
        .join(Certificate, Certificate.id == PrintRecord.certificate_id)
        .where(PrintRecord.certificate_id.in_(ids))
        .order_by(PrintRecord.id)
    ).all()
    replaced = session.scalars(
        select(ReplacedPrint)
        .where(ReplacedPrint.certificate_id.in_(ids))
        .order_by(ReplacedPrint.id)
    ).all()
    newest = views[-1]
    return CertificateHistory(
        number,
        newest.state,
        newest.print_no,
        views,
        tuple(
            PrintLine(revision, p.at, p.kind, p.printer, p.copies, p.voided, p.void_reason)
            for p, revision in prints
        ),
        tuple(ReplacedLine(r.print_no, r.reason, r.replaced_at) for r in replaced),
    )


@dataclass(frozen=True)
class CertificateRow:
    number: str
    revision: int
    state: str
    industry: str
    holder_name: str
    holder_uscc: str
    issued_on: dt.date
    valid_until: dt.date | None
    # Permits it lists that were revoked after it was issued: it must be changed or cancelled.
    revoked_permits: tuple[str, ...]
    # Open 责令整改 after a supervision finding (services/enforcement.py).
    orders: tuple[tuple[str, dt.date], ...] = ()  # (permit's name, due date)


def list_certificates(session: Session, state: str | None = None) -> list[CertificateRow]:
    query = select(Certificate).order_by(Certificate.id.desc())
    if state is not None:
        query = query.where(Certificate.state == state)
    revoked = revoked_permits(session)
    orders = enforcement.open_orders_by_certificate(session)
    return [
        CertificateRow(
            c.number,
            c.revision,
            c.state,
            c.industry,
            c.holder_name,
            c.holder_uscc,
            c.issued_on,
            c.valid_until,
            tuple(revoked.get(c.id, ())),
            tuple(orders.get(c.number, ()) if c.state == "valid" else ()),
        )
        for c in session.scalars(query)
    ]


def revoked_permits(session: Session) -> dict[int, list[str]]:
    """Valid certificates that list a permit revoked since, by id: the permits' printed names.

    A permit is revoked after issue by a failed 告知承诺 check or by the regional platform; the
    certificate still shows it (and its QR code still carries it) until a supervisor changes or
    cancels the certificate, so the revocation must not go unnoticed.
    """
    rows = session.execute(
        _revoked_lines(select(Certificate.id, Certificate.state, CertificatePermit.name)).order_by(
            Certificate.id, CertificatePermit.id
        )
    )
    found: dict[int, list[str]] = {}
    for certificate_id, state, name in rows:
        names = found.setdefault(certificate_id, []) if state == "valid" else []
        if name not in names:  # a case that made a revision twice (a spoiled print) lists it once
            names.append(name)
    return found


def count_with_revoked_permits(session: Session) -> int:
    """How many valid certificates list a revoked permit (统计)."""
    valid = case((Certificate.state == "valid", Certificate.id))
    return int(session.scalar(_revoked_lines(select(func.count(func.distinct(valid))))) or 0)


def _revoked_lines(query: _Query) -> _Query:
    """Certificate lines whose permit is revoked, whatever the certificate's state.

    A revoked item flags every revision of the certificate its case made that still lists the
    permit (a later change that did not touch the permit carries it on), unless a newer item of
    that permit among the certificate's cases decided it again. It starts from the few revoked
    items; a condition on the certificates' state would lead SQLite to walk every valid
    certificate instead (over 100,000 cases: 150 ms against 10), so callers look at the state in
    the rows.
    """
    made = aliased(Certificate)  # the revision the revoked item's case made
    newer, sibling = aliased(Item), aliased(Certificate)
    decided_again = (
        select(newer.id)
        .join(sibling, sibling.application_id == newer.application_id)
        .where(sibling.number == made.number, newer.permit == Item.permit, newer.id > Item.id)
    )
    return (
        query.select_from(Item)
        .join(made, made.application_id == Item.application_id)
        .join(Certificate, Certificate.number == made.number)
        .join(
            CertificatePermit,
            (CertificatePermit.certificate_id == Certificate.id)
            & (CertificatePermit.permit == Item.permit),
        )
        .where(Item.state == ItemState.REVOKED.value, ~decided_again.exists())
    )


def record_print(
    session: Session,
    actor: Actor,
    number: str,
    printer: str,
    copies: int = 1,
    overlay: bool = False,
) -> str:
    """Logs a print; any print after the first is a reprint: supervisor only, counted, audited."""
    require_role(actor, "clerk", "supervisor", "reviewer", action="打印证书")
    certificate = load_certificate(session, number)
    if certificate.state != "valid":
        raise WorkflowError(f"证书 {number} 状态为 {certificate.state}，不能打印")
    if not 1 <= copies <= 10:
        raise WorkflowError("打印份数应为1至10份")
    printed = session.scalar(
        select(PrintRecord.id).where(
            PrintRecord.certificate_id == certificate.id, PrintRecord.voided.is_(False)
        )
    )
    kind = "reprint" if printed is not None else "print"
    if kind == "reprint":
        require_role(actor, "supervisor", action="补打证书")
        certificate.reprints += 1
    session.add(
        PrintRecord(
            certificate_id=certificate.id,
            user_id=actor.id,
            printer=printer,
            copies=copies,
            kind=kind,
            overlay=overlay,
        )
    )
    audit.record(
        session,
        actor.username,
        f"certificate_{kind}",
        number,
        {
            "revision": certificate.revision,
            "printer": printer,
            "copies": copies,
            "overlay": overlay,
        },
    )
    return kind


def void_print(session: Session, actor: Actor, number: str, reason: str) -> None:
    """A spoiled sheet: the print is voided (the number stays the certificate's, never reused)."""
    require_role(actor, "clerk", "supervisor", action="作废打印件")
    certificate = load_certificate(session, number)
    last = session.scalars(
        select(PrintRecord)
        .where(PrintRecord.certificate_id == certificate.id, PrintRecord.voided.is_(False))
        .order_by(PrintRecord.id.desc())
    ).first()
    if last is None:
        raise WorkflowError("该证书没有可作废的打印记录")
    if not reason.strip():
        raise WorkflowError("作废须写明理由")
    last.voided = True
    last.void_reason = reason
    audit.record(
        session, actor.username, "print_void", number, {"print": last.id, "reason": reason}
    )


def _end(session: Session, actor: Actor, number: str, state: str, reason: str, action: str) -> None:
    require_role(actor, "supervisor", action=action)
    if not reason.strip():
        raise WorkflowError(f"{action}须写明理由")
    certificate = load_certificate(session, number)
    if certificate.state != "valid":
        raise WorkflowError(f"证书 {number} 当前状态为 {certificate.state}")
    certificate.state = state
    certificate.state_reason = reason
    audit.record(
        session,
        actor.username,
        f"certificate_{state}",
        number,
        {"revision": certificate.revision, "reason": reason},
    )


def cancel(session: Session, actor: Actor, number: str, reason: str) -> None:
    """注销: the whole certificate ends; its QR code reports it cancelled from then on."""
    _end(session, actor, number, "cancelled", reason, "注销证书")


def void(session: Session, actor: Actor, number: str, reason: str) -> None:
    """作废 a certificate issued in error; its number is never given out again."""
    _end(session, actor, number, "void", reason, "作废证书")


def revocation_list(session: Session) -> certificate_code.RevocationList:
    """What offline verifiers need: current revision and 印制号 per number, the cancelled ones."""
    newest: dict[str, int] = {}
    prints: dict[str, int] = {}
    ended: set[str] = set()
    for number, revision, state, print_no in session.execute(
        select(Certificate.number, Certificate.revision, Certificate.state, Certificate.print_no)
    ):
        newest[number] = max(newest.get(number, 0), revision)
        if state in ("cancelled", "void"):
            ended.add(number)
        if state == "valid" and print_no > 1:
            prints[number] = print_no
    return certificate_code.RevocationList(
        min_revision=newest, cancelled=frozenset(ended), min_print=prints
    )
