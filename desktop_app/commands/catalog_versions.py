"""``yiye catalog versions`` and ``yiye catalog add-version``: the catalog versions in the store."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from desktop_app import clock, config
from desktop_app.catalog import Catalog, CatalogError, exchange, read_texts
from desktop_app.catalog.compare import Comparison
from desktop_app.catalog.confirmation import Unconfirmed, unconfirmed
from desktop_app.catalog.model import AFTER_ISSUE_KINDS, PERMIT_VALUES, Confirmation
from desktop_app.catalog.report import Reduction
from desktop_app.commands import identity
from desktop_app.commands.output import fail, iso_date, print_json
from desktop_app.commands.store import open_or_fail, transaction
from desktop_app.domain import keys
from desktop_app.printing.confirmation_sheet import confirmation_sheet
from desktop_app.services import catalog_versions
from desktop_app.services.errors import ServiceError


def register(catalog: argparse._SubParsersAction[Any]) -> None:
    listing = catalog.add_parser("versions", help="数据库中的目录版本及生效日期")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_versions)
    adding = catalog.add_parser("add-version", help="发布新的目录版本（目录文件夹，经完整校验）")
    adding.add_argument("folder", type=Path, metavar="DIR", help="含全部 .toml 目录文件的文件夹")
    adding.add_argument("--effective-from", type=iso_date, required=True, metavar="YYYY-MM-DD")
    adding.add_argument("--note", required=True, help="修订内容和依据")
    identity.add_arguments(adding, "系统管理员")
    adding.set_defaults(func=_add_version)
    pending = catalog.add_parser("unconfirmed", help="待主管部门确认的目录内容（按部门）")
    pending.add_argument("--department", metavar="CODE")
    pending.add_argument("--json", action="store_true")
    pending.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help="打印该部门的核对表（须同时指定 --department）"
    )
    pending.set_defaults(func=_unconfirmed)
    confirming = catalog.add_parser(
        "confirm", help="记录主管部门对目录内容的确认（生成今天起执行的新版本，去掉 ※ 标注）"
    )
    confirming.add_argument("permit", metavar="PERMIT", help="许可证代码，如 public_hygiene")
    confirming.add_argument(
        "keys", nargs="+", metavar="KEY", help="确认的内容，如 statutory_days promised_days"
    )
    confirming.add_argument(
        "--procedure", choices=AFTER_ISSUE_KINDS, help="确认该许可证的变更/延续/注销程序"
    )
    confirming.add_argument("--by", required=True, help="部门答复人姓名")
    confirming.add_argument("--confirming-department", help="答复单位（默认：该许可证的审批部门）")
    confirming.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD", help="答复日期（默认今天）"
    )
    confirming.add_argument("--note", default="", help="答复方式、文号等")
    identity.add_arguments(confirming, "系统管理员")
    confirming.set_defaults(func=_confirm)
    exporting = catalog.add_parser("export", help="把目录版本导出为一个签名文件，供外县导入")
    exporting.add_argument("--version", metavar="LABEL", help="版本号（默认：今天执行的版本）")
    exporting.add_argument("--out", type=Path, required=True, metavar=f"FILE{exchange.SUFFIX}")
    exporting.add_argument("--note", default="", help="给导入方的说明")
    exporting.set_defaults(func=_export)
    importing = catalog.add_parser(
        "import", help="导入外县的签名目录文件：先列出与本县执行版本的差异，--apply 才导入"
    )
    importing.add_argument("file", type=Path, metavar=f"FILE{exchange.SUFFIX}")
    importing.add_argument("--apply", action="store_true", help="确认差异后导入为新版本")
    importing.add_argument("--effective-from", type=iso_date, metavar="YYYY-MM-DD")
    importing.add_argument("--label", help="本县使用的版本号（对方的版本号在本县已存在时）")
    importing.add_argument("--note", default="", help="本县的说明（默认：导出方的说明）")
    importing.add_argument("--json", action="store_true", help="以 JSON 列出差异")
    identity.add_arguments(importing, "系统管理员（--apply 时）", required=False)
    importing.set_defaults(func=_import)


def _shipped_first(args: argparse.Namespace) -> Catalog:
    """The version in force; a store that never started the program gets the shipped one first."""
    store = open_or_fail(args, write=True)
    try:
        return catalog_versions.open_catalog(store)
    except ServiceError as exc:
        fail(exc.message)
    finally:
        store.dispose()


def _versions(args: argparse.Namespace) -> int:
    _shipped_first(args)
    with transaction(args, write=False) as session:
        rows = catalog_versions.versions(session)
    if args.json:
        print_json(
            [
                {
                    "label": r.label,
                    "effective_from": r.effective_from,
                    "origin": r.origin,
                    "digest": r.digest,
                    "note": r.note,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        origin = catalog_versions.ORIGINS.get(r.origin, r.origin)
        since = "最初版本" if r.origin == "shipped" else f"自 {r.effective_from} 起"
        print(f"{r.label}\t{since}\t{origin}\t{r.note or ''}")
    return 0


def _add_version(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        fail(f"不是文件夹：{args.folder}")
    try:
        files = read_texts(args.folder)
    except CatalogError as exc:
        fail(f"行业目录有误：{exc}")
    _shipped_first(args)
    actor = identity.signed_in(args)
    with transaction(args) as session:
        added = catalog_versions.add_version(session, actor, files, args.effective_from, args.note)
    print(f"已发布目录版本 {added.label}，自 {added.effective_from} 起用于新受理的办件")
    return 0


def _unconfirmed(args: argparse.Namespace) -> int:
    catalog = _shipped_first(args)
    if args.department is not None and args.department not in catalog.departments:
        fail(f"未知的部门：{args.department}（可用：{'、'.join(catalog.departments)}）")
    rows = unconfirmed(catalog, args.department)
    if args.out is not None:
        return _sheet(catalog, args.department, rows, args.out)
    if args.json:
        print_json(
            {
                "catalog_version": catalog.version,
                "values": [dataclasses.asdict(r) for r in rows],
            }
        )
        return 0
    for r in rows:
        print(f"{r.department_name}\t{r.subject}\t{r.label}\t{r.value}")
    print(f"目录 {catalog.version}：{len(rows)} 项待主管部门确认")
    return 0


def _sheet(catalog: Catalog, department: str | None, rows: list[Unconfirmed], out: Path) -> int:
    if department is None:
        fail("核对表按部门打印，请用 --department 指定部门")
    if out.suffix.lower() != ".pdf":
        fail("--out 应为 .pdf 文件")
    if not rows:
        fail(f"{catalog.departments[department].name}没有待确认的内容")
    pdf = confirmation_sheet(
        catalog.departments[department].name,
        catalog.version,
        rows,
        clock.today(),
        catalog.departments[catalog.counter_department].name,
    )
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        fail(f"无法写入 {out}：{exc.strerror or exc}")
    print(f"已写入 {out}：{len(rows)} 项待确认")
    return 0


def _confirm(args: argparse.Namespace) -> int:
    catalog = _shipped_first(args)
    permit = catalog.permits.get(args.permit)
    if permit is None:
        fail(f"未知的许可证：{args.permit}（可用：{'、'.join(catalog.permits)}）")
    unknown = [k for k in args.keys if k not in PERMIT_VALUES]
    if unknown:
        fail(f"未知的内容：{unknown[0]}（可用：{'、'.join(PERMIT_VALUES)}）")
    if not args.by.strip():
        fail("请写明部门答复人姓名（--by）")
    confirmation = Confirmation(
        (args.confirming_department or catalog.department_name(permit.department)).strip(),
        args.by.strip(),
        args.on or clock.today(),
        args.note.strip(),
    )
    actor = identity.signed_in(args)
    with transaction(args) as session:
        added = catalog_versions.confirm_values(
            session, actor, permit.code, args.procedure, list(args.keys), confirmation
        )
    print(f"已记录确认，目录版本 {added.label} 自今天起执行：{added.note}")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.out.suffix != exchange.SUFFIX:
        fail(f"--out 应为 {exchange.SUFFIX} 文件")
    if args.out.exists():
        fail(f"{args.out} 已存在，不会覆盖")
    try:
        key = keys.load_private_key(config.signing_key_path())
    except keys.SigningKeyError as exc:
        fail(f"{exc}（{catalog_versions.SIGNING_KEY_NEEDED}）")
    _shipped_first(args)
    with transaction(args, write=False) as session:
        label = args.version or catalog_versions.label_in_force(session) or ""
        data = catalog_versions.export_file(
            session, key, config.installation().office_code, args.note, label
        )
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {args.out}：{exc.strerror or exc}")
    print(f"已导出目录版本 {label} 到 {args.out}（签名密钥 {exchange.signer_kid(key)}）")
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.apply and args.effective_from is None:
        fail("导入须指定 --effective-from（新版本开始用于新受理办件的日期）")
    if args.apply and args.user is None:
        fail("导入须由系统管理员进行：请加 --user 用户名")
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        fail(f"无法读取 {args.file}：{exc.strerror or exc}")
    try:
        package = exchange.unpack(data, keys.trusted_keys(config.trusted_key_folders()))
    except exchange.ExchangeError as exc:
        fail(f"{args.file} 不能导入：{exc}")
    _shipped_first(args)
    files = package.files
    with transaction(args, write=False) as session:
        _, differences = catalog_versions.preview(session, files)
    if args.json:
        print_json(
            {
                "label": package.label,
                "exporter": package.exporter,
                "exported_on": package.exported_on,
                "kid": package.kid,
                **_comparison_json(differences),
            }
        )
    else:
        _print_comparison(package, differences)
    if not args.apply:
        if not args.json:
            print("以上为与本县执行版本的差异；确认后加 --apply --effective-from 日期 导入")
        return 0
    actor = identity.signed_in(args)
    with transaction(args) as session:
        added = catalog_versions.import_version(
            session, actor, package, args.effective_from, args.note, args.label
        )
    print(f"已导入为目录版本 {added.label}，自 {added.effective_from} 起用于新受理的办件")
    return 0


def _comparison_json(c: Comparison) -> dict[str, object]:
    return {
        "values": [dataclasses.asdict(v) for v in c.values],
        "combinations_checked": c.combinations_checked,
        "combinations": [dataclasses.asdict(x) for x in c.combinations],
        "figures": [
            {
                "industry": f.industry,
                "before": None if f.before is None else dataclasses.asdict(f.before),
                "after": None if f.after is None else dataclasses.asdict(f.after),
            }
            for f in c.figures
            if f.before != f.after
        ],
    }


def _print_comparison(package: exchange.Package, c: Comparison) -> None:
    print(
        f"{package.exporter} 于 {package.exported_on} 导出的目录版本 {package.label}"
        f"（签名密钥 {package.kid}，签名有效）：{package.note}"
    )
    print(f"一、内容差异（{len(c.values)} 处）")
    for v in c.values:
        print(f"  {v.subject}｜{v.label}：{v.before or '（无）'} → {v.after or '（无）'}")
    print(f"二、情形组合（共核对 {c.combinations_checked} 种，{len(c.combinations)} 种结果不同）")
    for x in c.combinations:
        print(f"  {x.industry}｜{x.answers}：{x.before} → {x.after}")
    changed = [f for f in c.figures if f.before != f.after]
    print(f"三、改革成效（{len(changed)} 个行业有变化）")
    for f in changed:
        print(f"  {f.industry}：{_figure(f.before)} → {_figure(f.after)}")


def _figure(r: Reduction | None) -> str:
    if r is None:
        return "（无）"
    return (
        f"字段 {r.separate_fields}→{r.combined_fields}，材料 {r.separate_materials}→"
        f"{r.combined_materials}"
    )
