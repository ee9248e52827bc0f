"""``yiye catalog …``: the industry catalog, the rules and the reform figures."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from desktop_app.catalog import (
    Bundle,
    Catalog,
    CatalogError,
    ResolveError,
    load_catalog,
    resolve,
)
from desktop_app.catalog.notice import build_notice
from desktop_app.catalog.report import Reduction, batch_report
from desktop_app.commands import catalog_publish
from desktop_app.commands import catalog_versions as version_commands
from desktop_app.commands.output import fail, print_json
from desktop_app.commands.store import open_or_fail, transaction
from desktop_app.db import database_url, sqlite_file
from desktop_app.services import catalog_versions, reporting
from desktop_app.services.errors import ServiceError


def register(commands: argparse._SubParsersAction[Any]) -> None:
    catalog = commands.add_parser("catalog", help="行业目录").add_subparsers(
        dest="catalog_command", required=True
    )
    listing = catalog.add_parser("list", help="列出全部行业")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_with_catalog(_catalog_list))
    resolving = catalog.add_parser("resolve", help="按行业和情形得出许可证、综合表单和材料清单")
    resolving.add_argument(
        "industry", metavar="INDUSTRY", help="行业代码、名称或别名，如 便利店、网咖、KTV"
    )
    resolving.add_argument(
        "--answers", metavar="JSON", default="{}", help="情形回答，如 '{\"area_m2\": 25}'"
    )
    resolving.add_argument("--json", action="store_true")
    resolving.set_defaults(func=_with_catalog(_catalog_resolve))
    report = catalog.add_parser("report", help="各行业表单字段和材料的减少情况")
    report.add_argument("--json", action="store_true")
    report.add_argument(
        "--cases",
        action="store_true",
        help="按本窗口实际受理的新办件统计：申请人实际填写的字段和实际提交的材料",
    )
    report.set_defaults(func=_with_catalog(_catalog_report))
    version_commands.register(catalog)
    catalog_publish.register(catalog)


def shipped_or_fail() -> Catalog:
    """The catalog shipped with the program (version 1 of every store)."""
    try:
        return load_catalog()
    except CatalogError as exc:
        fail(f"行业目录有误：{exc}")


def load_or_fail(args: argparse.Namespace) -> Catalog:
    """The version in force in the store, as the counters use it today."""
    return in_force_or_fail(args)[0]


def in_force_or_fail(args: argparse.Namespace) -> tuple[Catalog, dt.date | None]:
    """The version in force and the day it came into force (None: the shipped version).

    A store that has no versions yet (no database file, or one no counter has started on) is on
    the shipped catalog; reading it writes nothing.
    """
    file = sqlite_file(database_url(args.database))
    if file is not None and not file.exists():
        return shipped_or_fail(), None
    store = open_or_fail(args)
    try:
        with store.read() as session:
            if catalog_versions.label_in_force(session) is None:
                return shipped_or_fail(), None
            return catalog_versions.in_force_since(session)
    except ServiceError as exc:
        fail(exc.message)
    finally:
        store.dispose()


def _with_catalog(
    handler: Callable[[Catalog, argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        return handler(load_or_fail(args), args)

    return run


def bundle_json(bundle: Bundle) -> dict[str, object]:
    """The ``catalog resolve --json`` shape (a contract that scripts rely on)."""
    return {
        "industry": bundle.industry,
        "industry_name": bundle.industry_name,
        "catalog_version": bundle.catalog_version,
        "answers": dict(bundle.answers),
        "certificate_eligible": bundle.certificate_eligible,
        "promised_days": bundle.promised_days,
        "permits": [
            {
                "code": p.code,
                "name": p.name,
                "department": p.department,
                "department_name": p.department_name,
                "promised_days": p.promised_days,
                "statutory_days": p.statutory_days,
                "commitment_allowed": p.commitment_allowed,
                "site_check": p.site_check,
            }
            for p in bundle.permits
        ],
        "fields": [
            {
                "key": f.key,
                "label": f.label,
                "type": f.type,
                "required": f.required,
                "group": f.group,
                "permits": list(f.permits),
                **(
                    {"choices": list(f.choices), "multiple": f.multiple}
                    if f.type == "choice"
                    else {}
                ),
            }
            for f in bundle.fields
        ],
        "materials": [
            {
                "key": m.key,
                "name": m.name,
                "permits": list(m.permits),
                "originals": m.originals,
                "copies": m.copies,
                "deferrable": m.deferrable,
                "government_issued": m.government_issued,
            }
            for m in bundle.materials
        ],
    }


def _reduction_json(r: Reduction) -> dict[str, object]:
    return {
        "code": r.code,
        "name": r.name,
        "permits": list(r.permits),
        "separate_fields": r.separate_fields,
        "combined_fields": r.combined_fields,
        "fields_reduction_pct": r.fields_reduction_pct,
        "separate_materials": r.separate_materials,
        "combined_materials": r.combined_materials,
        "materials_reduction_pct": r.materials_reduction_pct,
        "fetched_materials": r.fetched_materials,
    }


def _catalog_list(catalog: Catalog, args: argparse.Namespace) -> int:
    if args.json:
        print_json(
            [
                {"code": i.code, "name": i.name, "aliases": list(i.aliases)}
                for i in catalog.industries
            ]
        )
    else:
        for i in catalog.industries:
            print(f"{i.number:>2}  {i.code:<18} {i.name}（{'、'.join(i.aliases)}）")
    return 0


def _catalog_resolve(catalog: Catalog, args: argparse.Namespace) -> int:
    try:
        answers = json.loads(args.answers)
    except json.JSONDecodeError as exc:
        fail(f"--answers 不是有效的 JSON：{exc.msg}（第 {exc.pos + 1} 个字符）")
    if not isinstance(answers, dict):
        fail('--answers 应为 JSON 对象，如 {"area_m2": 25}')
    try:
        bundle = resolve(catalog, args.industry, answers)
    except ResolveError as exc:
        fail(exc.message)
    if args.json:
        print_json(bundle_json(bundle))
    else:
        _print_bundle(bundle)
    return 0


def _catalog_report(catalog: Catalog, args: argparse.Namespace) -> int:
    if args.cases:
        return _case_report(catalog, args)
    rows, total = batch_report(catalog)
    if args.json:
        print_json(
            {"industries": [_reduction_json(r) for r in rows], "total": _reduction_json(total)}
        )
        return 0
    print("行业\t字段 单独→综合（变化）\t材料 单独→综合（变化）\t其中可窗口核验")
    for r in [*rows, total]:
        fields = f"{r.separate_fields} → {r.combined_fields}（{r.fields_reduction_pct:+.1f}%）"
        materials = (
            f"{r.separate_materials} → {r.combined_materials}（{r.materials_reduction_pct:+.1f}%）"
        )
        print(f"{r.name}\t{fields}\t{materials}\t{r.fetched_materials}")
    return 0


def _case_report(catalog: Catalog, args: argparse.Namespace) -> int:
    """What the applicants of the cases accepted here typed and handed over, per industry."""
    with transaction(args, write=False) as session:
        totals = reporting.case_totals(session)
    names = {i.code: i.name for i in catalog.industries}
    order = {code: place for place, code in enumerate(names)}
    rows = sorted(totals.values(), key=lambda t: (order.get(t.industry, len(order)), t.industry))
    everything = reporting.CaseTotals(
        "total", *(sum(getattr(t, f) for t in rows) for f in _TOTALLED)
    )
    if args.json:
        print_json(
            {
                "industries": [_totals_json(t, names.get(t.industry, t.industry)) for t in rows],
                "total": _totals_json(everything, "合计"),
            }
        )
        return 0
    if not rows:
        print("本库尚无新办件；按目录计算的减少情况见 yiye catalog report")
        return 0
    print("行业	办件数	字段 单独→实际填写（减少）	材料 单独→实际提交（减少）")
    for t in [*rows, everything]:
        name = names.get(t.industry, "合计")
        fields = f"{t.separate_fields} → {t.typed_fields}（{_pct(t.fields_saved_pct)}）"
        materials = (
            f"{t.separate_materials} → {t.handed_materials}（{_pct(t.materials_saved_pct)}）"
        )
        print(f"{name}\t{t.cases}\t{fields}\t{materials}")
    return 0


_TOTALLED = (
    "cases",
    "separate_fields",
    "typed_fields",
    "separate_materials",
    "handed_materials",
)


def _pct(saved: float | None) -> str:
    return "—" if saved is None else f"{saved:.1f}%"


def _totals_json(t: reporting.CaseTotals, name: str) -> dict[str, object]:
    return {
        "industry": t.industry,
        "name": name,
        "cases": t.cases,
        "separate_fields": t.separate_fields,
        "typed_fields": t.typed_fields,
        "fields_saved_pct": t.fields_saved_pct,
        "separate_materials": t.separate_materials,
        "handed_materials": t.handed_materials,
        "materials_saved_pct": t.materials_saved_pct,
    }


def _print_bundle(bundle: Bundle) -> None:
    notice = build_notice(bundle)
    print(f"{notice.title}（目录版本 {notice.catalog_version}）")
    print("一、办理事项")
    for item in notice.items:
        parts = (item.permit, item.department, f"承诺{item.promised}", item.fee, item.commitment)
        print("  - " + "｜".join(parts))
    print("二、申请材料（一份材料只交一次）")
    for m in notice.materials:
        source = (
            "窗口核验，无需提交"
            if m.government_issued
            else f"原件{m.originals}份、复印件{m.copies}份"
        )
        print(f"  - {m.name}（{source}）")
    print("三、办理流程")
    for step in notice.steps:
        print(f"  {step}")
    print(f"四、办理时限：{notice.time_summary}")
    print(f"五、办理结果：{notice.outcome}")
