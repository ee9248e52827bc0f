"""Who acts on a headless command: the user named, proven by their password.

A bare ``--user NAME`` once let anyone with a shell on a counter act as anyone, a locked-out
user included. The password comes from a prompt on a terminal, or from standard input with
``--password-stdin`` (scripts), and goes through the log-in the screens use: the same lock-out
after five failures, the same audit.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop_app.commands.output import fail
from desktop_app.commands.store import open_or_fail
from desktop_app.services import auth
from desktop_app.services.auth import Actor
from desktop_app.services.errors import LoginError


def add_arguments(parser: argparse.ArgumentParser, who: str, required: bool = True) -> None:
    parser.add_argument("--user", required=required, help=f"{who}用户名（须验证密码）")
    parser.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读取密码（脚本用；否则提示输入）"
    )


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        fail("须验证用户密码：在终端中运行以输入密码，或加 --password-stdin 从标准输入提供")
    return getpass.getpass(f"{args.user} 的密码：")


def signed_in(args: argparse.Namespace) -> Actor:
    """The user of ``--user``, once their password is right (exit 2 with the reason if not)."""
    password = _password(args)
    store = open_or_fail(args, write=True)
    try:
        return auth.login(store.write, args.user, password)
    except LoginError as exc:
        fail(exc.message)
    finally:
        store.dispose()
