import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.catalog import Catalog, resolve
from desktop_app.catalog.report import industry_reduction
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.services import audit, intake, issuance, reporting, workflow
from desktop_app.services.errors import PermissionDeniedError
from tests import factories
from tests.store.conftest import actor
from tests.store.test_issuance import TODAY, ready_application


def test_dashboard_counts(
    store: Store, catalog: Catalog, tmp_path: Path, clock: FixedClock
) -> None:
    clock.move_to(dt.date(2025, 12, 1))  # the cases below were accepted in September
    today = clock.today()
    clerk = actor(store, "clerk")
    with store.write() as session:
        old = intake.accept(
            session, clerk, catalog, factories.submission(catalog, serial=9), dt.date(2025, 9, 26)
        ).number
        workflow.dispatch(session, clerk, old)
        # Withdrawn: its items stay undecided, but it is no longer open work.
        gone = intake.accept(
            session, clerk, catalog, factories.submission(catalog, serial=8), dt.date(2025, 9, 26)
        ).number
        workflow.dispatch(session, clerk, gone)
        workflow.withdraw(session, clerk, gone, "申请人撤回申请")
    issued_case = ready_application(store, catalog, serial=3)
    with store.write() as session:
        issuance.issue(session, clerk, catalog, issued_case, keys.generate(), today)
    with store.read() as session:
        board = reporting.dashboard(session, actor(store, "boss"), catalog, today)
    assert board.in_review == 1
    assert board.overdue == 1
    assert {p.label: p.issued for p in board.periods}["今日"] == 1
    assert dict(board.by_industry) == {"便利店": 3}
    market = next(d for d in board.by_department if d[0] == "市场监管局")
    assert market[1:] == (2, 2)
    assert board.average_working_days_to_certificate is not None
    assert len(board.reform) == 14
    path = tmp_path / "统计.xlsx"
    reporting.export_excel(board, path)
    book = load_workbook(path)
    assert book.sheetnames == ["概况", "按行业", "按部门", "改革成效"]
    assert book["按行业"]["A2"].value == "便利店"
    with store.read() as session:
        seq, digest = audit.head(session)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(values_only=True)}
    assert (overview["审计日志末条序号"], overview["审计日志末条哈希"]) == (seq, digest)
    assert seq > 0


def test_only_supervisors_see_the_dashboard(store: Store, catalog: Catalog) -> None:
    with pytest.raises(PermissionDeniedError), store.read() as session:
        reporting.dashboard(session, actor(store, "clerk"), catalog)


def test_working_days_to_certificate_follow_the_holiday_calendar(
    store: Store, catalog: Catalog
) -> None:
    # Accepted Friday 2025-09-26, issued Friday 2025-10-10: National Day (1–8 October) is off,
    # Sunday 28 September is a 调休 working day, so 28, 29, 30 September, 9 and 10 October = 5.
    number = ready_application(store, catalog, serial=4)
    with store.write() as session:
        issuance.issue(
            session, actor(store, "clerk"), catalog, number, keys.generate(), dt.date(2025, 10, 10)
        )
    with store.read() as session:
        board = reporting.dashboard(session, actor(store, "boss"), catalog, dt.date(2025, 10, 10))
    assert board.average_working_days_to_certificate == 5.0


def test_reform_figures_come_from_the_catalog_and_from_real_cases(
    store: Store, catalog: Catalog
) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        for serial in (1, 2):
            intake.accept(
                session, clerk, catalog, factories.submission(catalog, serial=serial), TODAY
            )
    with store.read() as session:
        board = reporting.dashboard(session, actor(store, "boss"), catalog, TODAY)
    rows = {r.industry: r for r in board.reform}
    shop = rows["便利店"]
    case = industry_reduction(
        catalog, resolve(catalog, "convenience_store", {"area_m2": 25, "sells_drugs": True})
    )
    assert shop.cases == 2
    saved = 100 * (case.separate_fields - case.combined_fields) / case.separate_fields
    assert shop.case_fields_saved_pct == round(saved, 1)
    assert shop.case_fields_saved_pct is not None
    assert shop.case_fields_saved_pct > 0
    assert rows["超市"].cases == 0
    assert rows["超市"].case_fields_saved_pct is None
    assert shop.separate_fields >= case.separate_fields  # the catalog figure has every option on
