"""ID card readers: the simulator, the keyboard wedge's text, the SDK's text block, the settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop_app import id_cards
from desktop_app.id_cards import IdCard, ReaderError
from tests import factories

NUMBER = factories.id_number(7)
CARD = {"name": "马小军", "id_number": NUMBER, "address": "宁夏同心县豫海镇文化街 12 号"}


def test_the_simulator_reads_its_file_anew_each_time(tmp_path: Path) -> None:
    path = tmp_path / "card.json"
    reader = id_cards.reader_for(f"simulator:{path}")
    assert isinstance(reader, id_cards.SimulatorReader)
    with pytest.raises(ReaderError, match="不存在（未放置证件）"):
        reader.read()
    path.write_text(json.dumps(CARD, ensure_ascii=False), encoding="utf-8")
    assert reader.read() == IdCard("马小军", NUMBER, "宁夏同心县豫海镇文化街 12 号")
    path.write_text(json.dumps({**CARD, "id_number": NUMBER[:-1] + "0"}), encoding="utf-8")
    with pytest.raises(ReaderError, match="身份证号码有误"):
        reader.read()
    path.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ReaderError, match="无法读取"):
        reader.read()


@pytest.mark.parametrize(
    ("text", "card"),
    [
        (f"马小军\t{NUMBER}\t同心县", IdCard("马小军", NUMBER, "同心县")),
        (f"马小军|{NUMBER.lower()}", IdCard("马小军", NUMBER.upper(), "")),
        (f" {NUMBER} ", IdCard("", NUMBER, "")),
    ],
)
def test_what_a_wedge_reader_types_is_read(text: str, card: IdCard) -> None:
    assert id_cards.parse_wedge_text(text) == card


@pytest.mark.parametrize("text", ["", "12345", f"马小军\t{NUMBER[:-1]}0"])
def test_a_wedge_misread_is_refused(text: str) -> None:
    with pytest.raises(ReaderError):
        id_cards.parse_wedge_text(text)


def test_the_sdk_text_block_is_split_into_its_fields() -> None:
    fields = [
        ("马小军", 15),
        ("1", 1),
        ("03", 2),
        ("19850315", 8),
        ("宁夏同心县豫海镇文化街12号", 35),
        (NUMBER, 18),
        ("同心县公安局", 15),
        ("20150101", 8),
        ("20350101", 8),
    ]
    raw = "".join(value.ljust(width) for value, width in fields).encode("utf-16-le")
    parsed = id_cards.parse_sdt_text(raw + bytes(256 - len(raw)))
    assert parsed["name"] == "马小军"
    assert parsed["id_number"] == NUMBER
    assert parsed["address"] == "宁夏同心县豫海镇文化街12号"
    assert parsed["valid_to"] == "20350101"


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("", type(None)),
        ("none", type(None)),
        ("wedge", id_cards.WedgeReader),
        ("sdtapi", id_cards.SdtapiReader),
        ("termb:1002", id_cards.TermbReader),
    ],
)
def test_settings_name_the_reader(spec: str, kind: type) -> None:
    assert isinstance(id_cards.reader_for(spec), kind)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("sdtapi:usb", "端口应为数字"),
        ("simulator", "须写明文件"),
        ("scanner", "未知的身份证阅读器"),
    ],
)
def test_a_wrong_setting_is_said(spec: str, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        id_cards.reader_for(spec)


@pytest.mark.skipif(sys.platform == "win32", reason="the SDKs load on Windows")
@pytest.mark.parametrize("spec", ["sdtapi", "termb"])
def test_the_windows_sdks_say_so_elsewhere(spec: str) -> None:
    reader = id_cards.reader_for(spec)
    assert reader is not None
    with pytest.raises(ReaderError, match="仅在 Windows 上可用"):
        reader.read()


def test_the_environment_overrides_the_setting(tmp_path: Path) -> None:
    chosen = id_cards.configured_reader("wedge", {"YIYE_ID_READER": f"simulator:{tmp_path}"})
    assert isinstance(chosen, id_cards.SimulatorReader)
    assert isinstance(id_cards.configured_reader("wedge", {}), id_cards.WedgeReader)
