"""不再重复提交: what the counter already knows about an enterprise, offered to fill the form.

From the enterprise's earlier applications here: each shared field from the newest application
with an approved item, and each permit's own field from the newest application in which a permit
asking that field was approved (a refused permit's values are not offered). From the platform's
business-licence lookup (protocol v1.1): the licence's name, legal representative, domicile,
capital and type. Each value says where it came from; the form shows them as filled, editable.
The agent's fields are never offered (whoever comes this time is asked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain.states import ItemState
from desktop_app.models import Application, Enterprise, EnterpriseVersion, Item

NEVER_OFFERED = ("agent_",)


@dataclass(frozen=True)
class Prefill:
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field key → where the value is from

    def merged(self, other: Prefill) -> Prefill:
        """This one's values, and ``other``'s for the keys this one lacks."""
        values = {**other.values, **self.values}
        sources = {**other.sources, **self.sources}
        return Prefill(values, {k: sources[k] for k in values})

    def as_json(self) -> dict[str, Any]:
        return {k: {"value": v, "source": self.sources[k]} for k, v in self.values.items()}


def _offered(catalog: Catalog, key: str) -> bool:
    spec = catalog.fields.get(key)
    return spec is not None and spec.answer is None and not key.startswith(NEVER_OFFERED)


def from_earlier_cases(session: Session, catalog: Catalog, credit_code: str) -> Prefill:
    """The values this enterprise's approved applications here filed, newest first."""
    rows = session.execute(
        select(
            Application.number,
            Application.form,
            Application.accepted_on,
            Application.industry,
            Item.permit,
        )
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .join(Item, Item.application_id == Application.id)
        .where(Enterprise.credit_code == credit_code, Item.state == ItemState.APPROVED)
        .order_by(Application.accepted_at.desc(), Application.id.desc())
    ).all()
    approved: dict[str, tuple[str, dict[str, Any], dt.date, str, set[str]]] = {}
    for number, form, accepted_on, industry, permit in rows:
        approved.setdefault(number, (number, form, accepted_on, industry, set()))[4].add(permit)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for number, form, accepted_on, code, permits in approved.values():  # newest first
        industry = catalog.find_industry(code)
        asked = {
            key
            for permit in permits
            for key in (
                industry.permit_form(catalog.permits[permit])
                if industry
                else catalog.permits[permit].form
            )
        }
        for key, value in form.items():
            if key in values or not _offered(catalog, key) or value in (None, "", []):
                continue
            if catalog.fields[key].shared or key in asked:
                values[key] = value
                sources[key] = f"本窗口办件 {number}（{accepted_on.isoformat()} 受理，已准予）"
    return Prefill(values, sources)


def _capital(text: object) -> float | None:
    """注册资本 as the form takes it (万元); the licence says e.g. "50万元" or "500000元"."""
    raw = str(text or "").replace(",", "").replace("人民币", "").strip()
    scale = Decimal(1)
    if raw.endswith("万元"):
        raw = raw[:-2]
    elif raw.endswith("元"):
        raw, scale = raw[:-1], Decimal("0.0001")
    try:
        return float(Decimal(raw) * scale)
    except InvalidOperation:
        return None


def from_licence(
    catalog: Catalog, record: Mapping[str, Any], at: dt.datetime | None = None
) -> Prefill:
    """The platform's business-licence record, mapped to the form's fields it has."""
    stamp = clock.local(at or clock.now()).strftime("%Y-%m-%d %H:%M")
    source = f"区域平台营业执照信息（{stamp} 查询）"
    candidates: dict[str, Any] = {
        "enterprise_name": record.get("name"),
        "credit_code": record.get("credit_code"),
        "legal_rep_name": record.get("legal_rep_name"),
        "domicile": record.get("domicile"),
        "registered_capital": _capital(record.get("registered_capital")),
        "economic_type": record.get("type"),
    }
    values: dict[str, Any] = {}
    for key, value in candidates.items():
        spec = catalog.fields.get(key)
        if spec is None or value in (None, "") or not _offered(catalog, key):
            continue
        if spec.choices and value not in spec.choices:
            continue  # a type the form's list does not have: the clerk picks one
        values[key] = value if isinstance(value, float) else str(value).strip()
    return Prefill(values, dict.fromkeys(values, source))


@dataclass(frozen=True)
class MasterData:
    credit_code: str
    name: str
    legal_rep_name: str
    address: str
    history: list[dict[str, Any]]


def master_data(session: Session, credit_code: str) -> MasterData | None:
    """The enterprise's master data in force and its versions (oldest first)."""
    enterprise = session.scalar(select(Enterprise).where(Enterprise.credit_code == credit_code))
    if enterprise is None:
        return None
    versions = session.execute(
        select(EnterpriseVersion, Application.number)
        .outerjoin(Application, Application.id == EnterpriseVersion.application_id)
        .where(EnterpriseVersion.enterprise_id == enterprise.id)
        .order_by(EnterpriseVersion.version)
    ).all()
    return MasterData(
        enterprise.credit_code,
        enterprise.name,
        enterprise.legal_rep_name,
        enterprise.address,
        [
            {
                "version": v.version,
                "name": v.name,
                "legal_rep_name": v.legal_rep_name,
                "address": v.address,
                "application": number,
                "recorded_at": v.recorded_at,
            }
            for v, number in versions
        ],
    )
