"""The outbox side: an item for a platform department is queued in the dispatching transaction."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models import (
    Application,
    Item,
    MaterialFile,
    OutboxBody,
    OutboxMessage,
    ReceivedMaterial,
    StoredFile,
)
from desktop_app.models.base import utcnow
from desktop_app.services import holder
from desktop_app.sync.protocol import item_payload


def enqueue(session: Session, application: Application, items: Iterable[Item]) -> int:
    """Adds one outbox message per item (in the caller's transaction); returns how many."""
    items = list(items)
    if not items:
        return 0
    filed = holder.as_filed(application.form)
    materials = session.scalars(
        select(ReceivedMaterial).where(ReceivedMaterial.application_id == application.id)
    ).all()
    files: dict[str, list[dict[str, Any]]] = {}
    for key, sha256, name, size, content_type in session.execute(
        select(
            MaterialFile.material_key,
            MaterialFile.sha256,
            MaterialFile.name,
            StoredFile.size,
            StoredFile.content_type,
        )
        .join(StoredFile, StoredFile.sha256 == MaterialFile.sha256)
        .where(MaterialFile.application_id == application.id)
        .order_by(MaterialFile.id)
    ):
        files.setdefault(key, []).append(
            {"sha256": sha256, "size": size, "name": name, "content_type": content_type}
        )
    now = utcnow()
    for item in items:
        key = str(uuid.uuid4())
        received = [
            (m.key, m.how != "deferred" or m.received_at is not None)
            for m in materials
            if item.permit in m.permits
        ]
        payload = item_payload(
            key,
            application.number,
            item.permit,
            item.department,
            item.mode,
            filed.name,
            filed.credit_code,
            application.accepted_at,
            dict(application.form),
            received,
            item.kind,
            application.certificate_number,
            files,
        )
        session.add(
            OutboxMessage(
                idempotency_key=key,
                application_id=application.id,
                item_id=item.id,
                department=item.department,
                body=OutboxBody(payload=payload),
                created_at=now,
                next_attempt_at=now,
            )
        )
    return len(items)


def is_on_platform(session: Session, item_id: int) -> bool:
    """Whether the item was sent to the platform (its decisions come from there, not 部门审批)."""
    return (
        session.scalar(select(OutboxMessage.id).where(OutboxMessage.item_id == item_id)) is not None
    )
