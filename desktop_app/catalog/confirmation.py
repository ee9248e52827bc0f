"""What the county still has to confirm (values marked ``unverified``), and who confirmed the rest.

The list a 核对表 is made from: each value as the catalog has it, so the department can say
"yes" or give the right one. Pure data over a Catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog.model import AFTER_ISSUE_KINDS, Catalog, Confirmation, KindRule, Permit
from desktop_app.catalog.notice import working_days

LABELS = {
    "statutory_days": "法定办理时限",
    "promised_days": "承诺办理时限",
    "commitment_allowed": "可否告知承诺",
    "validity_years": "有效期",
    "fee": "收费",
    "form": "申请表字段",
    "materials": "申请材料",
    "site_check": "现场核查",
    "basis": "办理依据",
}
KIND_NAMES = {"change": "变更", "renewal": "延续", "cancellation": "注销"}


@dataclass(frozen=True)
class Unconfirmed:
    """One value of a permit or of its 变更/延续/注销, as the catalog has it now."""

    department: str
    department_name: str
    permit: str
    kind: str | None  # None: the permit's new application; else change, renewal, cancellation
    subject: str  # the permit, or the permit's 变更/延续/注销
    key: str
    label: str
    value: str
    source: str  # the document it comes from
    confirmation: Confirmation | None = None  # set in ``confirmed()``'s rows


def _materials(catalog: Catalog, keys: tuple[str, ...]) -> str:
    return "、".join(catalog.materials[k].name for k in keys if k in catalog.materials)


def _permit_value(catalog: Catalog, permit: Permit, key: str) -> str:
    if key in ("statutory_days", "promised_days"):
        return working_days(getattr(permit, key))
    if key == "commitment_allowed":
        return "可以" if permit.commitment_allowed else "不可以"
    if key == "validity_years":
        return f"{permit.validity_years}年" if permit.validity_years else "长期"
    if key == "form":
        return f"{len(permit.form)}项：" + "、".join(
            catalog.fields[f].label for f in permit.form if f in catalog.fields
        )
    if key == "materials":
        return _materials(catalog, tuple(m.key for m in permit.materials))
    if key == "site_check":
        return permit.site_check.basis if permit.site_check else "不需要"
    return str(getattr(permit, key, ""))


def _rule_value(catalog: Catalog, rule: KindRule, key: str) -> str:
    if key in ("statutory_days", "promised_days"):
        return working_days(getattr(rule, key))
    if key == "materials":
        return _materials(catalog, rule.materials)
    return rule.basis


def _order(key: str) -> tuple[int, str]:
    return (list(LABELS).index(key) if key in LABELS else len(LABELS), key)


def unconfirmed(catalog: Catalog, department: str | None = None) -> list[Unconfirmed]:
    """Every unconfirmed value, by department and permit (the catalog's order)."""
    return _rows(catalog, department, confirmed=False)


def confirmed(catalog: Catalog, department: str | None = None) -> list[Unconfirmed]:
    """Every value a department has confirmed, with who and when."""
    return _rows(catalog, department, confirmed=True)


def _rows(catalog: Catalog, department: str | None, confirmed: bool) -> list[Unconfirmed]:
    found = []
    for permit in catalog.permits.values():
        if department is not None and permit.department != department:
            continue
        name = catalog.departments[permit.department].name
        procedures: list[tuple[str | None, str, Permit | KindRule]] = [(None, permit.name, permit)]
        for kind in AFTER_ISSUE_KINDS:
            rule = catalog.after_issue.get((permit.code, kind))
            if rule is not None:
                procedures.append((kind, f"{permit.name}（{KIND_NAMES[kind]}）", rule))
        for procedure, subject, holder in procedures:
            keys = holder.provenance.confirmed if confirmed else holder.unverified
            for key in sorted(keys, key=_order):
                value = (
                    _permit_value(catalog, holder, key)
                    if isinstance(holder, Permit)
                    else _rule_value(catalog, holder, key)
                )
                found.append(
                    Unconfirmed(
                        permit.department,
                        name,
                        permit.code,
                        procedure,
                        subject,
                        key,
                        LABELS.get(key, key),
                        value,
                        holder.source_of(key),
                        holder.provenance.confirmed.get(key),
                    )
                )
    return sorted(found, key=lambda u: u.department)
