"""``yiye inspections …``: 一同核查 headless — schedule, record, rectified, list, print."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.case_steps import write_document
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import transaction
from desktop_app.services import inspections

PRINTS = {
    "notice": "inspection_notice",
    "record": "inspection_record",
    "rectification": "rectification",
}


def register(commands: argparse._SubParsersAction[Any]) -> None:
    group = commands.add_parser(
        "inspections", help="一同核查：联合现场核查、整改、复查"
    ).add_subparsers(dest="inspections_command", required=True)
    listing = group.add_parser("list", help="需要现场核查的在办件及其核查状态")
    listing.add_argument("--department", metavar="CODE", help="只列本部门的事项")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)

    plan = group.add_parser("schedule", help="安排联合现场核查（或复查）")
    plan.add_argument("number")
    plan.add_argument(
        "--at", required=True, metavar="YYYY-MM-DD HH:MM", help="核查时间（北京时间）"
    )
    plan.add_argument("--inspectors", required=True, metavar="NAME,NAME", help="检查人员用户名")
    plan.add_argument("--site", help="核查地点（默认：经营场所地址）")
    identity.add_arguments(plan, "安排人（部门审批人员或窗口负责人）")
    plan.set_defaults(func=_schedule)

    result = group.add_parser("record", help="登记本部门事项的核查结论")
    result.add_argument("number")
    result.add_argument("permit", metavar="PERMIT")
    outcome = result.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--pass", dest="passed", action="store_true", help="合格")
    outcome.add_argument("--rectify", metavar="FINDINGS", help="需整改，写明整改意见")
    outcome.add_argument("--fail", metavar="REASON", help="不合格，写明理由")
    identity.add_arguments(result, "检查人员")
    result.set_defaults(func=_record)

    done = group.add_parser("rectified", help="登记申请人报告整改完成（审批时限继续计算）")
    done.add_argument("number")
    identity.add_arguments(done, "窗口人员")
    done.set_defaults(func=_rectified)

    printing = group.add_parser("print", help="现场核查通知书、记录表或整改意见书写成 PDF")
    printing.add_argument("number")
    printing.add_argument("document", choices=sorted(PRINTS))
    printing.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    identity.add_arguments(printing, "打印人（记入该文书的打印记录）", required=False)
    printing.set_defaults(func=_print)


def _at(text: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        fail(f"--at 应为“YYYY-MM-DD HH:MM”（北京时间），收到：{text}")


def _list(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = inspections.open_cases(session, args.department)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "enterprise": r.enterprise,
                    "items": [
                        {"permit": i.permit, "department": i.department, "status": i.status}
                        for i in r.items
                    ],
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        for i in r.items:
            print(f"{r.number}\t{r.enterprise}\t{i.permit}\t{i.department}\t{i.status}")
    if not rows:
        print("没有需要现场核查的在办件")
    return 0


def _schedule(args: argparse.Namespace) -> int:
    at = _at(args.at)
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        view = inspections.schedule(
            session, actor, catalog, args.number, at, args.inspectors.split(","), args.site
        )
    print(f"已安排 {args.number} 的{view.title}：{view.scheduled_at:%Y-%m-%d %H:%M}，{view.site}")
    return 0


def _record(args: argparse.Namespace) -> int:
    outcome, findings = (
        ("pass", "")
        if args.passed
        else ("rectify", args.rectify)
        if args.rectify
        else ("fail", args.fail)
    )
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        view = inspections.record(
            session, actor, catalog, args.number, args.permit, outcome, findings
        )
    ended = "，本次核查结果已齐" if view.state == "done" else ""
    print(f"已登记 {args.number} {args.permit} 的核查结论：{inspections.OUTCOMES[outcome]}{ended}")
    return 0


def _rectified(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        inspections.report_rectified(session, actor, catalog, args.number)
    print(f"已登记 {args.number} 整改完成，可安排复查")
    return 0


def _print(args: argparse.Namespace) -> int:
    return write_document(args, args.number, PRINTS[args.document], args.out)
