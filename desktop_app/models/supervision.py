"""事中事后监管: credit classes set by hand, inspectors' conflicts, and 双随机 draws as drawn.

A draw keeps every input it was drawn from (the registry with the classes, the inspectors and
their conflicts, the seed text), so ``yiye supervision verify-draw`` recomputes it from what is
stored, whatever has changed since; its targets keep the results recorded against them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class CreditOverride(Base):
    """A credit class a supervisor set by hand, with the reason; the newest one counts."""

    __tablename__ = "credit_override"

    id: Mapped[intpk]
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    credit_class: Mapped[str] = mapped_column(String(1))
    reason: Mapped[str] = mapped_column(Text)
    set_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    set_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)


class InspectorConflict(Base):
    """An inspector who must not be drawn for an enterprise (回避: kin, former employer …)."""

    __tablename__ = "inspector_conflict"
    __table_args__ = (UniqueConstraint("user_id", "credit_code"),)

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    credit_code: Mapped[str] = mapped_column(String(18))
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)


class Draw(Base):
    __tablename__ = "supervision_draw"

    id: Mapped[intpk]
    seed_text: Mapped[str] = mapped_column(Text)
    algorithm: Mapped[code]
    departments: Mapped[list[Any]]
    industries: Mapped[list[Any]]
    ratios: Mapped[dict[str, Any]]
    per_target: Mapped[int]
    targets_in: Mapped[list[Any]]  # the registry drawn from: [credit code, credit class]
    roster: Mapped[list[Any]]  # [inspector, department]
    conflicts: Mapped[list[Any]]  # [inspector, credit code]
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    published_at: Mapped[dt.datetime | None]


class DrawTarget(Base):
    __tablename__ = "supervision_target"
    __table_args__ = (UniqueConstraint("draw_id", "credit_code"),)

    id: Mapped[intpk]
    draw_id: Mapped[int] = mapped_column(ForeignKey("supervision_draw.id"), index=True)
    position: Mapped[int]  # the draw order
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_class: Mapped[str] = mapped_column(String(1))
    inspectors: Mapped[list[Any]]  # [department, inspector]
    result: Mapped[str | None] = mapped_column(String(40))  # ok, problem, not_found
    findings: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[dt.datetime | None]
