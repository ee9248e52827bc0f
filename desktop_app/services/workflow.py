"""一网联动: parallel dispatch and the departments' decisions on their own items.

Every function takes the acting user and checks the role (and, for reviewers, the department)
itself, so a clerk cannot approve an item even by calling the service directly. Optimistic
locking: callers pass the version they read; a stale one is a ConflictError, never an overwrite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from desktop_app import clock
from desktop_app.domain.form_values import text_problem
from desktop_app.domain.states import (
    APPLICATION_STATE_NAMES,
    TERMINAL_APPLICATION_STATES,
    ApplicationState,
    IllegalTransitionError,
    ItemMode,
    ItemSnapshot,
    ItemState,
    check_item_transition,
    derive_application_state,
)
from desktop_app.domain.workdays import WorkCalendar
from desktop_app.models import (
    Application,
    ClockPause,
    Inspection,
    InspectionResult,
    IssuedNotice,
    Item,
    ReceivedMaterial,
    StateChange,
    VerificationTask,
)
from desktop_app.models.base import utcnow
from desktop_app.services import audit, documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.calendar import WINDOW, calendar_from
from desktop_app.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    WorkflowError,
)
from desktop_app.sync import outbox

# 告知承诺 approvals are verified on site within one to two months (Qinghai, Lingui practice).
VERIFICATION_PERIOD = dt.timedelta(days=60)
MAX_REASON = 500


def load_application(
    session: Session, number: str, expected_version: int | None = None
) -> Application:
    application = session.scalar(
        select(Application)
        .where(Application.number == number)
        .options(selectinload(Application.items))
    )
    if application is None:
        raise NotFoundError(f"办件 {number} 不存在")
    if expected_version is not None and application.version_id != expected_version:
        raise ConflictError()
    return application


def _item(application: Application, permit: str, expected_version: int | None) -> Item:
    item = next((i for i in application.items if i.permit == permit), None)
    if item is None:
        raise NotFoundError(f"办件 {application.number} 不含许可证 {permit}")
    if expected_version is not None and item.version_id != expected_version:
        raise ConflictError("该事项")
    return item


def ensure_open(application: Application) -> None:
    state = ApplicationState(application.state)
    if state in TERMINAL_APPLICATION_STATES:
        name = APPLICATION_STATE_NAMES[state]
        raise WorkflowError(f"办件 {application.number} 已办结（{name}），不能再办理")


def _require_reviewer(
    session: Session, actor: Actor, item: Item, action: str, platform_allowed: bool = False
) -> None:
    require_role(actor, "reviewer", action=action)
    if actor.department != item.department:
        raise PermissionDeniedError(f"{action}须由该事项的审批部门办理（{item.department}）")
    if not platform_allowed and outbox.is_on_platform(session, item.id):
        raise WorkflowError("该事项由区域一业一证平台审批，决定将从平台同步过来")


def _missing_lines(text: str) -> list[str]:
    """A reviewer's 补正 text as the notice's numbered lines (one per line or per "；")."""
    lines = [part.strip() for line in text.splitlines() for part in line.split("；")]
    return [line for line in lines if line]


def reason_text(text: str, what: str) -> str:
    if not text.strip():
        raise WorkflowError(f"{what}须写明理由")
    problem = text_problem(what + "理由", text, MAX_REASON)
    if problem:
        raise WorkflowError(problem)
    return text


@dataclass
class ItemRow:
    """An item as plain data, for steps applied in bulk (sync/inbox.py writes it back in SQL)."""

    id: int
    application_id: int
    permit: str
    department: str
    mode: str
    state: str
    optional: bool
    dropped: bool
    dispatched_at: dt.datetime | None
    statutory_due: dt.date
    promised_due: dt.date
    statutory_provisional: bool
    promised_provisional: bool
    paused_since: dt.date | None
    permit_no: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    reason: str | None


@dataclass
class PauseRow:
    """A clock pause as plain data; ``id`` None: started in this batch."""

    item_id: int
    started_on: dt.date
    reason: str | None
    id: int | None = None
    ended_on: dt.date | None = None


AnyItem = Item | ItemRow


@dataclass
class Batch:
    """Item steps applied in bulk: their effects are collected here, for the caller to write.

    ``calendar`` covers the days the steps need (a step outside it loads its own);
    ``open_pauses`` holds every open clock pause of the items concerned, by item. The steps add
    history rows, new and closed pauses and verification tasks to the lists; nothing goes through
    the session (ORM objects cost ten times more than rows written with executemany).
    """

    today: dt.date
    calendar: WorkCalendar
    open_pauses: dict[int, PauseRow] = field(default_factory=dict)
    now: dt.datetime = field(default_factory=utcnow)  # the batch happens at one moment
    state_changes: list[dict[str, Any]] = field(default_factory=list)
    new_pauses: list[PauseRow] = field(default_factory=list)
    closed_pauses: list[PauseRow] = field(default_factory=list)
    new_tasks: list[dict[str, Any]] = field(default_factory=list)


def move(
    session: Session,
    actor: Actor,
    item: AnyItem,
    wanted: ItemState,
    reason: str | None = None,
    batch: Batch | None = None,
) -> None:
    current = ItemState(item.state)
    try:
        check_item_transition(current, wanted)
    except IllegalTransitionError as exc:  # a refusal the person can act on, not a crash
        raise WorkflowError(str(exc)) from None
    item.state = wanted.value
    change = {
        "application_id": item.application_id,
        "item_id": item.id,
        "from_state": current.value,
        "to_state": wanted.value,
        "actor_id": actor.id,
        "reason": reason,
    }
    if batch is None:
        session.add(StateChange(**change))
    else:
        batch.state_changes.append({**change, "at": batch.now})


def rederive(state: str, items: Iterable[AnyItem]) -> ApplicationState | None:
    """The application's new state from its items; None when it stays (or is terminal)."""
    current = ApplicationState(state)
    if current in TERMINAL_APPLICATION_STATES:
        return None
    derived = derive_application_state(
        ItemSnapshot(ItemState(i.state), i.optional, i.dropped, i.dispatched_at is not None)
        for i in items
    )
    return None if derived == current else derived


