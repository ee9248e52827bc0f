"""A regional platform for tests and benchmarks: real HTTP on 127.0.0.1, with faults on request.

It implements protocol v1.1 (docs/platform-api-v1.yaml) the way a platform would, and decides
each item it receives by a script (accepted, maybe a correction, then approved or rejected).
Online applications are put in by the test (``submit_online``), with their files, and the
counter's answers recorded (``state.decisions``); business licences by ``register_enterprise``.
Faults: drop the connection without an answer (after doing the work), delay past the client's
timeout, answer 500 or 429, duplicate and reorder events, corrupt a file, and go down
altogether (connections refused).
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

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
    drop_decisions: int = 0  # the answer is recorded, then the connection closes
    error_decisions: int = 0  # 500
    error_applications: int = 0  # 503 on the applications list
    corrupt_files: int = 0  # a file's bytes come back changed
    delay_lookups: int = 0  # an enterprise lookup answers after ``delay``
    error_file_puts: int = 0  # 503 on a file upload


@dataclass
class PlatformState:
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # by idempotency key
    posts: list[tuple[str, int]] = field(default_factory=list)  # (key, status) as answered
    events: list[dict[str, Any]] = field(default_factory=list)
    refuse_permits: set[str] = field(default_factory=set)  # answered 422
    applications: list[dict[str, Any]] = field(default_factory=list)  # submitted online
    files: dict[str, bytes] = field(default_factory=dict)  # by sha256
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)  # by application id
    decision_posts: list[tuple[str, str, int]] = field(default_factory=list)  # (id, key, status)
    enterprises: dict[str, dict[str, Any]] = field(default_factory=dict)  # by credit code
    file_puts: list[tuple[str, int]] = field(default_factory=list)  # (sha256, status) answered
    takes_files: bool = True  # False: a v1 platform, PUT /files is not there (404)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (a test's short time-out) is no news: not printed."""


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
        self._server = _QuietServer(("127.0.0.1", self.port), handler)
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

    # Protocol v1.1 -------------------------------------------------------------------------

    def submit_online(
        self,
        industry: str,
        answers: dict[str, Any],
        form: dict[str, Any],
        files: dict[str, list[tuple[str, bytes, str]]],
        channel: str = "web",
        commitments: list[str] | None = None,
        **extra: Any,
    ) -> str:
        """An applicant submits online; ``files``: material key → (name, bytes, content type)."""
        with self._lock:
            platform_id = f"W{len(self.state.applications) + 1:06d}"
            materials: dict[str, list[dict[str, Any]]] = {}
            for key, entries in files.items():
                materials[key] = []
                for name, data, content_type in entries:
                    sha = hashlib.sha256(data).hexdigest()
                    self.state.files[sha] = data
                    materials[key].append(
                        {
                            "sha256": sha,
                            "size": len(data),
                            "name": name,
                            "content_type": content_type,
                        }
                    )
            self.state.applications.append(
                {
                    "id": platform_id,
                    "submitted_at": "2025-09-26T08:30:00+08:00",
                    "channel": channel,
                    "industry": industry,
                    "answers": answers,
                    "form": form,
                    "materials": materials,
                    "commitments": commitments or [],
                    **extra,
                }
            )
            return platform_id

    def applications_page(self, after: str, limit: int) -> dict[str, Any]:
        with self._lock:
            start = int(after) if after.isdigit() else 0
            page = self.state.applications[start : start + limit]
            return {"applications": list(page), "cursor": str(start + len(page))}

    def decide(self, platform_id: str, payload: Any) -> tuple[int, dict[str, Any]]:
        with self._lock:
            known = {a["id"] for a in self.state.applications}
            if platform_id not in known:
                return 404, {"message": "没有该申请"}
            if not isinstance(payload, dict) or payload.get("decision") not in (
                "accepted",
                "returned",
                "refused",
            ):
                return 422, {"message": "decision 无效"}
            if payload["decision"] == "accepted" and not payload.get("receipt_no"):
                return 422, {"message": "受理须有 receipt_no"}
            if payload["decision"] != "accepted" and not payload.get("reasons"):
                return 422, {"message": "退回或不予受理须有 reasons"}
            first = self.state.decisions.get(platform_id)
            if first is not None and first["idempotency_key"] != payload.get("idempotency_key"):
                return 409, {"message": "该申请已有答复"}
            self.state.decisions.setdefault(platform_id, payload)
            return 200, {
                "id": platform_id,
                "decision": self.state.decisions[platform_id]["decision"],
            }

    def register_enterprise(self, record: dict[str, Any]) -> None:
        with self._lock:
            self.state.enterprises[record["credit_code"]] = record

    def take_file(self, sha256: str, data: bytes) -> int:
        """An uploaded scan: 201 stored, 200 known already, 400 when the bytes are not the hash."""
        if hashlib.sha256(data).hexdigest() != sha256:
            return 400
        with self._lock:
            status = 200 if sha256 in self.state.files else 201
            self.state.files[sha256] = data
        return status

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
            path = urlsplit(self.path).path
            if path.startswith("/api/v1/applications/") and path.endswith("/decision"):
                self._decision(unquote(path.split("/")[4]), raw)
                return
            if path != "/api/v1/items":
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

        def _decision(self, platform_id: str, raw: bytes) -> None:
            if platform.take("error_decisions"):
                self._answer(500, {"message": "内部错误"})
                return
            try:
                payload = json.loads(raw)
            except ValueError:
                self._answer(400, {"message": "不是 JSON"})
                return
            status, body = platform.decide(platform_id, payload)
            key = str(payload.get("idempotency_key")) if isinstance(payload, dict) else ""
            platform.state.decision_posts.append((platform_id, key, status))
            if platform.take("drop_decisions"):
                self._drop()
                return
            self._answer(status, body)

        def _bytes(self, data: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _get_v11(self, path: str, query: dict[str, list[str]]) -> None:
            if path == "/api/v1/applications":
                if platform.take("error_applications"):
                    self._answer(503, {"message": "维护中"})
                    return
                after = query.get("after", [""])[0]
                limit = max(1, min(int(query.get("limit", ["100"])[0]), 1000))
                self._answer(200, platform.applications_page(after, limit))
            elif path.startswith("/api/v1/files/"):
                data = platform.state.files.get(path.rsplit("/", 1)[1])
                if data is None:
                    self._answer(404, {"message": "没有该文件"})
                elif platform.take("corrupt_files"):
                    self._bytes(data[:-1] + bytes([data[-1] ^ 1]))
                else:
                    self._bytes(data)
            else:
                code = unquote(path.rsplit("/", 1)[1])
                if platform.take("delay_lookups"):
                    time.sleep(platform.faults.delay)
                record = platform.state.enterprises.get(code)
                if record is None:
                    self._answer(404, {"message": "未找到该主体"})
                else:
                    self._answer(200, record)

        def do_PUT(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(length)
            if not self._authorised():
                return
            path = urlsplit(self.path).path
            if not platform.state.takes_files or not path.startswith("/api/v1/files/"):
                self._answer(404, {"message": "not found"})
                return
            if platform.take("error_file_puts"):
                self._answer(503, {"message": "维护中"})
                return
            sha256 = path.rsplit("/", 1)[1]
            status = platform.take_file(sha256, data)
            platform.state.file_puts.append((sha256, status))
            if status == 400:
                self._answer(status, {"message": "内容与哈希不符"})
            else:
                self._answer(status, {"sha256": sha256, "size": len(data)})

        def do_GET(self) -> None:
            if not self._authorised():
                return
            parts = urlsplit(self.path)
            if parts.path == "/api/v1/applications" or parts.path.startswith(
                ("/api/v1/files/", "/api/v1/enterprises/")
            ):
                self._get_v11(parts.path, parse_qs(parts.query))
                return
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
