"""Protocol v1.1: applications submitted online (一网通办), as data; pure functions.

``GET /api/v1/applications`` pages them; each is checked here before it is stored, and one that
does not follow the protocol is kept with the reason (a supervisor sees it), never accepted.
``POST /api/v1/applications/{id}/decision`` answers each one once: accepted with the receipt
number, returned for 补正 with the reasons, or refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from desktop_app.domain.file_kinds import KINDS, MAX_FILE_BYTES

CHANNELS = ("web", "app")
DECISIONS = ("accepted", "returned", "refused")
SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_TEXT = 500
MAX_FILES_PER_MATERIAL = 20


class ApplicationError(ValueError):
    """An online application that does not follow the protocol (the message says where)."""


class FileRef(NamedTuple):
    sha256: str
    size: int
    name: str
    content_type: str

    def as_json(self) -> dict[str, Any]:
        return self._asdict()


class OnlineApplication(NamedTuple):
    platform_id: str
    submitted_at: dt.datetime  # naive UTC, as every time in the store
    channel: str
    industry: str
    answers: dict[str, Any]
    form: dict[str, Any]
    materials: dict[str, list[FileRef]]
    commitments: list[str]


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise ApplicationError(f"{key} 不是不超过 {MAX_TEXT} 字的文本")
    return value


def _object(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise ApplicationError(f"{key} 不是 JSON 对象")
    return value


def _file(key: str, data: object) -> FileRef:
    where = f"materials.{key}"
    if not isinstance(data, dict):
        raise ApplicationError(f"{where} 的文件不是 JSON 对象")
    sha256, size = data.get("sha256"), data.get("size")
    if not isinstance(sha256, str) or not SHA256.fullmatch(sha256):
        raise ApplicationError(f"{where} 的 sha256 不是 64 位小写十六进制")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_FILE_BYTES:
        raise ApplicationError(f"{where} 的 size 不在 1 至 {MAX_FILE_BYTES} 字节之间")
    content_type = data.get("content_type")
    if content_type not in KINDS:
        raise ApplicationError(f"{where} 的 content_type 须为 {'、'.join(KINDS)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 255:
        raise ApplicationError(f"{where} 的 name 不是不超过 255 字的文本")
    return FileRef(sha256, size, name.strip(), str(content_type))


def parse_application(data: object) -> OnlineApplication:
    """Checks one application of ``GET /api/v1/applications``; raises ApplicationError."""
    if not isinstance(data, dict):
        raise ApplicationError("申请不是 JSON 对象")
    platform_id = _text(data, "id")
    stamp = _text(data, "submitted_at")
    try:
        submitted = dt.datetime.fromisoformat(stamp)
    except ValueError:
        raise ApplicationError("submitted_at 不是 ISO 8601 时间") from None
    if submitted.tzinfo is None:
        raise ApplicationError("submitted_at 须带时区")
    channel = data.get("channel")
    if channel not in CHANNELS:
        raise ApplicationError(f"channel 须为 {'、'.join(CHANNELS)}")
    materials: dict[str, list[FileRef]] = {}
    for key, files in _object(data, "materials").items():
        if not isinstance(files, list) or len(files) > MAX_FILES_PER_MATERIAL:
            raise ApplicationError(
                f"materials.{key} 不是至多 {MAX_FILES_PER_MATERIAL} 个文件的列表"
            )
        materials[key] = [_file(key, f) for f in files]
    commitments = data.get("commitments", [])
    if not isinstance(commitments, list) or not all(isinstance(c, str) for c in commitments):
        raise ApplicationError("commitments 不是文本列表")
    return OnlineApplication(
        platform_id,
        submitted.astimezone(dt.UTC).replace(tzinfo=None),
        str(channel),
        _text(data, "industry"),
        _object(data, "answers"),
        _object(data, "form"),
        materials,
        list(commitments),
    )


def decision_payload(
    idempotency_key: str, decision: str, receipt_no: str | None, reasons: list[str]
) -> dict[str, Any]:
    """The body of ``POST /api/v1/applications/{id}/decision``."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    body: dict[str, Any] = {"idempotency_key": idempotency_key, "decision": decision}
    if decision == "accepted":
        body["receipt_no"] = receipt_no
    else:
        body["reasons"] = list(reasons)
    return body
