"""What the hash chain alone cannot show: a cut tail, a rewritten stretch, tables edited behind it.

The chain (services/audit.py) proves that no entry changed *relative to the ones after it*.
Whoever can write the database can still delete the newest entries, or rewrite a stretch and
recompute every later hash. Three things close that:

- the audit counter (it allocates every sequence number) must end where the chain ends;
- an **anchor**, the chain's head signed with the office's issuing key and kept by an auditor
  outside the database: the entry it names must still carry the hash it signed;
- the business tables must agree with the chain's last word on each row: an application's
  industry and permits with its acceptance entry, its state and its items' states with the
  newest entry that recorded them (every workflow step and platform batch records both), a
  certificate with its issue entry, and its state with the entries that superseded or ended it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import cbor2
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from desktop_app import clock
from desktop_app.domain.cose import CoseError, PrivateKey, PublicKey, parse_sign1, sign1
from desktop_app.domain.cose import verify_signature as cose_verify
from desktop_app.models import Application, AuditEntry, Certificate, NumberCounter
from desktop_app.services import audit

ANCHOR_VERSION = 1


class AnchorError(ValueError):
    """The anchor file is not one (wrong shape, or not signed by a trusted key)."""


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str


def make_anchor(session: Session, key: PrivateKey) -> dict[str, Any]:
    """The chain's head, signed: the file an auditor keeps."""
    seq, digest = audit.head(session)
    at = clock.local(clock.now()).isoformat(timespec="seconds")  # the hall's time, for people
    payload = {"v": ANCHOR_VERSION, "seq": seq, "hash": digest, "at": at}
    signed = sign1(cbor2.dumps(payload), key)
    return {**payload, "signature": base64.b64encode(signed).decode("ascii")}


def read_anchor(data: Any, trusted: Mapping[bytes, Sequence[PublicKey]]) -> Anchor:
    """The anchor a file holds, once its signature checks out against a trusted key."""
    if not isinstance(data, dict) or not isinstance(data.get("signature"), str):
        raise AnchorError("不是审计锚点文件")
    try:
        structure = parse_sign1(cbor2.loads(base64.b64decode(data["signature"], validate=True)))
        payload = cbor2.loads(structure.payload)
    except (ValueError, CoseError, cbor2.CBORDecodeError) as exc:
        raise AnchorError(f"锚点签名无法读取：{exc}") from None
    keys = trusted.get(structure.kid, ())
    if not any(cose_verify(structure, key) for key in keys):
        raise AnchorError("锚点签名无效，或签名密钥不受信任")
    if not isinstance(payload, dict) or payload.get("v") != ANCHOR_VERSION:
        raise AnchorError("锚点内容格式不符")
    seq, digest, at = payload.get("seq"), payload.get("hash"), payload.get("at")
    if not isinstance(seq, int) or not isinstance(digest, str) or not isinstance(at, str):
        raise AnchorError("锚点内容格式不符")
    return Anchor(seq, digest, at)


def check_anchor(session: Session, anchor: Anchor) -> str | None:
    """Why the chain no longer holds what the anchor signed, or None."""
    if anchor.seq == 0:
        return None
    digest = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq))
    if digest is None:
        return f"锚点（{anchor.at}）所签的第 {anchor.seq} 条记录已不存在：记录被删除"
    if digest != anchor.hash:
        return f"第 {anchor.seq} 条记录的哈希与锚点（{anchor.at}）所签不同：此前的记录被改写"
    return None


def check_counter(session: Session, last_seq: int) -> str | None:
    """The counter allocated every number: a chain that ends before it lost its tail."""
    allocated = session.scalar(
        select(NumberCounter.last_value).where(NumberCounter.name == "audit")
    )
    allocated = allocated or 0
    if allocated > last_seq:
        return f"审计记录只到第 {last_seq} 条，计数器已分配到第 {allocated} 条：末尾的记录被删除"
    if allocated < last_seq:
        return f"审计计数器（{allocated}）小于记录条数（{last_seq}）：计数器被改动"
    return None


