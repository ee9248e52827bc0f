"""一同核查: one joint site inspection, one 整改意见书, one 复查 (plan 四(四)).

Which items need a site check is catalog data (a permit's ``site_check``), frozen on the item at
acceptance. The reviewers or the
supervisor schedule one inspection for every department whose items need it, with inspectors of
each; each department records its result on its own items. When every result is in and any
department asked for changes, one 整改意见书 lists all their findings and those items wait for
the applicant: the clock stops, as for a 补正, until the applicant reports the work done; then
one 复查 is scheduled for the departments that asked. An item whose latest check is not 合格
cannot be approved. Under 告知承诺 the check comes after the decision and is not scheduled here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.states import OPEN_APPLICATION_STATES, OPEN_ITEM_STATES, ItemMode, ItemState
from desktop_app.models import Application, Item, User
from desktop_app.models.inspection import Inspection, InspectionInspector, InspectionResult
from desktop_app.services import audit, documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import PermissionDeniedError, WorkflowError
from desktop_app.services.workflow import (
    corrections_received_item,
    ensure_open,
    load_application,
    request_correction_item,
    settle,
    take_up_item,
)

OUTCOMES = {"pass": "合格", "rectify": "需整改", "fail": "不合格"}
MAX_FINDINGS = 2000


@dataclass(frozen=True)
class ResultView:
    permit: str
    department: str
    outcome: str
    findings: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class RoundView:
    round: int
    scheduled_at: dt.datetime  # China time, as said to the applicant
    site: str
    departments: tuple[str, ...]
    inspectors: tuple[tuple[str, str, str], ...]  # (department, username, display name)
    state: str
    results: tuple[ResultView, ...]
    rectification_from: dt.date | None
    rectified_on: dt.date | None

    @property
    def title(self) -> str:
        return "现场核查" if self.round == 1 else f"第{self.round - 1}次复查"


@dataclass(frozen=True)
class ItemCheck:
    permit: str
    department: str
    status: str  # what the item waits for, in words


@dataclass(frozen=True)
class InspectionStatus:
    number: str
    items: tuple[ItemCheck, ...]
    rounds: tuple[RoundView, ...]


def needs_check(item: Item) -> bool:
    """The catalog asked for a check when the item was accepted; 告知承诺 checks come later."""
    return item.site_check and item.mode != ItemMode.COMMITMENT and not item.dropped


def site_items(application: Application) -> list[Item]:
    return [i for i in application.items if needs_check(i)]


def _rounds(session: Session, application_id: int) -> list[Inspection]:
    return list(
        session.scalars(
            select(Inspection)
            .where(Inspection.application_id == application_id)
            .order_by(Inspection.round)
        )
    )


def _results(session: Session, inspection_id: int) -> dict[int, InspectionResult]:
    rows = session.scalars(
        select(InspectionResult).where(InspectionResult.inspection_id == inspection_id)
    )
    return {r.item_id: r for r in rows}


def _to_utc(local: dt.datetime) -> dt.datetime:
    return local.replace(tzinfo=clock.CHINA).astimezone(dt.UTC).replace(tzinfo=None)


def _departments_due(
    session: Session, catalog: Catalog, application: Application, rounds: list[Inspection]
) -> list[str]:
    """The departments the next round is for: all at first, then those that asked for changes."""
    items = site_items(application)
    if not items:
        raise WorkflowError(f"办件 {application.number} 没有需要现场核查的事项")
    if not rounds:
        return list(dict.fromkeys(i.department for i in items if i.state in OPEN_ITEM_STATES))
    last = rounds[-1]
    if last.state == "scheduled":
        when = clock.local(last.scheduled_at).strftime("%Y-%m-%d %H:%M")
        raise WorkflowError(f"已安排{_title(last.round)}（{when}），请先登记各部门的核查结果")
    results = _results(session, last.id)
    asked = [i.department for i in items if (r := results.get(i.id)) and r.outcome == "rectify"]
    if not asked:
        raise WorkflowError("各部门均已作出核查结论，无需复查")
    if last.rectified_on is None:
        raise WorkflowError("申请人尚未报告整改完成，不能安排复查")
    return list(dict.fromkeys(asked))


def _title(round_no: int) -> str:
    return "现场核查" if round_no == 1 else f"第{round_no - 1}次复查"


def schedule(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    number: str,
    at: dt.datetime,
    inspectors: Sequence[str],
    site: str | None = None,
) -> RoundView:
    """The next round for every department due, at ``at`` (China time), with these inspectors."""
    require_role(actor, "reviewer", "supervisor", action="安排现场核查")
    application = load_application(session, number)
    ensure_open(application)
    rounds = _rounds(session, application.id)
    departments = _departments_due(session, catalog, application, rounds)
    if actor.role == "reviewer" and actor.department not in departments:
        raise PermissionDeniedError("只能由参加本次核查的部门安排")
    if at < clock.wall_time() - dt.timedelta(minutes=1):
        raise WorkflowError("核查时间不能早于现在")
    chosen = _inspectors(session, inspectors, departments)
    place = (site if site is not None else str(application.form.get("address") or "")).strip()
    if not place or len(place) > 400:
        raise WorkflowError("请写明核查地点（不超过 400 字）")
    inspection = Inspection(
        application_id=application.id,
        round=len(rounds) + 1,
        scheduled_at=_to_utc(at),
        site=place,
        departments=departments,
        state="scheduled",
        scheduled_by=actor.id,
    )
    session.add(inspection)
    session.flush()
    for user in chosen:
        session.add(InspectionInspector(inspection_id=inspection.id, user_id=user.id))
    session.flush()
    audit.record(
        session,
        actor.username,
        "inspection.schedule",
        number,
        {
            "round": inspection.round,
            "at": at.isoformat(),
            "inspectors": [u.username for u in chosen],
        },
    )
    view = _round_view(session, catalog, application, inspection)
    header, _ = documents.case_header_by_id(session, application.id, clock.today())
    content = {**header, **_notice_content(catalog, application, view)}
    for kind in ("inspection_notice", "inspection_record"):
        documents.issue(session, actor, kind, content, application_id=application.id)
    return view


def _inspectors(session: Session, names: Sequence[str], departments: list[str]) -> list[User]:
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    users = {u.username: u for u in session.scalars(select(User).where(User.username.in_(wanted)))}
    for name in wanted:
        user = users.get(name)
        if user is None or user.disabled:
            raise WorkflowError(f"没有在职的检查人员“{name}”")
        if user.role != "inspector":
            raise WorkflowError(f"“{name}”不是执法检查人员")
        if user.department not in departments:
            raise WorkflowError(f"检查人员“{name}”所在部门不参加本次核查")
    missing = [d for d in departments if all(users[n].department != d for n in wanted)]
    if missing:
        raise WorkflowError(f"每个参加核查的部门至少一名检查人员，缺少：{'、'.join(missing)}")
    return [users[n] for n in wanted]


def record(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    number: str,
    permit: str,
    outcome: str,
    findings: str = "",
    today: dt.date | None = None,
) -> RoundView:
    """A department's result on its own item in the round under way.

    When the round's last result is in and some department asked for changes, the one
    整改意见书 is issued and those items wait for the applicant (the clock stops).
    """
    require_role(actor, "inspector", "reviewer", "supervisor", action="登记现场核查结果")
    if outcome not in OUTCOMES:
        raise WorkflowError(f"核查结论“{outcome}”无效（可用 pass、rectify、fail）")
    findings = findings.strip()
    if outcome != "pass" and not findings:
        raise WorkflowError("需整改须写明整改意见，不合格须写明理由")
    if len(findings) > MAX_FINDINGS:
        raise WorkflowError(f"核查意见不超过 {MAX_FINDINGS} 字")
    application = load_application(session, number)
    ensure_open(application)
    item = next((i for i in site_items(application) if i.permit == permit), None)
    if item is None:
        raise WorkflowError(f"办件 {number} 的“{permit}”不需要现场核查")
    if actor.role != "supervisor" and actor.department != item.department:
        raise PermissionDeniedError("只能登记本部门事项的核查结果")
    rounds = _rounds(session, application.id)
    current = rounds[-1] if rounds else None
    if (
        current is None
        or current.state != "scheduled"
        or item.department not in current.departments
    ):
        raise WorkflowError("该事项没有已安排、待登记结果的现场核查")
    if item.state not in OPEN_ITEM_STATES:
        raise WorkflowError("该事项已办结")
    results = _results(session, current.id)
    result = results.get(item.id)
    if result is None:
        result = InspectionResult(inspection_id=current.id, item_id=item.id)
        session.add(result)
    result.outcome, result.findings = outcome, findings
    result.recorded_by, result.recorded_at = actor.id, clock.now()
    if item.state == ItemState.PENDING:
        take_up_item(session, actor, item)
    session.flush()
    audit.record(
        session,
        actor.username,
        "inspection.record",
        number,
        {"round": current.round, "permit": permit, "outcome": outcome, "findings": findings},
    )
    day = today or clock.today()
    due = _due_items(session, catalog, application, rounds)
    results = _results(session, current.id)
    if all(i.id in results for i in due):
        current.state = "done"
        asked = [i for i in due if results[i.id].outcome == "rectify"]
        if asked:
            current.rectification_from = day
            for i in asked:
                if i.state == ItemState.IN_REVIEW:
                    request_correction_item(
                        session, actor, i, f"现场核查整改：{results[i.id].findings}", day
                    )
        session.flush()
        settle(session, actor, application, "inspection")
        view = _round_view(session, catalog, application, current)
        if asked:
            header, _ = documents.case_header_by_id(session, application.id, day)
            documents.issue(
                session,
                actor,
                "rectification",
                {**header, **_rectification_content(catalog, view)},
                application_id=application.id,
            )
        return view
    return _round_view(session, catalog, application, current)


def _due_items(
    session: Session, catalog: Catalog, application: Application, rounds: list[Inspection]
) -> list[Item]:
    """The items the latest round checks: its departments' open ones not passed before."""
    current = rounds[-1]
    passed = {
        item_id
        for earlier in rounds[:-1]
        for item_id, result in _results(session, earlier.id).items()
        if result.outcome == "pass"
    }
    return [
        i
        for i in site_items(application)
        if i.department in current.departments
        and i.state in OPEN_ITEM_STATES
        and i.id not in passed
    ]


