"""一同核查: one joint site inspection per round for every department whose items need one.

Round 1 is the 现场核查; a later round is the 复查 of the departments that asked for changes,
after the applicant reported the work done. Each department records its result on its own items.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class Inspection(Base):
    __tablename__ = "inspection"
    __table_args__ = (UniqueConstraint("application_id", "round"),)

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    round: Mapped[int]  # 1: 现场核查; 2 and on: 复查
    scheduled_at: Mapped[dt.datetime]  # naive UTC, as every stored moment
    site: Mapped[str] = mapped_column(String(400))
    departments: Mapped[list[Any]]  # the departments checking in this round
    state: Mapped[code]  # scheduled, done
    scheduled_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    # A round with changes asked: when the 整改意见书 went out, when the applicant said it is done.
    rectification_from: Mapped[dt.date | None]
    rectified_on: Mapped[dt.date | None]


class InspectionInspector(Base):
    __tablename__ = "inspection_inspector"

    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)


class InspectionResult(Base):
    __tablename__ = "inspection_result"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id"),)

    id: Mapped[intpk]
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    outcome: Mapped[code]  # pass (合格), rectify (需整改), fail (不合格)
    findings: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
