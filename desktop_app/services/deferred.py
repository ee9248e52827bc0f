"""容缺受理 after acceptance: the late materials arriving, the list of those still out, 终止办理.

A permit with a 容缺 material cannot be approved until it is in (workflow.approve checks), unless
it was taken under 告知承诺. A case whose materials never came is ended by a supervisor with a
终止办理告知书.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.states import OPEN_APPLICATION_STATES, ApplicationState
from desktop_app.models import Application, Enterprise, ReceivedMaterial
from desktop_app.services import audit, documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, WorkflowError
from desktop_app.services.workflow import (
    end,
    ensure_open,
    load_application,
    reason_text,
    settle,
)

RECEIPT_WAYS = {"paper": "纸质", "scan": "扫描件", "electronic": "电子证照"}


@dataclass(frozen=True)
class DeferredRow:
    """A 容缺 material of an open case, still out or received."""

    number: str
    enterprise_name: str
    key: str
    name: str
    permits: tuple[str, ...]
    due_on: dt.date
    received_at: dt.datetime | None
    how: str
    overdue: bool


def _name(catalog: Catalog, key: str) -> str:
    material = catalog.materials.get(key)
    return material.name if material is not None else key


def outstanding(
    session: Session,
    catalog: Catalog,
    overdue_only: bool = False,
    number: str | None = None,
    today: dt.date | None = None,
) -> list[DeferredRow]:
    """容缺 materials not in yet, of open cases, the earliest due first (one case: ``number``)."""
    today = today or clock.today()
    query = (
        select(ReceivedMaterial, Application.number, Enterprise.name)
        .join(Application, Application.id == ReceivedMaterial.application_id)
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .where(
            ReceivedMaterial.due_on.is_not(None),
            ReceivedMaterial.received_at.is_(None),
            Application.state.in_(OPEN_APPLICATION_STATES),
        )
        .order_by(ReceivedMaterial.due_on, Application.number, ReceivedMaterial.key)
    )
    if overdue_only:
        query = query.where(ReceivedMaterial.due_on < today)
    if number is not None:
        query = query.where(Application.number == number)
    rows = []
    for material, case_number, enterprise in session.execute(query):
        assert material.due_on is not None
        rows.append(
            DeferredRow(
                case_number,
                enterprise,
                material.key,
                _name(catalog, material.key),
                tuple(material.permits),
                material.due_on,
                None,
                material.how,
                material.due_on < today,
            )
        )
    return rows


def of_case(session: Session, catalog: Catalog, number: str) -> list[DeferredRow]:
    """Every 容缺 material of one case, in or not (the 办件 screen's list)."""
    application = load_application(session, number)
    today = clock.today()
    return [
        DeferredRow(
            number,
            "",
            m.key,
            _name(catalog, m.key),
            tuple(m.permits),
            m.due_on,
            m.received_at,
            m.how,
            m.received_at is None and m.due_on < today,
        )
        for m in session.scalars(
            select(ReceivedMaterial)
            .where(
                ReceivedMaterial.application_id == application.id,
                ReceivedMaterial.due_on.is_not(None),
            )
            .order_by(ReceivedMaterial.due_on, ReceivedMaterial.id)
        )
        if m.due_on is not None
    ]


def receive(
    session: Session,
    actor: Actor,
    number: str,
    key: str,
    how: str = "paper",
    sha256: str | None = None,
) -> None:
    """A 容缺 material handed in: how it came, who took it; the department may then approve."""
    require_role(actor, "clerk", "supervisor", action="登记容缺材料")
    if how not in RECEIPT_WAYS:
        raise WorkflowError(f"收取方式“{how}”无效（可用 paper、scan、electronic）")
    application = load_application(session, number)
    ensure_open(application)
    material = session.scalar(
        select(ReceivedMaterial).where(
            ReceivedMaterial.application_id == application.id, ReceivedMaterial.key == key
        )
    )
    if material is None:
        raise NotFoundError(f"办件 {number} 没有材料“{key}”")
    if material.due_on is None:
        raise WorkflowError(f"材料“{key}”受理时已收取，不是容缺材料")
    if material.received_at is not None:
        local = clock.local(material.received_at)
        raise WorkflowError(f"容缺材料“{key}”已于 {local:%Y-%m-%d %H:%M} 登记收到")
    material.how = how
    material.sha256 = sha256
    material.received_at = clock.now()
    material.received_by = actor.id
    audit.record(
        session, actor.username, "deferred_received", number, {"material": key, "how": how}
    )
    settle(session, actor, application, "deferred_received")


def terminate(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    number: str,
    reason: str,
    expected_version: int | None = None,
) -> str:
    """终止办理 by a supervisor; returns the number of the 终止办理告知书 it issues."""
    require_role(actor, "supervisor", action="终止办理")
    application = load_application(session, number, expected_version)
    ensure_open(application)
    text = reason_text(reason, "终止办理")
    overdue = [
        (row.name, row.due_on.isoformat())
        for row in outstanding(session, catalog, overdue_only=True, number=number)
    ]
    end(session, actor, application, ApplicationState.TERMINATED, text, "terminate")
    header, _ = documents.case_header_by_id(session, application.id, clock.today())
    return documents.issue(
        session,
        actor,
        "termination",
        {**header, "reason": text, "overdue": overdue},
        application_id=application.id,
    )
