"""A regional platform for tests and benchmarks: real HTTP on 127.0.0.1, with faults on request.

It implements protocol v1 (docs/platform-api-v1.yaml) the way a platform would, and decides each
item it receives by a script (accepted, maybe a correction, then approved or rejected). Faults:
drop the connection without an answer (after doing the work), delay past the client's timeout,
answer 500 or 429, duplicate and reorder events, and go down altogether (connections refused).
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "test-token"
REQUIRED = ("idempotency_key", "application_no", "permit", "department", "mode", "enterprise")


def default_script(payload: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """What the platform decides for an item: a correction now and then, mostly approvals."""
    steps: list[dict[str, Any]] = [{"state": "accepted"}]
    if rng.random() < 0.3:
        steps += [
            {"state": "correction_requested", "reason": "请补充场所平面图"},
            {"state": "accepted"},
        ]
    if rng.random() < 0.15:
        steps.append({"state": "rejected", "reason": "现场核查不符合要求"})
    else:
        number = f"PT-{payload['permit']}-{payload['application_no']}"
        steps.append(
            {
                "state": "approved",
                "permit_no": number,
                "valid_from": "2025-10-08",
                "valid_to": "2030-10-07",
            }
        )
    return steps


@dataclass
class Faults:
    """Counts of faults still to inject; each request uses one up."""

    drop_posts: int = 0  # the item is stored, then the connection closes without an answer
    delay_posts: int = 0  # the answer comes after ``delay`` seconds (past the client's timeout)
    error_posts: int = 0  # 500
    limit_posts: int = 0  # 429 with Retry-After
    clean_events: int = 0  # event pages answered before the event faults below start
    drop_events: int = 0
    error_events: int = 0
    delay_events: int = 0
    delay: float = 2.0
    duplicate_events: bool = False  # pages repeat some events, and start a little back
    reorder_events: bool = False  # pages come shuffled


@dataclass
class PlatformState:
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # by idempotency key
    posts: list[tuple[str, int]] = field(default_factory=list)  # (key, status) as answered
    events: list[dict[str, Any]] = field(default_factory=list)
    refuse_permits: set[str] = field(default_factory=set)  # answered 422


class PlatformServer:
    def __init__(
        self,
        script: Callable[[dict[str, Any], random.Random], list[dict[str, Any]]] = default_script,
        seed: int = 1,
    ) -> None:
        self.state = PlatformState()
        self.faults = Faults()
        self._script = script
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        handler = _handler(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def go_down(self) -> None:
        """Stops listening: connections are refused until ``come_back``."""
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
        self._server = None

    def come_back(self) -> None:
        self.start()

    def stop(self) -> None:
        if self._server is not None:
            self.go_down()

    # The platform's side of the protocol ---------------------------------------------------

    def post_item(self, payload: Any) -> tuple[int, dict[str, Any]]:
        if not isinstance(payload, dict) or any(k not in payload for k in REQUIRED):
            return 422, {"message": "请求缺少必填字段"}
        if payload["permit"] in self.state.refuse_permits:
            return 422, {"message": f"本平台未开通 {payload['permit']} 的办理"}
        with self._lock:
            key = payload["idempotency_key"]
            known = self.state.items.get(key)
            if known is not None:
                return 200, {"platform_id": known["platform_id"]}
            platform_id = f"P{len(self.state.items) + 1:06d}"
            self.state.items[key] = {"platform_id": platform_id, "payload": payload}
            for seq, step in enumerate(self._script(payload, self._rng), start=1):
                self.state.events.append(
                    {
                        "event_id": str(uuid.UUID(int=self._rng.getrandbits(128))),
                        "platform_id": platform_id,
                        "idempotency_key": key,
                        "seq": seq,
                        "permit_no": None,
                        "valid_from": None,
                        "valid_to": None,
                        "reason": None,
                        "at": "2025-10-08T09:00:00+08:00",
                        **step,
                    }
                )
            return 201, {"platform_id": platform_id}

    def events_page(self, after: str, limit: int) -> dict[str, Any]:
        with self._lock:
            start = int(after) if after.isdigit() else 0
            if self.faults.duplicate_events and start > 0:
                start = max(0, start - self._rng.randint(0, 3))  # some events come again
            page = self.state.events[start : start + limit]
            next_cursor = str(start + len(page)) if page else str(max(start, int(after or 0)))
            page = list(page)
            if self.faults.duplicate_events and page:
                page += self._rng.sample(page, min(len(page), 3))
            if self.faults.reorder_events:
                self._rng.shuffle(page)
            return {"events": page, "next": next_cursor}

    def take(self, name: str) -> bool:
        """Uses up one fault of ``name`` if any is left."""
        with self._lock:
            left = getattr(self.faults, name)
            if left > 0:
                setattr(self.faults, name, left - 1)
                return True
            return False


def _handler(platform: PlatformServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet tests

        def _answer(
            self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
        ) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {TOKEN}":
                return True
            self._answer(401, {"message": "令牌无效"})
            return False

        def _drop(self) -> None:
            self.close_connection = True
            self.connection.close()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if not self._authorised():
                return
            if urlsplit(self.path).path != "/api/v1/items":
                self._answer(404, {"message": "not found"})
                return
            if platform.take("error_posts"):
                self._answer(500, {"message": "内部错误"})
                return
            if platform.take("limit_posts"):
                self._answer(429, {"message": "请求过于频繁"}, {"Retry-After": "1"})
                return
            try:
                payload = json.loads(raw)
            except ValueError:
                self._answer(400, {"message": "不是 JSON"})
                return
            status, body = platform.post_item(payload)
            platform.state.posts.append((str(payload.get("idempotency_key")), status))
            if platform.take("drop_posts"):
                self._drop()  # the work is done, the answer is lost: the client must retry
                return
            if platform.take("delay_posts"):
                time.sleep(platform.faults.delay)
            self._answer(status, body)

        def do_GET(self) -> None:
            if not self._authorised():
                return
            parts = urlsplit(self.path)
            if parts.path != "/api/v1/events":
                self._answer(404, {"message": "not found"})
                return
            if not platform.take("clean_events"):
                if platform.take("error_events"):
                    self._answer(503, {"message": "维护中"})
                    return
                if platform.take("drop_events"):
                    self._drop()
                    return
                if platform.take("delay_events"):
                    time.sleep(platform.faults.delay)
            query = parse_qs(parts.query)
            after = query.get("after", [""])[0]
            limit = max(1, min(int(query.get("limit", ["100"])[0]), 1000))
            self._answer(200, platform.events_page(after, limit))

    return Handler
