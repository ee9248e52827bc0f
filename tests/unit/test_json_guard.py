import pytest

from desktop_app.domain import json_guard


def test_depth_skips_brackets_inside_strings() -> None:
    assert json_guard.depth('{"a": ["[[[", {"b": "\\"]]"}]}') == 3
    assert json_guard.depth("[]") == 1
    assert json_guard.depth('"{"') == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 200_000 + "]" * 200_000, "嵌套过深"),
        ("1" * 5_000, "其中的数字位数过多"),  # Python refuses integers of over 4,300 digits
        ('{"a": 1,}', "第 1 行第 9 列"),
        ("x" * 2_000, "文件过大"),
    ],
)
def test_hostile_json_is_one_clear_error(text: str, reason: str) -> None:
    with pytest.raises(json_guard.JsonShapeError, match=reason):
        json_guard.loads(text, max_bytes=1_000 if text.startswith("x") else 10**7)


def test_ordinary_json_passes() -> None:
    assert json_guard.loads('{"cancelled": ["640324-2025-01-000001"]}', 1_000) == {
        "cancelled": ["640324-2025-01-000001"]
    }
