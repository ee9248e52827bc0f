"""告知承诺 after approval: the on-site checks due within 60 days, and what they found.

An approval under commitment creates a check (workflow.approve_item). The department's reviewers
and the supervisors see the checks, the overdue ones first; only the permit's own department
records the result. A failed check revokes the permit and issues the 撤销行政许可决定书.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.domain.form_values import text_problem
from desktop_app.domain.states import ItemState
from desktop_app.models import Application, Enterprise, Item, VerificationTask
from desktop_app.services import documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from desktop_app.services.workflow import load_application, move, reason_text, settle

MAX_FINDINGS = 500


@dataclass(frozen=True)
class CheckRow:
    """A 告知承诺 check as the lists show it."""

    id: int
    number: str
    enterprise_name: str
    permit: str
    department: str
    permit_no: str | None
    due_on: dt.date
    state: str  # open, passed, failed
    overdue: bool
    note: str | None
    closed_at: dt.datetime | None


Query = Select[VerificationTask, Item, str, str]


def _query() -> Query:
    return (
        select(VerificationTask, Item, Application.number, Enterprise.name)
        .join(Item, Item.id == VerificationTask.item_id)
        .join(Application, Application.id == Item.application_id)
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .order_by(VerificationTask.due_on, Application.number, Item.id)
    )


def _rows(session: Session, query: Query, today: dt.date) -> list[CheckRow]:
    return [
        CheckRow(
            task.id,
            number,
            name,
            item.permit,
            item.department,
            item.permit_no,
            task.due_on,
            task.state,
            task.state == "open" and task.due_on < today,
            task.note,
            task.closed_at,
        )
        for task, item, number, name in session.execute(query)
    ]


def checks(
    session: Session,
    actor: Actor,
    due_before: dt.date | None = None,
    include_closed: bool = False,
    today: dt.date | None = None,
) -> list[CheckRow]:
    """The checks a reviewer's department owes (supervisors see all), the earliest first."""
    require_role(actor, "reviewer", "supervisor", "auditor", "admin", action="查看承诺核查")
    today = today or clock.today()
    query = _query()
    if actor.role == "reviewer":
        query = query.where(Item.department == actor.department)
    if not include_closed:
        query = query.where(VerificationTask.state == "open")
    if due_before is not None:
        query = query.where(VerificationTask.due_on < due_before)
    return _rows(session, query, today)


def of_case(session: Session, number: str) -> dict[str, CheckRow]:
    """A case's checks by permit (what its 办件 page shows, to whoever may see the case)."""
    rows = _rows(session, _query().where(Application.number == number), clock.today())
    return {row.permit: row for row in rows}


def verify(
    session: Session,
    actor: Actor,
    number: str,
    permit: str,
    passed: bool,
    findings: str = "",
) -> str | None:
    """Records the check of one permit; a failure revokes it. Returns the revocation's number."""
    require_role(actor, "reviewer", action="承诺核查")
    application = load_application(session, number)
    item = next((i for i in application.items if i.permit == permit), None)
    if item is None:
        raise NotFoundError(f"办件 {number} 不含许可证 {permit}")
    if actor.department != item.department:
        raise PermissionDeniedError(f"承诺核查须由该事项的审批部门办理（{item.department}）")
    task = session.scalar(
        select(VerificationTask)
        .where(VerificationTask.item_id == item.id)
        .order_by(VerificationTask.id.desc())
    )
    if task is None:
        raise WorkflowError(f"{number} 的 {permit} 不是以告知承诺方式准予的，没有核查任务")
    if task.state != "open":
        raise WorkflowError(
            f"{number} 的 {permit} 已核查（{'通过' if task.state == 'passed' else '未通过'}）"
        )
    if passed:
        problem = text_problem("核查情况", findings, MAX_FINDINGS)
        if problem:
            raise WorkflowError(problem)
        note = findings.strip()
    else:
        note = reason_text(findings, "核查不通过")
    task.state = "passed" if passed else "failed"
    task.note = note or None
    task.closed_at = clock.now()
    task.closed_by = actor.id
    if passed:
        settle(session, actor, application, "verify_commitment")
        return None
    move(session, actor, item, ItemState.REVOKED, note)
    settle(session, actor, application, "verify_commitment")
    header, names = documents.case_header_by_id(session, application.id, clock.today())
    name, department = names.get(permit, (permit, item.department))
    return documents.issue(
        session,
        actor,
        "revocation",
        {
            **header,
            "permit": name,
            "permit_code": permit,
            "permit_no": item.permit_no or "",
            "department": department,
            "findings": note,
        },
        application_id=application.id,
    )
