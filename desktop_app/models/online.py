"""Applications submitted online (一网通办), fetched from the platform into the counter's queue.

Each is pre-checked (预审) by a clerk once: accepted (it becomes a case with a receipt number),
returned for 补正 with reasons, or refused. The answer to the platform is this row's own small
outbox (decision_*), sent once and retried like the items' messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class OnlineApplication(Base):
    __tablename__ = "online_application"

    id: Mapped[intpk]
    platform_id: Mapped[str] = mapped_column(String(100), unique=True)
    fetched_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    # waiting (for 预审), accepted, returned, refused; invalid: not per protocol (``note`` says)
    state: Mapped[code] = mapped_column(index=True)
    note: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[dt.datetime | None]
    channel: Mapped[str | None] = mapped_column(String(40))
    industry: Mapped[str | None] = mapped_column(String(40))
    raw: Mapped[dict[str, Any]]  # as the platform sent it (the checked parts are read from it)
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reasons: Mapped[list[Any] | None]
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    # The answer to the platform: pending until it says it has it; refused on a 4xx.
    decision_key: Mapped[str | None] = mapped_column(String(36), unique=True)
    decision_state: Mapped[str | None] = mapped_column(String(40), index=True)
    decision_payload: Mapped[dict[str, Any] | None]
    decision_attempts: Mapped[int] = mapped_column(default=0)
    decision_next_at: Mapped[dt.datetime | None]
    decision_error: Mapped[str | None] = mapped_column(Text)
    decision_sent_at: Mapped[dt.datetime | None]
