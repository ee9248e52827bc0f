import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.services import intake, issuance, reporting, workflow
from desktop_app.services.errors import PermissionDeniedError
from tests import factories
from tests.store.conftest import actor
from tests.store.test_issuance import ready_application


def test_dashboard_counts(store: Store, catalog: Catalog, tmp_path: Path) -> None:
    today = dt.date.today()
    clerk = actor(store, "clerk")
    with store.write() as session:
        old = intake.accept(
            session, clerk, catalog, factories.submission(catalog, serial=9), dt.date(2025, 9, 26)
        ).number
        workflow.dispatch(session, clerk, old)
    issued_case = ready_application(store, catalog, serial=3)
    with store.write() as session:
        issuance.issue(session, clerk, catalog, issued_case, keys.generate(), today)
    with store.read() as session:
        board = reporting.dashboard(session, actor(store, "boss"), catalog, today)
    assert board.in_review == 1
    assert board.overdue == 1
    assert {p.label: p.issued for p in board.periods}["今日"] == 1
    assert dict(board.by_industry) == {"便利店": 2}
    market = next(d for d in board.by_department if d[0] == "市场监管局")
    assert market[1:] == (2, 2)
    assert board.average_days_to_certificate is not None
    assert len(board.reform) == 14
    path = tmp_path / "统计.xlsx"
    reporting.export_excel(board, path)
    book = load_workbook(path)
    assert book.sheetnames == ["概况", "按行业", "按部门", "改革成效"]
    assert book["按行业"]["A2"].value == "便利店"


def test_only_supervisors_see_the_dashboard(store: Store, catalog: Catalog) -> None:
    with pytest.raises(PermissionDeniedError), store.read() as session:
        reporting.dashboard(session, actor(store, "clerk"), catalog)
