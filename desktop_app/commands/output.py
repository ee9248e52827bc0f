"""How every sub-command reports: JSON on stdout, one Chinese line on stderr for errors."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, NoReturn

EXIT_USAGE = 2  # refused: bad input, or a rule the services enforce
EXIT_INTERNAL = 1  # anything else; the traceback is in the error log


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    print(f"yiye：{message}", file=sys.stderr)
    sys.exit(code)


def iso_date(text: str) -> dt.date:
    """An argparse ``type`` for dates: a bad one is refused with one Chinese line."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text!r}") from None


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
