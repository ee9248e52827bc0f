"""A bounded pre-scan of untrusted CBOR before any decoder builds objects from it.

It walks the item headers iteratively (no recursion), so 10,000 nested arrays or a header that
claims four billion elements are refused in microseconds with constant memory, before cbor2 sees
the bytes.
"""

from __future__ import annotations

MAX_DEPTH = 8
MAX_ITEMS = 2000


class CborShapeError(ValueError):
    """CBOR that is malformed, too deep or too large for a certificate."""


def _argument(data: bytes, pos: int, info: int) -> tuple[int, int]:
    if info < 24:
        return info, pos
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info not in sizes:
        raise CborShapeError("不支持的 CBOR 长度编码")
    end = pos + sizes[info]
    if end > len(data):
        raise CborShapeError("CBOR 数据被截断")
    return int.from_bytes(data[pos:end], "big"), end


def check_shape(data: bytes, max_depth: int = MAX_DEPTH, max_items: int = MAX_ITEMS) -> None:
    """Raises CborShapeError unless ``data`` is exactly one well-formed, bounded CBOR item."""
    pos = 0
    items = 0
    # Each entry: how many more child items the open container expects.
    pending = [1]
    while pending:
        if pending[-1] == 0:
            pending.pop()
            continue
        pending[-1] -= 1
        if pos >= len(data):
            raise CborShapeError("CBOR 数据被截断")
        items += 1
        if items > max_items:
            raise CborShapeError("CBOR 元素过多")
        head = data[pos]
        pos += 1
        major, info = head >> 5, head & 0x1F
        if info == 31:
            raise CborShapeError("不接受不定长 CBOR")
        value, pos = _argument(data, pos, info)
        if major in (2, 3):  # byte and text strings
            if value > len(data) - pos:
                raise CborShapeError("CBOR 字符串长度超出数据")
            pos += value
        elif major in (4, 5):  # arrays and maps
            children = value * (2 if major == 5 else 1)
            if children > max_items:
                raise CborShapeError("CBOR 元素过多")
            if len(pending) > max_depth:
                raise CborShapeError("CBOR 嵌套过深")
            pending.append(children)
        elif major == 6:  # a tag wraps exactly one item
            if len(pending) > max_depth:
                raise CborShapeError("CBOR 嵌套过深")
            pending.append(1)
    if pos != len(data):
        raise CborShapeError("CBOR 数据后有多余内容")
