"""Read side of the 办件: one application with its items, and filtered lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from desktop_app import clock
from desktop_app.catalog import Catalog, ResolveError, resolve
from desktop_app.domain.masking import mask_id_number, mask_phone
from desktop_app.domain.states import OPEN_APPLICATION_STATES, OPEN_ITEM_STATES
from desktop_app.models import (
    Application,
    Enterprise,
    Item,
    OutboxMessage,
    ReceivedMaterial,
    StateChange,
    User,
)
from desktop_app.services import filed_form, holder
from desktop_app.services.auth import Actor
from desktop_app.services.errors import NotFoundError, ServiceError


@dataclass(frozen=True)
class ItemView:
    permit: str
    department: str
    kind: str  # new, change, renewal, cancellation
    state: str
    mode: str
    due: dt.date
    statutory_due: dt.date
    optional: bool
    dropped: bool
    permit_no: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    version: int
    # ``due`` or ``statutory_due`` counted over a year without holiday data (shown "（暂定）").
    due_provisional: bool = False
    statutory_provisional: bool = False
    # Decided on the regional platform: "pending" (queued), "sent" or "refused" (with its reason).
    platform: str | None = None
    platform_message: str | None = None


@dataclass(frozen=True)
class EnterpriseView:
    name: str
    credit_code: str
    legal_rep_name: str
    legal_rep_id_masked: str
    address: str


@dataclass(frozen=True)
class AgentView:
    """The person at the counter; ID and phone masked (showing them whole is audited)."""

    name: str
    id_number_masked: str
    phone_masked: str


@dataclass(frozen=True)
class ApplicationView:
    number: str
    industry: str
    kind: str
    state: str
    catalog_version: str
    accepted_on: dt.date
    enterprise: EnterpriseView
    agent: AgentView | None
    items: tuple[ItemView, ...]
    version: int
    # After issue: the certificate it works on, the form keys it changes, the applicant's reason.
    certificate_number: str | None = None
    changes: tuple[str, ...] = ()
    reason: str | None = None


def _view(
    application: Application, platform: dict[int, tuple[str, str | None]] | None = None
) -> ApplicationView:
    platform = platform or {}
    filed = holder.as_filed(application.form)
    return ApplicationView(
        number=application.number,
        industry=application.industry,
        kind=application.kind,
        state=application.state,
        catalog_version=application.catalog_version,
        accepted_on=application.accepted_on,
        enterprise=EnterpriseView(
            filed.name,
            filed.credit_code,
            filed.legal_rep_name,
            mask_id_number(filed.legal_rep_id or ""),
            filed.address,
        ),
        agent=AgentView(
            application.agent.name,
            mask_id_number(application.agent.id_number),
            mask_phone(application.agent.phone or ""),
        )
        if application.agent is not None
        else None,
        items=tuple(
            ItemView(
                permit=i.permit,
                department=i.department,
                kind=i.kind,
                state=i.state,
                mode=i.mode,
                due=i.promised_due,
                statutory_due=i.statutory_due,
                optional=i.optional,
                dropped=i.dropped,
                permit_no=i.permit_no,
                valid_from=i.valid_from,
                valid_to=i.valid_to,
                version=i.version_id,
                due_provisional=i.promised_provisional,
                statutory_provisional=i.statutory_provisional,
                platform=platform.get(i.id, (None, None))[0],
                platform_message=platform.get(i.id, (None, None))[1],
            )
            for i in application.items
        ),
        version=application.version_id,
        certificate_number=application.certificate_number,
        changes=tuple(application.changes or ()),
        reason=application.reason,
    )


def get_application(session: Session, number: str) -> ApplicationView:
    application = session.scalar(
        select(Application)
        .where(Application.number == number)
        .options(
            selectinload(Application.items),
            selectinload(Application.enterprise),
            selectinload(Application.agent),
        )
    )
    if application is None:
        raise NotFoundError(f"办件 {number} 不存在")
    platform = {
        item_id: (state, message)
        for item_id, state, message in session.execute(
            select(OutboxMessage.item_id, OutboxMessage.state, OutboxMessage.last_error).where(
                OutboxMessage.application_id == application.id
            )
        )
    }
    return _view(application, platform)


@dataclass(frozen=True)
class CaseRow:
    """A line of the 办件 table."""

    number: str
    industry: str
    state: str
    enterprise_name: str
    credit_code: str
    accepted_on: dt.date
    next_due: dt.date | None
    overdue: bool
    # The earliest 容缺 material still out, and whether it is late.
    deferred_due: dt.date | None = None
    deferred_overdue: bool = False
    kind: str = "new"
    certificate_number: str | None = None  # the certificate a later application works on


def search_applications(
    session: Session,
    text: str = "",
    state: str | None = None,
    industry: str | None = None,
    overdue_only: bool = False,
    today: dt.date | None = None,
    limit: int = 500,
    deferred_only: bool = False,
    kind: str | None = None,
) -> list[CaseRow]:
    """Applications matching ``text`` in the number, enterprise name or credit code.

    ``%`` and ``_`` typed by the clerk are matched literally (autoescape).
    """
    today = today or clock.today()
    next_due = (
        select(Item.application_id, func.min(Item.promised_due).label("due"))
        .where(
            Item.state.in_(OPEN_ITEM_STATES), Item.dropped.is_(False), Item.paused_since.is_(None)
        )
        .group_by(Item.application_id)
        .subquery()
    )
    deferred = (
        select(ReceivedMaterial.application_id, func.min(ReceivedMaterial.due_on).label("due"))
        .where(ReceivedMaterial.due_on.is_not(None), ReceivedMaterial.received_at.is_(None))
        .group_by(ReceivedMaterial.application_id)
        .subquery()
    )
    query = (
        select(Application, Enterprise, next_due.c.due, deferred.c.due)
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .outerjoin(next_due, next_due.c.application_id == Application.id)
        .outerjoin(deferred, deferred.c.application_id == Application.id)
        .order_by(Application.id.desc())
        .limit(limit)
    )
    needle = text.strip()
    if needle:
        query = query.where(
            or_(
                Application.number.contains(needle, autoescape=True),
                Enterprise.name.contains(needle, autoescape=True),
                Enterprise.credit_code.startswith(needle.upper(), autoescape=True),
            )
        )
    if state:
        query = query.where(Application.state == state)
    if industry:
        query = query.where(Application.industry == industry)
    if kind:
        query = query.where(Application.kind == kind)
    if overdue_only:
        query = query.where(next_due.c.due < today, Application.state.in_(OPEN_APPLICATION_STATES))
    if deferred_only:
        query = query.where(
            deferred.c.due.is_not(None), Application.state.in_(OPEN_APPLICATION_STATES)
        )
    rows = []
    for a, e, due, late_material in session.execute(query):
        # A closed application (issued, refused, withdrawn) has no deadline any more.
        is_open = a.state in OPEN_APPLICATION_STATES
        due = due if is_open else None
        late_material = late_material if is_open else None
        rows.append(
            CaseRow(
                a.number,
                a.industry,
                a.state,
                e.name,
                e.credit_code,
                a.accepted_on,
                due,
                due is not None and due < today,
                late_material,
                late_material is not None and late_material < today,
                a.kind,
                a.certificate_number,
            )
        )
    return rows


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    permit: str | None
    from_state: str | None
    to_state: str
    actor: str
    reason: str | None


def history(session: Session, number: str) -> list[HistoryRow]:
    """Every state change of the application and its items, oldest first."""
    application = session.scalar(select(Application).where(Application.number == number))
    if application is None:
        raise NotFoundError(f"办件 {number} 不存在")
    rows = session.execute(
        select(StateChange, Item.permit, User.display_name)
        .outerjoin(Item, Item.id == StateChange.item_id)
        .join(User, User.id == StateChange.actor_id)
        .where(StateChange.application_id == application.id)
        .order_by(StateChange.id)
    )
    return [
        HistoryRow(c.at, permit, c.from_state, c.to_state, name, c.reason)
        for c, permit, name in rows
    ]


@dataclass(frozen=True)
class QueueRow:
    """An item waiting for the reviewer's department."""

    number: str
    permit: str
    variant: str | None
    enterprise_name: str
    state: str
    mode: str
    due: dt.date
    statutory_due: dt.date
    version: int
    due_provisional: bool = False
    kind: str = "new"  # what the department decides: new, change, renewal, cancellation
    # The permit as the certificate lists it now (变更, 延续, 注销): the dialog starts from it.
    permit_no: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def review_queue(session: Session, department: str) -> list[QueueRow]:
    """The department's dispatched items not yet decided, the most urgent first."""
    rows = session.execute(
        select(Item, Application.number, Enterprise.name)
        .join(Application, Application.id == Item.application_id)
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .where(
            Item.department == department,
            Item.dispatched_at.is_not(None),
            Item.dropped.is_(False),
            Item.state.in_(OPEN_ITEM_STATES),
            Application.state.in_(OPEN_APPLICATION_STATES),
            # Items sent to the regional platform are decided there, not in this queue.
            ~exists().where(OutboxMessage.item_id == Item.id),
        )
        .order_by(Item.promised_due, Item.id)
    )
    return [
        QueueRow(
            number,
            i.permit,
            i.variant,
            name,
            i.state,
            i.mode,
            i.promised_due,
            i.statutory_due,
            i.version_id,
            i.promised_provisional,
            i.kind,
            i.permit_no,
            i.valid_from,
            i.valid_to,
        )
        for i, number, name in rows
    ]