def settle(session: Session, actor: Actor, application: Application, action: str) -> None:
    """Re-derives the application's state, records the change, audits, and flushes."""
    application.updated_at = utcnow()
    # Written (and its version bumped) even when the stamp has not moved since the last change:
    # a clock that ticks coarsely (Windows: ~15 ms) must not let two edits skip the version check.
    flag_modified(application, "updated_at")
    current = application.state
    derived = rederive(current, application.items)
    if derived is not None:
        application.state = derived.value
        session.add(
            StateChange(
                application_id=application.id,
                from_state=current,
                to_state=derived.value,
                actor_id=actor.id,
            )
        )
    try:
        session.flush()
    except StaleDataError:
        # Another counter committed a change to the same rows between our read and our write.
        raise ConflictError() from None
    audit.record(
        session,
        actor.username,
        action,
        application.number,
        audit.case_details(application.state, application.items),
    )


def dispatch(
    session: Session,
    actor: Actor,
    number: str,
    expected_version: int | None = None,
    platform_departments: AbstractSet[str] = frozenset(),
) -> None:
    """并联: every pending item goes to its department at the same moment.

    Items of ``platform_departments`` (they decide on the regional platform) are queued for it in
    this same transaction: dispatched and queued together, or neither.
    """
    require_role(actor, "clerk", "supervisor", action="分送部门")
    application = load_application(session, number, expected_version)
    ensure_open(application)
    waiting = [i for i in application.items if i.dispatched_at is None and not i.dropped]
    if not waiting:
        raise WorkflowError(f"办件 {number} 没有待分送的事项")
    now = utcnow()
    for item in waiting:
        item.dispatched_at = now
    application.dispatched_at = now
    outbox.enqueue(
        session, application, (i for i in waiting if i.department in platform_departments)
    )
    settle(session, actor, application, "dispatch")


