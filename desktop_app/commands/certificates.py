"""``yiye keys``, ``yiye certificates`` and ``yiye verify``: the 一证准营 commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app import clock, config
from desktop_app.commands import identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import transaction
from desktop_app.domain import certificate_code, json_guard, keys
from desktop_app.domain.cose import PrivateKey, kid_for
from desktop_app.domain.states import CERTIFICATE_STATE_NAMES
from desktop_app.services import documents, expiry, export, issuance

MAX_INPUT = 100_000
MAX_REVOCATIONS = 4 * 1024 * 1024  # a county's list for decades is well under 1 MB
MAX_PIXELS = 40_000_000  # a phone photo or a 600 dpi A4 scan, not a decompression bomb


def register(commands: argparse._SubParsersAction[Any]) -> None:
    key_parser = commands.add_parser("keys", help="签发密钥").add_subparsers(
        dest="keys_command", required=True
    )
    generate = key_parser.add_parser("generate", help="生成签发密钥并导出公钥")
    generate.add_argument("--algorithm", choices=["ES256", "Ed25519"], default="ES256")
    generate.set_defaults(func=_keys_generate)

    certificates = commands.add_parser("certificates", help="行业综合许可证").add_subparsers(
        dest="certificates_command", required=True
    )
    issue = certificates.add_parser("issue", help="核发行业综合许可证")
    issue.add_argument("case_number", metavar="CASE_NUMBER")
    identity.add_arguments(issue, "签发人")
    issue.set_defaults(func=_issue)
    listing = certificates.add_parser("list", help="列出证书")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    exporting = certificates.add_parser("export", help="导出 PDF、元数据 JSON 和二维码文本")
    exporting.add_argument("number")
    exporting.add_argument("--out", required=True, type=Path)
    exporting.set_defaults(func=_export)
    show = certificates.add_parser("show", help="查看证书：状态、各版本的持证信息和许可、打印记录")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)
    expiring = certificates.add_parser("expiring", help="列出即将到期的许可（到期提醒）")
    expiring.add_argument("--within-days", type=int, default=90, metavar="N")
    expiring.add_argument("--json", action="store_true")
    expiring.set_defaults(func=_expiring)
    remind = certificates.add_parser("remind", help="出具延续提醒告知书（PDF）")
    remind.add_argument("number")
    remind.add_argument("--within-days", type=int, default=90, metavar="N")
    remind.add_argument("--out", required=True, type=Path)
    identity.add_arguments(remind, "出具人")
    remind.set_defaults(func=_remind)
    revocations = certificates.add_parser("revocations", help="导出离线核验用的变更/注销清单")
    revocations.add_argument("--out", required=True, type=Path)
    revocations.set_defaults(func=_revocations)

    verify = commands.add_parser("verify", help="核验行业综合许可证二维码")
    verify.add_argument("text", nargs="?", help="二维码文本；- 表示从标准输入读取")
    verify.add_argument("--image", type=Path, help="二维码图片（PNG）")
    verify.add_argument(
        "--revocations", type=Path, help="变更/注销清单（yiye certificates revocations 导出）"
    )
    verify.add_argument(
        "--store", action="store_true", help="按本机数据库中的变更、注销和补证状态核验"
    )
    verify.set_defaults(func=_verify)


def _keys_generate(args: argparse.Namespace) -> int:
    path = config.signing_key_path()
    if path.exists():
        fail(f"签发密钥已存在：{path}（为防误删，不会覆盖）")
    key = keys.generate(args.algorithm)
    keys.write_private_key(key, path)
    kid = kid_for(key.public_key()).hex()
    trusted = config.keys_dir() / "trusted"
    trusted.mkdir(parents=True, exist_ok=True)
    public = trusted / f"issuer-{kid}.pem"
    public.write_bytes(keys.public_pem(key.public_key()))
    print(f"签发密钥：{path}（仅所有者可读）")
    print(f"公钥：{public}（kid {kid}）；请复制到 resources/keys/ 及各核验电脑")
    return 0


def _signing_key() -> PrivateKey:
    try:
        return keys.load_private_key(config.signing_key_path())
    except keys.SigningKeyError as exc:
        fail(f"{exc}（本机不是签发电脑，或尚未运行 yiye keys generate）")


def _issue(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    key = _signing_key()
    actor = identity.signed_in(args)
    with transaction(args) as session:
        view = issuance.issue(session, actor, catalog, args.case_number, key)
    print(view.number)
    return 0


def _list(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = issuance.list_certificates(session)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "revision": r.revision,
                    "state": r.state,
                    "industry": r.industry,
                    "holder": r.holder_name,
                    "credit_code": r.holder_uscc,
                    "issued_on": r.issued_on,
                    "valid_until": r.valid_until,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.number}\t第{r.revision}版\t{r.state}\t{r.holder_name}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from desktop_app.printing import certificate  # reportlab loads only when a PDF is made

    catalog = load_or_fail(args)
    with transaction(args, write=False) as session:
        view = issuance.certificate_view(session, catalog, args.number)
    for path in export.export(view, certificate.render(view), args.out):
        print(path)
    return 0


def _show(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    with transaction(args, write=False) as session:
        history = issuance.certificate_history(session, catalog, args.number)
    data = {
        "number": history.number,
        "state": history.state,
        "print_no": history.print_no,
        "revisions": [
            {
                "revision": v.revision,
                "state": v.state,
                "issued_on": v.issued_on,
                "application": v.application_number,
                "holder": {
                    "name": v.holder_name,
                    "credit_code": v.holder_uscc,
                    "legal_rep_name": v.legal_rep_name,
                    "address": v.address,
                },
                "valid_until": v.valid_until,
                "permits": [
                    {
                        "permit": p.code,
                        "name": p.name,
                        "permit_no": p.permit_no,
                        "department": p.department,
                        "valid_from": p.valid_from,
                        "valid_to": p.valid_to,
                    }
                    for p in v.permits
                ],
            }
            for v in history.revisions
        ],
        "prints": [
            {
                "revision": p.revision,
                "at": p.at,
                "kind": p.kind,
                "printer": p.printer,
                "copies": p.copies,
                "voided": p.voided,
                "void_reason": p.void_reason,
            }
            for p in history.prints
        ],
        "replaced_prints": [
            {"print_no": r.print_no, "reason": r.reason, "replaced_at": r.replaced_at}
            for r in history.replaced
        ],
    }
    if args.json:
        print_json(data)
        return 0
    print(f"{history.number}  {CERTIFICATE_STATE_NAMES.get(history.state, history.state)}")
    for v in history.revisions:
        state = CERTIFICATE_STATE_NAMES.get(v.state, v.state)
        print(f"第{v.revision}版\t{state}\t{v.issued_on}\t{v.holder_name}\t{v.legal_rep_name}")
        for p in v.permits:
            print(f"  {p.name}\t{p.permit_no}\t{p.valid_to or '长期'}")
    return 0


def _expiring(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args)
    with transaction(args, write=False) as session:
        rows = expiry.expiring(session, catalog, clock.today(), args.within_days)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "holder": r.holder_name,
                    "credit_code": r.holder_uscc,
                    "industry": r.industry,
                    "permit": r.permit,
                    "permit_name": r.permit_name,
                    "permit_no": r.permit_no,
                    "valid_to": r.valid_to,
                    "days_left": r.days_left,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.valid_to}（{r.days_left}天）\t{r.number}\t{r.holder_name}\t{r.permit_name}")
    return 0


def _remind(args: argparse.Namespace) -> int:
    from desktop_app.printing import documents as rendering

    if args.out.suffix.lower() != ".pdf":
        fail("--out 应为 .pdf 文件")
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        number = expiry.issue_reminder(
            session, actor, catalog, args.number, clock.today(), args.within_days
        )
        document = documents.by_number(session, number)
        try:  # in the transaction: a letter that could not be written is not issued either
            args.out.write_bytes(rendering.render(document.kind, number, document.content))
        except OSError as exc:
            fail(f"无法写入 {args.out}：{exc.strerror or exc}")
        documents.record_print(session, actor, document.id, f"文件 {args.out.name}")
    print(f"已写入 {args.out}：延续提醒告知书 {number}")
    return 0


def _revocations(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        listing = issuance.revocation_list(session)
    data = {
        "min_revision": dict(listing.min_revision),
        "cancelled": sorted(listing.cancelled),
        "min_print": dict(listing.min_print),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(args.out)
    return 0


def _barcodes(path: Path) -> list[Any]:
    """The codes in an image: a photo or a scan of reasonable size, refused with one line else."""
    import zxingcpp
    from PIL import Image

    too_large = f"图片 {path} 过大（超过 {MAX_PIXELS // 10**6} 百万像素），请拍摄或扫描二维码本身"
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                fail(too_large)
            image.load()  # a truncated or broken file fails here, not inside the decoder
            return list(zxingcpp.read_barcodes(image))
    except Image.DecompressionBombError:  # Pillow's own cap, checked when the file is opened
        fail(too_large)
    except OSError as exc:
        fail(f"无法读取图片 {path}：{exc.strerror or exc}")
    except (ValueError, TypeError) as exc:
        fail(f"无法读取图片 {path}：{exc}")


def _read_text(args: argparse.Namespace) -> str:
    if args.image is not None:
        if args.text is not None:
            fail("二维码文本和 --image 只能给出一个")
        found = _barcodes(args.image)
        if not found:
            fail(f"图片 {args.image} 中没有找到二维码")
        return str(found[0].text)
    if args.text is None:
        fail("请给出二维码文本、- （标准输入）或 --image")
    return sys.stdin.read(MAX_INPUT).strip() if args.text == "-" else str(args.text)


def _load_revocations(path: Path | None) -> certificate_code.RevocationList:
    """A revocation file read strictly: a wrong shape refuses it (never verify as if empty)."""
    if path is None:
        return certificate_code.RevocationList()
    try:
        with path.open("rb") as file:
            data = file.read(MAX_REVOCATIONS + 1).decode("utf-8-sig")
        return certificate_code.parse_revocations(json_guard.loads(data, MAX_REVOCATIONS))
    except OSError as exc:
        fail(f"无法读取变更/注销清单 {path}：{exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"变更/注销清单 {path} 不是 UTF-8 文本")
    except (json_guard.JsonShapeError, certificate_code.RevocationFormatError) as exc:
        fail(f"变更/注销清单 {path} 有误：{exc}")


def _verify(args: argparse.Namespace) -> int:
    text = _read_text(args)
    trusted = keys.trusted_keys(config.trusted_key_folders())
    demo = keys.trusted_keys(config.demo_key_folders(), demo=True)
    now = clock.now()
    if args.store and args.revocations is not None:
        fail("--store 和 --revocations 只能给出一个")
    if args.store:
        with transaction(args, write=False) as session:
            revocations = issuance.revocation_list(session)
    else:
        revocations = _load_revocations(args.revocations)
    verdict = certificate_code.verify(text, trusted, now, revocations, demo=demo)
    claims = verdict.claims
    print_json(
        {
            "valid": verdict.valid,
            "reason": verdict.reason,
            "certificate": None
            if claims is None
            else {
                "issuer": claims.issuer,
                "issued_at": claims.issued_at,
                "expires": claims.expires,
                "number": claims.number,
                "revision": claims.revision,
                "print_no": claims.print_no,
                "industry": claims.industry,
                "holder_uscc": claims.holder_uscc,
                "holder_name": claims.holder_name,
                "permits": [
                    {
                        "code": p.code,
                        "number": p.number,
                        "department": p.department,
                        "valid_from": p.valid_from,
                        "valid_to": p.valid_to,
                    }
                    for p in claims.permits
                ],
            },
        }
    )
    return 0 if verdict.valid else 1
