from dataclasses import dataclass

import pytest
from hypothesis import given

from desktop_app.domain.form_values import check_form, check_value
from tests import factories


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    required: bool = True
    check: str | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    multiple: bool = False


NAME = Field("enterprise_name", "主体名称", "text", max_length=100)
STAFF = Field("staff_count", "从业人员数", "integer", min=0, max=100)
ITEMS = Field("items", "经营项目", "choice", choices=("甲", "乙"), multiple=True)
KIND = Field("kind", "类别", "choice", choices=("甲", "乙"))
PHONE = Field("contact_phone", "联系电话", "text", check="phone")
OPEN_DAY = Field("opened_on", "开业日期", "date")
CAC = Field("central_ac", "使用集中空调", "bool")


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE item; --", "100%_off", "同心县𠀀·便利店", "O'Brien & 马·阿里", "a\\b"],
)
def test_text_is_kept_exactly(text: str) -> None:
    assert check_value(NAME, text) == (text, None)


@pytest.mark.parametrize("ch", ["\n", "\t", "\x00", "\x1b", "\u202e", "\u2066", "\u200f"])
def test_control_and_bidi_characters_are_refused(ch: str) -> None:
    _, error = check_value(NAME, f"同心{ch}商店")
    assert error is not None
    assert "主体名称" in error


def test_over_long_text_names_the_field_and_the_limit() -> None:
    _, error = check_value(NAME, "字" * 101)
    assert error == "主体名称最多100个字，当前101个字"


def test_length_counts_characters_not_bytes() -> None:
    assert check_value(NAME, "𠀀" * 100)[1] is None


def test_numbers_are_checked_against_type_and_range() -> None:
    assert check_value(STAFF, 3) == (3, None)
    assert check_value(STAFF, 3.0) == (3, None)
    assert "整数" in (check_value(STAFF, 2.5)[1] or "")
    assert "不能小于" in (check_value(STAFF, -1)[1] or "")
    assert "应为数字" in (check_value(STAFF, True)[1] or "")
    assert "应为数字" in (check_value(STAFF, "3")[1] or "")
    assert "有限" in (check_value(STAFF, float("nan"))[1] or "")


def test_choices() -> None:
    assert check_value(ITEMS, ["甲", "乙"]) == (["甲", "乙"], None)
    assert check_value(KIND, "乙") == ("乙", None)
    assert "只能选一项" in (check_value(KIND, ["甲"])[1] or "")
    assert "没有“丙”" in (check_value(ITEMS, ["丙"])[1] or "")


def test_identifier_checks_normalise() -> None:
    assert check_value(PHONE, "+86 138-0013-8000") == ("13800138000", None)
    assert check_value(PHONE, "123")[1] == "联系电话应为11位手机号码，或带区号的固定电话"


def test_dates_and_booleans() -> None:
    assert check_value(OPEN_DAY, "2026-03-01") == ("2026-03-01", None)
    assert "不是有效日期" in (check_value(OPEN_DAY, "2026-02-30")[1] or "")
    assert check_value(CAC, False) == (False, None)
    assert check_value(CAC, None) == (None, None)  # an unanswered yes/no is not an error


def test_form_reports_every_problem_and_unknown_keys() -> None:
    cleaned, errors = check_form([NAME, STAFF], {"staff_count": -5, "typo": 1})
    assert set(errors) == {"enterprise_name", "staff_count", "typo"}
    assert cleaned == {}


printable = factories.printable_text(100)


@pytest.mark.parametrize(
    "hidden", ["\u200b", "\u2060", "\ufeff", "\ue000", "\U000f0000", "\u2028", "\u2029", "\ufffe"]
)
def test_invisible_characters_are_refused_with_the_field_named(hidden: str) -> None:
    _, problem = check_value(NAME, f"同心县{hidden}便利店")
    assert problem == (
        f"主体名称含有不可见或无法打印的字符（U+{ord(hidden):04X}），请删除后重新输入"
    )


def test_a_huge_integer_is_refused_not_overflowed() -> None:
    assert check_value(STAFF, 10**400)[1] == "从业人员数的数值过大"


def test_blank_text_counts_as_missing() -> None:
    assert check_value(NAME, "   ") == (None, "请填写主体名称")


@given(printable)
def test_any_printable_text_within_the_limit_is_kept(text: str) -> None:
    assert check_value(NAME, text) == (text, None)
