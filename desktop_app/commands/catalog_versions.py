"""``yiye catalog versions`` and ``yiye catalog add-version``: the catalog versions in the store."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from desktop_app import clock
from desktop_app.catalog import Catalog, CatalogError, read_texts
from desktop_app.catalog.confirmation import Unconfirmed, unconfirmed
from desktop_app.commands import identity
from desktop_app.commands.output import fail, iso_date, print_json
from desktop_app.commands.store import open_or_fail, transaction
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
        print(f"{r.label}\t自 {r.effective_from} 起\t{origin}\t{r.note or ''}")
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
