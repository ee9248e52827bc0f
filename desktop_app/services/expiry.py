"""到期提醒: the permits of valid certificates that end soon, and the 延续提醒告知书 per holder.

The 行政许可法 (第五十条) asks for a renewal 30 days before expiry at the latest; the hall reminds
holders at 90, 60 and 30 days so the departments have their working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.catalog import Catalog
from desktop_app.models import Certificate, CertificatePermit
from desktop_app.services import documents
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, ServiceError

WINDOWS = (90, 60, 30)
MAX_WINDOW = 3660


@dataclass(frozen=True)
class ExpiringPermit:
    number: str
    revision: int
    holder_name: str
    holder_uscc: str
    industry: str
    industry_name: str
    permit: str
    permit_name: str
    permit_no: str
    department_name: str
    valid_to: dt.date
    days_left: int


def _check_window(within_days: int) -> None:
    if not 1 <= within_days <= MAX_WINDOW:
        raise ServiceError(f"天数应为1至{MAX_WINDOW}")


def expiring(
    session: Session,
    catalog: Catalog,
    today: dt.date,
    within_days: int,
    number: str | None = None,
) -> list[ExpiringPermit]:
    """Permits on valid certificates ending from today to ``within_days`` ahead, soonest first."""
    _check_window(within_days)
    query = (
        select(Certificate, CertificatePermit)
        .join(CertificatePermit, CertificatePermit.certificate_id == Certificate.id)
        .where(
            Certificate.state == "valid",
            CertificatePermit.valid_to.between(today, today + dt.timedelta(days=within_days)),
        )
        .order_by(CertificatePermit.valid_to, Certificate.number, CertificatePermit.id)
    )
    if number is not None:
        query = query.where(Certificate.number == number)
    rows = []
    for certificate, line in session.execute(query):
        industry = catalog.find_industry(certificate.industry)
        assert line.valid_to is not None
        rows.append(
            ExpiringPermit(
                certificate.number,
                certificate.revision,
                certificate.holder_name,
                certificate.holder_uscc,
                certificate.industry,
                industry.name if industry else certificate.industry,
                line.permit,
                line.name,
                line.permit_no,
                catalog.department_name(line.department),
                line.valid_to,
                (line.valid_to - today).days,
            )
        )
    return rows


def issue_reminder(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    number: str,
    today: dt.date,
    within_days: int = 90,
) -> str:
    """A 延续提醒告知书 to one holder: its permits ending within the window (frozen, numbered)."""
    require_role(actor, "clerk", "supervisor", action="出具延续提醒告知书")
    rows = expiring(session, catalog, today, within_days, number)
    if not rows:
        exists = session.scalar(select(Certificate.id).where(Certificate.number == number))
        if exists is None:
            raise NotFoundError(f"行业综合许可证 {number} 不存在")
        raise ServiceError(f"证书 {number} 没有{within_days}天内到期的许可")
    first = rows[0]
    return documents.issue(
        session,
        actor,
        "renewal_reminder",
        {
            "case": None,
            "industry": first.industry_name,
            "day": today.isoformat(),
            "addressee": {"enterprise": first.holder_name, "contact": "", "role": "经办人"},
            "certificate": number,
            "permits": [
                [r.permit_name, r.permit_no, r.department_name, r.valid_to.isoformat()]
                for r in rows
            ],
        },
    )


def export_excel(rows: list[ExpiringPermit], path: Path) -> None:
    """The list as an .xlsx workbook (the hall sends it on or mail-merges the reminders)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "到期提醒"
    sheet.append(
        [
            "有效期至",
            "剩余天数",
            "证书编号",
            "持证主体",
            "统一社会信用代码",
            "行业",
            "许可证",
            "许可证编号",
            "审批部门",
        ]
    )
    for r in rows:
        sheet.append(
            [
                r.valid_to.isoformat(),
                r.days_left,
                r.number,
                r.holder_name,
                r.holder_uscc,
                r.industry_name,
                r.permit_name,
                r.permit_no,
                r.department_name,
            ]
        )
    book.save(path)
