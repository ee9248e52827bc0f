"""The holder's master data: as an application filed it, and versioned once approved.

Documents, exports and the platform read an application's data as filed (its ``form``), never the
live ``enterprise`` row; that row is the newest approved version, changed only when a certificate
is issued, so an application still in progress never changes what an issued certificate says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.models import Enterprise, EnterpriseVersion


@dataclass(frozen=True)
class Holder:
    name: str
    credit_code: str
    legal_rep_name: str
    legal_rep_id: str | None
    address: str


def as_filed(form: Mapping[str, Any]) -> Holder:
    """The holder as one application's form gives it (every kind of application files these)."""
    return Holder(
        name=str(form.get("enterprise_name") or ""),
        credit_code=str(form.get("credit_code") or ""),
        legal_rep_name=str(form.get("legal_rep_name") or ""),
        legal_rep_id=str(form.get("legal_rep_id") or "") or None,
        address=str(form.get("address") or ""),
    )


def find_or_add(session: Session, form: Mapping[str, Any]) -> Enterprise:
    """The enterprise by credit code; a new one starts from this form (nothing to overwrite).

    An enterprise already known keeps its master data: only an approval changes it (``approve``).
    """
    holder = as_filed(form)
    enterprise = session.scalar(
        select(Enterprise).where(Enterprise.credit_code == holder.credit_code)
    )
    if enterprise is None:
        enterprise = Enterprise(
            credit_code=holder.credit_code,
            name=holder.name,
            legal_rep_name=holder.legal_rep_name,
            legal_rep_id=holder.legal_rep_id,
            address=holder.address,
        )
        session.add(enterprise)
    return enterprise


def approve(
    session: Session, enterprise: Enterprise, form: Mapping[str, Any], application_id: int
) -> EnterpriseVersion | None:
    """The approved application's data becomes the master data, as a new version if it differs."""
    holder = as_filed(form)
    newest = session.scalar(
        select(EnterpriseVersion)
        .where(EnterpriseVersion.enterprise_id == enterprise.id)
        .order_by(EnterpriseVersion.version.desc())
        .limit(1)
    )
    values = (holder.name, holder.legal_rep_name, holder.legal_rep_id, holder.address)
    if newest is not None and values == (
        newest.name,
        newest.legal_rep_name,
        newest.legal_rep_id,
        newest.address,
    ):
        return None
    enterprise.name, enterprise.legal_rep_name = holder.name, holder.legal_rep_name
    enterprise.legal_rep_id, enterprise.address = holder.legal_rep_id, holder.address
    version = EnterpriseVersion(
        enterprise_id=enterprise.id,
        version=(newest.version if newest is not None else 0) + 1,
        name=holder.name,
        legal_rep_name=holder.legal_rep_name,
        legal_rep_id=holder.legal_rep_id,
        address=holder.address,
        application_id=application_id,
    )
    session.add(version)
    return version


def history(session: Session, credit_code: str) -> list[EnterpriseVersion]:
    """Every approved version of the master data, oldest first."""
    return list(
        session.scalars(
            select(EnterpriseVersion)
            .join(Enterprise, Enterprise.id == EnterpriseVersion.enterprise_id)
            .where(Enterprise.credit_code == credit_code)
            .order_by(EnterpriseVersion.version)
        )
    )


def version_count(session: Session, enterprise_id: int) -> int:
    return int(
        session.scalar(select(func.count()).where(EnterpriseVersion.enterprise_id == enterprise_id))
        or 0
    )
