"""Materials a returning enterprise need not hand in again: its earlier scans, still valid.

The store already holds what the enterprise handed in before, as files. A material may serve again
when the catalog says it can (``reuse_months``), the earlier case had at least one item approved
(a department accepted it), the file came into the store within that many months, and the form
fields the material depends on (``reuse_if_same``: the address for a floor plan) are unchanged.
The clerk offers it; the applicant confirms nothing has changed; the new case then holds the same
files (no copy: the store keeps each content once) and says which case they came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import BundleMaterial, Catalog, ResolveError, resolve
from desktop_app.domain.states import ItemState
from desktop_app.models import Application, Enterprise, Item, MaterialFile, StoredFile


@dataclass(frozen=True)
class ReuseOffer:
    material_key: str
    number: str  # the earlier case the files belong to
    stored_on: dt.date  # when the oldest of its files came into the store
    usable_until: dt.date
    files: tuple[tuple[str, str], ...]  # (sha256, name)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day (31 January + 1 → 28/29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def offers(
    session: Session,
    catalog: Catalog,
    credit_code: str,
    form: Mapping[str, Any],
    needed: Sequence[BundleMaterial],
    today: dt.date,
) -> dict[str, ReuseOffer]:
    """Per material of ``needed``: the newest earlier case whose files may serve again."""
    reusable = {m.key for m in needed if catalog.materials[m.key].reuse_months > 0}
    if not reusable or not credit_code:
        return {}
    approved = (
        select(Item.id)
        .where(Item.application_id == Application.id, Item.state == ItemState.APPROVED)
        .exists()
    )
    rows = session.execute(
        select(
            Application.number,
            Application.form,
            MaterialFile.material_key,
            MaterialFile.sha256,
            MaterialFile.name,
            StoredFile.stored_at,
        )
        .join(Enterprise, Enterprise.id == Application.enterprise_id)
        .join(MaterialFile, MaterialFile.application_id == Application.id)
        .join(StoredFile, StoredFile.sha256 == MaterialFile.sha256)
        .where(
            Enterprise.credit_code == credit_code,
            MaterialFile.material_key.in_(reusable),
            approved,
        )
        .order_by(Application.accepted_at.desc(), Application.id.desc(), MaterialFile.id)
    ).all()
    gathered: dict[tuple[str, str], list[Any]] = {}
    for number, earlier_form, key, sha256, name, stored_at in rows:
        entry = gathered.setdefault((key, number), [earlier_form, [], stored_at])
        entry[1].append((sha256, name))
        entry[2] = min(entry[2], stored_at)
    found: dict[str, ReuseOffer] = {}
    for (key, number), (earlier_form, files, stored_at) in gathered.items():  # newest case first
        if key in found:
            continue
        spec = catalog.materials[key]
        stored_on = clock.local(stored_at).date()
        until = add_months(stored_on, spec.reuse_months)
        changed = any(_differs(earlier_form.get(f), form.get(f)) for f in spec.reuse_if_same)
        if today <= until and not changed:
            found[key] = ReuseOffer(key, number, stored_on, until, tuple(files))
    return found


def offers_for_application(
    session: Session,
    catalog: Catalog,
    industry: str,
    answers: Mapping[str, Any],
    form: Mapping[str, Any],
    today: dt.date | None = None,
) -> dict[str, ReuseOffer]:
    """``offers`` for an application still being typed (none while it makes no valid bundle)."""
    try:
        bundle = resolve(catalog, industry, answers)
    except ResolveError:
        return {}
    code = form.get("credit_code")
    return offers(
        session,
        catalog,
        code if isinstance(code, str) else "",
        form,
        bundle.materials,
        today or clock.today(),
    )


def _differs(before: object, now: object) -> bool:
    """An address typed with other spaces is the same address."""
    if isinstance(before, str) and isinstance(now, str):
        return "".join(before.split()) != "".join(now.split())
    return before != now
