"""A catalog version as one signed file, for another county to import (plan 五(三)).

The file is a COSE_Sign1 (the certificates' signature machinery, the issuing PC's key) over a
JSON payload: the version's files, its label, and who exported it. An importing county trusts
the exporter's public key as it trusts certificates (its trusted key folders); a file that was
changed after signing, or signed by a key it does not trust, is refused before anything is read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

import cbor2

from desktop_app.catalog.loader import FILES
from desktop_app.domain import json_guard
from desktop_app.domain.cose import (
    CoseError,
    PrivateKey,
    PublicKey,
    kid_for,
    parse_sign1,
    sign1,
    verify_signature,
)

FORMAT = "yiye-catalog/1"
SUFFIX = ".yiyecatalog"
MAX_BYTES = 8 * 1024 * 1024  # the shipped catalog is ~150 kB; anything far larger is not one


class ExchangeError(ValueError):
    """The file is refused; the message says why, in the clerk's words."""


@dataclass(frozen=True)
class Package:
    label: str
    exporter: str  # the exporting county's 受理部门, as it signed it
    exported_on: dt.date
    note: str
    files: dict[str, str]
    kid: str  # hex: which trusted key signed it


def pack(
    files: Mapping[str, str],
    label: str,
    exporter: str,
    exported_on: dt.date,
    note: str,
    key: PrivateKey,
) -> bytes:
    payload = {
        "format": FORMAT,
        "label": label,
        "exporter": exporter,
        "exported_on": exported_on.isoformat(),
        "note": note,
        "files": dict(files),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return sign1(text.encode("utf-8"), key)


def unpack(data: bytes, trusted: Mapping[bytes, list[PublicKey]]) -> Package:
    """The package, once its signature is checked against ``trusted`` keys (by kid)."""
    if len(data) > MAX_BYTES:
        raise ExchangeError("文件过大，不是行业目录文件")
    try:
        structure = parse_sign1(cbor2.loads(data))
    except CoseError as exc:
        raise ExchangeError(f"不是行业目录文件（{exc}）") from None
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError):
        raise ExchangeError("不是行业目录文件（无法解析）") from None
    keys = trusted.get(structure.kid, [])
    if not keys:
        raise ExchangeError(
            f"签名密钥 {structure.kid.hex()} 不在本机信任的公钥中："
            "请先取得导出县的公钥，放入受信任公钥文件夹"
        )
    if not any(verify_signature(structure, key) for key in keys):
        raise ExchangeError("签名不符：文件在导出后被改动过，或已损坏，不能导入")
    try:
        payload = json_guard.loads(structure.payload.decode("utf-8"), MAX_BYTES)
    except (UnicodeDecodeError, json_guard.JsonShapeError) as exc:
        raise ExchangeError(f"目录内容无法读取：{exc}") from None
    return _package(payload, structure.kid)


def _package(payload: object, kid: bytes) -> Package:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ExchangeError("不支持的目录文件格式")
    texts = ("label", "exporter", "exported_on", "note")
    if not all(isinstance(payload.get(k), str) for k in texts):
        raise ExchangeError("目录文件缺少版本号、导出单位或日期")
    files = payload.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise ExchangeError("目录文件的内容应为文件名和文本")
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise ExchangeError(f"目录文件含有未知的文件 {unknown[0]}.toml")
    try:
        exported_on = dt.date.fromisoformat(payload["exported_on"])
    except ValueError:
        raise ExchangeError("导出日期无效") from None
    return Package(
        payload["label"], payload["exporter"], exported_on, payload["note"], files, kid.hex()
    )


def signer_kid(key: PrivateKey) -> str:
    return kid_for(key.public_key()).hex()
