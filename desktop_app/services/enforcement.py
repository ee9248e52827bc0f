"""监管执法反馈: what a 双随机 finding orders on a permit reaches the permit and the certificate.

A target whose result is 发现问题 may be ordered to rectify (责令限期整改, open until the work
is recorded done) or have one of the permits on its valid certificate revoked. A revocation moves
the permit's item to revoked, as a failed 告知承诺 check does, so the certificate shows the
revoked permit in 证照 and 统计 until it is changed or cancelled, the next revision leaves the
permit out and the credit rules count it; the 撤销行政许可决定书 is issued at once. Only the
permit's own department (its reviewers or inspectors) or a supervisor orders a measure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.domain.form_values import text_problem
from desktop_app.domain.states import ItemState
from desktop_app.models import (
    Application,
    Certificate,
    CertificatePermit,
    DrawTarget,
    EnforcementMeasure,
    Item,
)
from desktop_app.services import audit, documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from desktop_app.services.workflow import load_application, revoke_item, settle

KINDS = {"rectify": "责令限期整改", "revoke": "撤销许可"}
MAX_TEXT = 500


@dataclass(frozen=True)
class MeasureView:
    id: int
    credit_code: str
    certificate_number: str
    permit: str
    permit_name: str
    kind: str
    findings: str
    due_on: dt.date | None
    document: str | None
    closed_on: dt.date | None

    @property
    def label(self) -> str:
        """How 证照 and the registry name it: 食品经营许可证 责令整改（至 2026-12-31）."""
        if self.kind == "revoke":
            return f"{self.permit_name} 已撤销"
        if self.closed_on is not None:
            return f"{self.permit_name} 整改完成（{self.closed_on:%Y-%m-%d}）"
        return f"{self.permit_name} 责令整改（至 {self.due_on:%Y-%m-%d}）"


def _text(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise WorkflowError(f"请写明{what}")
    problem = text_problem(what, value, MAX_TEXT)
    if problem:
        raise WorkflowError(problem)
    return value


def _line(session: Session, credit_code: str, permit: str) -> tuple[Certificate, CertificatePermit]:
    """The holder's valid certificate and its line for ``permit``."""
    row = session.execute(
        select(Certificate, CertificatePermit)
        .join(CertificatePermit, CertificatePermit.certificate_id == Certificate.id)
        .where(
            Certificate.holder_uscc == credit_code,
            Certificate.state == "valid",
            CertificatePermit.permit == permit,
        )
    ).first()
    if row is None:
        raise WorkflowError(f"{credit_code} 没有列明“{permit}”的有效行业综合许可证")
    return row[0], row[1]


def permits_held(session: Session, credit_code: str) -> list[tuple[str, str]]:
    """(code, name) of the permits on the holder's valid certificate."""
    rows = session.execute(
        select(CertificatePermit.permit, CertificatePermit.name)
        .join(Certificate, Certificate.id == CertificatePermit.certificate_id)
        .where(Certificate.holder_uscc == credit_code, Certificate.state == "valid")
        .order_by(CertificatePermit.id)
    )
    return [(code, name) for code, name in rows]


def _may_act(actor: Actor, department: str) -> None:
    require_role(actor, "supervisor", "reviewer", "inspector", action="作出监管处理")
    if actor.role != "supervisor" and actor.department != department:
        raise PermissionDeniedError("只能由该许可的主管部门作出处理")


def order(
    session: Session,
    actor: Actor,
    draw_id: int,
    credit_code: str,
    kind: str,
    permit: str,
    findings: str,
    due_on: dt.date | None = None,
    basis: str = "",
    today: dt.date | None = None,
) -> MeasureView:
    """A measure on ``permit`` after the target's 发现问题 in draw ``draw_id``."""
    if kind not in KINDS:
        raise WorkflowError(f"处理方式“{kind}”无效（可用 rectify、revoke）")
    day = today or clock.today()
    target = session.scalar(
        select(DrawTarget).where(
            DrawTarget.draw_id == draw_id, DrawTarget.credit_code == credit_code
        )
    )
    if target is None:
        raise NotFoundError(f"抽取 {draw_id} 中没有 {credit_code}")
    if target.result != "problem":
        raise WorkflowError("须先登记“发现问题”的抽查结果，再作出处理")
    certificate, line = _line(session, credit_code, permit)
    _may_act(actor, line.department)
    findings = _text(findings or target.findings or "", "发现的问题")  # default: as recorded
    measure = EnforcementMeasure(
        credit_code=credit_code,
        certificate_number=certificate.number,
        permit=permit,
        kind=kind,
        findings=findings,
        target_id=target.id,
        created_by=actor.id,
    )
    if kind == "rectify":
        if due_on is None or due_on <= day:
            raise WorkflowError("责令整改须写明晚于今天的整改期限")
        measure.due_on = due_on
    else:
        measure.basis = _text(basis, "撤销依据")
        measure.document = _revoke(session, actor, certificate, line, findings, measure.basis)
        measure.closed_on, measure.closed_by = day, actor.id
    session.add(measure)
    session.flush()
    audit.record(
        session,
        actor.username,
        f"enforcement.{kind}",
        certificate.number,
        {"draw": draw_id, "permit": permit, "findings": findings, "due_on": str(due_on or "")},
    )
    return _view(measure, line.name)


