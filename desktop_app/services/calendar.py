"""The working-day calendar in the store: seeded from chinesecalendar, extended by admin import.

Importing a year counts again every deadline that was counted provisionally over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from desktop_app import clock
from desktop_app.domain import holiday_notice
from desktop_app.domain.states import OPEN_APPLICATION_STATES, OPEN_ITEM_STATES
from desktop_app.domain.workdays import WorkCalendar, year_days
from desktop_app.models import Application, CalendarDay, CalendarYear, ClockPause, Item
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


def import_year_file(
    session: Session, actor: Actor, path: Path, replace: bool = False
) -> YearImported:
    """Imports one year from the administrator's holiday file (domain/holiday_notice.py).

    Raises:
        ServiceError: the file cannot be read or a line is wrong (named, with the reason).
    """
    try:
        with path.open("rb") as file:  # a wrong file may be huge: read no more than a notice
            data = file.read(holiday_notice.MAX_BYTES + 1)
        notice = holiday_notice.parse(holiday_notice.decode(data))
    except OSError as exc:
        raise ServiceError(f"无法读取节假日文件 {path.name}：{exc.strerror or exc}") from None
    except holiday_notice.NoticeFormatError as exc:
        raise ServiceError(f"节假日文件 {path.name} 有误：{exc}") from None
    return import_year(
        session,
        actor,
        notice.year,
        list(notice.holidays),
        list(notice.workdays),
        notice.source or path.name,
        replace,
    )


@dataclass(frozen=True)
class MovedDeadline:
    """A case's item whose deadlines an import moved; the promised date, before and after."""

    number: str
    permit: str
    before: dt.date
    after: dt.date


@dataclass(frozen=True)
class YearImported:
    working_days: int
    replaced: bool
    recounted: int
    moved: tuple[MovedDeadline, ...]


class YearExistsError(ServiceError):
    """The year is in the calendar already: replacing it moves deadlines, so it must be asked."""


def import_year(
    session: Session,
    actor: Actor,
    year: int,
    holidays: list[dt.date],
    workdays: list[dt.date],
    source: str,
    replace: bool = False,
) -> YearImported:
    """Adds a whole year (or, with ``replace``, corrects one), counting deadlines again.

    A new year: the deadlines counted provisionally over it. A replaced year: every deadline of
    an open case that reaches into it, since a corrected holiday moves them (each one reported).
    """
    require_role(actor, "admin", action="导入节假日安排")
    if not 2000 <= year <= 2100:
        raise ServiceError(f"年份 {year} 不在合理范围内")
    try:
        days = year_days(year, holidays, workdays)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None
    existing = session.get(CalendarYear, year)
    if existing is not None and not replace:
        raise YearExistsError(
            f"{year} 年的节假日安排已导入（{existing.source}）；确需更正请加 --replace"
            "（未办结办件中跨入该年的期限将随之重算）"
        )
    session.execute(delete(CalendarDay).where(CalendarDay.day.between(min(days), max(days))))
    session.execute(insert(CalendarDay), [{"day": d, "is_workday": w} for d, w in days.items()])
    if existing is None:
        session.add(CalendarYear(year=year, source=source))
    else:
        existing.source = source
    session.flush()
    working = sum(days.values())
    touched = (
        _open_items_into(session, year) if existing is not None else _provisional_items(session)
    )
    moved = recount(session, touched)
    audit.record(
        session,
        actor.username,
        "calendar_import",
        str(year),
        {
            "source": source,
            "workdays": working,
            "replaced": existing is not None,
            "recounted": len(touched),
            "moved": [
                [m.number, m.permit, m.before.isoformat(), m.after.isoformat()] for m in moved
            ],
        },
    )
    return YearImported(working, existing is not None, len(touched), tuple(moved))


def _provisional_items(session: Session) -> list[Item]:
    return list(
        session.scalars(
            select(Item)
            .where(or_(Item.statutory_provisional, Item.promised_provisional))
            .options(selectinload(Item.application))
        )
    )