def take_up(
    session: Session, actor: Actor, number: str, permit: str, expected_version: int | None = None
) -> None:
    application = load_application(session, number)
    item = _item(application, permit, expected_version)
    _require_reviewer(session, actor, item, "受理审查")
    ensure_open(application)
    take_up_item(session, actor, item)
    settle(session, actor, application, "take_up")


# The item-level steps below are shared by the reviewers' actions and by the platform's events
# (sync/inbox.py); the callers check who may act and settle the application afterwards.


def take_up_item(session: Session, actor: Actor, item: AnyItem, batch: Batch | None = None) -> None:
    if item.dispatched_at is None:
        raise WorkflowError("该事项尚未分送到部门")
    move(session, actor, item, ItemState.IN_REVIEW, batch=batch)


def request_correction_item(
    session: Session,
    actor: Actor,
    item: AnyItem,
    reason: str,
    today: dt.date,
    batch: Batch | None = None,
) -> None:
    move(session, actor, item, ItemState.CORRECTION_REQUESTED, reason, batch)
    item.paused_since = today
    if batch is None:
        session.add(ClockPause(item_id=item.id, started_on=today, reason=reason))
    else:
        pause = PauseRow(item.id, today, reason)
        batch.new_pauses.append(pause)
        batch.open_pauses[item.id] = pause


def corrections_received_item(
    session: Session, actor: Actor, item: AnyItem, today: dt.date, batch: Batch | None = None
) -> None:
    move(session, actor, item, ItemState.IN_REVIEW, batch=batch)
    paused_since = item.paused_since
    assert paused_since is not None
    # The batch's calendar covers the days around today; a pause or deadline beyond loads its own.
    reach = min(paused_since, item.promised_due, item.statutory_due)
    far = max(item.promised_due, item.statutory_due)
    if batch is not None and reach >= batch.today - WINDOW and far <= batch.today + WINDOW / 2:
        calendar = batch.calendar
    else:
        calendar = calendar_from(session, reach)
    paused = calendar.working_days_between(paused_since, today)
    promised = calendar.add_working_days(item.promised_due, paused.days)
    statutory = calendar.add_working_days(item.statutory_due, paused.days)
    item.promised_due, item.statutory_due = promised.day, statutory.day
    item.promised_provisional = (
        item.promised_provisional or paused.provisional or promised.provisional
    )
    item.statutory_provisional = (
        item.statutory_provisional or paused.provisional or statutory.provisional
    )
    if batch is not None:
        row = batch.open_pauses.pop(item.id, None)
        if row is not None:
            row.ended_on = today
            if row.id is not None:  # started earlier: an UPDATE; a new one is inserted closed
                batch.closed_pauses.append(row)
    else:
        pause = session.scalar(
            select(ClockPause).where(ClockPause.item_id == item.id, ClockPause.ended_on.is_(None))
        )
        if pause is not None:
            pause.ended_on = today
    item.paused_since = None


def approve_item(
    session: Session,
    actor: Actor,
    item: AnyItem,
    permit_no: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    today: dt.date,
    batch: Batch | None = None,
) -> None:
    problem = text_problem("许可证编号", permit_no, 60)
    if problem or not permit_no.strip():
        raise WorkflowError(problem or "请填写许可证编号")
    if valid_to is not None and valid_to <= valid_from:
        raise WorkflowError("有效期截止日须晚于起始日")
    move(session, actor, item, ItemState.APPROVED, batch=batch)
    item.permit_no = permit_no.strip()
    item.valid_from = valid_from
    item.valid_to = valid_to
    if item.mode == ItemMode.COMMITMENT:
        task = {"item_id": item.id, "due_on": today + VERIFICATION_PERIOD}
        if batch is None:
            session.add(VerificationTask(**task))
        else:
            batch.new_tasks.append(task)


