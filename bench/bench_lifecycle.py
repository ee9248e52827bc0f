"""Prints what the clerk types for a 变更 of the legal representative, against a 新办.

Issue 13's figure: on a four-permit 超市 certificate, a change of the legal representative typed
in the real change pane (offscreen Qt), against the fields and answers the 新办 wizard asks for
the same certificate's data. Also times the plan (which permits a change goes to).
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lifecycle.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog, resolve
from desktop_app.domain import keys
from desktop_app.domain.states import ApplicationKind
from desktop_app.services import auth, lifecycle
from desktop_app.ui.intake.after_issue_panes import ChangePane
from tests import factories
from tests.lifecycle_steps import SUPERMARKET, issue_supermarket

USERS = [
    ("clerk", "clerk", None),
    ("r_market", "reviewer", "market"),
    ("r_health", "reviewer", "health"),
    ("r_united_front", "reviewer", "united_front"),
]
NEW_REP = ("马文军", factories.id_number(456))


def _typed_characters(values: list[object]) -> int:
    return sum(len(str(v)) for v in values)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with store.write() as session:
            for name, role, department in USERS:
                auth.add_user(session, auth.SYSTEM, name, "Bench2026x", role, department)
        view = issue_supermarket(store, catalog, keys.generate())
        with store.read() as session:
            held = lifecycle.held(session, catalog, view.number)

        pane = ChangePane(catalog)
        pane.load(held)
        pane.editors["legal_rep_name"].set_value(NEW_REP[0])
        pane.editors["legal_rep_id"].set_value(NEW_REP[1])
        typed = pane.parts()["form"]
        request = lifecycle.Request(ApplicationKind.CHANGE, view.number, typed)
        plans = []
        for _ in range(200):
            started = time.perf_counter()
            plan = lifecycle.plan(catalog, held, request)
            plans.append((time.perf_counter() - started) * 1000)

        bundle = resolve(catalog, "supermarket", SUPERMARKET)
        new_fields = {f.key: held.form[f.key] for f in bundle.fields if f.answer is None}
        new_fields = {k: v for k, v in new_fields.items() if v not in ("", None, [])}
        answers = len(bundle.answers)
        store.dispose()

    change_chars = _typed_characters(list(typed.values()))
    new_chars = _typed_characters(list(new_fields.values()))
    codes = ", ".join(p.code for p in held.permits)
    print(f"certificate: 超市, {len(held.permits)} permits ({codes})")
    print(
        f"变更 法定代表人: {len(typed)} fields typed ({', '.join(typed)}), "
        f"{change_chars} characters, 0 situation answers"
    )
    print(
        f"  goes to {len(plan.items)} of {len(held.permits)} permits: "
        f"{', '.join(i.permit for i in plan.items)}"
    )
    print(
        f"新办 same data: {len(new_fields)} fields typed, {new_chars} characters, "
        f"{answers} situation answers"
    )
    print(
        f"typed fields: change / new = {len(typed)}/{len(new_fields)} = "
        f"{len(typed) / len(new_fields):.1%}; characters {change_chars / new_chars:.1%}"
    )
    print(f"plan: median {statistics.median(plans):.2f} ms over {len(plans)} runs")
    del app


if __name__ == "__main__":
    main()