def report_rectified(
    session: Session, actor: Actor, catalog: Catalog, number: str, today: dt.date | None = None
) -> RoundView:
    """The applicant reports the changes made: the clocks run again, a 复查 may be scheduled."""
    require_role(actor, "clerk", "supervisor", "reviewer", action="登记整改完成")
    application = load_application(session, number)
    ensure_open(application)
    rounds = _rounds(session, application.id)
    last = rounds[-1] if rounds else None
    if last is None or last.rectification_from is None or last.rectified_on is not None:
        raise WorkflowError(f"办件 {number} 没有等待整改的现场核查")
    day = today or clock.today()
    last.rectified_on = day
    results = _results(session, last.id)
    for item in site_items(application):
        result = results.get(item.id)
        if result and result.outcome == "rectify" and item.state == ItemState.CORRECTION_REQUESTED:
            corrections_received_item(session, actor, item, day)
    session.flush()
    settle(session, actor, application, "rectified")
    audit.record(session, actor.username, "inspection.rectified", number, {"round": last.round})
    return _round_view(session, catalog, application, last)


def status(session: Session, catalog: Catalog, number: str) -> InspectionStatus:
    application = load_application(session, number)
    rounds = _rounds(session, application.id)
    views = [_round_view(session, catalog, application, r) for r in rounds]
    results = {r.id: _results(session, r.id) for r in rounds}
    return InspectionStatus(
        number,
        tuple(_item_check(i, rounds, results) for i in site_items(application)),
        tuple(views),
    )


