"""``resolve(catalog, industry, answers)``: the permits, combined form, materials and steps."""

from __future__ import annotations

import math
from collections.abc import Mapping

from desktop_app.catalog.bundle import (
    SHARED_GROUP,
    Bundle,
    BundleField,
    BundleMaterial,
    SelectedPermit,
    Step,
)
from desktop_app.catalog.errors import (
    AnswerTypeError,
    ImpossibleAnswersError,
    InvalidAnswerError,
    MissingAnswerError,
    UnknownAnswerError,
    UnknownIndustryError,
)
from desktop_app.catalog.model import Catalog, Industry
from desktop_app.catalog.selection import select_permits


def resolve(catalog: Catalog, industry: str | Industry, answers: Mapping[str, object]) -> Bundle:
    """Decides what an applicant of ``industry`` with these ``answers`` must apply for.

    Args:
        catalog: the loaded catalog.
        industry: an Industry, or its code, Chinese name or alias.
        answers: situation answers by canonical key; yes/no answers default to the catalog's
            default (false unless the industry says otherwise).

    Raises:
        ResolveError: one of its subclasses, with a Chinese message naming the problem.
    """
    found = catalog.find_industry(industry) if isinstance(industry, str) else industry
    if found is None:
        raise UnknownIndustryError(str(industry))
    normalized = normalize_answers(catalog, found, answers)
    for constraint in found.constraints:
        if constraint.condition.evaluate(normalized):
            raise ImpossibleAnswersError(constraint.message)
    selected = select_permits(found, normalized)
    permits = tuple(_selected_permit(catalog, code, variant) for code, variant in selected)
    return Bundle(
        catalog_version=catalog.version,
        industry=found.code,
        industry_name=found.name,
        answers=normalized,
        permits=permits,
        fields=combined_fields(catalog, [p.code for p in permits], set(normalized), found),
        materials=merged_materials(catalog, [p.code for p in permits]),
        steps=_steps(catalog, permits),
    )


def normalize_answers(
    catalog: Catalog, industry: Industry, answers: Mapping[str, object]
) -> dict[str, bool | float]:
    """Checks every answer's key, type and range; fills defaults; raises ResolveError."""
    for key in answers:
        if key not in industry.questions:
            raise UnknownAnswerError(key, industry.name, known=key in catalog.questions)
    normalized: dict[str, bool | float] = {}
    for key in industry.questions:
        question = catalog.questions[key]
        value = answers.get(key)
        if question.type == "bool":
            if value is None:
                value = industry.defaults.get(key, bool(question.default))
            if not isinstance(value, bool):
                raise AnswerTypeError(key, question.label, "是/否（true 或 false）", value)
            normalized[key] = value
            continue
        if value is None:
            raise MissingAnswerError(key, question.label)
        # bool is an int in Python; `true` as an area is a slip, not 1 m².
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise AnswerTypeError(key, question.label, "数字", value)
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = math.inf
        if not math.isfinite(number):
            raise InvalidAnswerError(f"{question.label}（{key}）必须是有限的数字", key)
        if number < 0:
            raise InvalidAnswerError(f"{question.label}（{key}）不能为负数：{value}", key)
        if question.max is not None and number > question.max:
            raise InvalidAnswerError(
                f"{question.label}（{key}）超出合理范围（最大 {question.max:g}{question.unit}）",
                key,
            )
        normalized[key] = number
    return normalized


def _selected_permit(catalog: Catalog, code: str, variant: str | None) -> SelectedPermit:
    permit = catalog.permits[code]
    department = catalog.departments[permit.department]
    return SelectedPermit(
        code=code,
        name=permit.display_name(variant),
        variant=variant,
        department=department.code,
        department_name=department.name,
        kind=permit.kind,
        statutory_days=permit.statutory_days,
        promised_days=permit.promised_days,
        commitment_allowed=permit.commitment_allowed,
        fee=permit.fee,
        basis=permit.basis,
        validity_years=permit.validity_years,
        unverified=permit.unverified,
        site_check=permit.needs_site_check(variant),
    )


