import datetime as dt

import chinese_calendar
import pytest

from desktop_app.domain.workdays import Due, Span, WorkCalendar, year_days


def calendar_for(*years: int) -> WorkCalendar:
    days = {}
    for year in years:
        day = dt.date(year, 1, 1)
        while day.year == year:
            days[day] = bool(chinese_calendar.is_workday(day))
            day += dt.timedelta(days=1)
    return WorkCalendar(days)


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (dt.date(2025, 9, 26), 20, dt.date(2025, 10, 30)),
        (dt.date(2025, 9, 30), 5, dt.date(2025, 10, 14)),
        (dt.date(2026, 2, 13), 5, dt.date(2026, 2, 27)),
        (dt.date(2025, 9, 26), 0, dt.date(2025, 9, 26)),
        (dt.date(2025, 9, 26), 1, dt.date(2025, 9, 28)),  # Sunday 28 Sep is a 调休 workday
    ],
)
def test_due_date_vectors(start: dt.date, count: int, due: dt.date) -> None:
    assert calendar_for(2025, 2026).add_working_days(start, count) == Due(due)


def test_a_year_without_holiday_data_counts_weekends_only_and_says_so() -> None:
    calendar = calendar_for(2026)
    # From Sunday 20 Dec 2026: 9 known working days to the 31st, then 11 weekdays of 2027.
    assert calendar.add_working_days(dt.date(2026, 12, 20), 20) == Due(dt.date(2027, 1, 15), True)
    assert calendar.add_working_days(dt.date(2026, 12, 1), 5) == Due(dt.date(2026, 12, 8))
    assert calendar.working_days_between(dt.date(2026, 12, 30), dt.date(2027, 1, 4)) == Span(
        3, True
    )


def test_working_days_between_counts_after_start_up_to_end() -> None:
    calendar = calendar_for(2025)
    assert calendar.working_days_between(dt.date(2025, 10, 9), dt.date(2025, 10, 14)) == Span(4)
    assert calendar.working_days_between(dt.date(2025, 10, 14), dt.date(2025, 10, 9)) == Span(0)


def test_year_from_a_notice() -> None:
    days = year_days(2027, [dt.date(2027, 1, 1)], [dt.date(2027, 1, 2)])
    assert len(days) == 365
    assert days[dt.date(2027, 1, 1)] is False  # holiday on a Friday
    assert days[dt.date(2027, 1, 2)] is True  # 调休 Saturday
    assert days[dt.date(2027, 1, 3)] is False  # Sunday
    assert days[dt.date(2027, 1, 4)] is True


def test_year_refuses_contradictions() -> None:
    with pytest.raises(ValueError, match="同时"):
        year_days(2027, [dt.date(2027, 5, 1)], [dt.date(2027, 5, 1)])
    with pytest.raises(ValueError, match="不在"):
        year_days(2027, [dt.date(2028, 1, 1)], [])
