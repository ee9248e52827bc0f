"""信用分类 rules: data, checked when read, the worst class that applies wins."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import credit

TODAY = dt.date(2026, 6, 1)


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], "B"),
        ([("clean_inspection", days_ago(30))], "A"),
        ([("clean_inspection", days_ago(800))], "B"),  # older than 24 months: forgotten
        ([("supervision_problem", days_ago(30))], "C"),
        ([("supervision_problem", days_ago(30)), ("clean_inspection", days_ago(10))], "C"),
        ([("supervision_problem", days_ago(30)), ("supervision_problem", days_ago(300))], "D"),
        ([("commitment_failed", days_ago(100))], "C"),
        ([("not_found", days_ago(100))], "C"),
        ([("revocation", days_ago(1000))], "D"),  # within 36 months
        ([("revocation", days_ago(1200)), ("clean_inspection", days_ago(5))], "A"),
    ],
)
def test_the_shipped_rules(events: list[tuple[str, dt.date]], expected: str) -> None:
    assert credit.evaluate(credit.rules(), events, TODAY) == expected


RULE = 'default = "B"\n[[rule]]\nevent = "not_found"\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('default = "E"', "default"),
        ('default = "B"\n[[rule]]\nevent = "fined"\nmonths = 12\nclass = "C"', "未知的事件"),
        ('default = "B"\n[[rule]]\nevent = "not_found"\nmonths = 0\nclass = "C"', "月数"),
        ('default = "B"\n[[rule]]\nevent = "not_found"\nmonths = 6\nclass = "A"', "better"),
        (
            'default = "B"\n[[rule]]\nevent = "not_found"\nmonths = 6\nclass = "C"\nwhy = 1',
            "只能有",
        ),
        ("default = ", "格式错误"),
    ],
)
def test_wrong_rules_are_refused_with_the_place(text: str, problem: str) -> None:
    with pytest.raises(credit.CreditRulesError, match=problem):
        credit.parse_rules(text)