def combined_fields(
    catalog: Catalog,
    permit_codes: list[str],
    answered: set[str] | frozenset[str] = frozenset(),
    industry: Industry | None = None,
) -> tuple[BundleField, ...]:
    """One field per key: the shared group first (catalog order), then each permit's own fields.

    A field is shared when DOMAIN.md asks it in every combined form or when two or more of the
    selected permits ask it. A field backed by a situation answer takes that answer only where the
    industry asked the question (餐厅 is not asked its area, so its form asks for it).
    """
    forms = {
        code: industry.permit_form(catalog.permits[code])
        if industry
        else catalog.permits[code].form
        for code in permit_codes
    }
    askers: dict[str, list[str]] = {}
    for code in permit_codes:
        for key in forms[code]:
            askers.setdefault(key, []).append(code)
    shared = [
        key for key, spec in catalog.fields.items() if spec.shared or len(askers.get(key, ())) > 1
    ]
    shared_keys = set(shared)
    own = [(code, key) for code in permit_codes for key in forms[code] if key not in shared_keys]
    groups = [(SHARED_GROUP, key) for key in shared] + own
    result = []
    for group, key in groups:
        spec = catalog.fields[key]
        result.append(
            BundleField(
                key=key,
                label=spec.label,
                type=spec.type,
                required=spec.required,
                group=group,
                permits=tuple(askers.get(key, ())),
                check=spec.check,
                max_length=spec.max_length,
                min=spec.min,
                max=spec.max,
                choices=spec.choices,
                multiple=spec.multiple,
                answer=spec.answer if spec.answer in answered else None,
                personal=spec.personal,
                default_from=next((k for k in spec.default_from if k in askers), None),
            )
        )
    return tuple(result)


def merged_materials(catalog: Catalog, permit_codes: list[str]) -> tuple[BundleMaterial, ...]:
    """One entry per material, in order of first need; separate application forms merge into one."""
    merged: dict[str, tuple[list[str], int, int]] = {}
    for code in permit_codes:
        for need in catalog.permits[code].materials:
            key = catalog.materials[need.key].replaced_by or need.key
            permits, originals, copies = merged.get(key, ([], 0, 0))
            if code not in permits:
                permits.append(code)
            # One original and one copy serve every department: the counter shares the scans.
            merged[key] = (permits, max(originals, need.originals), max(copies, need.copies))
    result = []
    for key, (permits, originals, copies) in merged.items():
        spec = catalog.materials[key]
        result.append(
            BundleMaterial(
                key=key,
                name=spec.name,
                permits=tuple(permits),
                originals=originals,
                copies=copies,
                deferrable=spec.deferrable,
                government_issued=spec.government_issued,
                note=spec.note,
                only_with_agent=spec.only_with_agent,
            )
        )
    return tuple(result)


def _steps(catalog: Catalog, permits: tuple[SelectedPermit, ...]) -> tuple[Step, ...]:
    counter = catalog.departments[catalog.counter_department]
    issuer = catalog.departments[catalog.issuing_department]
    codes = tuple(p.code for p in permits)
    steps = [Step("counter", "一窗受理（当场决定是否受理）", counter.code, counter.name, codes, 0)]
    by_department: dict[str, list[SelectedPermit]] = {}
    for permit in permits:
        by_department.setdefault(permit.department, []).append(permit)
    for code, items in by_department.items():
        department = catalog.departments[code]
        steps.append(
            Step(
                "department",
                "并联审批：" + "、".join(p.name for p in items),
                code,
                department.name,
                tuple(p.code for p in items),
                max(p.promised_days for p in items),
                any("promised_days" in p.unverified for p in items),
            )
        )
    title = (
        "统一出件：核发行业综合许可证及关联许可证" if len(permits) >= 2 else "统一出件：核发许可证"
    )
    steps.append(Step("issue", title, issuer.code, issuer.name, codes, 0))
    return tuple(steps)
