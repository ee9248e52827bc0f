"""``yiye commitments list|verify``: the 告知承诺 checks, headless."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.output import iso_date, print_json
from desktop_app.commands.store import transaction
from desktop_app.services import auth, commitments


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("commitments", help="告知承诺核查").add_subparsers(
        dest="commitments_command", required=True
    )
    listing = parser.add_parser("list", help="列出待核查的告知承诺事项（最早到期的在前）")
    listing.add_argument("--due-before", type=iso_date, metavar="DATE")
    listing.add_argument("--all", action="store_true", help="连同已核查的")
    identity.add_arguments(listing, "以该用户的身份查看（审批人员只见本部门的）；", required=False)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    verify = parser.add_parser("verify", help="登记核查结果（该事项的审批部门）")
    verify.add_argument("number")
    verify.add_argument("permit")
    outcome = verify.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--pass", dest="passed", action="store_true", help="核查通过")
    outcome.add_argument("--fail", metavar="REASON", help="核查不通过：写明发现的问题（撤销许可）")
    verify.add_argument("--note", default="", help="核查通过时的情况说明")
    identity.add_arguments(verify, "该事项审批部门的审批人员")
    verify.set_defaults(func=_verify)


def _list(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args) if args.user else auth.SYSTEM
    with transaction(args, write=False) as session:
        rows = commitments.checks(session, actor, args.due_before, include_closed=args.all)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "enterprise": r.enterprise_name,
                    "permit": r.permit,
                    "department": r.department,
                    "permit_no": r.permit_no,
                    "due_on": r.due_on,
                    "state": r.state,
                    "overdue": r.overdue,
                    "note": r.note,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            late = "（已逾期）" if r.overdue else ""
            print(f"{r.number}\t{r.permit}\t{r.due_on.isoformat()}{late}\t{r.enterprise_name}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        revocation = commitments.verify(
            session,
            actor,
            args.number,
            args.permit,
            passed=args.passed,
            findings=args.note if args.passed else args.fail,
        )
    if revocation is None:
        print(f"已登记 {args.number} {args.permit} 核查通过")
    else:
        print(f"已登记 {args.number} {args.permit} 核查不通过，许可已撤销；撤销决定书 {revocation}")
    return 0
