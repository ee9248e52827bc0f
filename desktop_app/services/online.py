"""网上申请: applications submitted online, pre-checked (预审) at the counter, answered once.

Accepting one runs the same checks and steps as the wizard (intake.accept, then 并联); its
uploaded files become the materials' scans and count as electronic. Returning it for 补正 or
refusing it needs reasons for the applicant. Each answer goes to the platform once, from this
row's own outbox, in the transaction that decides it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.states import ONLINE_STATE_NAMES
from desktop_app.models import (
    Application,
    OnlineApplication,
    ReceivedMaterial,
    StoredFile,
    User,
)
from desktop_app.services import attachments, audit, intake, workflow
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, WorkflowError
from desktop_app.sync.online_protocol import (
    ApplicationError,
    FileRef,
    decision_payload,
    parse_application,
)

STATE_NAMES = ONLINE_STATE_NAMES
MAX_REASON = 500


@dataclass(frozen=True)
class OnlineRow:
    id: int
    platform_id: str
    state: str
    submitted_at: dt.datetime | None
    channel: str | None
    industry: str | None
    enterprise_name: str
    credit_code: str
    files: int
    note: str | None
    receipt_no: str | None
    reasons: tuple[str, ...]
    decided_by: str | None
    decision_state: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform_id": self.platform_id,
            "state": self.state,
            "submitted_at": self.submitted_at,
            "channel": self.channel,
            "industry": self.industry,
            "enterprise": self.enterprise_name,
            "credit_code": self.credit_code,
            "files": self.files,
            "note": self.note,
            "receipt_no": self.receipt_no,
            "reasons": list(self.reasons),
            "decided_by": self.decided_by,
            "decision_sent": self.decision_state == "sent",
        }


def store_fetched(session: Session, applications: Iterable[object]) -> tuple[int, int]:
    """Keeps each new application of a fetched page; returns (new, not per protocol).

    One the store already holds (a page fetched twice) is left as it is.
    """
    new = invalid = 0
    page = list(applications)
    ids = [a.get("id") for a in page if isinstance(a, dict) and isinstance(a.get("id"), str)]
    seen = set(  # one query for the page, not one per application
        session.scalars(
            select(OnlineApplication.platform_id).where(OnlineApplication.platform_id.in_(ids))
        )
    )
    for raw in page:
        if not isinstance(raw, dict):
            invalid += 1
            continue
        platform_id = raw.get("id")
        if not isinstance(platform_id, str) or not platform_id or len(platform_id) > 100:
            invalid += 1  # nothing to key it by: counted, not kept
            continue
        if platform_id in seen:
            continue
        seen.add(platform_id)
        try:
            parsed = parse_application(raw)
        except ApplicationError as exc:
            session.add(
                OnlineApplication(
                    platform_id=platform_id, state="invalid", note=str(exc), raw=dict(raw)
                )
            )
            invalid += 1
            continue
        session.add(
            OnlineApplication(
                platform_id=platform_id,
                state="waiting",
                submitted_at=parsed.submitted_at,
                channel=parsed.channel,
                industry=parsed.industry,
                raw=dict(raw),
            )
        )
        new += 1
    session.flush()
    return new, invalid


def _row(application: OnlineApplication, number: str | None, decided_by: str | None) -> OnlineRow:
    raw = application.raw
    form: dict[str, Any] = raw["form"] if isinstance(raw.get("form"), dict) else {}
    materials: dict[str, Any] = raw["materials"] if isinstance(raw.get("materials"), dict) else {}
    return OnlineRow(
        application.id,
        application.platform_id,
        application.state,
        application.submitted_at,
        application.channel,
        application.industry,
        str(form.get("enterprise_name") or ""),
        str(form.get("credit_code") or ""),
        sum(len(f) for f in materials.values() if isinstance(f, list)),
        application.note,
        number,
        tuple(str(r) for r in application.reasons or ()),
        decided_by,
        application.decision_state,
    )


def listing(session: Session, state: str | None = None) -> list[OnlineRow]:
    """The online applications, waiting ones first, then by the time they were submitted."""
    query = (
        select(OnlineApplication, Application.number, User.username)
        .outerjoin(Application, Application.id == OnlineApplication.application_id)
        .outerjoin(User, User.id == OnlineApplication.decided_by)
        .order_by(
            (OnlineApplication.state != "waiting"),
            OnlineApplication.submitted_at,
            OnlineApplication.id,
        )
    )
    if state is not None:
        query = query.where(OnlineApplication.state == state)
    return [_row(a, number, who) for a, number, who in session.execute(query)]


def _waiting(session: Session, online_id: int) -> OnlineApplication:
    application = session.get(OnlineApplication, online_id, with_for_update=True)
    if application is None:
        raise NotFoundError(f"网上申请 {online_id} 不存在")
    if application.state != "waiting":
        name = STATE_NAMES.get(application.state, application.state)
        raise WorkflowError(f"网上申请 {online_id} 已预审（{name}），不能再次办理")
    return application


def raw_of(session: Session, online_id: int) -> dict[str, Any]:
    """The application as the platform sent it."""
    application = session.get(OnlineApplication, online_id)
    if application is None:
        raise NotFoundError(f"网上申请 {online_id} 不存在")
    return dict(application.raw)


def files_of(session: Session, online_id: int) -> list[tuple[str, FileRef]]:
    """The application's uploaded files (material key, file), as the platform listed them."""
    application = session.get(OnlineApplication, online_id)
    if application is None:
        raise NotFoundError(f"网上申请 {online_id} 不存在")
    if application.state == "invalid":
        return []
    parsed = parse_application(application.raw)
    return [(key, ref) for key, refs in parsed.materials.items() for ref in refs]


