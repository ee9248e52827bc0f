"""Identifier checks: 统一社会信用代码, 居民身份证号码, phone numbers, postal codes.

Every check folds full-width characters first (NFKC): clerks paste numbers from Word documents and
Chinese input methods that type ＡＢＣ１２３. A check returns the normalised value, or the reason in
Chinese; a region code we do not know is a warning, not an error.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from desktop_app import clock

# GB 32100-2015: the code's alphabet leaves out I, O, Z, S and V (easily misread).
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# 登记管理部门代码: 1 机构编制 … 9 市场监管, A 中央军委改革和编制办公室, N 农业, Y 其他.
# python-stdnum refuses A, N and Y; they are valid and issued.
_CREDIT_REGISTRARS = "123456789ANY"
# GB 11643-1999 MOD 11-2 weights 2^(17-i) mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB/T 2260 province codes, plus 81/82/83 (港澳台居民居住证) and 9x (2023 外国人永久居留身份证).
_KNOWN_REGIONS = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
        "97",
        "98",
        "99",
    ]
)
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# A fixed line with its area code (0953 is 吴忠): 0 + 2-3 digits, then 7-8 digits.
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a check: ``value`` is the normalised text when ``ok``."""

    ok: bool
    value: str
    error: str = ""
    warning: str = ""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def credit_code_check_char(body: str) -> str:
    """The 18th character for the first 17 of a 统一社会信用代码 (upper case, valid alphabet)."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(text: str) -> CheckResult:
    """统一社会信用代码 per GB 32100-2015: alphabet, registrar, region digits, check character."""
    code = _fold(text).upper()
    if len(code) != 18:
        return CheckResult(False, code, f"统一社会信用代码应为18位，当前为{len(code)}位")
    bad = [c for c in code if c not in CREDIT_CODE_ALPHABET]
    if bad:
        return CheckResult(
            False, code, f"统一社会信用代码含有无效字符“{bad[0]}”（不使用I、O、Z、S、V）"
        )
    if code[0] not in _CREDIT_REGISTRARS:
        return CheckResult(False, code, f"第1位登记管理部门代码“{code[0]}”无效")
    if not code[2:8].isdigit():
        return CheckResult(False, code, "第3至8位应为登记管理机关行政区划码（数字）")
    if credit_code_check_char(code[:17]) != code[17]:
        return CheckResult(False, code, "统一社会信用代码校验位不正确，请核对是否录入有误")
    return CheckResult(True, code)


def is_valid_credit_code(text: str) -> bool:
    return check_credit_code(text).ok


def id_number_check_char(body: str) -> str:
    """The 18th character for the first 17 digits of a 公民身份号码."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def check_id_number(text: str, today: dt.date | None = None) -> CheckResult:
    """居民身份证号码 per GB 11643-1999: 17 digits + check, a real birth date, MOD 11-2."""
    number = _fold(text).upper()
    if len(number) != 18:
        return CheckResult(False, number, f"身份证件号码应为18位，当前为{len(number)}位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return CheckResult(False, number, "身份证件号码前17位应为数字，末位为数字或X")
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return CheckResult(False, number, f"出生日期“{number[6:14]}”不是有效日期")
    if born.year < 1900 or born > (today or clock.today()):
        return CheckResult(False, number, f"出生日期“{number[6:14]}”不在合理范围内")
    if id_number_check_char(number[:17]) != number[17]:
        return CheckResult(False, number, "身份证件号码校验位不正确，请核对是否录入有误")
    warning = (
        "" if number[:2] in _KNOWN_REGIONS else f"地址码“{number[:6]}”不在已知行政区划内，请核对"
    )
    return CheckResult(True, number, warning=warning)


def is_valid_id_number(text: str) -> bool:
    return check_id_number(text).ok


def check_mobile(text: str) -> CheckResult:
    """A mainland mobile number: +86/0086, spaces and dashes dropped, then 1[3-9] and 9 digits."""
    number = _PHONE_SEPARATORS.sub("", _fold(text))
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = number[len(prefix) :]
            break
    if _MOBILE.fullmatch(number):
        return CheckResult(True, number)
    return CheckResult(False, number, "手机号码应为11位，以13至19开头")


def check_phone(text: str) -> CheckResult:
    """A 联系电话: a mobile number, or a fixed line with its area code (0953-1234567)."""
    mobile = check_mobile(text)
    if mobile.ok or _LANDLINE.fullmatch(mobile.value):
        return CheckResult(True, mobile.value)
    return CheckResult(False, mobile.value, "联系电话应为11位手机号码，或带区号的固定电话")


def check_postal_code(text: str) -> CheckResult:
    code = _fold(text)
    if re.fullmatch(r"\d{6}", code):
        return CheckResult(True, code)
    return CheckResult(False, code, "邮政编码应为6位数字")


CHECKS = {
    "credit_code": check_credit_code,
    "id_number": check_id_number,
    "phone": check_phone,
    "postal_code": check_postal_code,
}