def reject_item(
    session: Session, actor: Actor, item: AnyItem, reason: str, batch: Batch | None = None
) -> None:
    move(session, actor, item, ItemState.REJECTED, reason_text(reason, "不予许可"), batch)
    item.reason = reason


def revoke_item(
    session: Session, actor: Actor, item: AnyItem, reason: str, batch: Batch | None = None
) -> None:
    move(session, actor, item, ItemState.REVOKED, reason_text(reason, "撤销许可"), batch)


def request_correction(
    session: Session,
    actor: Actor,
    number: str,
    permit: str,
    reason: str,
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> None:
    """补正 by the department: the item's clock stops until the corrections are in."""
    application = load_application(session, number)
    item = _item(application, permit, expected_version)
    _require_reviewer(session, actor, item, "要求补正")
    ensure_open(application)
    text = reason_text(reason, "补正")
    day = today or clock.today()
    request_correction_item(session, actor, item, text, day)
    settle(session, actor, application, "request_correction")
    header, names = documents.case_header_by_id(session, application.id, day)
    name, department = names.get(permit, (permit, item.department))
    documents.issue(
        session,
        actor,
        "correction",
        {**header, "permit": name, "by": department, "missing": _missing_lines(text)},
        application_id=application.id,
    )


def corrections_received(
    session: Session,
    actor: Actor,
    number: str,
    permit: str,
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> None:
    """The applicant brought the corrections: the clock runs again and the deadlines move on."""
    require_role(actor, "clerk", "supervisor", "reviewer", action="登记补正材料")
    application = load_application(session, number)
    item = _item(application, permit, expected_version)
    if actor.role == "reviewer" and actor.department != item.department:
        raise PermissionDeniedError("只能登记本部门事项的补正材料")
    ensure_open(application)
    corrections_received_item(session, actor, item, today or clock.today())
    settle(session, actor, application, "corrections_received")


def _outstanding_materials(session: Session, application: Application, permit: str) -> list[str]:
    """The 容缺 materials this permit needs that are not in yet."""
    rows = session.scalars(
        select(ReceivedMaterial).where(
            ReceivedMaterial.application_id == application.id,
            ReceivedMaterial.how == "deferred",
            ReceivedMaterial.received_at.is_(None),
        )
    )
    return [m.key for m in rows if permit in m.permits]


def approve(
    session: Session,
    actor: Actor,
    number: str,
    permit: str,
    permit_no: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> None:
    """准予许可 with the permit's number and validity (``valid_to`` None: no expiry, a filing)."""
    application = load_application(session, number)
    item = _item(application, permit, expected_version)
    _require_reviewer(session, actor, item, "准予许可")
    ensure_open(application)
    missing = _outstanding_materials(session, application, permit)
    if missing and item.mode != ItemMode.COMMITMENT:
        raise WorkflowError(f"容缺材料尚未补齐（{'、'.join(missing)}），补齐前不能准予许可")
    blocked = site_check_block(session, item)
    if blocked:
        raise WorkflowError(blocked)
    approve_item(session, actor, item, permit_no, valid_from, valid_to, today or clock.today())
    settle(session, actor, application, "approve")


def site_check_block(session: Session, item: Item) -> str | None:
    """Why the item's site check keeps it from approval (services/inspections.py), or None.

    An item accepted with a check approves only once its latest result is 合格; under 告知承诺
    the check comes after the decision.
    """
    if not item.site_check or item.mode == ItemMode.COMMITMENT:
        return None
    outcome = session.scalar(
        select(InspectionResult.outcome)
        .join(Inspection, Inspection.id == InspectionResult.inspection_id)
        .where(InspectionResult.item_id == item.id)
        .order_by(Inspection.round.desc())
        .limit(1)
    )
    if outcome == "pass":
        return None
    if outcome == "fail":
        return "现场核查不合格，不能准予许可（可作出不予许可决定）"
    if outcome == "rectify":
        return "现场核查要求整改，须复查合格后方可准予许可"
    scheduled = session.scalar(
        select(Inspection.scheduled_at)
        .where(Inspection.application_id == item.application_id, Inspection.state == "scheduled")
        .order_by(Inspection.round.desc())
        .limit(1)
    )
    if scheduled is not None:
        when = clock.local(scheduled).strftime("%Y-%m-%d %H:%M")
        return f"现场核查已安排（{when}），核查合格后方可准予许可"
    return "须先现场核查（监管 → 一同核查），核查合格后方可准予许可"


def reject(
    session: Session,
    actor: Actor,
    number: str,
    permit: str,
    reason: str,
    expected_version: int | None = None,
) -> None:
    application = load_application(session, number)
    item = _item(application, permit, expected_version)
    _require_reviewer(session, actor, item, "不予许可")
    ensure_open(application)
    reject_item(session, actor, item, reason)
    settle(session, actor, application, "reject")
    issue_rejection(session, actor, application.id, permit, item.department, reason.strip())


def rejection_notice(session: Session, actor: Actor, number: str, permit: str) -> str:
    """The 不予许可决定书 of a refused item: the one issued, else one issued now.

    A reviewer's refusal issues it at once; one decided on the platform gets it here, from the
    reason the platform sent.
    """
    require_role(actor, "clerk", "supervisor", "reviewer", action="出具不予许可决定书")
    application = load_application(session, number)
    item = _item(application, permit, None)
    if item.state != ItemState.REJECTED:
        raise WorkflowError(f"{number} 的 {permit} 未被不予许可")
    issued = session.scalars(
        select(IssuedNotice).where(
            IssuedNotice.application_id == application.id, IssuedNotice.kind == "rejection"
        )
    )
    for notice in issued:
        if notice.content.get("permit_code") == permit:
            return notice.number
    return issue_rejection(
        session, actor, application.id, permit, item.department, item.reason or "不符合许可条件"
    )


def issue_rejection(
    session: Session, actor: Actor, application_id: int, permit: str, department: str, reason: str
) -> str:
    """The 不予行政许可决定书 of a refused permit: the department decides, the counter hands it."""
    header, names = documents.case_header_by_id(session, application_id, clock.today())
    name, department_name = names.get(permit, (permit, department))
    return documents.issue(
        session,
        actor,
        "rejection",
        {
            **header,
            "permit": name,
            "permit_code": permit,
            "department": department_name,
            "reason": reason,
        },
        application_id=application_id,
    )


def drop_item(
    session: Session, actor: Actor, number: str, permit: str, expected_version: int | None = None
) -> None:
    """The applicant gives up an optional permit a department refused, so the rest can go on."""
    require_role(actor, "clerk", "supervisor", action="放弃可选许可")
    application = load_application(session, number, expected_version)
    item = _item(application, permit, None)
    ensure_open(application)
    if not item.optional:
        raise WorkflowError("该许可为必备许可，不能放弃")
    if item.state != ItemState.REJECTED:
        raise WorkflowError("只能放弃已被不予许可的可选许可")
    item.dropped = True
    settle(session, actor, application, "drop_item")


def withdraw(
    session: Session, actor: Actor, number: str, reason: str, expected_version: int | None = None
) -> None:
    """The applicant withdraws the whole application."""
    require_role(actor, "clerk", "supervisor", action="撤回申请")
    application = load_application(session, number, expected_version)
    text = reason_text(reason, "撤回")
    end(session, actor, application, ApplicationState.WITHDRAWN, text, "withdraw")


def end(
    session: Session,
    actor: Actor,
    application: Application,
    state: ApplicationState,
    reason: str,
    action: str,
) -> None:
    """Closes an open application in ``state`` (an action's, not its items'), with the reason."""
    ensure_open(application)
    current = application.state
    application.state = state.value
    session.add(
        StateChange(
            application_id=application.id,
            from_state=current,
            to_state=application.state,
            actor_id=actor.id,
            reason=reason,
        )
    )
    settle(
        session,
        actor,
        application,
        "withdraw" if state == ApplicationState.WITHDRAWN else "terminate",
    )
