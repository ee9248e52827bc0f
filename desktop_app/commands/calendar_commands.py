"""``yiye calendar``: next year's holidays (imported by an administrator), status, deadlines."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.output import fail, iso_date, print_json
from desktop_app.commands.store import transaction
from desktop_app.services import calendar


def register(commands: argparse._SubParsersAction[Any]) -> None:
    cal = commands.add_parser("calendar", help="工作日历").add_subparsers(
        dest="calendar_command", required=True
    )
    importing = cal.add_parser("import", help="导入一年的节假日安排（文本文件，格式见 README）")
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--replace", action="store_true", help="更正已导入的年份（未办结办件的期限随之重算）"
    )
    identity.add_arguments(importing, "系统管理员")
    importing.set_defaults(func=_import)
    state = cal.add_parser("status", help="已导入的年份；明年的安排是否尚缺")
    state.add_argument("--json", action="store_true")
    state.set_defaults(func=_status)
    due = cal.add_parser("due", help="计算期限：起始日后第 N 个工作日（起始日不计入）")
    due.add_argument("start", type=iso_date, metavar="START")
    due.add_argument("days", type=int, metavar="N")
    due.set_defaults(func=_due)


def _import(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        imported = calendar.import_year_file(session, actor, args.file, args.replace)
    what = "已更正" if imported.replaced else "已导入"
    print(f"{what} {args.file}：全年 {imported.working_days} 个工作日")
    for moved in imported.moved:
        print(f"  期限调整：{moved.number} {moved.permit} {moved.before} → {moved.after}")
    return 0


def _status(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        known = calendar.status(session)
    if args.json:
        print_json(known.as_json())
        return 0
    first, last = (known.years[0], known.years[-1]) if known.years else ("—", "—")
    print(f"工作日历：{first}—{last} 年（共 {len(known.years)} 年）")
    if known.next_year_missing:
        print(f"尚未导入 {known.today.year + 1} 年节假日安排：跨入该年的期限暂按周末计算（暂定）")
    if known.provisional_items:
        print(f"暂定期限的事项：{known.provisional_items} 项（导入后自动重算）")
    return 0


def _due(args: argparse.Namespace) -> int:
    if args.days < 0:
        fail("工作日数不能为负")
    with transaction(args, write=False) as session:
        due = calendar.calendar_from(session, args.start).add_working_days(args.start, args.days)
    # A date over a year whose holidays are not imported yet counts weekends only: say so.
    print(due.day.isoformat() + ("（暂定：该年节假日安排尚未导入）" if due.provisional else ""))
    return 0
