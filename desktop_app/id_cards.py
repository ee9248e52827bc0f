"""Second-generation ID card readers (二代身份证阅读器) behind one small interface.

``reader_for(spec)`` gives the reader 设置 (or ``YIYE_ID_READER``) names:

- ``sdtapi[:PORT]``: the 神思-style SDK (``sdtapi.dll``: SDT_OpenPort, SDT_StartFindIDCard,
  SDT_SelectIDCard, SDT_ReadBaseMsg), which most readers sold for government counters ship;
- ``termb[:PORT]``: the 华视-style SDK (``termb.dll``: CVR_InitComm, CVR_Authenticate,
  CVR_Read_Content, GetPeopleName …);
- ``wedge``: a reader that types the card into the focused field like a keyboard (the screen
  asks for it in a small box, :func:`parse_wedge_text`);
- ``simulator:PATH``: a JSON file with the card (the tests, and training at the counter).

The DLLs are loaded with ctypes, only on Windows, from the reader vendor's installation (on the
PATH or beside the app). PORT is the SDK's port number: 1001 for the first USB reader (the
default). Every failure is a ReaderError with one line for the clerk; the field stays typeable.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.domain.identifiers import check_id_number

USB_PORT = 1001
CARD_SOURCE = "居民身份证（阅读器）"  # where a value read from the card came from
SDT_OK = 0x90
SDT_FOUND = 0x9F
# SDT_ReadBaseMsg's text: UCS-2LE, fixed-width fields, in characters.
SDT_FIELDS = (
    ("name", 15),
    ("sex", 1),
    ("nation", 2),
    ("birth", 8),
    ("address", 35),
    ("id_number", 18),
    ("issuer", 15),
    ("valid_from", 8),
    ("valid_to", 8),
)


class ReaderError(Exception):
    """The reader is missing, has no card, or failed: one line for the clerk."""


@dataclass(frozen=True)
class IdCard:
    name: str
    id_number: str
    address: str = ""


class IdReader(Protocol):
    description: str

    def read(self) -> IdCard: ...


def checked_card(name: str, id_number: str, address: str) -> IdCard:
    """A card as read, trimmed; an ID number that fails its check is refused (a misread)."""
    checked = check_id_number(id_number)
    if not checked.ok:
        raise ReaderError(f"读到的身份证号码有误（{checked.error}），请重新放置证件")
    card = IdCard(name.strip(), checked.value, address.strip())
    if not card.name:
        raise ReaderError("未读到姓名，请重新放置证件")
    return card


def parse_sdt_text(raw: bytes) -> dict[str, str]:
    """SDT_ReadBaseMsg's text block as named fields (trailing spaces dropped)."""
    text = raw.decode("utf-16-le", errors="replace")
    fields, position = {}, 0
    for name, width in SDT_FIELDS:
        fields[name] = text[position : position + width].rstrip(" \x00")
        position += width
    return fields


def parse_wedge_text(text: str) -> IdCard:
    """What a keyboard-wedge reader typed.

    Name, ID number and address separated by tabs or |, in that order; or the ID number alone
    (then name and address stay as typed).
    """
    parts = [p for p in (text.replace("|", "\t").split("\t")) if p.strip()]
    if len(parts) == 1:
        checked = check_id_number(parts[0])
        if not checked.ok:
            raise ReaderError(f"读到的身份证号码有误（{checked.error}）")
        return IdCard("", checked.value)
    if len(parts) < 2:
        raise ReaderError("阅读器没有输入内容")
    return checked_card(parts[0], parts[1], parts[2] if len(parts) > 2 else "")