def working_days_left(
    session: Session, view: ApplicationView, today: dt.date | None = None
) -> dict[str, int]:
    """Working days until each open item's promised date (negative: overdue by that many)."""
    from desktop_app.services.calendar import calendar_from

    today = today or clock.today()
    open_items = [i for i in view.items if i.state in OPEN_ITEM_STATES and not i.dropped]
    if not open_items:
        return {}
    calendar = calendar_from(session, min([today, *(i.due for i in open_items)]))
    result = {}
    for item in open_items:
        if item.due >= today:
            result[item.permit] = calendar.working_days_between(today, item.due).days
        else:
            result[item.permit] = -calendar.working_days_between(item.due, today).days
    return result


REVEALABLE = {
    "legal_rep_id": "法定代表人身份证件号码",
    "agent_id": "经办人身份证件号码",
    "agent_phone": "经办人联系电话",
}


def reveal(session: Session, actor: Actor, number: str, what: str, reason: str) -> str:
    """A masked number shown whole: only for supervisors and auditors, with a reason, audited."""
    from desktop_app.domain.form_values import text_problem
    from desktop_app.services import audit
    from desktop_app.services.auth import require_role

    require_role(actor, "supervisor", "auditor", "admin", action="查看完整证件号码")
    if what not in REVEALABLE:
        raise NotFoundError(f"没有可显示的项目 {what!r}")
    problem = text_problem("查看理由", reason, 200)
    if problem or not reason.strip():
        raise ServiceError(problem or "查看完整号码须写明理由")
    application = session.scalar(
        select(Application)
        .where(Application.number == number)
        .options(selectinload(Application.enterprise), selectinload(Application.agent))
    )
    if application is None:
        raise NotFoundError(f"办件 {number} 不存在")
    agent = application.agent
    values = {
        "legal_rep_id": holder.as_filed(application.form).legal_rep_id,
        "agent_id": agent.id_number if agent else None,
        "agent_phone": agent.phone if agent else None,
    }
    value = values[what]
    if not value:
        raise NotFoundError(f"办件 {number} 没有{REVEALABLE[what]}")
    audit.record(session, actor.username, "unmask", number, {"what": what, "reason": reason})
    return value


