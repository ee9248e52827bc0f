"""The 办事指南 of one industry for the public: every permit it may need and when, in words."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog.bundle import Bundle
from desktop_app.catalog.conditions import AllOf, AnyOf, Compare, Condition, Flag, Not
from desktop_app.catalog.model import Catalog, Industry, Permit
from desktop_app.catalog.notice import FOOTNOTE, MARK, step_days, working_days
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
    """One permit as the public reads it; a value its department has not confirmed is marked."""

    permit: str
    department: str
    when: str  # 必须办理 or the condition in words
    basis: str
    promised: str
    statutory: str
    fee: str
    commitment: str
    site_check: str
    validity: str


@dataclass(frozen=True)
class Guide:
    industry: Industry
    items: tuple[GuideItem, ...]
    questions: tuple[str, ...]
    bundle: Bundle  # every optional permit on: the full material list and flowchart
    footnote: str = ""  # FOOTNOTE when anything shown is marked


def _item(catalog: Catalog, permit: Permit, variant: str | None, when: str) -> GuideItem:
    pending = permit.unverified

    def marked(text: str, key: str) -> str:
        return f"{text}{MARK}" if key in pending else text

    return GuideItem(
        permit=permit.display_name(variant),
        department=catalog.department_name(permit.department),
        when=when,
        basis=marked(permit.basis, "basis"),
        promised=marked(working_days(permit.promised_days), "promised_days"),
        statutory=marked(working_days(permit.statutory_days), "statutory_days"),
        fee=marked(permit.fee, "fee"),
        commitment=marked("可告知承诺" if permit.commitment_allowed else "—", "commitment_allowed"),
        site_check=marked("需现场核查" if permit.needs_site_check(variant) else "—", "site_check"),
        validity=marked(
            f"{permit.validity_years}年" if permit.validity_years else "长期有效", "validity_years"
        ),
    )


def build_guide(catalog: Catalog, industry: Industry) -> Guide:
    items: list[tuple[str, str | None, str]] = []
    for code in industry.always:
        items.append((code, None, "必须办理"))
    for rule in industry.rules:
        items.append((rule.permit, rule.variant, f"{describe(rule.condition, catalog)}时办理"))
    guide_items = tuple(
        _item(catalog, catalog.permits[code], variant, when) for code, variant, when in items
    )
    bundle = broadest_bundle(catalog, industry)
    shown = [
        *(
            f"{i.basis}{i.promised}{i.statutory}{i.fee}{i.commitment}{i.site_check}{i.validity}"
            for i in guide_items
        ),
        *(step_days(s) for s in bundle.steps),
    ]
    return Guide(
        industry=industry,
        items=guide_items,
        questions=tuple(catalog.questions[k].label for k in industry.questions),
        bundle=bundle,
        footnote=FOOTNOTE if any(MARK in text for text in shown) else "",
    )
