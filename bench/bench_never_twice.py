"""Prints what a returning enterprise types and hands over (issue 15's goals), per industry.

For each industry, with its default situation answers (the catalog's ``defaults``; the broadest
answers where those do not make a valid application): the enterprise's first application is
accepted and every item approved, then the same enterprise comes again. The second form is filled
from the counter's records (services/master_data.py) and the fields typed are those left empty;
they are compared with the separate forms' fields for the same permits. Materials handed over are
the merged list's (the counter does not yet reuse a returning enterprise's earlier materials).
Goals: fields typed at least 60 % fewer, materials at least 65 % fewer.
Run: ``.venv/bin/python bench/bench_never_twice.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app import clock  # noqa: E402
from desktop_app.bootstrap import open_store  # noqa: E402
from desktop_app.catalog import Bundle, Catalog, ResolveError, load_catalog, resolve  # noqa: E402
from desktop_app.catalog.report import broadest_bundle  # noqa: E402
from desktop_app.services import auth, intake, master_data, workflow  # noqa: E402
from tests import factories  # noqa: E402

PASSWORD = "Bench2026pass"


def typical_bundle(catalog: Catalog, code: str) -> Bundle:
    industry = catalog.find_industry(code)
    assert industry is not None
    try:
        return resolve(catalog, code, dict(industry.defaults))
    except ResolveError:
        return broadest_bundle(catalog, industry)


def main() -> None:
    catalog = load_catalog()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with store.write() as session:
            clerk = auth.add_user(session, auth.SYSTEM, "bench_clerk", PASSWORD, "clerk")
            reviewers = {
                code: auth.add_user(session, auth.SYSTEM, f"r_{code}", PASSWORD, "reviewer", code)
                for code in catalog.departments
            }
            clerk_actor = auth.actor_for(session, clerk.username)
            reviewer_actors = {
                code: auth.actor_for(session, user.username) for code, user in reviewers.items()
            }
        for serial, industry in enumerate(catalog.industries, start=1):
            bundle = typical_bundle(catalog, industry.code)
            form = factories.full_form(bundle, serial)
            materials = factories.all_on_paper(bundle)
            submission = intake.Submission(industry.code, bundle.answers, form, materials)
            with store.write() as session:
                receipt = intake.accept(session, clerk_actor, catalog, submission)
                workflow.dispatch(session, clerk_actor, receipt.number)
                for item in receipt.items:
                    reviewer = reviewer_actors[catalog.permits[item.permit].department]
                    workflow.take_up(session, reviewer, receipt.number, item.permit)
                    workflow.approve(
                        session, reviewer, receipt.number, item.permit, "X", clock.today(), None
                    )
            with store.read() as session:
                known = master_data.from_earlier_cases(session, catalog, form["credit_code"])
            asked = [f.key for f in bundle.fields if f.answer is None]
            typed = [key for key in asked if key not in known.values] + ["credit_code"]
            typed = sorted(set(typed))
            codes = [p.code for p in bundle.permits]
            separate_fields = sum(len(catalog.permits[c].form) for c in codes)
            separate_materials = sum(len(catalog.permits[c].materials) for c in codes)
            handed = len(bundle.materials_to_hand_in())
            rows.append((industry.name, separate_fields, len(typed), separate_materials, handed))
        store.dispose()
    print(f"{'行业':<10}{'分别填写':>8}{'再次办理须填':>10}{'分别材料':>8}{'须交材料':>8}")
    for name, sf, tf, sm, hm in rows:
        print(f"{name:<10}{sf:>8}{tf:>10}{sm:>8}{hm:>8}")
    total = [sum(r[i] for r in rows) for i in range(1, 5)]
    fields_fewer = 100 * (1 - total[1] / total[0])
    materials_fewer = 100 * (1 - total[3] / total[2])
    print(
        f"returning enterprise, {len(rows)} industries: fields typed {fields_fewer:.0f} % fewer "
        f"than the separate forms (goal >= 60 %), materials handed over "
        f"{materials_fewer:.0f} % fewer (goal >= 65 %)"
    )


if __name__ == "__main__":
    main()
