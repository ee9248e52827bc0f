"""The platform exchange's transactional outbox and inbox, kept beside the business rows.

An item bound for a platform department gets its outbox row in the transaction that dispatches
it; an event from the platform gets its inbox row in the transaction that applies it. So neither
a crash nor a days-long outage can lose a message, or apply one twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class OutboxMessage(Base):
    """One item to post to the platform; once posted, the link to the platform's record of it."""

    __tablename__ = "sync_outbox"

    id: Mapped[intpk]  # the order messages are sent in (per application)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), unique=True)
    department: Mapped[code]
    body: Mapped[OutboxBody] = relationship(lazy="raise", cascade="all, delete-orphan")
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    # pending: not yet accepted by the platform; sent: it has a platform_id; refused: a 4xx answer.
    state: Mapped[code] = mapped_column(default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    platform_id: Mapped[str | None] = mapped_column(String(100), index=True)
    sent_at: Mapped[dt.datetime | None]
    last_seq: Mapped[int | None] = mapped_column(BigInteger)  # the last event applied to the item


class OutboxBody(Base):
    """What is posted for a message: written once with it, read when it is sent.

    Kept beside the message rather than in it: the message's bookkeeping changes with every
    event about its item, and a 4 KB body in the same row would be rewritten each time.
    """

    __tablename__ = "sync_outbox_body"

    outbox_id: Mapped[int] = mapped_column(ForeignKey("sync_outbox.id"), primary_key=True)
    payload: Mapped[dict[str, Any]]


class InboxEvent(Base):
    """Every event the platform sent, once, with what became of it."""

    __tablename__ = "sync_inbox"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("sync_outbox.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[code]
    payload: Mapped[dict[str, Any]]
    received_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    # applied, stale (seq not above the last), backwards, unknown (no such item), invalid
    outcome: Mapped[code]
    note: Mapped[str | None] = mapped_column(Text)


class SyncState(Base):
    """The exchange's bookkeeping: the events cursor, the last success and the last error."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
