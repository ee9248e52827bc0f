"""A draft application, saved as the clerk types so a crash or an idle lock loses nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class Draft(Base):
    __tablename__ = "draft"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    industry: Mapped[str | None] = mapped_column(String(40))
    answers: Mapped[dict[str, Any]]
    form: Mapped[dict[str, Any]]
    materials: Mapped[dict[str, Any]]
    status: Mapped[code] = mapped_column(default="open")  # open, accepted, refused
    correction_count: Mapped[int] = mapped_column(default=0)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    updated_at: Mapped[utc_timestamp] = mapped_column(default=utcnow, onupdate=utcnow)