class SimulatorReader:
    """A JSON file ``{"name", "id_number", "address"}``, read anew at each read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"模拟阅读器（{path}）"

    def read(self) -> IdCard:
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReaderError(f"模拟阅读器的文件 {self.path} 不存在（未放置证件）") from None
        except (OSError, ValueError) as exc:
            raise ReaderError(f"模拟阅读器的文件无法读取：{exc}") from None
        if not isinstance(data, dict):
            raise ReaderError("模拟阅读器的文件应为 JSON 对象")
        return checked_card(
            str(data.get("name") or ""),
            str(data.get("id_number") or ""),
            str(data.get("address") or ""),
        )


def _load_library(name: str) -> Any:
    if sys.platform != "win32":
        raise ReaderError(f"{name} 仅在 Windows 上可用")
    try:
        return ctypes.WinDLL(name)
    except OSError as exc:
        raise ReaderError(f"找不到阅读器驱动 {name}（请安装阅读器厂商的驱动）：{exc}") from None


class SdtapiReader:
    """神思-style readers: ``sdtapi.dll``."""

    def __init__(self, port: int = USB_PORT) -> None:
        self.port = port
        self.description = f"身份证阅读器 sdtapi.dll（端口 {port}）"

    def read(self) -> IdCard:
        sdk = _load_library("sdtapi.dll")
        if sdk.SDT_OpenPort(self.port) != SDT_OK:
            raise ReaderError(f"无法打开阅读器（端口 {self.port}），请检查连接")
        try:
            scratch = ctypes.create_string_buffer(8)
            if sdk.SDT_StartFindIDCard(self.port, scratch, 1) != SDT_FOUND:
                raise ReaderError("阅读器上没有身份证，请放置证件后再读")
            if sdk.SDT_SelectIDCard(self.port, scratch, 1) != SDT_OK:
                raise ReaderError("无法选中身份证，请重新放置证件")
            text, photo = ctypes.create_string_buffer(256), ctypes.create_string_buffer(1024)
            text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
            answer = sdk.SDT_ReadBaseMsg(
                self.port,
                text,
                ctypes.byref(text_len),
                photo,
                ctypes.byref(photo_len),
                1,
            )
            if answer != SDT_OK:
                raise ReaderError(f"读卡失败（代码 0x{answer:02X}），请重新放置证件")
            fields = parse_sdt_text(text.raw[: text_len.value or 256])
        finally:
            sdk.SDT_ClosePort(self.port)
        return checked_card(fields["name"], fields["id_number"], fields["address"])


class TermbReader:
    """华视-style readers: ``termb.dll`` (GBK strings)."""

    def __init__(self, port: int = USB_PORT) -> None:
        self.port = port
        self.description = f"身份证阅读器 termb.dll（端口 {port}）"

    def read(self) -> IdCard:
        sdk = _load_library("termb.dll")
        if sdk.CVR_InitComm(self.port) != 1:
            raise ReaderError(f"无法打开阅读器（端口 {self.port}），请检查连接")
        try:
            if sdk.CVR_Authenticate() != 1:
                raise ReaderError("阅读器上没有身份证，请放置证件后再读")
            if sdk.CVR_Read_Content(4) != 1:
                raise ReaderError("读卡失败，请重新放置证件")

            def text(function: str) -> str:
                buffer, length = ctypes.create_string_buffer(128), ctypes.c_int(128)
                getattr(sdk, function)(buffer, ctypes.byref(length))
                return buffer.raw[: max(length.value, 0)].split(b"\0")[0].decode("gbk", "replace")

            name, number, address = (
                text("GetPeopleName"),
                text("GetPeopleIDCode"),
                text("GetPeopleAddress"),
            )
        finally:
            sdk.CVR_CloseComm()
        return checked_card(name, number, address)


class WedgeReader:
    """The reader types; the screen takes the text (parse_wedge_text). ``read`` is not used."""

    description = "键盘输入式阅读器"

    def read(self) -> IdCard:
        raise ReaderError("键盘输入式阅读器：请在弹出的输入框中刷卡")


def reader_for(spec: str) -> IdReader | None:
    """The reader ``spec`` names (see the module's docstring); None for none."""
    kind, _, argument = spec.strip().partition(":")
    kind = kind.lower()
    if kind in ("", "none"):
        return None
    if kind == "simulator":
        if not argument:
            raise ReaderError("模拟阅读器须写明文件：simulator:路径")
        return SimulatorReader(Path(argument))
    if kind == "wedge":
        return WedgeReader()
    if kind in ("sdtapi", "termb"):
        try:
            port = int(argument) if argument else USB_PORT
        except ValueError:
            raise ReaderError(f"阅读器端口应为数字：{argument}") from None
        return SdtapiReader(port) if kind == "sdtapi" else TermbReader(port)
    raise ReaderError(f"未知的身份证阅读器“{spec}”（可用 sdtapi、termb、wedge、simulator:路径）")


READER_ENV = "YIYE_ID_READER"


def configured_reader(
    spec: str | None = None, environ: Mapping[str, str] = os.environ
) -> IdReader | None:
    """The reader this PC uses: ``YIYE_ID_READER``, else the user's 设置 (``spec``)."""
    if spec is None:
        from desktop_app import settings

        spec = settings.load().id_reader
    return reader_for(environ.get(READER_ENV) or spec)
