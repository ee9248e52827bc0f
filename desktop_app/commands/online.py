"""``yiye online``: applications submitted online, pre-checked (预审) at the counter, headless.

The same services, checks and audit as the 网上申请 screen. ``yiye sync once`` fetches new ones
and sends the answers; ``accept`` fetches the application's files from the platform first.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import open_or_fail, transaction
from desktop_app.commands.sync import client_or_fail
from desktop_app.services import online
from desktop_app.services.errors import ServiceError
from desktop_app.sync.client import PlatformError
from desktop_app.sync.config import platform_departments
from desktop_app.sync.online_exchange import fetch_files


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("online", help="网上申请（一网通办）").add_subparsers(
        dest="online_command", required=True
    )
    listing = parser.add_parser("list", help="列出网上申请（待预审的在前）")
    listing.add_argument("--state", choices=sorted(online.STATE_NAMES))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)

    accept = parser.add_parser("accept", help="预审通过：受理（与窗口受理相同的检查）")
    accept.add_argument("id", type=int)
    identity.add_arguments(accept, "窗口人员")
    accept.set_defaults(func=_accept)

    back = parser.add_parser("return", help="退回补正（理由转告申请人）")
    back.add_argument("id", type=int)
    back.add_argument("--reason", action="append", required=True, help="可重复，每条一个理由")
    identity.add_arguments(back, "窗口人员")
    back.set_defaults(func=_return)

    refuse = parser.add_parser("refuse", help="不予受理（理由转告申请人）")
    refuse.add_argument("id", type=int)
    refuse.add_argument("--reason", required=True)
    identity.add_arguments(refuse, "窗口人员")
    refuse.set_defaults(func=_refuse)


def _list(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = online.listing(session, args.state)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.id}\t{online.STATE_NAMES.get(r.state, r.state)}\t{r.industry or ''}\t"
            f"{r.enterprise_name}\t{r.receipt_no or ''}"
        )
    if not rows:
        print("没有网上申请")
    return 0


def _accept(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    store = open_or_fail(args, write=True)
    try:
        with store.read() as session:
            missing = online.missing_files(session, args.id)
        if missing:
            fetch_files(store, client_or_fail(), actor, args.id)
    except PlatformError as exc:
        fail(f"网上申请 {args.id} 的材料文件暂时无法取得：{exc.message}（未受理，可稍后再试）")
    except ServiceError as exc:
        fail(exc.message)
    finally:
        store.dispose()
    with transaction(args) as session:
        receipt = online.accept(
            session, actor, catalog, args.id, platform_departments(catalog.departments)
        )
    print(f"已受理网上申请 {args.id}：受理编号 {receipt.number}")
    return 0


def _return(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        online.return_for_correction(session, actor, args.id, args.reason)
    print(f"已退回网上申请 {args.id}（补正理由将发往平台）")
    return 0


def _refuse(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        online.refuse(session, actor, args.id, args.reason)
    print(f"网上申请 {args.id} 不予受理（理由将发往平台）")
    return 0
