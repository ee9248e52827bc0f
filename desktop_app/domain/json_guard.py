"""JSON from a file someone handed over, bounded before it is parsed (as cbor_guard for CBOR).

Python's parser recurses once per nesting level: `[` 200,000 deep raises RecursionError from
inside it. The depth is measured first, in one pass, and the size capped.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32  # our files nest four or five deep


class JsonShapeError(ValueError):
    """The text is not JSON, too large, or nested too deep; the message says which."""


def depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text``, strings skipped."""
    deepest = level = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


def loads(text: str, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """Parses ``text``; raises JsonShapeError (in Chinese, with the reason), nothing else."""
    if len(text) > max_bytes:
        raise JsonShapeError(f"文件过大（超过 {max_bytes // 1024} KB）")
    if depth(text) > max_depth:
        raise JsonShapeError(f"JSON 嵌套过深（超过 {max_depth} 层）")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonShapeError(
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except ValueError as exc:
        if "integer string conversion" in str(exc):  # Python's limit: 4,300 digits
            raise JsonShapeError("不是有效的 JSON：其中的数字位数过多") from None
        raise JsonShapeError(f"不是有效的 JSON：{exc}") from None
    except RecursionError:
        raise JsonShapeError(f"JSON 嵌套过深（超过 {max_depth} 层）") from None
