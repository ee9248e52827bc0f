"""The ``yiye`` command: the counter GUI by default, headless sub-commands for admins and scripts.

Qt is imported only when the GUI starts, so scripts and CI run the sub-commands without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from desktop_app import __version__, collector
from desktop_app.commands.output import EXIT_INTERNAL, EXIT_USAGE, fail


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one Chinese line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}：参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="yiye", description="同心县“一业一证”窗口综合受理系统")
    parser.add_argument("--version", action="version", version=f"yiye {__version__}")
    parser.add_argument(
        "--database", metavar="URL", help="数据库地址（默认：用户数据目录中的 SQLite）"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="离屏启动整个程序，首次绘制后退出（自检）"
    )
    # The command modules (SQLAlchemy, Alembic, cryptography …) load only for the sub-commands.
    from desktop_app.commands import (
        audit_trail,
        calendar_commands,
        cases,
        catalog,
        certificates,
        commitments,
        counter_settings,
        enterprises,
        inspections,
        online,
        store,
        supervision,
        sync,
        users,
    )

    # Sub-parsers are created with the parent's class, so they too answer in Chinese.
    commands = parser.add_subparsers(dest="command")
    catalog.register(commands)
    store.register(commands)
    audit_trail.register(commands)
    users.register(commands)
    calendar_commands.register(commands)
    cases.register(commands)
    commitments.register(commands)
    certificates.register(commands)
    sync.register(commands)
    online.register(commands)
    inspections.register(commands)
    supervision.register(commands)
    enterprises.register(commands)
    counter_settings.register(commands)
    return parser


def _configure_streams() -> None:
    # Piped output on a Chinese Windows defaults to GBK; scripts reading our JSON expect UTF-8.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _gui_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's options when ``argv`` names no sub-command (without the full parser)."""
    light = argparse.ArgumentParser(add_help=False)
    light.add_argument("--database")
    light.add_argument("--smoke", action="store_true")
    known, rest = light.parse_known_args(argv)
    return None if rest else known


def _run_command(args: argparse.Namespace, arguments: Sequence[str]) -> int:
    """Runs a sub-command; every failure becomes one line: exit 2 refused, 1 internal (logged)."""
    from desktop_app import error_log
    from desktop_app.services.errors import ServiceError

    try:
        return int(args.func(args))
    except ServiceError as exc:
        fail(exc.message)
    except KeyboardInterrupt:
        fail("已中断", 130)
    except BrokenPipeError:  # the reader went away (`yiye … | head`): nothing left to say
        return 0
    except Exception as exc:
        fail(error_log.internal_error_message(exc, "yiye " + " ".join(arguments)), EXIT_INTERNAL)


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The counter's start-up path: paint the login dialog before loading the headless machinery.
    args = _gui_options(arguments)
    if args is None:
        args = build_parser().parse_args(arguments)
        if args.command is not None:
            return _run_command(args, arguments)
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif _no_display():
        fail(
            "没有可用的图形显示（未设置 DISPLAY）。无显示器的机器请用 `xvfb-run yiye` 启动，"
            "或用 `yiye --smoke` 离屏自检。No display: run `xvfb-run yiye`."
        )
    collector.pause_during_start()  # resumed once the store and catalog are loaded
    from desktop_app.ui.app import run_gui  # Qt loads only for the GUI.

    return run_gui(database_url=args.database, smoke=args.smoke)
