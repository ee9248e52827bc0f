"""`yiye feed watch`: the hall's change feed on stdout; `yiye sync …`: the platform exchange."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
from typing import Any

from desktop_app.commands.store import open_or_fail
from desktop_app.sync.feed import Change, FeedWatcher


def register(commands: argparse._SubParsersAction[Any]) -> None:
    feed = commands.add_parser("feed", help="本厅各窗口的变更").add_subparsers(
        dest="feed_command", required=True
    )
    watch = feed.add_parser("watch", help="持续输出其他窗口的变更（每行一个 JSON）")
    watch.add_argument("--seconds", type=float, help="运行多少秒后退出（默认一直运行）")
    watch.set_defaults(func=_watch)


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