def _open_items_into(session: Session, year: int) -> list[Item]:
    """Undecided items of open cases whose deadlines reach into ``year``."""
    return list(
        session.scalars(
            select(Item)
            .join(Application, Application.id == Item.application_id)
            .where(
                Application.state.in_(OPEN_APPLICATION_STATES),
                Item.state.in_(OPEN_ITEM_STATES),
                Item.statutory_days.is_not(None),
                Application.accepted_on <= dt.date(year, 12, 31),
                or_(
                    Item.statutory_due >= dt.date(year, 1, 1),
                    Item.promised_due >= dt.date(year, 1, 1),
                ),
            )
            .options(selectinload(Item.application))
        )
    )


def recount(session: Session, items: Sequence[Item]) -> list[MovedDeadline]:
    """Counts the items' deadlines again over the calendar as it is now; returns those moved.

    A deadline is its limit in working days from acceptance, moved on by each finished 补正
    pause (as ``workflow.corrections_received_item`` moved it), so it is counted from there.
    """
    moved = []
    for item in items:
        accepted_on = item.application.accepted_on
        calendar = calendar_from(session, accepted_on)
        pauses = [
            (started, ended)
            for started, ended in session.execute(
                select(ClockPause.started_on, ClockPause.ended_on)
                .where(ClockPause.item_id == item.id)
                .order_by(ClockPause.started_on, ClockPause.id)
            )
            if ended is not None  # an open pause moves the deadline when it ends
        ]
        before = (item.promised_due, item.statutory_due)
        if item.statutory_days is not None:
            item.statutory_due, item.statutory_provisional = _recount(
                calendar, accepted_on, item.statutory_days, pauses
            )
        if item.promised_days is not None:
            item.promised_due, item.promised_provisional = _recount(
                calendar, accepted_on, item.promised_days, pauses
            )
        if (item.promised_due, item.statutory_due) != before:
            number = item.application.number
            moved.append(MovedDeadline(number, item.permit, before[0], item.promised_due))
    session.flush()
    return moved


def _recount(
    calendar: WorkCalendar,
    accepted_on: dt.date,
    days: int,
    pauses: Sequence[tuple[dt.date, dt.date]],
) -> tuple[dt.date, bool]:
    due = calendar.add_working_days(accepted_on, days)
    day, provisional = due.day, due.provisional
    for started_on, ended_on in pauses:
        paused = calendar.working_days_between(started_on, ended_on)
        moved = calendar.add_working_days(day, paused.days)
        day = moved.day
        provisional = provisional or paused.provisional or moved.provisional
    return day, provisional


@dataclass(frozen=True)
class CalendarStatus:
    """Which years the calendar knows, and whether next year's notice is overdue for import."""

    years: tuple[int, ...]
    today: dt.date
    next_year_missing: bool
    provisional_items: int

    @property
    def warn(self) -> bool:
        """From 1 October, a missing next year is said on the status bar (DOMAIN.md)."""
        return self.next_year_missing and self.today >= dt.date(self.today.year, 10, 1)

    def as_json(self) -> dict[str, object]:
        return {
            "years": list(self.years),
            "first": self.years[0] if self.years else None,
            "last": self.years[-1] if self.years else None,
            "today": self.today.isoformat(),
            "this_year_missing": self.today.year not in self.years,
            "next_year": self.today.year + 1,
            "next_year_missing": self.next_year_missing,
            "warn": self.warn,
            "provisional_items": self.provisional_items,
        }


def status(session: Session, today: dt.date | None = None) -> CalendarStatus:
    today = today or clock.today()
    years = tuple(session.scalars(select(CalendarYear.year).order_by(CalendarYear.year)))
    provisional = session.scalar(
        select(func.count())
        .select_from(Item)
        .where(or_(Item.statutory_provisional, Item.promised_provisional))
    )
    return CalendarStatus(years, today, today.year + 1 not in years, provisional or 0)


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
    span = _known_days(session, start, end).working_days_between(start, end)
    return None if span.provisional else span.days
