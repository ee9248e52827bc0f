"""Typed errors of ``resolve``; each carries the Chinese message shown to the clerk."""

from __future__ import annotations


class ResolveError(ValueError):
    """Base class: the industry or the answers make no valid application."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key


class UnknownIndustryError(ResolveError):
    def __init__(self, query: str) -> None:
        super().__init__(f"未知的行业：{query!r}（可用 `yiye catalog list` 查看目录）")


class UnknownAnswerError(ResolveError):
    def __init__(self, key: str, industry_name: str, known: bool) -> None:
        why = f"行业“{industry_name}”不询问此项" if known else "目录中没有此回答项"
        super().__init__(f"未知的回答项 {key!r}：{why}", key)


class MissingAnswerError(ResolveError):
    def __init__(self, key: str, label: str) -> None:
        super().__init__(f"缺少回答：{label}（{key}）", key)


class AnswerTypeError(ResolveError):
    def __init__(self, key: str, label: str, expected: str, value: object) -> None:
        super().__init__(f"{label}（{key}）应为{expected}，实为 {value!r}", key)


class InvalidAnswerError(ResolveError):
    """A well-typed answer outside what is possible (a negative or infinite area)."""


class ImpossibleAnswersError(ResolveError):
    """The answers combine into no valid application (the catalog's constraint says why)."""
