"""Drafts: what the clerk typed, kept as they type; the counter's 补正 and 不予受理 on a draft.

A 一次性补正告知书 keeps the draft open and numbered: when the applicant comes back with what was
missing, any clerk finds it by the notice's number, the name or the credit code, takes it over
and goes on where it stopped; nothing is typed twice. A 不予受理决定书 closes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.form_values import text_problem
from desktop_app.models import Draft, IssuedNotice
from desktop_app.services import audit, documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from desktop_app.services.wizard import check_refs, scan_refs

MAX_MISSING = 30
MAX_LINE = 200
MAX_REASON = 500


@dataclass(frozen=True)
class DraftRow:
    id: int
    industry: str | None
    answers: dict[str, Any]
    form: dict[str, Any]
    materials: dict[str, str]
    commitments: tuple[str, ...]
    updated_at: dt.datetime
    correction_count: int
    agent: dict[str, str] | None = None
    scans: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    prefilled: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, dict[str, str]] = field(default_factory=dict)


def _row(draft: Draft) -> DraftRow:
    agent = draft.materials.get("agent")
    return DraftRow(
        draft.id,
        draft.industry,
        draft.answers,
        draft.form,
        dict(draft.materials.get("received", {})),
        tuple(draft.materials.get("commitments", ())),
        draft.updated_at,
        draft.correction_count,
        dict(agent) if isinstance(agent, dict) else None,
        scan_refs(draft.materials.get("scans")),
        prefilled if isinstance(prefilled := draft.materials.get("prefilled"), dict) else {},
        check_refs(draft.materials.get("checks")),
    )


def save_draft(
    session: Session,
    actor: Actor,
    draft_id: int | None,
    industry: str | None,
    answers: Mapping[str, Any],
    form: Mapping[str, Any],
    materials: Mapping[str, str],
    commitments: tuple[str, ...] = (),
    agent: Mapping[str, str] | None = None,
    scans: Mapping[str, list[dict[str, str]]] | None = None,
    prefilled: Mapping[str, Any] | None = None,
    checks: Mapping[str, Mapping[str, str]] | None = None,
) -> int:
    """Stores what is typed so far (nothing is checked: a draft may be half-wrong)."""
    require_role(actor, "clerk", "supervisor", action="保存草稿")
    draft = session.get(Draft, draft_id) if draft_id is not None else None
    if draft is None:
        draft = Draft(user_id=actor.id, answers={}, form={}, materials={})
        session.add(draft)
    elif draft.status != "open":
        raise WorkflowError("该草稿已受理或已办结，不能再修改")
    draft.industry = industry
    draft.answers = dict(answers)
    draft.form = dict(form)
    draft.materials = {
        "received": dict(materials),
        "commitments": list(commitments),
        "agent": dict(agent) if agent else None,
        "scans": {key: list(entries) for key, entries in (scans or {}).items()},
        "prefilled": dict(prefilled or {}),
        "checks": {key: dict(check) for key, check in (checks or {}).items()},
    }
    session.flush()
    return draft.id


def open_drafts(session: Session, actor: Actor) -> list[DraftRow]:
    """The actor's unfinished drafts, newest first: offered back after a crash or an idle lock."""
    drafts = session.scalars(
        select(Draft)
        .where(Draft.user_id == actor.id, Draft.status == "open")
        .order_by(Draft.updated_at.desc(), Draft.id.desc())
    )
    return [_row(d) for d in drafts]


def _open_draft(session: Session, draft_id: int) -> Draft:
    draft = session.get(Draft, draft_id)
    if draft is None:
        raise NotFoundError(f"草稿 {draft_id} 不存在")
    if draft.status != "open":
        raise WorkflowError("该草稿已受理或已办结")
    return draft


@dataclass(frozen=True)
class ReturningRow:
    """An application sent away with a 补正告知书, waiting for the applicant to come back."""

    draft_id: int
    notice: str
    issued_at: dt.datetime
    enterprise_name: str
    credit_code: str
    industry: str | None
    missing: tuple[str, ...]


