import json
import os
import subprocess
import sys

import pytest

from desktop_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_catalog_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 14
    assert set(rows[0]) == {"code", "name", "aliases"}
    assert {"code": "ktv", "name": "歌舞娱乐场所/KTV"}.items() <= rows[8].items()
    assert "KTV" in rows[8]["aliases"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("便利店", "convenience_store"),
        ("网咖", "internet_cafe"),
        ("KTV", "ktv"),
        ("蛋糕店", "bakery"),
    ],
)
def test_catalog_resolve_json_contract(
    capsys: pytest.CaptureFixture[str], query: str, code: str
) -> None:
    answers = json.dumps({"area_m2": 25}) if code == "convenience_store" else "{}"
    exit_code, out, err = run(capsys, "catalog", "resolve", query, "--answers", answers, "--json")
    assert (exit_code, err) == (0, "")
    data = json.loads(out)
    assert data["industry"] == code
    for permit in data["permits"]:
        assert {"code", "name", "department"} <= set(permit)
    for field in data["fields"]:
        assert {"key", "label", "type", "required", "permits"} <= set(field)
        assert field["type"] in {"text", "integer", "number", "date", "bool", "choice"}
        if field["type"] == "choice":
            assert field["choices"]
    for material in data["materials"]:
        assert {"key", "name", "permits"} <= set(material)
    assert [f["key"] for f in data["fields"]][:2] == ["enterprise_name", "credit_code"]


def test_resolve_convenience_store_with_drugs(capsys: pytest.CaptureFixture[str]) -> None:
    answers = json.dumps({"area_m2": 25, "sells_drugs": True})
    _, out, _ = run(capsys, "catalog", "resolve", "便利店", "--answers", answers, "--json")
    permits = json.loads(out)["permits"]
    assert [(p["code"], p["department"]) for p in permits] == [
        ("food_registration", "market"),
        ("drug_retail", "market"),
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["catalog", "resolve", "洗车店", "--json"], "未知的行业"),
        (["catalog", "resolve", "便利店", "--json"], "缺少回答"),
        (["catalog", "resolve", "便利店", "--answers", '{"area_m2": -5}', "--json"], "不能为负数"),
        (["catalog", "resolve", "便利店", "--answers", '{"area": 5}', "--json"], "未知的回答项"),
        (["catalog", "resolve", "便利店", "--answers", '{"area_m2": "5"}'], "应为数字"),
        (["catalog", "resolve", "便利店", "--answers", "{area_m2: 5}"], "不是有效的 JSON"),
        (["catalog", "resolve", "便利店", "--answers", "[1]"], "JSON 对象"),
        (["catalog", "resolve", "医疗器械销售", "--json"], "第二类或第三类"),
        (["catalog", "resolve"], "参数错误"),
        (["catalog", "frobnicate"], "参数错误"),
    ],
)
def test_bad_input_exits_2_with_one_chinese_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_catalog_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "report", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["industries"]) == 14
    total = data["total"]
    for key in ("separate_fields", "combined_fields", "separate_materials", "combined_materials"):
        assert total[key] == sum(row[key] for row in data["industries"])
    assert total["fields_reduction_pct"] < 0


def test_catalog_report_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "report")
    assert code == 0
    assert "合计（第一批）" in out
    assert len(out.splitlines()) == 16


def test_module_entry_point_prints_utf8_json_without_qt() -> None:
    # A real process: `python -m desktop_app` must run headless, without importing PySide6.
    code = (
        "import sys, runpy; sys.argv=['yiye','catalog','list','--json'];"
        "\ntry: runpy.run_module('desktop_app', run_name='__main__')"
        "\nexcept SystemExit as e: assert e.code == 0, e.code"
        "\nassert 'PySide6' not in sys.modules, 'Qt imported by a headless command'"
    )
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "便利店" in json.loads(result.stdout.decode("utf-8"))[1]["name"]


def test_gui_without_display_says_so_and_names_xvfb_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys)
    assert code == 2
    assert "xvfb-run" in err
    assert "显示" in err


def test_resolve_without_json_prints_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "resolve", "KTV", "--answers", '{"sells_food": true}')
    assert code == 0
    assert out.startswith("歌舞娱乐场所/KTV“一业一证”申报告知单")
    assert "娱乐场所经营许可证｜县文化旅游体育广电局" in out
    assert "营业执照（主体资格证明文件）（窗口核验，无需提交）" in out
