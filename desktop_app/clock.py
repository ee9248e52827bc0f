"""The one clock the whole app reads the time from, so that a test can set it and nothing else.

Times are naive UTC, as the store keeps them. "Today" is the county's date, in China Standard
Time (UTC+8 all year): deadlines, receipt numbers and the working-day calendar follow the hall's
day, whatever zone a PC happens to be set to. Nothing outside this module calls
``datetime.now()`` or ``date.today()``; tests install a ``FixedClock`` (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, naive UTC."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class FixedClock:
    """A clock that stands still until moved (tests, benchmarks, documentation renders).

    ``step``, when set, moves it on by that much at every reading (distinct, ordered stamps).
    """

    at: dt.datetime
    step: dt.timedelta = dt.timedelta(0)

    @classmethod
    def on(cls, day: dt.date, hour: int = 9, minute: int = 30) -> FixedClock:
        """At ``hour:minute`` China time on ``day``."""
        local = dt.datetime.combine(day, dt.time(hour, minute), CHINA)
        return cls(local.astimezone(dt.UTC).replace(tzinfo=None))

    def now(self) -> dt.datetime:
        at = self.at
        self.at += self.step
        return at

    def today(self) -> dt.date:
        return local(self.at).date()

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta

    def move_to(self, day: dt.date, hour: int = 9, minute: int = 30) -> None:
        self.at = FixedClock.on(day, hour, minute).at


_clock: Clock = SystemClock()


def now() -> dt.datetime:
    """The current moment, naive UTC (as stored)."""
    return _clock.now()


def today() -> dt.date:
    """The county's date now."""
    return local(now()).date()


def wall_time() -> dt.datetime:
    """Now on the hall's wall clock (naive China time): file names, saved-at stamps."""
    return local(now()).replace(tzinfo=None)


def local(at: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) moment in China time, for screens and letters."""
    return at.replace(tzinfo=dt.UTC).astimezone(CHINA)


def install(clock: Clock) -> Clock:
    """Makes ``clock`` the app's clock; returns the one it replaces."""
    global _clock
    previous, _clock = _clock, clock
    return previous


@contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    """``clock`` for the duration of a ``with`` block."""
    previous = install(clock)
    try:
        yield clock
    finally:
        install(previous)
