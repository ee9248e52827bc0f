"""Working-day arithmetic over an explicit calendar (法定工作日, 调休 included).

Next year's holidays are published late in the year (the State Council's notice comes in
November or December), yet an application accepted in December has deadlines in January. A day
the calendar does not know is therefore counted as Monday to Friday, and every result that
rests on such a day says so (``provisional``): the counter never stops, the letters state the
period in working days, and the dates are recomputed once the year is imported (DOMAIN.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Due:
    """A date counted in working days; ``provisional``: it rests on days without holiday data."""

    day: dt.date
    provisional: bool = False


@dataclass(frozen=True)
class Span:
    """A number of working days; ``provisional`` as for ``Due``."""

    days: int
    provisional: bool = False


@dataclass(frozen=True)
class WorkCalendar:
    """Known days mapped to whether they are working days; other days count as Monday–Friday."""

    days: Mapping[dt.date, bool]

    def _is_workday(self, day: dt.date) -> tuple[bool, bool]:
        """(working day, known): an unknown day is a working day from Monday to Friday."""
        known = self.days.get(day)
        if known is None:
            return day.weekday() < 5, False
        return known, True

    def add_working_days(self, start: dt.date, count: int) -> Due:
        """The date ``count`` working days after ``start``; the start day itself is not counted.

        ``count == 0`` gives ``start`` (decided the same day).
        """
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        guessed = False
        while remaining:
            day += dt.timedelta(days=1)
            workday, known = self._is_workday(day)
            guessed = guessed or not known
            remaining -= workday
        return Due(day, guessed)

    def working_days_between(self, start: dt.date, end: dt.date) -> Span:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count = 0
        guessed = False
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            workday, known = self._is_workday(day)
            guessed = guessed or not known
            count += workday
        return Span(count, guessed)


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
