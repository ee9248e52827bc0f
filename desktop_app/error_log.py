"""Unexpected errors: the traceback to a rotating log in the data folder, one line to the user.

The CLI and the GUI each catch every exception in one place; a refusal the services foresaw
(``ServiceError``) is worded for the user and needs no log, anything else is an internal error
that the administrator reads here.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from desktop_app import clock
from desktop_app.paths import user_data_dir

LOG_NAME = "yiye-errors.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5  # about 6 MB of history at most


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_NAME


def _logger() -> logging.Logger:
    logger = logging.getLogger("yiye.errors")
    path = log_path()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        for handler in list(logger.handlers):  # the data folder moved (tests): follow it
            logger.removeHandler(handler)
            handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        logger.addHandler(handler)
        logger.setLevel(logging.ERROR)
        logger.propagate = False
    return logger


def record(exc: BaseException, context: str) -> Path:
    """Appends the traceback of ``exc`` with what was being done; returns the log's path."""
    stamp = clock.wall_time().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    _logger().error("%s  %s\n%s", stamp, context, text.rstrip())
    for handler in _logger().handlers:
        handler.flush()
    return log_path()


def summary(exc: BaseException, limit: int = 160) -> str:
    """One line saying what went wrong (the exception's own first line, shortened)."""
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    text = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def internal_error_message(exc: BaseException, context: str) -> str:
    """Logs ``exc`` and returns the one line the user reads, naming the log file."""
    try:
        path: Path | str = record(exc, context)
    except OSError as log_error:  # a full disk or a read-only folder: say so, never crash here
        path = f"（日志未能写入：{log_error.strerror or log_error}）"
    return f"内部错误：{summary(exc)}。详细信息已写入 {path}，请交给系统管理员"
