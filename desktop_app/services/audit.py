"""The audit trail: an append-only hash chain of logins, state changes, prints and unmaskings.

Each entry stores the SHA-256 of the previous entry's hash and its own canonical content, so
changing or removing any row (even with the database triggers dropped) breaks every later link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_app.models import AuditEntry, bulk
from desktop_app.models.base import utcnow
from desktop_app.services import numbers

GENESIS = "0" * 64
CHANNEL = "yiye_changes"  # PostgreSQL NOTIFY channel of the change feed (sync/feed.py)


def canonical(seq: int, at: str, actor: str, action: str, subject: str, details: str) -> str:
    return json.dumps(
        [seq, at, actor, action, subject, details], ensure_ascii=False, separators=(",", ":")
    )


def _digest(prev_hash: str, content: str) -> str:
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def record(session: Session, actor: str, action: str, subject: str, details: dict[str, Any]) -> int:
    """Appends one entry in the caller's transaction; returns its sequence number."""
    return record_many(session, actor, action, [(subject, details)])


def record_many(
    session: Session, actor: str, action: str, entries: list[tuple[str, dict[str, Any]]]
) -> int:
    """Appends one entry per (subject, details), chained in order; returns the last sequence."""
    # The counter's row lock orders concurrent writers, so each sees the true previous entry.
    last = numbers.allocate(session, "audit", len(entries))
    first = last - len(entries) + 1
    prev = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == first - 1)) or GENESIS
    at = utcnow()
    rows = []
    for seq, (subject, details) in enumerate(entries, start=first):
        body = json.dumps(
            details, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
        )
        content = canonical(seq, at.isoformat(), actor, action, subject, body)
        digest = _digest(prev, content)
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": action,
                "subject": subject,
                "details": body,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    bulk.insert_rows(session, AuditEntry, rows)
    if session.get_bind().dialect.name == "postgresql":
        # Delivered when (and only if) the transaction commits: the hall's counters wake at once.
        session.execute(
            text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(last)}
        )
    return last


class _CaseItem(Protocol):
    @property
    def permit(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def dropped(self) -> bool: ...


def case_details(state: str, items: Iterable[_CaseItem]) -> dict[str, Any]:
    """An application's state with each item's: what `audit_anchor` holds the tables to."""
    items = list(items)
    details: dict[str, Any] = {"state": state, "items": {i.permit: i.state for i in items}}
    dropped = sorted(i.permit for i in items if i.dropped)
    if dropped:
        details["dropped"] = dropped
    return details


def head(session: Session) -> tuple[int, str]:
    """The newest entry's sequence and hash: (0, GENESIS) for an empty chain."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    reason: str = ""


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walks the chain in order; names the first entry that does not fit."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).all()
        if not rows:
            return ChainReport(True, count)
        for row in rows:
            if row.seq != expected_seq:
                return ChainReport(False, count, expected_seq, f"缺少第 {expected_seq} 条记录")
            if row.prev_hash != expected_prev:
                return ChainReport(False, count, row.seq, "与前一条记录的哈希不衔接")
            content = canonical(
                row.seq, row.at.isoformat(), row.actor, row.action, row.subject, row.details
            )
            if _digest(row.prev_hash, content) != row.hash:
                return ChainReport(False, count, row.seq, "记录内容与哈希不符（已被修改）")
            expected_prev = row.hash
            expected_seq += 1
            count += 1
            last = row.seq
