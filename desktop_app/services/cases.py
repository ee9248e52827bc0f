"""Read side of the 办件: one application with its items, and filtered lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.domain.masking import mask_id_number, mask_phone
from desktop_app.models import Application
from desktop_app.services.errors import NotFoundError


@dataclass(frozen=True)
class ItemView:
    permit: str
    department: str
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


@dataclass(frozen=True)
class ApplicationRow:
    number: str
    industry: str
    state: str
    enterprise_name: str
    credit_code: str
    accepted_on: dt.date


def _view(application: Application) -> ApplicationView:
    enterprise = application.enterprise
    return ApplicationView(
        number=application.number,
        industry=application.industry,
        kind=application.kind,
        state=application.state,
        catalog_version=application.catalog_version,
        accepted_on=application.accepted_on,
        enterprise=EnterpriseView(
            enterprise.name,
            enterprise.credit_code,
            enterprise.legal_rep_name,
            mask_id_number(enterprise.legal_rep_id or ""),
            enterprise.address,
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
            )
            for i in application.items
        ),
        version=application.version_id,
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
    return _view(application)


def list_applications(
    session: Session, state: str | None = None, limit: int = 500
) -> list[ApplicationRow]:
    query = (
        select(Application)
        .options(selectinload(Application.enterprise))
        .order_by(Application.id.desc())
        .limit(limit)
    )
    if state is not None:
        query = query.where(Application.state == state)
    return [
        ApplicationRow(
            a.number,
            a.industry,
            a.state,
            a.enterprise.name,
            a.enterprise.credit_code,
            a.accepted_on,
        )
        for a in session.scalars(query)
    ]
