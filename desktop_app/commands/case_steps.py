"""``yiye cases receive|deferred|terminate|documents|print``: a case's later steps, headless.

The same services, checks and audit as the 办件 screen: for batch entry and for scripts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import transaction
from desktop_app.printing import documents as rendering
from desktop_app.services import audit, deferred, documents

WAYS = ("paper", "scan", "electronic")


def register(cases: argparse._SubParsersAction[Any]) -> None:
    receive = cases.add_parser("receive", help="登记容缺材料已补交")
    receive.add_argument("number")
    receive.add_argument("material", metavar="MATERIAL_KEY")
    receive.add_argument("--how", choices=WAYS, default="paper", help="收取方式（默认 paper）")
    identity.add_arguments(receive, "窗口人员")
    receive.set_defaults(func=_receive)

    listing = cases.add_parser("deferred", help="列出尚未补交的容缺材料")
    listing.add_argument("--overdue", action="store_true", help="只列已逾期的")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_deferred)

    terminate = cases.add_parser("terminate", help="终止办理（窗口负责人），出具终止办理告知书")
    terminate.add_argument("number")
    terminate.add_argument("--reason", required=True)
    identity.add_arguments(terminate, "窗口负责人")
    terminate.set_defaults(func=_terminate)

    docs = cases.add_parser("documents", help="列出办件已出具的文书及打印记录")
    docs.add_argument("number", help="受理编号，或补正/不予受理文书的编号")
    docs.add_argument("--json", action="store_true")
    docs.set_defaults(func=_documents)

    printing = cases.add_parser("print", help="把一份文书写成 PDF 文件")
    printing.add_argument("number", help="受理编号，或补正/不予受理文书的编号")
    printing.add_argument("kind", choices=sorted(documents.KINDS), metavar="KIND")
    printing.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    identity.add_arguments(printing, "打印人（记入该文书的打印记录）", required=False)
    printing.set_defaults(func=_print)


def _receive(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    with transaction(args) as session:
        deferred.receive(session, actor, args.number, args.material, args.how)
    print(f"已登记 {args.number} 的容缺材料 {args.material}（{deferred.RECEIPT_WAYS[args.how]}）")
    return 0


def _deferred(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    with transaction(args, write=False) as session:
        rows = deferred.outstanding(session, catalog, overdue_only=args.overdue)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "enterprise": r.enterprise_name,
                    "material": r.key,
                    "name": r.name,
                    "permits": list(r.permits),
                    "due_on": r.due_on,
                    "overdue": r.overdue,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            late = "（已逾期）" if r.overdue else ""
            print(f"{r.number}\t{r.name}\t{r.due_on.isoformat()}{late}\t{r.enterprise_name}")
    return 0


def _terminate(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        notice = deferred.terminate(session, actor, catalog, args.number, args.reason)
    print(f"已终止办理 {args.number}，终止办理告知书 {notice}")
    return 0


def _documents(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = documents.for_case(session, args.number)
    if args.json:
        print_json(
            [
                {
                    "kind": r.kind,
                    "title": r.title,
                    "number": r.number,
                    "issued_at": r.issued_at,
                    "issued_by": r.issued_by,
                    "prints": [{"at": p.at, "by": p.user, "printer": p.printer} for p in r.prints],
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.number}\t{r.title}\t{r.issued_at:%Y-%m-%d %H:%M}\t{r.issued_by}")
    return 0


def _print(args: argparse.Namespace) -> int:
    return write_document(args, args.number, args.kind, args.out)


def write_document(args: argparse.Namespace, number: str, kind: str, out: Path) -> int:
    """The newest document of ``kind`` of case ``number`` as a PDF file (print recorded)."""
    if out.suffix.lower() != ".pdf":
        fail("--out 应为 .pdf 文件")
    actor = identity.signed_in(args) if args.user else None
    with transaction(args) as session:
        document = documents.find(session, number, kind)
        pdf = rendering.render(document.kind, document.number, document.content)
        try:
            out.write_bytes(pdf)
        except OSError as exc:
            fail(f"无法写入 {out}：{exc.strerror or exc}")
        if actor is not None:
            documents.record_print(session, actor, document.id, f"文件 {out.name}")
        else:  # a copy to a file, no one named: audited all the same
            audit.record(session, "system", "export_document", document.number, {"file": str(out)})
    print(f"已写入 {out}：{document.title} {document.number}")
    return 0
