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


class EnforcementMeasure(Base):
    """What a supervision finding orders on a permit of a valid certificate (监管执法反馈).

    ``rectify``: 责令限期整改 until ``due_on``, open until an inspector or supervisor records the
    work done (``closed_on``); ``revoke``: the permit's item was revoked (the certificate then
    carries a revoked permit until it is changed or cancelled), closed when made.
    """

    __tablename__ = "enforcement_measure"

    id: Mapped[intpk]
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    certificate_number: Mapped[str] = mapped_column(String(40), index=True)
    permit: Mapped[code]
    kind: Mapped[code]  # rectify, revoke
    findings: Mapped[str] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)  # the article a revocation rests on
    due_on: Mapped[dt.date | None]
    target_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_target.id"))
    document: Mapped[str | None] = mapped_column(String(40))  # the decision's number
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    closed_on: Mapped[dt.date | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    closing_note: Mapped[str | None] = mapped_column(Text)
