"""The HTTP side of protocol v1 and v1.1: JSON over HTTPS with a bearer token (stdlib only)."""

from __future__ import annotations

import hashlib
import http.client
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 10.0
MAX_BODY = 16 * 1024 * 1024  # an events page is far smaller; more is not the platform


class PlatformError(Exception):
    """The platform did not take a request. ``retry``: try again later; otherwise it said no."""

    def __init__(
        self, message: str, retry: bool, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retry = retry
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class EventsPage:
    events: list[Any]
    next: str


@dataclass(frozen=True)
class ApplicationsPage:
    applications: list[Any]
    cursor: str


class PlatformClient:
    def __init__(self, base_url: str, token: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self._context = ssl.create_default_context()  # the system's trusted certificates

    def post_item(self, payload: dict[str, Any]) -> tuple[int, str]:
        """Sends one item; returns (HTTP status, platform_id). 201 new, 200 already known."""
        status, body = self._request("POST", "/api/v1/items", payload)
        platform_id = body.get("platform_id") if isinstance(body, dict) else None
        if status not in (200, 201) or not isinstance(platform_id, str) or not platform_id:
            raise PlatformError(
                f"平台应答不符合协议（HTTP {status}，缺少 platform_id）", True, status
            )
        return status, platform_id

    def events(self, after: str, limit: int) -> EventsPage:
        query = urllib.parse.urlencode({"after": after, "limit": limit})
        status, body = self._request("GET", f"/api/v1/events?{query}", None)
        if (
            status != 200
            or not isinstance(body, dict)
            or not isinstance(body.get("events"), list)
            or not isinstance(body.get("next"), str)
        ):
            raise PlatformError(
                f"平台应答不符合协议（HTTP {status}，缺少 events/next）", True, status
            )
        return EventsPage(body["events"], body["next"])

    # Protocol v1.1 ---------------------------------------------------------------------------

    def applications(self, after: str, limit: int) -> ApplicationsPage:
        """A page of applications submitted online since ``after`` (v1.1)."""
        query = urllib.parse.urlencode({"after": after, "limit": limit})
        status, body = self._request("GET", f"/api/v1/applications?{query}", None)
        if (
            status != 200
            or not isinstance(body, dict)
            or not isinstance(body.get("applications"), list)
            or not isinstance(body.get("cursor"), str)
        ):
            raise PlatformError(
                f"平台应答不符合协议（HTTP {status}，缺少 applications/cursor）", True, status
            )
        return ApplicationsPage(body["applications"], body["cursor"])

    def post_decision(self, platform_id: str, payload: dict[str, Any]) -> str:
        """Answers one online application; the same idempotency key again gets the same answer."""
        path = f"/api/v1/applications/{urllib.parse.quote(platform_id, safe='')}/decision"
        status, body = self._request("POST", path, payload)
        decision = body.get("decision") if isinstance(body, dict) else None
        if status != 200 or decision != payload.get("decision"):
            raise PlatformError(f"平台应答不符合协议（HTTP {status}，缺少 decision）", True, status)
        return str(decision)

    def file(self, sha256: str, size: int) -> bytes:
        """An uploaded file by its hash; refused unless its bytes have that hash and size."""
        status, data = self._request("GET", f"/api/v1/files/{sha256}", None, raw=True, limit=size)
        if status != 200 or len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
            raise PlatformError(f"平台返回的文件 {sha256[:12]}… 与哈希或大小不符", True, status)
        return bytes(data)

    def put_file(self, sha256: str, data: bytes, content_type: str) -> int:
        """Uploads a scan by its hash (v1.1): 201 stored, 200 the platform had it already."""
        status, _ = self._request(
            "PUT", f"/api/v1/files/{sha256}", None, body=data, content_type=content_type
        )
        if status not in (200, 201):
            raise PlatformError(f"平台应答不符合协议（HTTP {status}）", True, status)
        return status

    def enterprise(self, credit_code: str) -> dict[str, Any] | None:
        """The business licence registered under ``credit_code``; None when there is none."""
        try:
            status, body = self._request(
                "GET", f"/api/v1/enterprises/{urllib.parse.quote(credit_code, safe='')}", None
            )
        except PlatformError as exc:
            if exc.status == 404:
                return None
            raise
        if status != 200 or not isinstance(body, dict):
            raise PlatformError(f"平台应答不符合协议（HTTP {status}）", True, status)
        return body

    def _request(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None,
        raw: bool = False,
        limit: int = MAX_BODY,
        body: bytes | None = None,
        content_type: str = "application/json; charset=utf-8",
    ) -> tuple[int, Any]:
        data = body if payload is None else json.dumps(payload, ensure_ascii=False).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={
                "Authorization": f"Bearer {self._token}",
                "Accept": "*/*" if raw else "application/json",
                **({"Content-Type": content_type} if data is not None else {}),
            },
        )
        try:
            with urllib.request.urlopen(
                request, timeout=self._timeout, context=self._context
            ) as response:
                content = response.read(limit + 1)
                if len(content) > limit:
                    raise ValueError("应答过大")
                return response.status, content if raw else _json(content)
        except urllib.error.HTTPError as exc:
            raise _http_error(exc) from None
        except (TimeoutError, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PlatformError(f"无法连接平台：{reason}", retry=True) from None
        except ValueError as exc:
            raise PlatformError(f"平台应答不是 JSON：{exc}", retry=True) from None


def _json(raw: bytes) -> Any:
    if len(raw) > MAX_BODY:
        raise ValueError("应答过大")
    return json.loads(raw.decode("utf-8")) if raw else None


def _http_error(exc: urllib.error.HTTPError) -> PlatformError:
    status = exc.code
    try:
        body = exc.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        body = ""
    message = body.strip()
    try:
        parsed = json.loads(body)
        if isinstance(parsed, dict):
            message = str(parsed.get("message") or parsed.get("error") or message)
    except ValueError:
        pass
    retry_after = None
    if status == 429:
        try:
            retry_after = float(exc.headers.get("Retry-After", ""))
        except ValueError:
            retry_after = None
    retry = status == 429 or status >= 500
    text = f"平台返回 HTTP {status}" + (f"：{message[:300]}" if message else "")
    return PlatformError(text, retry=retry, status=status, retry_after=retry_after)