def returning(session: Session, text: str = "") -> list[ReturningRow]:
    """Open drafts with a counter 补正, newest notice first; ``text`` matches number, name, code."""
    rows = session.execute(
        select(Draft, IssuedNotice)
        .join(IssuedNotice, IssuedNotice.draft_id == Draft.id)
        .where(Draft.status == "open", IssuedNotice.kind == "correction")
        .order_by(IssuedNotice.issued_at.desc(), IssuedNotice.id.desc())
    )
    needle = text.strip().upper()
    seen: set[int] = set()
    result = []
    for draft, notice in rows:
        if draft.id in seen:
            continue  # the latest notice stands for the draft
        seen.add(draft.id)
        name = str(draft.form.get("enterprise_name") or "")
        code = str(draft.form.get("credit_code") or "")
        if needle and not (
            needle in notice.number or needle in name.upper() or code.startswith(needle)
        ):
            continue
        result.append(
            ReturningRow(
                draft.id,
                notice.number,
                notice.issued_at,
                name,
                code,
                draft.industry,
                tuple(notice.content.get("missing", ())),
            )
        )
    return result


def take_over(session: Session, actor: Actor, draft_id: int) -> DraftRow:
    """The applicant is back: this clerk goes on with the draft, whoever started it."""
    require_role(actor, "clerk", "supervisor", action="继续办理补正后的申请")
    draft = _open_draft(session, draft_id)
    if draft.user_id != actor.id:
        audit.record(session, actor.username, "take_over_draft", str(draft.id), {})
        draft.user_id = actor.id
    session.flush()
    return _row(draft)


def _lines(items: Sequence[str]) -> list[str]:
    lines = [line.strip() for line in items if line.strip()]
    if not lines:
        raise WorkflowError("补正告知书须列明需要补正的全部内容")
    if len(lines) > MAX_MISSING:
        raise WorkflowError(f"补正内容最多 {MAX_MISSING} 项，请合并相近的内容")
    for line in lines:
        problem = text_problem("补正内容", line, MAX_LINE)
        if problem:
            raise WorkflowError(problem)
    return lines


def _header(catalog: Catalog, draft: Draft) -> dict[str, Any]:
    industry = catalog.find_industry(draft.industry or "")
    agent = draft.materials.get("agent")
    return {
        "industry": industry.name if industry is not None else (draft.industry or ""),
        "day": clock.today().isoformat(),
        "addressee": documents.addressee(
            str(draft.form.get("enterprise_name") or "申请人"),
            str(draft.form.get("legal_rep_name") or ""),
            agent.get("name") if isinstance(agent, dict) else None,
        ),
    }


def request_counter_corrections(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    draft_id: int,
    missing: Sequence[str],
    note: str = "",
) -> str:
    """补正 at the counter: everything missing, told at once, in one numbered notice.

    A second 补正 for the same application needs a supervisor (the law asks for one 一次性告知).
    """
    require_role(actor, "clerk", "supervisor", action="出具补正告知书")
    draft = _open_draft(session, draft_id)
    lines = _lines(missing)
    if draft.correction_count >= 1 and actor.role != "supervisor":
        raise PermissionDeniedError(
            "同一申请再次补正须由窗口负责人办理（须一次性告知全部补正内容）"
        )
    draft.correction_count += 1
    content = {
        **_header(catalog, draft),
        "missing": lines,
        "note": note,
        "round": draft.correction_count,
    }
    return documents.issue(session, actor, "correction", content, draft_id=draft.id)


def refuse_at_counter(
    session: Session, actor: Actor, catalog: Catalog, draft_id: int, reason: str
) -> str:
    """不予受理, with the reason written on the decision; the draft is closed."""
    require_role(actor, "clerk", "supervisor", action="不予受理")
    draft = _open_draft(session, draft_id)
    problem = text_problem("不予受理理由", reason, MAX_REASON)
    if problem or not reason.strip():
        raise WorkflowError(problem or "不予受理须写明理由")
    draft.status = "refused"
    content = {**_header(catalog, draft), "reason": reason.strip()}
    return documents.issue(session, actor, "refusal", content, draft_id=draft.id)
