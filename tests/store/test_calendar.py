import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.db import Store
from desktop_app.domain.workdays import CalendarNotCoveredError
from desktop_app.services import auth, calendar
from desktop_app.services.errors import PermissionDeniedError, ServiceError
from tests.store.conftest import actor


def due(store: Store, start: dt.date, days: int) -> dt.date:
    with store.read() as session:
        return calendar.calendar_from(session, start).add_working_days(start, days)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (dt.date(2025, 9, 26), 20, dt.date(2025, 10, 30)),
        (dt.date(2025, 9, 30), 5, dt.date(2025, 10, 14)),
        (dt.date(2026, 2, 13), 5, dt.date(2026, 2, 27)),
    ],
)
def test_seeded_calendar_gives_the_vectors(
    store: Store, start: dt.date, days: int, expected: dt.date
) -> None:
    assert due(store, start, days) == expected


def test_2027_fails_until_imported(store: Store, tmp_path: Path) -> None:
    with pytest.raises(CalendarNotCoveredError, match="2027"):
        due(store, dt.date(2026, 12, 25), 10)
    notice = tmp_path / "2027.json"
    notice.write_text(
        json.dumps(
            {"year": 2027, "holidays": ["2027-01-01"], "workdays": [], "source": "测试通知"}
        ),
        encoding="utf-8",
    )
    with store.write() as session:
        working = calendar.import_year_file(session, auth.SYSTEM, notice)
    assert working == 260
    assert due(store, dt.date(2026, 12, 30), 2) == dt.date(2027, 1, 4)


def test_import_needs_an_admin_and_a_valid_file(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ServiceError, match="无法读取"), store.write() as session:
        calendar.import_year_file(session, auth.SYSTEM, bad)
    with pytest.raises(PermissionDeniedError), store.write() as session:
        calendar.import_year(session, actor(store, "clerk"), 2027, [], [], "x")
