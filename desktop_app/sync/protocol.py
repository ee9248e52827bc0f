"""Protocol v1 with the regional platform (docs/platform-api-v1.yaml): the messages, as data.

Pure functions: what an item looks like on the wire, and what an event must contain to be applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

EVENT_STATES = ("accepted", "correction_requested", "approved", "rejected", "revoked")
MAX_TEXT = 500


def item_payload(
    idempotency_key: str,
    application_no: str,
    permit: str,
    department: str,
    mode: str,
    enterprise_name: str,
    credit_code: str,
    submitted_at: dt.datetime,
    form: dict[str, Any],
    materials: list[tuple[str, bool]],
    kind: str = "new",
    certificate_no: str | None = None,
    files: Mapping[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The body of ``POST /api/v1/items``; ``submitted_at`` is naive UTC, sent with its offset.

    ``kind`` says what the department decides (a new permit, or its 变更, 延续 or 注销) and
    ``certificate_no`` names the 行业综合许可证 a later application works on. ``files`` (v1.1)
    lists each material's scans by hash ({"sha256", "size", "name", "content_type"}); the counter
    uploads them (``PUT /api/v1/files/{sha256}``) before it posts the item, so a department can
    fetch every file the item names.
    """
    return {
        "idempotency_key": idempotency_key,
        "application_no": application_no,
        "permit": permit,
        "department": department,
        "mode": mode,
        "kind": kind,
        "certificate_no": certificate_no,
        "enterprise": {"name": enterprise_name, "credit_code": credit_code},
        "submitted_at": submitted_at.replace(tzinfo=dt.UTC).isoformat(),
        "form": form,
        "materials": [
            {"key": key, "received": received, "files": list((files or {}).get(key, ()))}
            for key, received in materials
        ],
    }


class EventError(ValueError):
    """An event that does not follow the protocol; recorded, never applied."""


class Event(NamedTuple):
    """One checked event.

    A named tuple rather than a frozen dataclass: a catch-up parses ten thousand, and a frozen
    dataclass takes five times longer to build.
    """

    event_id: str
    platform_id: str
    idempotency_key: str
    seq: int
    state: str
    permit_no: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    reason: str | None
    at: str
    raw: dict[str, Any]


def _text(data: dict[str, Any], key: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise EventError(f"缺少 {key}")
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise EventError(f"{key} 不是不超过 {MAX_TEXT} 字的文本")
    return value


def _date(data: dict[str, Any], key: str) -> dt.date | None:
    text = _text(data, key, required=False)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise EventError(f"{key} 不是日期：{text!r}") from None


def parse_event(data: object) -> Event:
    """Checks one event of ``GET /api/v1/events``; raises EventError naming what is wrong."""
    if not isinstance(data, dict):
        raise EventError("事件不是 JSON 对象")
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise EventError("seq 不是非负整数")
    state = _text(data, "state")
    if state not in EVENT_STATES:
        raise EventError(f"未知的状态 {state!r}")
    event = Event(
        event_id=_text(data, "event_id") or "",
        platform_id=_text(data, "platform_id", required=False) or "",
        idempotency_key=_text(data, "idempotency_key", required=False) or "",
        seq=seq,
        state=state,
        permit_no=_text(data, "permit_no", required=False),
        valid_from=_date(data, "valid_from"),
        valid_to=_date(data, "valid_to"),
        reason=_text(data, "reason", required=False),
        at=_text(data, "at", required=False) or "",
        raw=data,
    )
    if not (event.platform_id or event.idempotency_key):
        raise EventError("platform_id 与 idempotency_key 均缺失")
    if state == "approved" and not (event.permit_no and event.valid_from):
        raise EventError("准予许可的事件须有 permit_no 和 valid_from")
    if event.valid_to and event.valid_from and event.valid_to <= event.valid_from:
        raise EventError("valid_to 须晚于 valid_from")
    return event