def _item_check(
    item: Item, rounds: list[Inspection], results: dict[int, dict[int, InspectionResult]]
) -> ItemCheck:
    """Where the item stands: its newest result, or the round it waits for.

    ``results``: each round's results by item, read once for all the case's items.
    """
    text = "待安排现场核查"
    for inspection in rounds:
        if item.department not in inspection.departments:
            continue
        result = results[inspection.id].get(item.id)
        when = clock.local(inspection.scheduled_at).strftime("%Y-%m-%d %H:%M")
        if result is None:
            if text != "现场核查合格":  # a round for the others' changes does not concern it
                text = f"待{_title(inspection.round)}（{when}）"
        elif result.outcome == "pass":
            text = "现场核查合格"
        elif result.outcome == "fail":
            text = "现场核查不合格"
        elif inspection.rectified_on is None:
            text = "需整改，待申请人整改"
        else:
            text = "整改已完成，待复查"
    return ItemCheck(item.permit, item.department, text)


def _round_view(
    session: Session, catalog: Catalog, application: Application, inspection: Inspection
) -> RoundView:
    people = session.execute(
        select(User.department, User.username, User.display_name)
        .join(InspectionInspector, InspectionInspector.user_id == User.id)
        .where(InspectionInspector.inspection_id == inspection.id)
        .order_by(User.department, User.username)
    ).all()
    items = {i.id: i for i in application.items}
    recorded = sorted(_results(session, inspection.id).values(), key=lambda r: r.item_id)
    names = dict(
        session.execute(
            select(User.id, User.username).where(User.id.in_({r.recorded_by for r in recorded}))
        ).all()
    )
    results = tuple(
        ResultView(
            items[r.item_id].permit,
            items[r.item_id].department,
            r.outcome,
            r.findings,
            names.get(r.recorded_by, ""),
            r.recorded_at,
        )
        for r in recorded
    )
    return RoundView(
        inspection.round,
        clock.local(inspection.scheduled_at).replace(tzinfo=None),
        inspection.site,
        tuple(inspection.departments),
        tuple((d or "", u, n or u) for d, u, n in people),
        inspection.state,
        results,
        inspection.rectification_from,
        inspection.rectified_on,
    )


