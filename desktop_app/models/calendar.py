"""The working-day calendar: one row per known day, and which years are known."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, utc_timestamp, utcnow


class CalendarDay(Base):
    __tablename__ = "calendar_day"

    day: Mapped[dt.date] = mapped_column(primary_key=True)
    is_workday: Mapped[bool]


class CalendarYear(Base):
    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
