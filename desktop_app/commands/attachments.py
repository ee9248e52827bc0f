"""``yiye cases attach|attachments|check``: scans of a case's materials and window checks, headless.

The same service, checks and audit as the wizard's material list: for scripts and batch entry.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop_app.commands import identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import transaction
from desktop_app.domain.file_kinds import megabytes
from desktop_app.services import attachments


def register(cases: argparse._SubParsersAction[Any]) -> None:
    attach = cases.add_parser("attach", help="为办件的一项材料添加扫描件（PDF、JPEG 或 PNG）")
    attach.add_argument("number")
    attach.add_argument("material", metavar="MATERIAL_KEY")
    attach.add_argument("file", type=Path, metavar="FILE")
    attach.add_argument(
        "--source", choices=sorted(attachments.SOURCES), default="file", help="来源（默认 file）"
    )
    identity.add_arguments(attach, "窗口人员")
    attach.set_defaults(func=_attach)

    listing = cases.add_parser("attachments", help="列出办件材料的扫描件和窗口核验记录")
    listing.add_argument("number")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_attachments)

    check = cases.add_parser("check", help="登记窗口核验的材料（核验原件或证照库，不收复印件）")
    check.add_argument("number")
    check.add_argument("material", metavar="MATERIAL_KEY")
    check.add_argument("--source", required=True, help="核验来源，如“国家企业信用信息公示系统”")
    check.add_argument("--document-no", required=True, help="所核证照的编号")
    identity.add_arguments(check, "窗口人员")
    check.set_defaults(func=_check)


def read_scan(path: Path) -> bytes:
    try:
        return attachments.read_scan_file(path)
    except attachments.AttachmentRefusedError as exc:
        fail(exc.message)


def _attach(args: argparse.Namespace) -> int:
    data = read_scan(args.file)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        attached = attachments.attach(
            session, actor, args.number, args.material, data, args.file.name, args.source
        )
    print(
        f"已为 {args.number} 的材料 {args.material} 添加 {attached.name}"
        f"（{megabytes(attached.size)}，sha256 {attached.sha256[:12]}…）"
    )
    return 0


def _attachments(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        files = attachments.of_case(session, args.number)
        checks = attachments.checks_of_case(session, args.number)
    if args.json:
        print_json(
            {
                "number": args.number,
                "files": [asdict(f) for f in files],
                "checks": [asdict(c) for c in checks],
            }
        )
        return 0
    for f in files:
        print(f"{f.material_key}\t{f.name}\t{megabytes(f.size)}\t{f.sha256[:12]}…\t{f.attached_by}")
    for c in checks:
        print(f"{c.material_key}\t核验：{c.source} {c.document_no}\t{c.checked_by}")
    if not files and not checks:
        print(f"{args.number} 没有扫描件，也没有窗口核验记录")
    return 0


def _check(args: argparse.Namespace) -> int:
    actor = identity.signed_in(args)
    catalog = load_or_fail(args)
    with transaction(args) as session:
        attachments.record_check(
            session, actor, catalog, args.number, args.material, args.source, args.document_no
        )
    print(
        f"已登记 {args.number} 的材料 {args.material} 窗口核验（{args.source} {args.document_no}）"
    )
    return 0