@dataclass(frozen=True)
class MaterialView:
    """A material of the case as a department sees it: how it came, or when it is due."""

    key: str
    name: str
    permits: tuple[str, ...]
    how: str  # paper, scan, electronic, deferred (still out), checked, reused
    due_on: dt.date | None  # a 容缺 material's due date
    received_at: dt.datetime | None
    reused_from: str | None = None  # the earlier case whose material serves again


@dataclass(frozen=True)
class DepartmentView:
    """What a department decides on: the shared fields and its own permits' as filed, masked."""

    department: str
    permits: tuple[str, ...]
    sections: tuple[filed_form.Section, ...]
    materials: tuple[MaterialView, ...]

    def form(self) -> dict[str, str]:
        return {key: value for s in self.sections for key, _, value in s.rows}


def department_view(
    session: Session, catalog: Catalog, number: str, department: str
) -> DepartmentView:
    """The filed form and materials for ``department``: never another permit's fields."""
    if department not in catalog.departments:
        raise NotFoundError(f"部门“{department}”不存在")
    application = session.scalar(
        select(Application)
        .where(Application.number == number)
        .options(selectinload(Application.items), selectinload(Application.materials))
    )
    if application is None:
        raise NotFoundError(f"办件 {number} 不存在")
    permits = tuple(i.permit for i in application.items if i.department == department)
    if not permits:
        name = catalog.departments[department].name
        raise NotFoundError(f"办件 {number} 没有{name}审批的事项")
    try:
        bundle = resolve(catalog, application.industry, application.answers)
    except ResolveError as exc:
        raise ServiceError(f"按现行行业目录无法显示办件 {number} 的表单：{exc.message}") from None
    sections = filed_form.sections(catalog, bundle, application.form, permits, masked=True)
    names = {m.key: m.name for m in bundle.materials}
    materials = tuple(
        MaterialView(
            m.key,
            names.get(m.key)
            or (catalog.materials[m.key].name if m.key in catalog.materials else m.key),
            tuple(m.permits),
            m.how,
            m.due_on,
            m.received_at,
            m.reused_from,
        )
        for m in application.materials
        if set(m.permits) & set(permits)
    )
    return DepartmentView(department, permits, tuple(sections), materials)
