"""``yiye supervision …``: 双随机、一公开 and 信用分类 headless — draw, verify, record, publish."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, iso_date, print_json
from desktop_app.commands.store import transaction
from desktop_app.domain.random_draw import CLASSES
from desktop_app.services import credit, enforcement, supervision


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("supervision", help="双随机抽查、结果公示、信用分类")
    group = parser.add_subparsers(dest="supervision_command", required=True)

    drawing = group.add_parser("draw", help="从检查对象名录随机抽取检查对象和检查人员")
    drawing.add_argument("--departments", required=True, metavar="CODES", help="部门代码，逗号分隔")
    drawing.add_argument("--industries", default="", metavar="CODES", help="行业代码（默认全部）")
    drawing.add_argument(
        "--ratio", required=True, metavar="A=0.05,B=0.1,C=0.2,D=0.5", help="各信用等级抽查比例"
    )
    drawing.add_argument("--seed", required=True, metavar="TEXT", help="抽取前确定并公开的随机种子")
    drawing.add_argument("--inspectors-per-target", type=int, default=1, metavar="N")
    drawing.add_argument("--json", action="store_true")
    identity.add_arguments(drawing, "抽取人（窗口负责人）")
    drawing.set_defaults(func=_draw)

    verify = group.add_parser("verify-draw", help="按保存的输入重新计算，核对抽取结果")
    verify.add_argument("draw_id", type=int, metavar="ID")
    verify.set_defaults(func=_verify)

    result = group.add_parser("record", help="登记抽查结果")
    result.add_argument("draw_id", type=int, metavar="DRAW_ID")
    result.add_argument("credit_code", metavar="CREDIT_CODE")
    outcome = result.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--ok", action="store_true", help="未发现问题")
    outcome.add_argument("--problem", metavar="FINDINGS", help="发现问题，写明问题")
    outcome.add_argument("--not-found", action="store_true", help="通过登记的住所无法联系")
    identity.add_arguments(result, "检查人员")
    result.set_defaults(func=_record)

    publish = group.add_parser("publish", help="抽查结果公示表（Excel 或可打印的 PDF）")
    publish.add_argument("draw_id", type=int, metavar="DRAW_ID")
    publish.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FILE.pdf")
    identity.add_arguments(publish, "公示人（窗口负责人）")
    publish.set_defaults(func=_publish)

    rating = group.add_parser("credit-set", help="人工调整主体信用等级（写明理由）")
    rating.add_argument("credit_code", metavar="CREDIT_CODE")
    rating.add_argument("credit_class", choices=CLASSES, metavar="CLASS")
    rating.add_argument("--reason", required=True)
    identity.add_arguments(rating, "窗口负责人")
    rating.set_defaults(func=_credit_set)

    conflict = group.add_parser("conflict", help="登记检查人员与主体的回避关系")
    conflict.add_argument("inspector", metavar="NAME")
    conflict.add_argument("credit_code", metavar="CREDIT_CODE")
    conflict.add_argument("--reason", required=True)
    identity.add_arguments(conflict, "窗口负责人或管理员")
    conflict.set_defaults(func=_conflict)

    measure = group.add_parser("order", help="对发现问题的检查对象作出处理（责令整改或撤销许可）")
    measure.add_argument("draw_id", type=int, metavar="DRAW_ID")
    measure.add_argument("credit_code", metavar="CREDIT_CODE")
    measure.add_argument("permit", metavar="PERMIT", help="证书上列明的许可证代码")
    how = measure.add_mutually_exclusive_group(required=True)
    how.add_argument("--rectify-by", type=iso_date, metavar="YYYY-MM-DD", help="责令限期整改")
    how.add_argument("--revoke", metavar="BASIS", help="撤销许可，写明依据")
    measure.add_argument("--findings", default="", help="发现的问题（默认：登记的抽查结果）")
    identity.add_arguments(measure, "主管部门审批或检查人员")
    measure.set_defaults(func=_order)

    done = group.add_parser("rectified", help="登记责令整改已完成（复查合格）")
    done.add_argument("measure_id", type=int, metavar="MEASURE_ID")
    done.add_argument("--note", required=True, help="整改复查情况")
    identity.add_arguments(done, "主管部门审批或检查人员")
    done.set_defaults(func=_rectified)

    listing = group.add_parser("measures", help="监管处理（责令整改、撤销许可）")
    listing.add_argument("--credit-code", metavar="CREDIT_CODE")
    listing.add_argument("--open", action="store_true", help="只列尚未完成的整改")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_measures)


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_ratios(text: str) -> dict[str, float]:
    ratios: dict[str, float] = {}
    for part in _codes(text):
        name, sep, value = part.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not sep or name.strip() not in CLASSES or not 0 <= number <= 1:
            fail(f"--ratio 中“{part}”无效：应为 等级=0 到 1 之间的比例，如 A=0.05,B=0.1")
        ratios[name.strip()] = number
    if not ratios:
        fail("--ratio 不能为空，如 A=0.05,B=0.1,C=0.2,D=0.5")
    return ratios


def _draw(args: argparse.Namespace) -> int:
    ratios = parse_ratios(args.ratio)
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        shown = supervision.draw(
            session,
            actor,
            catalog,
            _codes(args.departments),
            _codes(args.industries),
            ratios,
            args.seed,
            args.inspectors_per_target,
        )
    if args.json:
        print_json(
            {
                "draw_id": shown.id,
                "seed": shown.seed_text,
                "registry_size": shown.registry_size,
                "targets": [
                    {
                        "credit_code": t.credit_code,
                        "name": t.name,
                        "credit_class": t.credit_class,
                        "inspectors": [{"department": d, "inspector": n} for d, n in t.inspectors],
                    }
                    for t in shown.targets
                ],
            }
        )
        return 0
    print(f"抽取 {shown.id}：名录 {shown.registry_size} 户，抽中 {len(shown.targets)} 户")
    for t in shown.targets:
        names = "、".join(n for _, n in t.inspectors)
        print(f"{t.position}\t{t.credit_code}\t{t.name}\t{t.credit_class}\t{names}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        same, message = supervision.verify(session, args.draw_id)
    if not same:
        fail(message)
    print(message)
    return 0


def _record(args: argparse.Namespace) -> int:
    if args.ok:
        result, findings = "ok", ""
    elif args.problem is not None:
        result, findings = "problem", args.problem
    else:
        result, findings = "not_found", ""
    actor = identity.signed_in(args)
    with transaction(args) as session:
        supervision.record(session, actor, args.draw_id, args.credit_code, result, findings)
    print(f"已登记抽取 {args.draw_id} 中 {args.credit_code} 的结果：{supervision.RESULTS[result]}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in (".xlsx", ".pdf"):
        fail("--out 应为 .xlsx 或 .pdf 文件")
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        count = supervision.publish(session, actor, catalog, args.draw_id, args.out)
    print(f"已写入 {args.out}：抽取 {args.draw_id} 的 {count} 个检查对象")
    return 0


def _credit_set(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        credit.set_class(session, actor, args.credit_code, args.credit_class, args.reason)
    print(f"已将 {args.credit_code} 的信用等级调整为 {credit.CLASS_NAMES[args.credit_class]}")
    return 0


def _conflict(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        supervision.add_conflict(session, actor, args.inspector, args.credit_code, args.reason)
    print(f"已登记 {args.inspector} 对 {args.credit_code} 回避")
    return 0


def _order(args: argparse.Namespace) -> int:
    kind = "rectify" if args.rectify_by is not None else "revoke"
    actor = identity.signed_in(args)
    with transaction(args) as session:
        shown = enforcement.order(
            session,
            actor,
            args.draw_id,
            args.credit_code,
            kind,
            args.permit,
            args.findings,
            due_on=args.rectify_by,
            basis=args.revoke or "",
        )
    document = f"，撤销行政许可决定书 {shown.document}" if shown.document else ""
    print(f"已作出处理 {shown.id}（证书 {shown.certificate_number}）：{shown.label}{document}")
    return 0


def _rectified(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        shown = enforcement.close(session, actor, args.measure_id, args.note)
    print(f"已登记处理 {shown.id}：{shown.label}")
    return 0


def _measures(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = enforcement.measures(session, args.credit_code, args.open)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "credit_code": r.credit_code,
                    "certificate": r.certificate_number,
                    "permit": r.permit,
                    "kind": r.kind,
                    "findings": r.findings,
                    "due_on": r.due_on,
                    "closed_on": r.closed_on,
                    "document": r.document,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(f"{r.id}\t{r.credit_code}\t{r.certificate_number}\t{r.label}")
    if not rows:
        print("没有监管处理")
    return 0
