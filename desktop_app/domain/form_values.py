"""Checks the values of a combined form against its fields; messages name the field in Chinese.

Text is stored exactly as typed (SQL metacharacters, ``%``, ``_``, rare CJK Extension B characters
and the middle dot ``·`` of minority and foreign names are all fine), except what cannot be shown
or printed honestly: control characters and the bidirectional overrides used to disguise text.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Protocol

from desktop_app.domain.identifiers import CHECKS, check_id_number, check_phone

# Unicode bidi embeddings, overrides and isolates, plus the invisible marks (Trojan Source).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Format (zero-width …), private use, lone surrogates, line and paragraph separators.
_INVISIBLE = frozenset({"Cf", "Co", "Cs", "Zl", "Zp"})
DEFAULT_MAX_LENGTH = 200
MAX_MAGNITUDE = 10**12  # no count, area or amount on these forms comes near it


def _is_noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


FormValue = str | int | float | bool | list[str] | None


class FieldLike(Protocol):
    """The parts of a catalog field (``BundleField``) that validation reads."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def check(self) -> str | None: ...
    @property
    def max_length(self) -> int | None: ...
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def choices(self) -> tuple[str, ...]: ...
    @property
    def multiple(self) -> bool: ...


def text_problem(label: str, text: str, max_length: int) -> str | None:
    """Why ``text`` cannot be stored for a field, or None."""
    for ch in text:
        if ch in _BIDI_CONTROLS:
            return f"{label}含有不可见的文字方向控制字符，请删除后重新输入"
        category = unicodedata.category(ch)
        if category == "Cc":
            return f"{label}含有控制字符（如换行、制表符），请删除"
        if category in _INVISIBLE or _is_noncharacter(ch):
            # Zero-width, private-use and the like: they make look-alike names and print blank.
            return f"{label}含有不可见或无法打印的字符（U+{ord(ch):04X}），请删除后重新输入"
    if len(text) > max_length:
        return f"{label}最多{max_length}个字，当前{len(text)}个字"
    return None


def _is_blank(value: FormValue) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def check_value(field: FieldLike, value: FormValue) -> tuple[FormValue, str | None]:
    """Returns the normalised value and an error message (None when the value is fine)."""
    label = field.label
    if _is_blank(value):
        return None, (f"请填写{label}" if field.required and field.type != "bool" else None)
    if field.type == "bool":
        if not isinstance(value, bool):
            return value, f"{label}应为“是”或“否”"
        return value, None
    if field.type in ("integer", "number"):
        return _check_number(field, value)
    if field.type == "date":
        if not isinstance(value, str):
            return value, f"{label}应为日期（如 2026-03-01）"
        try:
            return dt.date.fromisoformat(value).isoformat(), None
        except ValueError:
            return value, f"{label}“{value}”不是有效日期（格式如 2026-03-01）"
    if field.type == "choice":
        return _check_choice(field, value)
    if not isinstance(value, str):
        return value, f"{label}应为文字"
    problem = text_problem(label, value, field.max_length or DEFAULT_MAX_LENGTH)
    if problem:
        return value, problem
    if field.check:
        result = CHECKS[field.check](value)
        if result.ok:
            return result.value, None
        # The identifier rules name their subject ("统一社会信用代码应为18位"); don't say it twice.
        error = result.error if result.error.startswith(label) else f"{label}：{result.error}"
        return value, error
    return value, None


def _check_number(field: FieldLike, value: FormValue) -> tuple[FormValue, str | None]:
    label = field.label
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value, f"{label}应为数字"
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:  # float() of it may overflow
        return value, f"{label}的数值过大"
    if not math.isfinite(value):
        return value, f"{label}应为有限的数字"
    if field.type == "integer" and value != int(value):
        return value, f"{label}应为整数"
    number: int | float = int(value) if field.type == "integer" else float(value)
    if field.min is not None and number < field.min:
        return value, f"{label}不能小于{field.min:g}"
    if field.max is not None and number > field.max:
        return value, f"{label}不能大于{field.max:g}"
    return number, None


def _check_choice(field: FieldLike, value: FormValue) -> tuple[FormValue, str | None]:
    label = field.label
    chosen = value if isinstance(value, list) else [value]
    if not field.multiple and isinstance(value, list):
        return value, f"{label}只能选一项"
    picked: list[str] = []
    for item in chosen:
        if not isinstance(item, str) or item not in field.choices:
            return value, f"{label}没有“{item}”这一选项"
        picked.append(item)
    return (picked if field.multiple else picked[0]), None


def check_form(
    fields: Sequence[FieldLike], values: Mapping[str, FormValue]
) -> tuple[dict[str, FormValue], dict[str, str]]:
    """Checks every field; returns (normalised values, errors by field key).

    A key the form does not have is an error too: a typo must not silently drop data.
    """
    known = {f.key for f in fields}
    errors = {key: f"表单中没有字段“{key}”" for key in values if key not in known}
    cleaned: dict[str, FormValue] = {}
    for field in fields:
        value, error = check_value(field, values.get(field.key))
        if error:
            errors[field.key] = error
        elif value is not None:
            cleaned[field.key] = value
    return cleaned, errors


def agent_problems(name: str, id_number: str, phone: str = "") -> dict[str, str]:
    """The 委托代理人's name, ID number and (optional) phone, checked; problems by field."""
    problems = {}
    problem = text_problem("委托代理人姓名", name, 50)
    if problem or not name.strip():
        problems["agent.name"] = problem or "请填写委托代理人姓名"
    checked = check_id_number(id_number)
    if not checked.ok:
        problems["agent.id_number"] = f"委托代理人身份证件号码：{checked.error}"
    if phone.strip() and not check_phone(phone).ok:
        problems["agent.phone"] = "委托代理人联系电话应为11位手机号码，或带区号的固定电话"
    return problems
