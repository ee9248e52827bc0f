"""Working-day arithmetic over an explicit calendar (法定工作日, 调休 included).

Deadlines are counted only over days the calendar knows: outside its years it fails closed with a
clear message, never a silent Monday–Friday guess (a wrong deadline on a 受理通知书 is a legal
problem, a refused one is a phone call to the administrator).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class CalendarNotCoveredError(LookupError):
    """The calendar has no data for a day the computation needs."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(
            f"工作日历缺少 {day.year} 年的数据（{day.isoformat()}），"
            f"请管理员导入国务院办公厅 {day.year} 年节假日安排（yiye calendar import）"
        )
        self.day = day


@dataclass(frozen=True)
class WorkCalendar:
    """Known days mapped to whether they are working days."""

    days: Mapping[dt.date, bool]

    def is_workday(self, day: dt.date) -> bool:
        try:
            return self.days[day]
        except KeyError:
            raise CalendarNotCoveredError(day) from None

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The date ``count`` working days after ``start``; the start day itself is not counted.

        ``count == 0`` gives ``start`` (decided the same day).
        """
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count


def year_days(
    year: int, holidays: Iterable[dt.date], workdays: Iterable[dt.date]
) -> dict[dt.date, bool]:
    """A whole year from a State Council notice: weekends, ``holidays`` off; 调休 ``workdays`` on.

    Raises:
        ValueError: a listed day outside ``year``, or a day listed as both.
    """
    off, on = set(holidays), set(workdays)
    for day in off | on:
        if day.year != year:
            raise ValueError(f"{day.isoformat()} 不在 {year} 年内")
    both = off & on
    if both:
        raise ValueError(f"{min(both).isoformat()} 同时被列为假日和工作日")
    result = {}
    day = dt.date(year, 1, 1)
    while day.year == year:
        result[day] = day in on or (day.weekday() < 5 and day not in off)
        day += dt.timedelta(days=1)
    return result
