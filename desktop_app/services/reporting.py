"""统计: the supervisor's dashboard figures, and their export to Excel.

Every figure is one aggregate query, so the board stays quick over 100,000 applications.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from desktop_app.catalog import Catalog
from desktop_app.catalog.report import batch_report
from desktop_app.models import Application, Certificate, Item, ReceivedMaterial
from desktop_app.services.auth import Actor, require_role

OPEN_ITEMS = ("pending", "in_review", "correction_requested")
OPEN_APPLICATIONS = (
    "accepted",
    "in_review",
    "awaiting_correction",
    "ready_to_issue",
    "partly_refused",
)


@dataclass(frozen=True)
class PeriodCounts:
    label: str
    accepted: int
    issued: int


@dataclass(frozen=True)
class Dashboard:
    day: dt.date
    periods: tuple[PeriodCounts, ...]
    in_review: int
    overdue: int
    deferred_waiting: int
    expiring_30_days: int
    by_industry: tuple[tuple[str, int], ...]
    by_department: tuple[tuple[str, int, int], ...]  # department, open items, overdue items
    average_days_to_certificate: float | None
    statutory_days_average: float | None
    reform: tuple[
        tuple[str, int, int, int, int], ...
    ]  # industry, separate/combined fields, materials


def _counts_since(session: Session, start: dt.date) -> tuple[int, int]:
    accepted = session.scalar(select(func.count()).where(Application.accepted_on >= start)) or 0
    issued = (
        session.scalar(
            select(func.count()).where(Certificate.issued_on >= start, Certificate.revision == 1)
        )
        or 0
    )
    return int(accepted), int(issued)


def dashboard(
    session: Session, actor: Actor, catalog: Catalog, today: dt.date | None = None
) -> Dashboard:
    require_role(actor, "supervisor", "admin", "auditor", action="查看统计")
    today = today or dt.date.today()
    periods = []
    for label, start in (
        ("今日", today),
        ("本周", today - dt.timedelta(days=today.weekday())),
        ("本月", today.replace(day=1)),
    ):
        periods.append(PeriodCounts(label, *_counts_since(session, start)))
    in_review = (
        session.scalar(select(func.count()).where(Application.state.in_(OPEN_APPLICATIONS))) or 0
    )
    open_item = Item.state.in_(OPEN_ITEMS) & Item.dropped.is_(False)
    overdue_item = open_item & (Item.promised_due < today) & Item.paused_since.is_(None)
    overdue = (
        session.scalar(
            select(func.count(func.distinct(Item.application_id)))
            .join(Application)
            .where(overdue_item, Application.state.in_(OPEN_APPLICATIONS))
        )
        or 0
    )
    deferred = (
        session.scalar(
            select(func.count()).where(
                ReceivedMaterial.how == "deferred", ReceivedMaterial.received_at.is_(None)
            )
        )
        or 0
    )
    expiring = (
        session.scalar(
            select(func.count()).where(
                Certificate.state == "valid",
                Certificate.valid_until.between(today, today + dt.timedelta(days=30)),
            )
        )
        or 0
    )
    by_industry = session.execute(
        select(Application.industry, func.count())
        .group_by(Application.industry)
        .order_by(func.count().desc())
    ).all()
    names = {i.code: i.name for i in catalog.industries}
    department_rows = session.execute(
        select(
            Item.department,
            func.count(),
            func.sum(case(((Item.promised_due < today) & Item.paused_since.is_(None), 1), else_=0)),
        )
        .join(Application)
        .where(open_item, Application.state.in_(OPEN_APPLICATIONS))
        .group_by(Item.department)
    ).all()
    if session.get_bind().dialect.name == "sqlite":
        days = func.julianday(Certificate.issued_on) - func.julianday(Application.accepted_on)
    else:
        days = (Certificate.issued_on - Application.accepted_on).cast(Integer)  # date - date = days
    average = session.scalar(
        select(func.avg(days))
        .join(Application, Application.id == Certificate.application_id)
        .where(Certificate.revision == 1)
    )
    statutory = [p.statutory_days for p in catalog.permits.values() if p.statutory_days]
    rows, _ = batch_report(catalog)
    return Dashboard(
        day=today,
        periods=tuple(periods),
        in_review=int(in_review),
        overdue=int(overdue),
        deferred_waiting=int(deferred),
        expiring_30_days=int(expiring),
        by_industry=tuple((names.get(code, code), int(n)) for code, n in by_industry),
        by_department=tuple(
            (catalog.departments[d].short_name, int(n), int(late or 0))
            for d, n, late in department_rows
        ),
        # Calendar days from acceptance to certificate (working days need the calendar per case).
        average_days_to_certificate=None if average is None else round(float(average), 1),
        statutory_days_average=round(sum(statutory) / len(statutory), 1) if statutory else None,
        reform=tuple(
            (
                r.name,
                r.separate_fields,
                r.combined_fields,
                r.separate_materials,
                r.combined_materials,
            )
            for r in rows
        ),
    )


def export_excel(board: Dashboard, path: Path) -> None:
    """Writes the dashboard to an .xlsx workbook, one sheet per table."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "概况"
    sheet.append(["统计日期", board.day.isoformat()])
    sheet.append(["期间", "受理", "出证"])
    for period in board.periods:
        sheet.append([period.label, period.accepted, period.issued])
    for label, value in (
        ("在办", board.in_review),
        ("超期", board.overdue),
        ("容缺待补", board.deferred_waiting),
        ("30天内到期证书", board.expiring_30_days),
        ("平均办结天数（自然日）", board.average_days_to_certificate),
        ("法定时限平均（工作日）", board.statutory_days_average),
    ):
        sheet.append([label, value])
    industries = book.create_sheet("按行业")
    industries.append(["行业", "办件数"])
    for name, count in board.by_industry:
        industries.append([name, count])
    departments = book.create_sheet("按部门")
    departments.append(["部门", "在办事项", "超期事项"])
    for department in board.by_department:
        departments.append(list(department))
    reform = book.create_sheet("改革成效")
    reform.append(["行业", "单独申请字段", "综合表单字段", "单独申请材料", "综合材料"])
    for figures in board.reform:
        reform.append(list(figures))
    book.save(path)
