"""The 办事指南 of one industry for the public: every permit it may need and when, in words."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog.bundle import Bundle
from desktop_app.catalog.conditions import AllOf, AnyOf, Compare, Condition, Flag, Not
from desktop_app.catalog.model import Catalog, Industry
from desktop_app.catalog.report import broadest_bundle

_COMPARISONS = {"<=": "不超过", "<": "小于", ">=": "达到", ">": "超过", "==": "等于"}


def describe(condition: Condition, catalog: Catalog) -> str:
    """A rule's condition in plain Chinese: ``area_m2 <= 30`` → 营业面积不超过30平方米."""
    if isinstance(condition, Flag):
        return catalog.questions[condition.key].label
    if isinstance(condition, Compare):
        question = catalog.questions[condition.key]
        return f"{question.label}{_COMPARISONS[condition.op]}{condition.value:g}{question.unit}"
    if isinstance(condition, Not):
        return f"不{describe(condition.operand, catalog)}"
    joiner = "且" if isinstance(condition, AllOf) else "或"
    assert isinstance(condition, AllOf | AnyOf)
    return joiner.join(describe(o, catalog) for o in condition.operands)


@dataclass(frozen=True)
class GuideItem:
    permit: str
    department: str
    when: str  # 必办 or the condition in words
    basis: str
    promised_days: int
    statutory_days: int
    fee: str


@dataclass(frozen=True)
class Guide:
    industry: Industry
    items: tuple[GuideItem, ...]
    questions: tuple[str, ...]
    bundle: Bundle  # every optional permit on: the full material list and flowchart


def build_guide(catalog: Catalog, industry: Industry) -> Guide:
    items: list[tuple[str, str | None, str]] = []
    for code in industry.always:
        items.append((code, None, "必须办理"))
    for rule in industry.rules:
        items.append((rule.permit, rule.variant, f"{describe(rule.condition, catalog)}时办理"))
    guide_items = []
    for code, variant, when in items:
        permit = catalog.permits[code]
        guide_items.append(
            GuideItem(
                permit=permit.display_name(variant),
                department=catalog.departments[permit.department].name,
                when=when,
                basis=permit.basis,
                promised_days=permit.promised_days,
                statutory_days=permit.statutory_days,
                fee=permit.fee,
            )
        )
    return Guide(
        industry=industry,
        items=tuple(guide_items),
        questions=tuple(catalog.questions[k].label for k in industry.questions),
        bundle=broadest_bundle(catalog, industry),
    )