def _notice_content(
    catalog: Catalog, application: Application, view: RoundView
) -> dict[str, object]:
    """What the 现场核查通知书 says (kept as issued)."""
    departments = {
        d: catalog.departments[d].name for d in view.departments if d in catalog.departments
    }
    return {
        "round": view.round,
        "title": view.title,
        "at": view.scheduled_at.strftime("%Y-%m-%d %H:%M"),
        "site": view.site,
        "checks": [
            [
                catalog.permits[i.permit].display_name(i.variant),
                departments.get(i.department, i.department),
            ]
            for i in site_items(application)
            if i.department in view.departments
        ],
        "inspectors": [[departments.get(d, d), name] for d, _, name in view.inspectors],
        "sections": [
            [
                departments.get(d, d),
                [
                    catalog.permits[i.permit].display_name(i.variant)
                    for i in site_items(application)
                    if i.department == d
                ],
                [name for dept, _, name in view.inspectors if dept == d],
            ]
            for d in view.departments
        ],
    }


def _rectification_content(catalog: Catalog, view: RoundView) -> dict[str, object]:
    """The one 整改意见书: every department's findings of this round."""
    return {
        "round": view.round,
        "title": view.title,
        "findings": [
            [
                catalog.departments[r.department].name
                if r.department in catalog.departments
                else r.department,
                catalog.permits[r.permit].name if r.permit in catalog.permits else r.permit,
                r.findings,
            ]
            for r in view.results
            if r.outcome == "rectify"
        ],
    }


@dataclass(frozen=True)
class OpenCase:
    number: str
    enterprise: str
    items: tuple[ItemCheck, ...]


def open_cases(session: Session, department: str | None = None) -> list[OpenCase]:
    """Open cases with items that need a site check, and where each stands (oldest first)."""
    query = (
        select(Application)
        .join(Item, Item.application_id == Application.id)
        .where(
            Application.state.in_(OPEN_APPLICATION_STATES),
            Item.site_check.is_(True),
            Item.state.in_(OPEN_ITEM_STATES),
            Item.mode != ItemMode.COMMITMENT,
        )
        .distinct()
        .order_by(Application.id)
        .options(selectinload(Application.items))
    )
    if department is not None:
        query = query.where(Item.department == department)
    found = []
    for application in session.scalars(query):
        rounds = _rounds(session, application.id)
        results = {r.id: _results(session, r.id) for r in rounds}
        checks = tuple(
            _item_check(i, rounds, results)
            for i in site_items(application)
            if i.state in OPEN_ITEM_STATES and (department is None or i.department == department)
        )
        if checks:
            name = str(application.form.get("enterprise_name") or "")
            found.append(OpenCase(application.number, name, checks))
    return found
