"""How long an earlier material serves: calendar months, the month's last day when it is short."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.material_reuse import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 9, 26), 12, dt.date(2026, 9, 26)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2025, 12, 31), 1, dt.date(2026, 1, 31)),
        (dt.date(2024, 2, 29), 36, dt.date(2027, 2, 28)),
        (dt.date(2025, 3, 31), 60, dt.date(2030, 3, 31)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
