import pytest

from desktop_app.catalog.conditions import (
    AllOf,
    AnyOf,
    Compare,
    ConditionSyntaxError,
    Flag,
    Not,
    numeric_thresholds,
    parse_condition,
)


def test_flag_and_comparison_parse_to_their_nodes() -> None:
    assert parse_condition("halal") == Flag("halal")
    assert parse_condition("area_m2 <= 30") == Compare("area_m2", "<=", 30.0)


def test_and_binds_tighter_than_or() -> None:
    condition = parse_condition("a or b and not c")
    assert condition == AnyOf((Flag("a"), AllOf((Flag("b"), Not(Flag("c"))))))


def test_parentheses_group() -> None:
    condition = parse_condition("(a or b) and c")
    assert condition.evaluate({"a": False, "b": True, "c": True})
    assert not condition.evaluate({"a": True, "b": False, "c": False})


@pytest.mark.parametrize(
    ("text", "area", "expected"),
    [
        ("area_m2 <= 30", 30, True),
        ("area_m2 <= 30", 30.1, False),
        ("area_m2 < 30", 30, False),
        ("area_m2 >= 300", 300, True),
        ("area_m2 > 150", 150, False),
        ("area_m2 == 10", 10, True),
    ],
)
def test_comparisons_include_the_bound_only_where_they_say(
    text: str, area: float, expected: bool
) -> None:
    assert parse_condition(text).evaluate({"area_m2": area}) is expected


def test_answer_keys_and_thresholds_are_listed() -> None:
    condition = parse_condition("not device_class2 and area_m2 > 5 or x")
    assert set(condition.answer_keys()) == {"device_class2", "area_m2", "x"}
    assert list(numeric_thresholds(condition)) == [("area_m2", 5.0)]


@pytest.mark.parametrize(
    "text",
    ["", "halal and", "area_m2 <=", "area_m2 <= x", "(halal", "halal)", "halal ? x", "and", "1"],
)
def test_malformed_conditions_are_refused(text: str) -> None:
    with pytest.raises(ConditionSyntaxError):
        parse_condition(text)
