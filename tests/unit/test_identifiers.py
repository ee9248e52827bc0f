import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.identifiers import (
    CREDIT_CODE_ALPHABET,
    check_credit_code,
    check_id_number,
    check_mobile,
    check_phone,
    check_postal_code,
    credit_code_check_char,
    id_number_check_char,
    is_valid_credit_code,
    is_valid_id_number,
)

VALID_CREDIT_CODES = [
    "91350100M000100Y43",
    "91110000600037341L",
    "911101080828461726",
    "12100000400000624D",
    # Registrars A, N and Y are valid (python-stdnum wrongly refuses them).
    "N2640324MA76ABCDEU",
    "Y1640300MA7612345Y",
    "A1100000MA00123457",
]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_valid_credit_codes_pass(code: str) -> None:
    assert is_valid_credit_code(code)


def test_credit_code_is_folded_from_full_width_and_lower_case() -> None:
    result = check_credit_code(" ９１３５０１００ｍ０００１００ｙ４３ ")
    assert result.ok
    assert result.value == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4", "18位"),
        ("91350100M000100Y433", "18位"),
        ("91350100M000100Y44", "校验位"),
        ("91350100M000I00Y43", "无效字符"),
        ("91350100M000O00Y43", "无效字符"),
        ("B1350100M000100Y43", "登记管理部门"),
        ("913501A0M000100Y43", "行政区划"),
        ("", "18位"),
    ],
)
def test_invalid_credit_codes_say_why(code: str, reason: str) -> None:
    result = check_credit_code(code)
    assert not result.ok
    assert reason in result.error


credit_bodies = st.builds(
    lambda registrar, category, region, rest: registrar + category + region + rest,
    st.sampled_from("123456789ANY"),
    st.sampled_from("123459"),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CREDIT_CODE_ALPHABET, min_size=9, max_size=9),
)


@given(credit_bodies)
def test_any_credit_body_with_its_check_char_passes(body: str) -> None:
    assert is_valid_credit_code(body + credit_code_check_char(body))


@given(credit_bodies, st.integers(0, 17), st.sampled_from(CREDIT_CODE_ALPHABET))
def test_any_one_character_change_of_a_credit_code_fails(body: str, index: int, char: str) -> None:
    code = body + credit_code_check_char(body)
    changed = code[:index] + char + code[index + 1 :]
    if changed != code:
        assert not is_valid_credit_code(changed)


VALID_ID_NUMBERS = [
    "11010519491231002X",
    "11010119900307803X",
    "640324199001011236",
    # 港澳台居民居住证 and the 2023 外国人永久居留身份证 use region codes 81-83 and 9x.
    "810000199001011230",
    "933156198001011233",
]


@pytest.mark.parametrize("number", VALID_ID_NUMBERS)
def test_valid_id_numbers_pass(number: str) -> None:
    assert is_valid_id_number(number)


def test_lower_case_x_and_full_width_are_normalised() -> None:
    assert check_id_number("11010519491231002x").value == "11010519491231002X"
    assert check_id_number("１１０１０５１９４９１２３１００２Ｘ").ok


def test_unknown_region_is_a_warning_not_an_error() -> None:
    body = "00000019900101123"
    result = check_id_number(body + id_number_check_char(body))
    assert result.ok
    assert "地址码" in result.warning


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010519491231002", "18位"),
        ("110105194912310021", "校验位"),
        ("1101051949123100XX", "前17位"),
        ("110105194902300028", "有效日期"),
        ("440524188001010014", "合理范围"),
        ("11010519491231002Y", "末位"),
    ],
)
def test_invalid_id_numbers_say_why(number: str, reason: str) -> None:
    result = check_id_number(number)
    assert not result.ok
    assert reason in result.error


def test_birth_date_in_the_future_is_refused() -> None:
    body = "64032420300101123"
    number = body + id_number_check_char(body)
    assert not check_id_number(number, today=dt.date(2026, 11, 26)).ok


id_bodies = st.builds(
    lambda region, born, seq: region + born.strftime("%Y%m%d") + seq,
    st.sampled_from(["640324", "110105", "810000", "933156"]),
    st.dates(dt.date(1900, 1, 1), dt.date(2020, 12, 31)),
    st.text("0123456789", min_size=3, max_size=3),
)


@given(id_bodies)
def test_any_id_body_with_its_check_char_passes(body: str) -> None:
    assert is_valid_id_number(body + id_number_check_char(body))


@given(id_bodies, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_one_character_change_of_an_id_number_fails(body: str, index: int, char: str) -> None:
    number = body + id_number_check_char(body)
    changed = number[:index] + char + number[index + 1 :]
    if changed != number:
        assert not is_valid_id_number(changed)


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "+86 138 0013 8000",
        "0086-138-0013-8000",
        "１３８００１３８０００",
        "19912345678",
    ],
)
def test_mobile_numbers_are_normalised(text: str) -> None:
    result = check_mobile(text)
    assert result.ok
    assert len(result.value) == 11


@pytest.mark.parametrize(
    "text", ["12800138000", "1380013800", "138001380001", "+87 13800138000", "abc"]
)
def test_invalid_mobile_numbers_are_refused(text: str) -> None:
    assert not check_mobile(text).ok


def test_phone_accepts_a_landline_with_area_code() -> None:
    assert check_phone("0953-1234567").value == "09531234567"
    assert not check_phone("1234567").ok


def test_postal_code() -> None:
    assert check_postal_code("751300").ok
    assert not check_postal_code("75130").ok
