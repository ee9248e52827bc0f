"""Every document the hall hands an applicant: issued once, its content frozen, reprinted from it.

A document is issued by the use case that makes it due (acceptance, a 补正, a refusal …) in the
same transaction, numbered, and kept with what it says; printing it again, on any counter and
after any later change to the case, renders that content, never the live rows (ARCHITECTURE.md:
what was issued is frozen). Each print is logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from desktop_app import clock
from desktop_app.config import installation
from desktop_app.domain.form_values import text_problem
from desktop_app.models import Application, Draft, IssuedNotice, NoticePrint, User
from desktop_app.services import audit, holder, numbers
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, ServiceError


@dataclass(frozen=True)
class DocumentKind:
    title: str
    prefix: str  # of its number; the receipt takes the case's own number


KINDS: dict[str, DocumentKind] = {
    "receipt": DocumentKind("受理通知书", "SL"),
    "application_form": DocumentKind("一业一证综合申请表", "SQ"),
    "commitment": DocumentKind("告知承诺书", "CN"),
    "correction": DocumentKind("一次性补正告知书", "BZ"),
    "refusal": DocumentKind("不予受理决定书", "BY"),
    "rejection": DocumentKind("不予许可决定书", "BX"),
    "termination": DocumentKind("终止办理告知书", "ZZ"),
    "revocation": DocumentKind("撤销行政许可决定书", "CX"),
    "delivery": DocumentKind("送达回执", "SD"),
    "cancellation": DocumentKind("行业综合许可证注销通知书", "ZX"),
    "renewal_reminder": DocumentKind("延续提醒告知书", "YX"),
    "inspection_notice": DocumentKind("现场核查通知书", "HC"),
    "inspection_record": DocumentKind("现场核查记录表", "HJ"),
    "rectification": DocumentKind("现场核查整改意见书", "ZG"),
}
PRINT_ROLES = ("clerk", "supervisor", "reviewer")
# It names what is missing; it does not say "申请材料齐全".
DEFERRED_RECEIPT_TITLE = "容缺受理通知书"


def title_of(kind: str, content: dict[str, Any]) -> str:
    if kind == "receipt" and content.get("kind_name") and content.get("certificate"):
        return f"{content['kind_name']}受理通知书"
    if kind == "receipt" and content.get("deferred"):
        return "容缺受理通知书"  # it names what is missing; it does not say "材料齐全"
    return KINDS[kind].title


def addressee(enterprise: str, legal_rep: str, agent: str | None) -> dict[str, str]:
    """The enterprise, and the 委托代理人 if one applied for it, else the 法定代表人."""
    if agent:
        return {"enterprise": enterprise, "contact": agent, "role": "委托代理人"}
    return {"enterprise": enterprise, "contact": legal_rep, "role": "法定代表人"}


def case_header(application: Application, industry_name: str, day: dt.date) -> dict[str, Any]:
    """What every document of a case starts with (``agent`` loaded), the holder as filed."""
    agent = application.agent
    filed = holder.as_filed(application.form)
    return {
        "case": application.number,
        "industry": industry_name,
        "day": day.isoformat(),
        "addressee": addressee(
            filed.name,
            filed.legal_rep_name,
            agent.name if agent is not None else None,
        ),
    }


def case_header_by_id(
    session: Session, application_id: int, day: dt.date
) -> tuple[dict[str, Any], dict[str, tuple[str, str]]]:
    """A case's document header, and its permits' (name, department) as accepted.

    Both come from the case's receipt as issued: a later letter names the industry and the
    permits as they were accepted, whatever the catalog says today.
    """
    application = session.scalar(
        select(Application)
        .where(Application.id == application_id)
        .options(selectinload(Application.enterprise), selectinload(Application.agent))
    )
    if application is None:
        raise NotFoundError(f"办件 {application_id} 不存在")
    receipt = session.scalar(
        select(IssuedNotice.content).where(
            IssuedNotice.application_id == application_id, IssuedNotice.kind == "receipt"
        )
    )
    receipt = receipt or {}
    names = {i["permit"]: (i["name"], i["department"]) for i in receipt.get("items", [])}
    header = case_header(application, receipt.get("industry", application.industry), day)
    return header, names


def issue(
    session: Session,
    actor: Actor,
    kind: str,
    content: dict[str, Any],
    application_id: int | None = None,
    draft_id: int | None = None,
    number: str | None = None,
) -> str:
    """Numbers and keeps one document; returns its number (audited)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    number = number or _number(session, KINDS[kind].prefix)
    session.add(
        IssuedNotice(
            kind=kind,
            number=number,
            application_id=application_id,
            draft_id=draft_id,
            issued_by=actor.id,
            content=content,
        )
    )
    session.flush()
    audit.record(
        session,
        actor.username,
        "issue_document",
        number,
        {"kind": kind, "case": content.get("case")},
    )
    return number


def _number(session: Session, prefix: str) -> str:
    year = clock.today().year
    site = installation()
    sequence = numbers.allocate(session, f"{prefix}:{year}")
    return f"{prefix}{year}{site.office_code}{site.workstation}{sequence:06d}"


@dataclass(frozen=True)
class PrintRow:
    at: dt.datetime
    user: str
    printer: str