def missing_files(session: Session, online_id: int) -> list[FileRef]:
    """Files of the application the store does not hold yet (fetched on demand)."""
    refs = [ref for _, ref in files_of(session, online_id)]
    held = set(
        session.scalars(
            select(StoredFile.sha256).where(StoredFile.sha256.in_([r.sha256 for r in refs]))
        )
    )
    return [r for r in refs if r.sha256 not in held]


def _decide(
    session: Session,
    actor: Actor,
    application: OnlineApplication,
    state: str,
    receipt_no: str | None,
    reasons: Sequence[str],
) -> None:
    key = str(uuid.uuid4())
    application.state = state
    application.decided_at = clock.now()
    application.decided_by = actor.id
    application.reasons = list(reasons)
    application.decision_key = key
    application.decision_state = "pending"
    application.decision_payload = decision_payload(key, state, receipt_no, list(reasons))
    application.decision_next_at = clock.now()
    audit.record(
        session,
        actor.username,
        f"online.{state}",
        application.platform_id,
        {"receipt_no": receipt_no, "reasons": list(reasons)},
    )


def accept(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    online_id: int,
    platform_departments: AbstractSet[str] = frozenset(),
) -> intake.Receipt:
    """受理: the same checks as the wizard; the uploaded files become electronic materials.

    Raises SubmissionError (nothing stored) when the form or the materials are not complete:
    the clerk then returns it for 补正 with those reasons.
    """
    require_role(actor, "clerk", "supervisor", action="受理网上申请")
    application = _waiting(session, online_id)
    parsed = parse_application(application.raw)
    if missing_files(session, online_id):
        raise WorkflowError("网上申请的材料文件尚未从平台取得，请稍后再受理")
    submission = intake.Submission(
        industry=parsed.industry,
        answers=parsed.answers,
        form=parsed.form,
        materials={key: "electronic" for key, refs in parsed.materials.items() if refs},
        commitments=tuple(parsed.commitments),
        client_ref=f"online:{parsed.platform_id}",
    )
    # The row lock above keeps a second counter out; client_ref would refuse a second case too.
    receipt = intake.accept(session, actor, catalog, submission)
    listed = set(
        session.scalars(
            select(ReceivedMaterial.key).where(
                ReceivedMaterial.application_id == receipt.application_id
            )
        )
    )
    for key, refs in parsed.materials.items():
        for ref in refs if key in listed else ():  # a file for no material of the case: left
            scan = attachments.stored(session, ref.sha256, ref.name)
            attachments.link(session, actor, receipt.number, key, scan, "platform")
    workflow.dispatch(session, actor, receipt.number, platform_departments=platform_departments)
    application.application_id = receipt.application_id
    _decide(session, actor, application, "accepted", receipt.number, ())
    return receipt


def _reasons(reasons: Sequence[str]) -> list[str]:
    cleaned = [r.strip() for r in reasons if r.strip()]
    if not cleaned:
        raise WorkflowError("请写明理由，平台会转告申请人")
    if any(len(r) > MAX_REASON for r in cleaned):
        raise WorkflowError(f"每条理由不超过 {MAX_REASON} 字")
    return cleaned


def return_for_correction(
    session: Session, actor: Actor, online_id: int, reasons: Sequence[str]
) -> None:
    """退回补正: the applicant corrects online and submits again (a new application)."""
    require_role(actor, "clerk", "supervisor", action="退回网上申请")
    cleaned = _reasons(reasons)
    _decide(session, actor, _waiting(session, online_id), "returned", None, cleaned)


def refuse(session: Session, actor: Actor, online_id: int, reason: str) -> None:
    """不予受理, with the reason the applicant is told."""
    require_role(actor, "clerk", "supervisor", action="不予受理网上申请")
    cleaned = _reasons([reason])
    _decide(session, actor, _waiting(session, online_id), "refused", None, cleaned)
