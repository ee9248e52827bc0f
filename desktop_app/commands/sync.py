"""`yiye feed watch`: the hall's change feed on stdout; `yiye sync …`: the platform exchange."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
from typing import Any

from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import open_or_fail
from desktop_app.sync.client import PlatformClient
from desktop_app.sync.config import URL_ENV, PlatformConfigError, platform_config
from desktop_app.sync.exchange import run_once, status
from desktop_app.sync.feed import Change, FeedWatcher


def register(commands: argparse._SubParsersAction[Any]) -> None:
    feed = commands.add_parser("feed", help="本厅各窗口的变更").add_subparsers(
        dest="feed_command", required=True
    )
    watch = feed.add_parser("watch", help="持续输出其他窗口的变更（每行一个 JSON）")
    watch.add_argument("--seconds", type=float, help="运行多少秒后退出（默认一直运行）")
    watch.set_defaults(func=_watch)

    sync = commands.add_parser("sync", help="与区域一业一证平台交换").add_subparsers(
        dest="sync_command", required=True
    )
    once = sync.add_parser(
        "once", help="交换一轮：发送待发事项，取回并应用新事件（平台应答则退出码 0）"
    )
    once.set_defaults(func=_once)
    state = sync.add_parser("status", help="待发数量、事件游标、最近成功与最近错误")
    state.add_argument("--json", action="store_true")
    state.set_defaults(func=_status)


def _watch(args: argparse.Namespace) -> int:
    store = open_or_fail(args)

    def changes(batch: list[Change]) -> None:
        for change in batch:
            line = {
                "seq": change.seq,
                "at": change.at.isoformat(),
                "actor": change.actor,
                "action": change.action,
                "subject": change.subject,
            }
            print(json.dumps(line, ensure_ascii=False), flush=True)

    def status(problem: str | None) -> None:
        print(f"yiye：{problem}" if problem else "yiye：数据库已恢复连接", file=sys.stderr)

    watcher = FeedWatcher(store, changes, status)
    watcher.start()
    # Said on stderr once the cursor is set: whoever waits for changes may start now.
    while watcher.cursor is None:
        threading.Event().wait(0.05)
    print("yiye：正在监听变更", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C ends the watch
        threading.Event().wait(args.seconds)
    watcher.stop()
    store.dispose()
    return 0


def client_or_fail() -> PlatformClient:
    try:
        config = platform_config()
    except PlatformConfigError as exc:
        fail(str(exc))
    if not config.enabled:
        fail(f"未配置区域平台地址（设置，或环境变量 {URL_ENV}）")
    return PlatformClient(config.url, config.token)


def _once(args: argparse.Namespace) -> int:
    client = client_or_fail()
    store = open_or_fail(args, write=True)
    try:
        result = run_once(store, client)
    finally:
        store.dispose()
    print_json(
        {
            "answered": result.answered,
            "sent": result.sent,
            "refused": result.refused,
            "retry_later": result.retry_later,
            "pages": result.pages,
            "applied": result.applied,
            "duplicates": result.duplicates,
            "ignored": result.ignored,
            "errors": result.errors,
            "online_new": result.online_new,
            "online_invalid": result.online_invalid,
            "decisions_sent": result.decisions_sent,
        }
    )
    if not result.answered:
        print(f"yiye：平台未应答：{result.errors[-1]}", file=sys.stderr)
    return 0 if result.answered else 1


def _status(args: argparse.Namespace) -> int:
    store = open_or_fail(args)
    try:
        with store.read() as session:
            current = status(session)
    finally:
        store.dispose()
    if args.json:
        print_json(current.as_json())
    else:
        print(f"待发送：{current.outbox}　平台退回：{current.refused}")
        print(f"事件游标：{current.cursor or '—'}")
        print(f"最近成功：{current.last_success or '—'}")
        print(f"最近错误：{current.last_error or '—'}")
    return 0
