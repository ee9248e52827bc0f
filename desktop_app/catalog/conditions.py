"""The small condition language of the catalog's rules: ``halal``, ``area_m2 <= 30``, and/or/not.

Conditions are parsed once when the catalog loads, so a typo in a data file is refused at start-up
with the file and the key named, never discovered at the counter.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

Answers = Mapping[str, bool | float]

_COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
}
_TOKEN = re.compile(r"\s*(?:(<=|>=|==|<|>|\(|\))|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))")


class ConditionSyntaxError(ValueError):
    """A rule's condition is not valid in the condition language."""


@dataclass(frozen=True)
class Flag:
    """True when a yes/no answer is yes."""

    key: str

    def evaluate(self, answers: Answers) -> bool:
        return bool(answers[self.key])

    def answer_keys(self) -> Iterator[str]:
        yield self.key


@dataclass(frozen=True)
class Compare:
    """A numeric answer compared with a constant (``area_m2 <= 30``)."""

    key: str
    op: str
    value: float

    def evaluate(self, answers: Answers) -> bool:
        return _COMPARATORS[self.op](float(answers[self.key]), self.value)

    def answer_keys(self) -> Iterator[str]:
        yield self.key


@dataclass(frozen=True)
class Not:
    operand: Condition

    def evaluate(self, answers: Answers) -> bool:
        return not self.operand.evaluate(answers)

    def answer_keys(self) -> Iterator[str]:
        yield from self.operand.answer_keys()


@dataclass(frozen=True)
class AllOf:
    operands: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> bool:
        return all(o.evaluate(answers) for o in self.operands)

    def answer_keys(self) -> Iterator[str]:
        for o in self.operands:
            yield from o.answer_keys()


@dataclass(frozen=True)
class AnyOf:
    operands: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> bool:
        return any(o.evaluate(answers) for o in self.operands)

    def answer_keys(self) -> Iterator[str]:
        for o in self.operands:
            yield from o.answer_keys()


Condition = Flag | Compare | Not | AllOf | AnyOf


def numeric_thresholds(condition: Condition) -> Iterator[tuple[str, float]]:
    """Yields (key, constant) for every comparison, to enumerate the regions a rule set splits."""
    if isinstance(condition, Compare):
        yield condition.key, condition.value
    elif isinstance(condition, Not):
        yield from numeric_thresholds(condition.operand)
    elif isinstance(condition, AllOf | AnyOf):
        for o in condition.operands:
            yield from numeric_thresholds(o)


def parse_condition(text: str) -> Condition:
    """Parses a condition; raises ConditionSyntaxError naming what is wrong."""
    parser = _Parser(_tokenize(text), text)
    condition = parser.parse_or()
    if parser.peek() is not None:
        raise ConditionSyntaxError(f"条件 {text!r} 中多余的内容：{parser.peek()!r}")
    return condition


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if not match:
            raise ConditionSyntaxError(f"条件 {text!r} 在第 {position + 1} 个字符处无法识别")
        tokens.append(match.group(match.lastindex or 0))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent: or_expr := and_expr ('or' and_expr)*, and so on down to atoms."""

    def __init__(self, tokens: list[str], text: str) -> None:
        self._tokens = tokens
        self._text = text
        self._index = 0

    def peek(self) -> str | None:
        return self._tokens[self._index] if self._index < len(self._tokens) else None

    def _take(self) -> str:
        token = self.peek()
        if token is None:
            raise ConditionSyntaxError(f"条件 {self._text!r} 不完整")
        self._index += 1
        return token

    def parse_or(self) -> Condition:
        operands = [self._parse_and()]
        while self.peek() == "or":
            self._take()
            operands.append(self._parse_and())
        return operands[0] if len(operands) == 1 else AnyOf(tuple(operands))

    def _parse_and(self) -> Condition:
        operands = [self._parse_not()]
        while self.peek() == "and":
            self._take()
            operands.append(self._parse_not())
        return operands[0] if len(operands) == 1 else AllOf(tuple(operands))

    def _parse_not(self) -> Condition:
        if self.peek() == "not":
            self._take()
            return Not(self._parse_not())
        return self._parse_atom()

    def _parse_atom(self) -> Condition:
        token = self._take()
        if token == "(":
            inner = self.parse_or()
            if self._take() != ")":
                raise ConditionSyntaxError(f"条件 {self._text!r} 缺少右括号")
            return inner
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", token) or token in {"and", "or", "not"}:
            raise ConditionSyntaxError(f"条件 {self._text!r} 中 {token!r} 不是回答项")
        if self.peek() in _COMPARATORS:
            op = self._take()
            number = self._take()
            try:
                value = float(number)
            except ValueError:
                raise ConditionSyntaxError(
                    f"条件 {self._text!r} 中 {op} 之后应为数字，实为 {number!r}"
                ) from None
            return Compare(token, op, value)
        return Flag(token)
