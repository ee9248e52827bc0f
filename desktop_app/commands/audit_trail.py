"""``yiye audit``: the chain checked against its counter, an anchor and the tables; anchoring."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app import config, integrity
from desktop_app.commands import identity
from desktop_app.commands.output import fail
from desktop_app.commands.store import open_or_fail
from desktop_app.domain import json_guard, keys
from desktop_app.services import audit, audit_anchor, auth
from desktop_app.services.audit_anchor import Anchor, AnchorError

MAX_ANCHOR = 16 * 1024


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("audit", help="审计日志").add_subparsers(
        dest="audit_command", required=True
    )
    verify = parser.add_parser(
        "verify", help="校验审计日志：哈希链、计数器、锚点，以及办件和证书与记录是否相符"
    )
    verify.add_argument(
        "--anchor", type=Path, metavar="FILE", help="审计人员保存的锚点文件（yiye audit anchor）"
    )
    verify.set_defaults(func=_verify)
    anchor = parser.add_parser("anchor", help="用签发密钥签署审计日志的末条，写入锚点文件")
    anchor.add_argument("--out", type=Path, required=True, metavar="FILE")
    identity.add_arguments(anchor, "审计人员或系统管理员")
    anchor.set_defaults(func=_anchor)


def _read_anchor(path: Path) -> Anchor:
    try:
        with path.open("rb") as file:
            text = file.read(MAX_ANCHOR + 1).decode("utf-8-sig")
        data = json_guard.loads(text, MAX_ANCHOR)
        trusted = keys.trusted_keys(config.trusted_key_folders())
        return audit_anchor.read_anchor(data, trusted)
    except OSError as exc:
        fail(f"无法读取锚点文件 {path}：{exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"锚点文件 {path} 不是 UTF-8 文本")
    except (json_guard.JsonShapeError, AnchorError) as exc:
        fail(f"锚点文件 {path} 有误：{exc}")


def _verify(args: argparse.Namespace) -> int:
    anchor = _read_anchor(args.anchor) if args.anchor is not None else None
    store = open_or_fail(args)
    try:
        findings: list[str] = []
        damaged = integrity.check_store(store).findings
        if damaged:
            findings.append(f"数据库文件已损坏（{damaged[0]}）：详见 yiye db check")
        with store.read() as session:
            report = audit.verify_chain(session)
            if not report.ok:
                findings.append(f"第 {report.first_bad_seq} 条记录：{report.reason}")
            else:
                counter = audit_anchor.check_counter(session, report.entries)
                if counter:
                    findings.append(counter)
            if anchor is not None:
                problem = audit_anchor.check_anchor(session, anchor)
                if problem:
                    findings.append(problem)
            findings.extend(audit_anchor.check_records(session))
    finally:
        store.dispose()
    if not findings:
        anchored = f"；与锚点（{anchor.at}，第 {anchor.seq} 条）相符" if anchor else ""
        print(f"审计日志完整：共 {report.entries} 条记录，办件和证书与记录相符{anchored}")
        return 0
    print("审计日志已被破坏或绕过：", file=sys.stderr)
    for finding in findings:
        print(f"  {finding}", file=sys.stderr)
    return 1


def _anchor(args: argparse.Namespace) -> int:
    try:
        key = keys.load_private_key(config.signing_key_path())
    except keys.SigningKeyError as exc:
        fail(f"{exc}（锚点须在签发电脑上用签发密钥签署）")
    actor = identity.signed_in(args)
    auth.require_role(actor, "auditor", "admin", action="签署审计锚点")
    store = open_or_fail(args, write=True)
    try:
        with store.write() as session:
            anchor = audit_anchor.make_anchor(session, key)
            audit.record(
                session,
                actor.username,
                "audit_anchor",
                str(anchor["seq"]),
                {"hash": anchor["hash"]},
            )
            # Written before the commit: a file that cannot be written leaves no entry claiming it.
            _write(args.out, json.dumps(anchor, ensure_ascii=False, indent=2) + "\n")
    finally:
        store.dispose()
    print(f"已写入 {args.out}：审计日志第 {anchor['seq']} 条，哈希 {anchor['hash']}")
    print("请把锚点文件保存在数据库之外（审计人员处），核查时用 yiye audit verify --anchor")
    return 0


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        fail(f"无法写入 {path}：{exc.strerror or exc}")
