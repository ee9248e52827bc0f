"""The working-day calendar in the store: seeded from chinesecalendar, extended by admin import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.domain.workdays import CalendarNotCoveredError, WorkCalendar, year_days
from desktop_app.models import CalendarDay, CalendarYear
from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import ServiceError

SEED_SOURCE = "chinesecalendar {version}（国务院办公厅节假日安排）"
# How far ahead a deadline computation may look: 45 statutory working days plus long pauses.
WINDOW = dt.timedelta(days=800)


def _seed_years() -> range:
    import chinese_calendar  # ~60 ms; needed only to seed a new database

    # The package covers 2004 up to the newest State Council notice it ships.
    start, end = 2004, clock.today().year + 1
    while end >= start:
        try:
            chinese_calendar.is_workday(dt.date(end, 12, 31))
            break
        except NotImplementedError:
            end -= 1
    return range(start, end + 1)


def seed_if_empty(session: Session) -> int:
    """Fills the calendar from chinesecalendar on a new database; returns the years added."""
    if session.scalar(select(func.count()).select_from(CalendarYear)):
        return 0
    import chinese_calendar

    version = getattr(chinese_calendar, "__version__", "")
    years = _seed_years()
    for year in years:
        day = dt.date(year, 1, 1)
        rows = []
        while day.year == year:
            rows.append({"day": day, "is_workday": bool(chinese_calendar.is_workday(day))})
            day += dt.timedelta(days=1)
        session.execute(insert(CalendarDay), rows)
        session.add(CalendarYear(year=year, source=SEED_SOURCE.format(version=version)))
    session.flush()
    return len(years)


def import_year_file(session: Session, actor: Actor, path: Path) -> int:
    """Imports one year from JSON: ``{"year", "holidays": [...], "workdays": [...], "source"}``.

    Weekends are rest days unless listed as 调休 ``workdays``; ``holidays`` are rest days.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        year = int(data["year"])
        holidays = [dt.date.fromisoformat(d) for d in data.get("holidays", [])]
        workdays = [dt.date.fromisoformat(d) for d in data.get("workdays", [])]
        source = str(data.get("source") or path.name)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(f"无法读取日历文件 {path}：{exc}") from None
    return import_year(session, actor, year, holidays, workdays, source)


def import_year(
    session: Session,
    actor: Actor,
    year: int,
    holidays: list[dt.date],
    workdays: list[dt.date],
    source: str,
) -> int:
    """Replaces (or adds) a whole year; returns its number of working days."""
    require_role(actor, "admin", action="导入节假日安排")
    if not 2000 <= year <= 2100:
        raise ServiceError(f"年份 {year} 不在合理范围内")
    try:
        days = year_days(year, holidays, workdays)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None
    session.execute(delete(CalendarDay).where(CalendarDay.day.between(min(days), max(days))))
    session.execute(insert(CalendarDay), [{"day": d, "is_workday": w} for d, w in days.items()])
    existing = session.get(CalendarYear, year)
    if existing is None:
        session.add(CalendarYear(year=year, source=source))
    else:
        existing.source = source
    working = sum(days.values())
    audit.record(
        session,
        actor.username,
        "calendar_import",
        str(year),
        {"source": source, "workdays": working},
    )
    return working


def _known_days(session: Session, first: dt.date, last: dt.date) -> WorkCalendar:
    rows = session.execute(
        select(CalendarDay.day, CalendarDay.is_workday).where(CalendarDay.day.between(first, last))
    )
    return WorkCalendar({day: bool(workday) for day, workday in rows.all()})


def calendar_from(session: Session, start: dt.date) -> WorkCalendar:
    """The known days from ``start`` on, as far as any deadline from ``start`` can reach."""
    return _known_days(session, start, start + WINDOW)


def calendar_around(session: Session, day: dt.date) -> WorkCalendar:
    """The known days within ``WINDOW`` either side of ``day`` (for many deadlines at once)."""
    return _known_days(session, day - WINDOW, day + WINDOW)


def working_days_between(session: Session, start: dt.date, end: dt.date) -> int | None:
    """Working days after ``start`` up to ``end``; None when the calendar lacks a day between."""
    try:
        return _known_days(session, start, end).working_days_between(start, end)
    except CalendarNotCoveredError:
        return None