@dataclass(frozen=True)
class DocumentRow:
    """A document of a case as the 办件 screen lists it."""

    id: int
    kind: str
    title: str
    number: str
    issued_at: dt.datetime
    issued_by: str
    prints: tuple[PrintRow, ...]


@dataclass(frozen=True)
class Document:
    """What it takes to print a document again: its kind, number and frozen content."""

    id: int
    kind: str
    title: str
    number: str
    content: dict[str, Any]


def _owners(session: Session, number: str) -> tuple[list[int], list[int]]:
    """(application ids, draft ids) whose documents ``number`` names: a case or a notice."""
    application_id = session.scalar(select(Application.id).where(Application.number == number))
    if application_id is not None:
        # Before acceptance a 补正 was given at the counter on the draft that became this case.
        drafts = list(
            session.scalars(select(Draft.id).where(Draft.application_id == application_id))
        )
        return [application_id], drafts
    notice = session.scalar(select(IssuedNotice).where(IssuedNotice.number == number))
    if notice is None:
        raise NotFoundError(f"办件或文书 {number} 不存在")
    if notice.application_id is not None:
        return [notice.application_id], []
    return [], [notice.draft_id] if notice.draft_id is not None else []


def _notices(session: Session, number: str) -> list[IssuedNotice]:
    applications, drafts = _owners(session, number)
    return list(
        session.scalars(
            select(IssuedNotice)
            .where(
                or_(
                    IssuedNotice.application_id.in_(applications),
                    IssuedNotice.draft_id.in_(drafts),
                )
            )
            .order_by(IssuedNotice.issued_at, IssuedNotice.id)
        )
    )


def for_case(session: Session, number: str) -> list[DocumentRow]:
    """The documents issued for a case (or for the counter application a notice names)."""
    notices = _notices(session, number)
    names = dict(session.execute(select(User.id, User.display_name)).all())
    prints: dict[int, list[PrintRow]] = {}
    for row in session.scalars(
        select(NoticePrint)
        .where(NoticePrint.notice_id.in_([n.id for n in notices]))
        .order_by(NoticePrint.at, NoticePrint.id)
    ):
        prints.setdefault(row.notice_id, []).append(
            PrintRow(row.at, names.get(row.user_id, "?"), row.printer)
        )
    return [
        DocumentRow(
            n.id,
            n.kind,
            title_of(n.kind, n.content),
            n.number,
            n.issued_at,
            names.get(n.issued_by, "?"),
            tuple(prints.get(n.id, ())),
        )
        for n in notices
    ]


def get(session: Session, notice_id: int) -> Document:
    notice = session.get(IssuedNotice, notice_id)
    if notice is None:
        raise NotFoundError(f"文书 {notice_id} 不存在")
    return Document(
        notice.id, notice.kind, title_of(notice.kind, notice.content), notice.number, notice.content
    )


def find(session: Session, number: str, kind: str) -> Document:
    """The latest document of ``kind`` for a case, or the document with that number itself."""
    if kind not in KINDS:
        known = "、".join(KINDS)
        raise ServiceError(f"文书种类“{kind}”无效（可用：{known}）")
    matching = [n for n in _notices(session, number) if n.kind == kind]
    if not matching:
        raise NotFoundError(f"{number} 没有{KINDS[kind].title}")
    return get(session, matching[-1].id)


def by_number(session: Session, number: str) -> Document:
    """A document by its own number (one that belongs to no case, e.g. a 延续提醒告知书)."""
    notice_id = session.scalar(select(IssuedNotice.id).where(IssuedNotice.number == number))
    if notice_id is None:
        raise NotFoundError(f"文书 {number} 不存在")
    return get(session, notice_id)


def record_print(session: Session, actor: Actor, notice_id: int, printer: str) -> None:
    """Logs one print (or one file written) of a document, with the printer's name."""
    require_role(actor, *PRINT_ROLES, action="打印文书")
    problem = text_problem("打印机名称", printer, 200)
    if problem:
        raise ServiceError(problem)
    document = get(session, notice_id)
    session.add(NoticePrint(notice_id=notice_id, user_id=actor.id, printer=printer))
    audit.record(
        session, actor.username, f"print_{document.kind}", document.number, {"printer": printer}
    )


def issue_delivery(session: Session, actor: Actor, number: str, notice_ids: list[int]) -> str:
    """A 送达回执 listing documents of case ``number`` handed to the applicant."""
    require_role(actor, "clerk", "supervisor", action="出具送达回执")
    if not notice_ids:
        raise ServiceError("请选择送达的文书")
    application_id = session.scalar(select(Application.id).where(Application.number == number))
    if application_id is None:
        raise NotFoundError(f"办件 {number} 不存在")
    own = {n.id: n for n in _notices(session, number)}
    handed = []
    for notice_id in notice_ids:
        notice = own.get(notice_id)
        if notice is None:
            raise NotFoundError(f"文书 {notice_id} 不属于办件 {number}")
        if notice.kind == "delivery":
            raise ServiceError("送达回执本身不列入送达的文书")
        handed.append([title_of(notice.kind, notice.content), notice.number])
    header, _ = case_header_by_id(session, application_id, clock.today())
    return issue(session, actor, "delivery", {**header, "documents": handed}, application_id)
