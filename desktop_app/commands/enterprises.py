"""``yiye enterprises show|lookup``: what the counter knows of an enterprise, and the platform.

``show`` is the master data in force, its history, and the values the form would be filled
with from earlier approved applications (each with its source); ``lookup`` asks the platform's
business-licence service (protocol v1.1) and shows what it would fill.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import transaction
from desktop_app.commands.sync import client_or_fail
from desktop_app.domain.identifiers import check_credit_code
from desktop_app.services import credit, master_data
from desktop_app.sync.client import PlatformError


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("enterprises", help="市场主体（不再重复提交）").add_subparsers(
        dest="enterprises_command", required=True
    )
    show = parser.add_parser("show", help="本系统中的主体信息、历史及可带出的表单值")
    show.add_argument("credit_code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)
    lookup = parser.add_parser("lookup", help="向区域平台查询营业执照信息")
    lookup.add_argument("credit_code")
    lookup.add_argument("--json", action="store_true")
    lookup.set_defaults(func=_lookup)


def _code(text: str) -> str:
    checked = check_credit_code(text)
    if not checked.ok:
        fail(f"统一社会信用代码有误：{checked.error}")
    return checked.value


def _show(args: argparse.Namespace) -> int:
    code = _code(args.credit_code)
    catalog = load_or_fail(args)
    with transaction(args, write=False) as session:
        data = master_data.master_data(session, code)
        prefill = master_data.from_earlier_cases(session, catalog, code)
        credit_class = credit.classes_of(session, [code])[code]
    if data is None:
        fail(f"本系统中没有统一社会信用代码为 {code} 的主体")
    if args.json:
        print_json({**asdict(data), "credit_class": credit_class, "prefill": prefill.as_json()})
        return 0
    print(f"{data.credit_code}  {data.name}  法定代表人 {data.legal_rep_name}  {data.address}")
    print(f"  信用等级：{credit.CLASS_NAMES[credit_class]}")
    for key, item in prefill.as_json().items():
        print(f"  {key}：{item['value']}（{item['source']}）")
    return 0


def _lookup(args: argparse.Namespace) -> int:
    code = _code(args.credit_code)
    catalog = load_or_fail(args)
    try:
        record = client_or_fail().enterprise(code)
    except PlatformError as exc:
        fail(f"平台查询失败：{exc.message}", 1)
    if record is None:
        fail(f"平台没有统一社会信用代码为 {code} 的主体")
    prefill = master_data.from_licence(catalog, record)
    if args.json:
        print_json({"licence": record, "prefill": prefill.as_json()})
        return 0
    for key, item in prefill.as_json().items():
        print(f"{key}：{item['value']}")
    return 0
