import datetime as dt
import json
from pathlib import Path

import chinese_calendar
import pytest
from sqlalchemy import select

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.commands.cases import application_json
from desktop_app.db import Store
from desktop_app.domain.workdays import Due, WorkCalendar, year_days
from desktop_app.models import AuditEntry
from desktop_app.services import auth, calendar, cases, intake, workflow
from desktop_app.services.calendar import YearExistsError
from desktop_app.services.errors import PermissionDeniedError, ServiceError
from tests import factories
from tests.store.conftest import actor


def due(store: Store, start: dt.date, days: int) -> Due:
    with store.read() as session:
        return calendar.calendar_from(session, start).add_working_days(start, days)


NOTICE_2027 = """# 国务院办公厅关于2027年部分节假日安排的通知（测试用）
年份 2027
来源 测试通知
放假 2027-01-01 至 2027-01-03   元旦
"""


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
    assert due(store, start, days) == Due(expected)


def test_2027_counts_weekends_only_until_imported(store: Store, tmp_path: Path) -> None:
    assert due(store, dt.date(2026, 12, 30), 2) == Due(dt.date(2027, 1, 1), True)
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    with store.write() as session:
        imported = calendar.import_year_file(session, auth.SYSTEM, notice)
    assert (imported.working_days, imported.replaced) == (260, False)
    assert due(store, dt.date(2026, 12, 30), 2) == Due(dt.date(2027, 1, 4))
    with store.read() as session:
        known = calendar.status(session, dt.date(2027, 10, 8))
    assert known.years[-1] == 2027
    assert known.next_year_missing
    assert known.warn  # 8 October 2027 and 2028 is missing


def test_import_needs_an_admin_and_a_valid_file(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(NOTICE_2027 + "放假 2027-02-30 春节\n", encoding="utf-8")
    with pytest.raises(ServiceError, match="第 5 行：日期“2027-02-30”无效"), store.write() as s:
        calendar.import_year_file(s, auth.SYSTEM, bad)
    with pytest.raises(ServiceError, match="无法读取"), store.write() as session:
        calendar.import_year_file(session, auth.SYSTEM, tmp_path / "missing.txt")
    with pytest.raises(PermissionDeniedError), store.write() as session:
        calendar.import_year(session, actor(store, "clerk"), 2027, [], [], "x")


def exact_calendar() -> WorkCalendar:
    """The oracle: 2026 from chinesecalendar and 2027 from the notice, counted independently."""
    days = {}
    for offset in range(365):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=offset)
        days[day] = bool(chinese_calendar.is_workday(day))
    days.update(year_days(2027, [dt.date(2027, 1, d) for d in (1, 2, 3)], []))
    return WorkCalendar(days)


def test_a_case_accepted_in_late_december_is_recounted_when_next_year_is_imported(
    store: Store, catalog: Catalog, clock: FixedClock, tmp_path: Path
) -> None:
    clock.move_to(dt.date(2026, 12, 28))  # a Monday; 2027's holidays are not imported yet
    clerk, reviewer = actor(store, "clerk"), actor(store, "r_market")
    with store.write() as session:
        receipt = intake.accept(session, clerk, catalog, factories.submission(catalog))
        workflow.dispatch(session, clerk, receipt.number)
        workflow.take_up(session, reviewer, receipt.number, "food_registration")
    assert all(i.provisional for i in receipt.items if i.statutory_days > 3)
    clock.move_to(dt.date(2026, 12, 30))
    with store.write() as session:
        workflow.request_correction(session, reviewer, receipt.number, "food_registration", "补图")
    clock.move_to(dt.date(2027, 1, 6))  # the applicant brings the corrections in the new year
    with store.write() as session:
        workflow.corrections_received(session, clerk, receipt.number, "food_registration")
        shown = application_json(cases.get_application(session, receipt.number))
    drug = next(i for i in shown["items"] if i["permit"] == "drug_retail")
    # 20 working days: 29–31 December, then 2027 counted Monday to Friday (1 January included).
    assert (drug["statutory_due"], drug["provisional"]) == (dt.date(2027, 1, 25), True)
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    with store.write() as session:
        calendar.import_year_file(session, actor(store, "admin"), notice)
    with store.read() as session:
        after = cases.get_application(session, receipt.number)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "calendar_import")
        ).one()
    oracle = exact_calendar()
    accepted = dt.date(2026, 12, 28)
    pause = oracle.working_days_between(dt.date(2026, 12, 30), dt.date(2027, 1, 6)).days
    for item in after.items:
        days = next(p for p in receipt.items if p.permit == item.permit)
        statutory = oracle.add_working_days(accepted, days.statutory_days).day
        promised = oracle.add_working_days(accepted, days.promised_days).day
        if item.permit == "food_registration":  # its clock stood still during the 补正
            statutory = oracle.add_working_days(statutory, pause).day
            promised = oracle.add_working_days(promised, pause).day
        assert (item.statutory_due, item.due) == (statutory, promised)
        assert not item.due_provisional
        assert not item.statutory_provisional
    assert next(i for i in after.items if i.permit == "drug_retail").statutory_due == dt.date(
        2027, 1, 26
    )  # 1–3 January are the 元旦 holiday
    recorded = json.loads(entry.details)
    assert recorded["recounted"] == 2
    assert [m[:2] for m in recorded["moved"]] == [[receipt.number, "drug_retail"]]  # the other
    # item's dates fell on the same days
    with store.read() as session:
        assert calendar.status(session).provisional_items == 0


def test_a_year_already_there_is_replaced_only_when_asked_and_open_deadlines_move(
    store: Store, catalog: Catalog, tmp_path: Path
) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:  # accepted 2025-09-26: 20 working days end on 30 October
        receipt = intake.accept(session, clerk, catalog, factories.submission(catalog))
        workflow.dispatch(session, clerk, receipt.number)
    notice = tmp_path / "2025.txt"
    # A correction: 27 October 2025 made a holiday (the real notice has no such day).
    notice.write_text(
        "年份 2025\n放假 2025-01-01\n放假 2025-10-01 至 2025-10-08\n放假 2025-10-27\n"
        "上班 2025-09-28\n上班 2025-10-11\n",
        encoding="utf-8",
    )
    with pytest.raises(YearExistsError, match="--replace"), store.write() as session:
        calendar.import_year_file(session, actor(store, "admin"), notice)
    with store.write() as session:
        imported = calendar.import_year_file(session, actor(store, "admin"), notice, replace=True)
    drug = next(i for i in imported.moved if i.permit == "drug_retail")
    assert imported.replaced
    assert drug.number == receipt.number  # its promised date (16 October) stays, its statutory …
    with store.read() as session:
        view = cases.get_application(session, receipt.number)
    assert next(i for i in view.items if i.permit == "drug_retail").statutory_due == dt.date(
        2025, 10, 31
    )  # … moves past the new holiday
