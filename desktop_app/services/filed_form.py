"""The combined form as filed, in sections: what the 申请表 prints and what a department sees.

Sections follow the bundle: the shared fields once, then each permit's own. A department sees
the shared section and its own permit's, never another permit's fields (it sees what it needs),
with identity numbers and phones masked as on every screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.catalog import Bundle, Catalog
from desktop_app.catalog.bundle import SHARED_GROUP, BundleField
from desktop_app.domain.masking import mask_id_number, mask_phone

SHARED_TITLE = "共用信息"


@dataclass(frozen=True)
class Section:
    title: str
    group: str  # "shared" or the permit code
    rows: tuple[tuple[str, str, str], ...]  # (key, label, value)


def show_value(value: Any) -> str:
    """A stored form value as a person reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def mask_value(field: BundleField, value: str) -> str:
    if field.check == "id_number":
        return mask_id_number(value)
    if field.check == "phone" and field.personal:
        return mask_phone(value)
    return value


def sections(
    catalog: Catalog,
    bundle: Bundle,
    form: Mapping[str, Any],
    permits: Sequence[str] | None = None,
    masked: bool = False,
) -> list[Section]:
    """The filed values by section; ``permits`` limits the permit sections to those permits."""
    groups = [SHARED_GROUP, *(p.code for p in bundle.permits)]
    if permits is not None:
        groups = [g for g in groups if g == SHARED_GROUP or g in permits]
    result = []
    for group in groups:
        rows = []
        for field in bundle.fields_in_group(group):
            if field.key not in form:
                continue
            value = show_value(form[field.key])
            rows.append((field.key, field.label, mask_value(field, value) if masked else value))
        if not rows:
            continue
        if group == SHARED_GROUP:
            title = SHARED_TITLE
        else:
            selected = next(p for p in bundle.permits if p.code == group)
            title = catalog.permits[group].display_name(selected.variant)
        result.append(Section(title, group, tuple(rows)))
    return result


def situation(catalog: Catalog, bundle: Bundle) -> list[list[str]]:
    """The answers that decided the permits, as question and answer."""
    industry = catalog.find_industry(bundle.industry)
    asked = industry.questions if industry is not None else tuple(bundle.answers)
    rows = []
    for key in asked:
        if key not in bundle.answers:
            continue
        question = catalog.questions.get(key)
        label = question.label if question is not None else key
        unit = question.unit if question is not None else ""
        rows.append([label, show_value(bundle.answers[key]) + unit])
    return rows