def _revoke(
    session: Session,
    actor: Actor,
    certificate: Certificate,
    line: CertificatePermit,
    findings: str,
    basis: str,
) -> str:
    """Revokes the permit's newest item among the certificate's cases; the decision's number."""
    item = session.scalar(
        select(Item)
        .where(
            Item.application_id.in_(
                select(Certificate.application_id).where(Certificate.number == certificate.number)
            ),
            Item.permit == line.permit,
        )
        .order_by(Item.id.desc())
        .limit(1)
    )
    if item is None or item.state != ItemState.APPROVED:
        raise WorkflowError(f"“{line.name}”已不是有效许可，不能撤销")
    number = session.scalars(
        select(Application.number).where(Application.id == item.application_id)
    ).one()
    application = load_application(session, number)
    revoke_item(session, actor, item, f"监督检查：{findings}")
    settle(session, actor, application, "enforcement_revoke")
    header, names = documents.case_header_by_id(session, application.id, clock.today())
    _, department = names.get(line.permit, (line.name, line.department))
    return documents.issue(
        session,
        actor,
        "revocation",
        {
            **header,
            "permit": line.name,
            "permit_code": line.permit,
            "permit_no": line.permit_no,
            "department": department,
            "findings": findings,
            "basis": basis,
        },
        application_id=application.id,
    )


def close(
    session: Session, actor: Actor, measure_id: int, note: str, today: dt.date | None = None
) -> MeasureView:
    """The ordered rectification was done (checked by the department): the measure closes."""
    measure = session.get(EnforcementMeasure, measure_id)
    if measure is None:
        raise NotFoundError(f"没有编号为 {measure_id} 的监管处理")
    _may_act(actor, _line_of(session, measure)[1])
    if measure.kind != "rectify" or measure.closed_on is not None:
        raise WorkflowError("该处理已办结")
    measure.closing_note = _text(note, "整改复查情况")
    measure.closed_on, measure.closed_by = today or clock.today(), actor.id
    session.flush()
    audit.record(
        session,
        actor.username,
        "enforcement.closed",
        measure.certificate_number,
        {"measure": measure.id, "note": measure.closing_note},
    )
    return _view(measure, _line_of(session, measure)[0])


def _lines_of(
    session: Session, measures: list[EnforcementMeasure]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Each measure's permit as the newest revision lists it: (name, department).

    Keyed by (certificate number, permit); one read for a whole list, not one per measure.
    """
    numbers = {m.certificate_number for m in measures}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    if not numbers:
        return found
    rows = session.execute(
        select(
            Certificate.number,
            CertificatePermit.permit,
            CertificatePermit.name,
            CertificatePermit.department,
        )
        .join(Certificate, Certificate.id == CertificatePermit.certificate_id)
        .where(Certificate.number.in_(numbers))
        .order_by(Certificate.revision)
    )
    for number, permit, name, department in rows:
        found[(number, permit)] = (name, department)  # the newest revision read last wins
    return found


def _line_of(session: Session, measure: EnforcementMeasure) -> tuple[str, str]:
    key = (measure.certificate_number, measure.permit)
    return _lines_of(session, [measure]).get(key, (measure.permit, ""))


def _view(measure: EnforcementMeasure, permit_name: str) -> MeasureView:
    return MeasureView(
        measure.id,
        measure.credit_code,
        measure.certificate_number,
        measure.permit,
        permit_name,
        measure.kind,
        measure.findings,
        measure.due_on,
        measure.document,
        measure.closed_on,
    )


def measures(
    session: Session, credit_code: str | None = None, open_only: bool = False
) -> list[MeasureView]:
    """Measures, newest first; ``open_only``: the rectifications not done yet."""
    query = select(EnforcementMeasure).order_by(EnforcementMeasure.id.desc())
    if credit_code is not None:
        query = query.where(EnforcementMeasure.credit_code == credit_code)
    if open_only:
        query = query.where(
            EnforcementMeasure.kind == "rectify", EnforcementMeasure.closed_on.is_(None)
        )
    rows = list(session.scalars(query))
    lines = _lines_of(session, rows)
    return [_view(m, lines.get((m.certificate_number, m.permit), (m.permit, ""))[0]) for m in rows]


def open_orders_by_certificate(session: Session) -> dict[str, list[tuple[str, dt.date]]]:
    """Open 责令整改 by certificate number, as 证照 flags them: (permit's name, due date)."""
    found: dict[str, list[tuple[str, dt.date]]] = {}
    for view in measures(session, open_only=True):
        if view.due_on is not None:
            found.setdefault(view.certificate_number, []).append((view.permit_name, view.due_on))
    return found


def count_rectifying(session: Session) -> int:
    """Valid certificates with an open 责令整改 (统计)."""
    open_numbers = select(EnforcementMeasure.certificate_number).where(
        EnforcementMeasure.kind == "rectify", EnforcementMeasure.closed_on.is_(None)
    )
    return int(
        session.scalar(
            select(func.count(func.distinct(Certificate.number))).where(
                Certificate.state == "valid", Certificate.number.in_(open_numbers)
            )
        )
        or 0
    )