@dataclass
class _Recorded:
    """What the chain says, entry by entry in order: the last word on each case and certificate."""

    accepted: dict[str, tuple[str, list[str]]]
    case_state: dict[str, str]
    case_items: dict[str, dict[str, str]]
    case_dropped: dict[str, list[str]]
    issued: dict[tuple[str, int], str]
    newest_revision: dict[str, int]
    ended: dict[tuple[str, int], str]


def _recorded(session: Session) -> _Recorded:
    seen = _Recorded({}, {}, {}, {}, {}, {}, {})
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.subject, AuditEntry.details)
        .where(
            or_(
                AuditEntry.details.like('%"state":%'),
                AuditEntry.action.in_(("certificate_cancelled", "certificate_void")),
            )
        )
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=2000)
    )
    for action, subject, raw in rows:
        details = json.loads(raw)
        if not isinstance(details, dict):
            continue
        revision = details.get("revision")
        if action == "accept":
            permits = details.get("permits")
            industry = str(details.get("industry"))
            seen.accepted[subject] = (industry, list(permits) if isinstance(permits, list) else [])
        if action.startswith("certificate_") and "application" in details:
            # Issuing, reissuing or cancelling on an application ends that case: its last word.
            case = str(details["application"])
            seen.case_state[case] = str(details.get("case_state", details.get("state", "issued")))
        if action == "certificate_issue" and isinstance(revision, int):
            case = str(details.get("application"))
            seen.issued[(subject, revision)] = case
            seen.newest_revision[subject] = max(revision, seen.newest_revision.get(subject, 0))
        elif action in ("certificate_cancelled", "certificate_void") and isinstance(revision, int):
            seen.ended[(subject, revision)] = action.removeprefix("certificate_")
        elif "state" in details and not action.startswith("certificate_"):
            seen.case_state[subject] = str(details["state"])
            if isinstance(details.get("items"), dict):
                seen.case_items[subject] = details["items"]
                seen.case_dropped[subject] = details.get("dropped", [])
    return seen


def check_records(session: Session, limit: int = 20) -> list[str]:
    """Rows of the business tables that the chain's last word on them does not match."""
    seen = _recorded(session)
    problems: list[str] = []
    for application in session.scalars(
        select(Application).options(selectinload(Application.items)).order_by(Application.id)
    ):
        number = application.number
        permits = sorted(i.permit for i in application.items)
        if number not in seen.accepted:
            problems.append(f"办件 {number} 在审计记录中没有受理条目")
            continue
        industry, recorded = seen.accepted[number]
        if industry != application.industry or sorted(recorded) != permits:
            problems.append(f"办件 {number} 的行业或事项与受理时的审计记录不符")
        state = seen.case_state.get(number)
        if state != application.state:
            problems.append(f"办件 {number} 的状态为 {application.state}，审计记录中最后为 {state}")
        items = {i.permit: i.state for i in application.items}
        if number in seen.case_items and seen.case_items[number] != items:
            changed = sorted(p for p in items if items[p] != seen.case_items[number].get(p))
            problems.append(
                f"办件 {number} 的事项 {'、'.join(changed) or '（数目）'} 的审批状态与审计记录不符"
            )
        dropped = sorted(i.permit for i in application.items if i.dropped)
        if number in seen.case_dropped and seen.case_dropped[number] != dropped:
            problems.append(f"办件 {number} 放弃的可选许可与审计记录不符")
    # (not dict(result): a Result has keys(), so dict() would take it for a mapping)
    cases = dict(session.execute(select(Application.id, Application.number)).all())
    for number, revision, application_id, state in session.execute(
        select(
            Certificate.number, Certificate.revision, Certificate.application_id, Certificate.state
        ).order_by(Certificate.id)
    ):
        if seen.issued.get((number, revision)) != cases.get(application_id):
            problems.append(f"证书 {number} 第 {revision} 版的签发在审计记录中没有相符的条目")
            continue
        if seen.newest_revision.get(number, 0) > revision:
            expected = "superseded"
        else:
            expected = seen.ended.get((number, revision), "valid")
        if state != expected:
            problems.append(
                f"证书 {number} 第 {revision} 版的状态为 {state}，审计记录中应为 {expected}"
            )
    return problems[:limit]
