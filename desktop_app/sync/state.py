"""The exchange's bookkeeping rows (``sync_state``): cursor, last success and error, lease."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models import SyncState


def get(session: Session, key: str, lock: bool = False) -> str | None:
    """The value under ``key``; ``lock``: held until the transaction ends (PostgreSQL)."""
    query = select(SyncState.value).where(SyncState.key == key)
    return session.scalar(query.with_for_update() if lock else query)


def put(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value
