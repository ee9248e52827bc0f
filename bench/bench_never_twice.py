"""Prints what an applicant types and hands over when the counter does not ask twice (issue 15).

For each industry, with its most common situation answers (the catalog's ``defaults``; the
broadest answers where those do not make a valid application), two scenarios, each accepted by
``intake.accept`` and measured by the figures it stores for 统计 (so the benchmark counts exactly
what the reform table counts):

- **returning**: the enterprise's first application was scanned at the counter and approved; it
  comes again. The form is filled from the counter's records (services/master_data.py) and the
  fields typed are those left empty; the window checks the government-issued materials (营业执照
  against the credit system …) and the earlier scans still valid are reused
  (services/material_reuse.py); the rest is handed over.
- **licence lookup**: a new enterprise; the platform's business-licence record and the legal
  representative's ID card fill what they have, and the window checks the licence. Nothing
  earlier can be reused; the rest (equipment, staff, varieties, plans …) only the applicant knows.

Both are compared with the separate forms' fields and materials for the same permits.
Goals (returning enterprise): fields typed at least 60 % fewer, materials handed over at least
65 % fewer. Run: ``.venv/bin/python bench/bench_never_twice.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from desktop_app import clock  # noqa: E402
from desktop_app.bootstrap import open_store  # noqa: E402
from desktop_app.catalog import Bundle, Catalog, ResolveError, load_catalog, resolve  # noqa: E402
from desktop_app.catalog.report import broadest_bundle  # noqa: E402
from desktop_app.db import Store  # noqa: E402
from desktop_app.models import Application  # noqa: E402
from desktop_app.services import (  # noqa: E402
    attachments,
    auth,
    intake,
    master_data,
    material_reuse,
    workflow,
)
from desktop_app.services.auth import Actor  # noqa: E402
from tests import factories, sample_scans, site_checks  # noqa: E402

PASSWORD = "Bench2026pass"
HEADER = f"{'行业':<10}{'分别填写':>8}{'须填':>6}{'分别材料':>8}{'须交':>6}"


def typical_bundle(catalog: Catalog, code: str) -> Bundle:
    industry = catalog.find_industry(code)
    assert industry is not None
    try:
        return resolve(catalog, code, dict(industry.defaults))
    except ResolveError:
        return broadest_bundle(catalog, industry)


def window_checks(catalog: Catalog, bundle: Bundle, form: dict[str, Any]) -> dict[str, Any]:
    checks = {}
    for m in bundle.materials:
        spec = catalog.materials[m.key]
        if m.government_issued:
            number = form.get(spec.check_number_field or "") or f"核-{m.key}"
            checks[m.key] = (spec.check_source or "主管部门档案", str(number))
    return checks


def accept(
    store: Store,
    catalog: Catalog,
    clerk: Actor,
    bundle: Bundle,
    form: dict[str, Any],
    materials: dict[str, str],
    checks: dict[str, Any],
    prefilled: frozenset[str] = frozenset(),
) -> Application:
    materials = materials | dict.fromkeys(checks, "checked")
    submission = intake.Submission(
        bundle.industry, bundle.answers, form, materials, checks=checks, prefilled=prefilled
    )
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, submission).number
        application = session.scalars(select(Application).where(Application.number == number))
        row = application.one()
        session.expunge(row)
    return row


def main() -> None:
    catalog = load_catalog()
    returning: list[tuple[str, int, int, int, int]] = []
    looked_up: list[tuple[str, int, int, int, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with store.write() as session:
            auth.add_user(session, auth.SYSTEM, "bench_clerk", PASSWORD, "clerk")
            for code in catalog.departments:
                auth.add_user(session, auth.SYSTEM, f"r_{code}", PASSWORD, "reviewer", code)
        with store.read() as session:
            clerk = auth.actor_for(session, "bench_clerk")
            reviewers = {c: auth.actor_for(session, f"r_{c}") for c in catalog.departments}
        for serial, industry in enumerate(catalog.industries, start=1):
            bundle = typical_bundle(catalog, industry.code)
            asked = [f.key for f in bundle.fields if f.answer is None]
            form = factories.full_form(bundle, serial)
            paper = factories.all_on_paper(bundle)
            checks = window_checks(catalog, bundle, form)

            # The first visit: everything typed, every material scanned at the counter.
            first = accept(store, catalog, clerk, bundle, form, paper, checks)
            with store.write() as session:
                for key in paper:
                    scan = sample_scans.pdf(f"{industry.code} {key}")
                    attachments.attach(session, clerk, first.number, key, scan, f"{key}.pdf")
                workflow.dispatch(session, clerk, first.number)
            approve_all(store, reviewers, catalog, first.number)

            # Returning: filled from records, earlier scans reused, the licence checked.
            with store.read() as session:
                known = master_data.from_earlier_cases(session, catalog, form["credit_code"])
                offers = material_reuse.offers(
                    session, catalog, form["credit_code"], form, bundle.materials, clock.today()
                )
            prefilled = frozenset(k for k in asked if k in known.values and k != "credit_code")
            again = {**form, **{k: known.values[k] for k in prefilled}}
            reused = {key: f"reused:{offer.number}" for key, offer in offers.items()}
            second = accept(store, catalog, clerk, bundle, again, paper | reused, checks, prefilled)
            returning.append(figures(industry.name, second))

            # A new enterprise found by the licence lookup: what the licence has, and the check.
            code = factories.credit_code(1000 + serial)
            record = licence_record(form, code)
            filled = master_data.from_licence(catalog, record)
            card = {  # the legal representative's ID card on the reader (ui/id_card_reading.py)
                "legal_rep_name": record["legal_rep_name"],
                "legal_rep_id": factories.id_number(serial),
                "legal_rep_household_address": "宁夏同心县豫海镇",
            }
            on_form = {k: v for k, v in {**card, **filled.values}.items() if k in asked}
            new_form = {**factories.full_form(bundle, 1000 + serial), **on_form}
            new_checks = window_checks(catalog, bundle, new_form)
            prefilled = frozenset(k for k in on_form if k != "credit_code")
            third = accept(store, catalog, clerk, bundle, new_form, paper, new_checks, prefilled)
            looked_up.append(figures(industry.name, third))
        store.dispose()
    for title, rows, goal in (
        ("再次办理的企业（returning enterprise）", returning, True),
        (
            "营业执照查询和身份证带出的新企业（new enterprise: licence lookup, ID card）",
            looked_up,
            False,
        ),
    ):
        print(title)
        print(HEADER)
        for name, sf, tf, sm, hm in rows:
            print(f"{name:<10}{sf:>8}{tf:>6}{sm:>8}{hm:>6}")
        total = [sum(r[i] for r in rows) for i in range(1, 5)]
        fields_fewer = 100 * (1 - total[1] / total[0])
        materials_fewer = 100 * (1 - total[3] / total[2])
        verdict = (
            f" (goals >= 60 % and >= 65 %: "
            f"{'met' if fields_fewer >= 60 and materials_fewer >= 65 else 'NOT met'})"
            if goal
            else ""
        )
        print(
            f"{len(rows)} industries: fields typed {fields_fewer:.0f} % fewer than the separate "
            f"forms, materials handed over {materials_fewer:.0f} % fewer{verdict}\n"
        )


def approve_all(store: Store, reviewers: dict[str, Actor], catalog: Catalog, number: str) -> None:
    with store.write() as session:
        items = [i.permit for i in workflow.load_application(session, number).items]
        for permit in items:
            workflow.take_up(session, reviewers[catalog.permits[permit].department], number, permit)
        site_checks.pass_in(session, number)  # the joint site check, all 合格
        for permit in items:
            reviewer = reviewers[catalog.permits[permit].department]
            workflow.approve(session, reviewer, number, permit, "X", clock.today(), None)


def licence_record(form: dict[str, Any], code: str) -> dict[str, Any]:
    """What the platform returns for a registered enterprise (the seven licence fields)."""
    return {
        "credit_code": code,
        "name": f"{form.get('enterprise_name')}（新）",
        "type": "有限责任公司",
        "legal_rep_name": form.get("legal_rep_name"),
        "domicile": form.get("domicile") or form.get("address"),
        "registered_capital": "50万元",
        "business_scope": "食品销售；餐饮服务",
        "established_on": "2024-05-01",
    }


def figures(name: str, application: Application) -> tuple[str, int, int, int, int]:
    return (
        name,
        application.separate_fields or 0,
        application.combined_fields or 0,
        application.separate_materials or 0,
        application.combined_materials or 0,
    )


if __name__ == "__main__":
    main()
