"""`yiye feed watch` in a second process, the way another counter of the hall would see changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def yiye(url: str, *argv: str) -> list[str]:
    """The ``yiye`` command line on ``url``."""
    return [sys.executable, "-m", "desktop_app", "--database", url, *argv]


def watch_feed(url: str, *options: str) -> subprocess.Popen[str]:
    """Starts the watcher and returns once it says it listens (its first line on stderr)."""
    watch = subprocess.Popen(
        yiye(url, "feed", "watch", *options),
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert watch.stderr is not None
    if "正在监听变更" not in watch.stderr.readline():
        watch.kill()
        raise AssertionError("yiye feed watch did not start listening")
    return watch
