"""What changes between two catalog versions, shown before an edit is published or a file imported.

Three views of one difference: the values that differ (by permit, industry, material …), the
answer combinations whose permits change (every situation of every industry, as the counter
would resolve it), and the reform figures before and after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from desktop_app.catalog.conditions import Answers
from desktop_app.catalog.confirmation import KIND_NAMES, LABELS
from desktop_app.catalog.enumerate import answer_space
from desktop_app.catalog.model import (
    Catalog,
    Confirmation,
    Industry,
    PermitMaterial,
    Provenance,
    Rule,
)
from desktop_app.catalog.report import Reduction, batch_report
from desktop_app.catalog.selection import select_permits

ATTRIBUTES = {
    **LABELS,
    "name": "名称",
    "short_name": "简称",
    "department": "主管部门",
    "kind": "类型",
    "form_source": "申请表来源",
    "provenance": "确认情况",
    "variants": "类型（细分）",
    "label": "名称",
    "type": "类型",
    "unit": "单位",
    "help": "说明",
    "default": "默认值",
    "max": "最大值",
    "min": "最小值",
    "required": "必填",
    "choices": "选项",
    "deferrable": "可容缺",
    "government_issued": "政府部门出具",
    "note": "说明",
    "reuse_months": "复用月数",
    "aliases": "别名",
    "always": "必办许可",
    "rules": "选择规则",
    "constraints": "不予受理的情形",
    "defaults": "默认回答",
    "questions": "情形问题",
    "number": "序号",
}
CATALOG_ATTRIBUTES = {
    "version": "版本号",
    "batch": "批次",
    "title": "名称",
    "source": "依据",
    "issuing_department": "印发部门",
    "counter_department": "受理部门",
}
SECTIONS = {
    "departments": "部门",
    "questions": "情形问题",
    "fields": "表单字段",
    "materials": "材料",
    "permits": "许可证",
}


@dataclass(frozen=True)
class ValueChange:
    subject: str  # 许可证 食品经营许可证, 行业 便利店 …
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class CombinationChange:
    industry: str
    answers: str  # the situation, in the questions' words
    before: str
    after: str


@dataclass(frozen=True)
class FigureChange:
    industry: str
    before: Reduction | None
    after: Reduction | None


@dataclass(frozen=True)
class Comparison:
    values: list[ValueChange]
    combinations: list[CombinationChange]
    combinations_checked: int
    figures: list[FigureChange]

    @property
    def empty(self) -> bool:
        return not self.values


def compare(old: Catalog, new: Catalog) -> Comparison:
    checked, combinations = _combinations(old, new)
    return Comparison(list(_values(old, new)), combinations, checked, _figures(old, new))


def _text(value: object) -> str:
    """A value as an editor reads it (never Python's repr)."""
    if value is None:
        return "无"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Confirmation):
        return value.describe()
    if isinstance(value, Provenance):
        return _provenance(value)
    if isinstance(value, PermitMaterial):
        return f"{value.key}（原件{value.originals}份、复印件{value.copies}份）"
    if isinstance(value, Rule):
        variant = f"（{value.variant}）" if value.variant else ""
        return f"{value.when} → {value.permit}{variant}"
    if isinstance(value, Mapping):
        return "；".join(f"{k}={_text(v)}" for k, v in value.items()) or "无"
    if isinstance(value, frozenset):
        return "、".join(sorted(_text(v) for v in value)) or "无"
    if isinstance(value, tuple | list):
        return "、".join(_text(v) for v in value) or "无"
    if dataclasses.is_dataclass(value):
        return "；".join(
            f"{f.name}={_text(getattr(value, f.name))}"
            for f in dataclasses.fields(value)
            if f.name != "condition"
        )
    return str(value)


def _provenance(p: Provenance) -> str:
    parts = []
    if p.unverified:
        ordered = sorted(p.unverified, key=lambda k: list(LABELS).index(k) if k in LABELS else 99)
        parts.append("待确认：" + "、".join(LABELS.get(k, k) for k in ordered))
    for key, done in p.confirmed.items():
        parts.append(f"{LABELS.get(key, key)}：{done.describe()}")
    for key, source in p.sources.items():
        parts.append(f"{LABELS.get(key, key)}依据：{source}")
    return "；".join(parts) or "无"


def _differences(subject: str, before: object, after: object) -> Iterator[ValueChange]:
    assert dataclasses.is_dataclass(before)
    for f in dataclasses.fields(before):
        if f.name in ("condition", "code", "key"):
            continue
        was, now = _text(getattr(before, f.name)), _text(getattr(after, f.name))
        if was != now:
            yield ValueChange(subject, ATTRIBUTES.get(f.name, f.name), was, now)


def _keyed(
    section: str, old: Mapping[str, object], new: Mapping[str, object]
) -> Iterator[ValueChange]:
    what = SECTIONS[section]
    for code in [*old, *(c for c in new if c not in old)]:
        before, after = old.get(code), new.get(code)
        name = getattr(after or before, "name", None) or getattr(after or before, "label", code)
        subject = f"{what} {name}"
        if before is None:
            yield ValueChange(subject, "新增", "", _text(after))
        elif after is None:
            yield ValueChange(subject, "删除", _text(before), "")
        else:
            yield from _differences(subject, before, after)


def _values(old: Catalog, new: Catalog) -> Iterator[ValueChange]:
    for attribute, label in CATALOG_ATTRIBUTES.items():
        was, now = getattr(old, attribute), getattr(new, attribute)
        if was != now:
            yield ValueChange("目录", label, str(was), str(now))
    for section in SECTIONS:
        yield from _keyed(section, getattr(old, section), getattr(new, section))
    old_rules, new_rules = old.after_issue, new.after_issue
    for key in [*old_rules, *(k for k in new_rules if k not in old_rules)]:
        permit = new.permits.get(key[0]) or old.permits.get(key[0])
        name = permit.name if permit else key[0]
        subject = f"许可证 {name}（{KIND_NAMES.get(key[1], key[1])}）"
        before, after = old_rules.get(key), new_rules.get(key)
        if before is None or after is None:
            continue  # a permit added or removed: said above
        yield from _differences(subject, before, after)
    old_industries = {i.code: i for i in old.industries}
    yield from _keyed_industries(old_industries, {i.code: i for i in new.industries})


def _keyed_industries(
    old: Mapping[str, Industry], new: Mapping[str, Industry]
) -> Iterator[ValueChange]:
    for code in [*old, *(c for c in new if c not in old)]:
        before, after = old.get(code), new.get(code)
        subject = f"行业 {(after or before).name}"  # type: ignore[union-attr]
        if before is None:
            yield ValueChange(subject, "新增（第二批等）", "", _text(after))
        elif after is None:
            yield ValueChange(subject, "删除", _text(before), "")
        else:
            yield from _differences(subject, before, after)


def _complete(catalog: Catalog, industry: Industry, answers: Answers) -> dict[str, bool | float]:
    """The answers for this catalog's questions: others dropped, missing ones no/zero."""
    complete: dict[str, bool | float] = {}
    for key in industry.questions:
        neutral: bool | float = False if catalog.questions[key].type == "bool" else 0.0
        complete[key] = answers.get(key, neutral)
    return complete


def _outcome(catalog: Catalog, industry: Industry, answers: Answers) -> str:
    complete = _complete(catalog, industry, answers)
    for constraint in industry.constraints:
        if constraint.condition.evaluate(complete):
            return f"不予受理：{constraint.message}"
    names = [
        catalog.permits[code].display_name(variant)
        for code, variant in select_permits(industry, complete)
    ]
    return "、".join(names) or "（无许可事项）"


def _situation(catalog: Catalog, answers: Answers) -> str:
    parts = []
    for key, value in answers.items():
        question = catalog.questions.get(key)
        label = question.label if question else key
        if isinstance(value, bool):
            parts.append(f"{label}：{'是' if value else '否'}")
        else:
            unit = question.unit if question else ""
            parts.append(f"{label}：{value:g}{unit}")
    return "；".join(parts) or "（无情形问题）"


def _combinations(old: Catalog, new: Catalog) -> tuple[int, list[CombinationChange]]:
    checked, changed = 0, []
    new_industries = {i.code: i for i in new.industries}
    for before in old.industries:
        after = new_industries.get(before.code)
        if after is None:
            continue
        seen: set[tuple[tuple[str, bool | float], ...]] = set()
        spaces = (answer_space(before, old), answer_space(after, new))
        for answers in (a for space in spaces for a in space):
            situation = {**_complete(old, before, answers), **_complete(new, after, answers)}
            key = tuple(sorted(situation.items()))
            if key in seen:
                continue
            seen.add(key)
            checked += 1
            was, now = _outcome(old, before, situation), _outcome(new, after, situation)
            if was != now:
                words = _situation(new, situation)
                changed.append(CombinationChange(after.name, words, was, now))
    return checked, changed


def _figures(old: Catalog, new: Catalog) -> list[FigureChange]:
    before = {r.code: r for r in batch_report(old)[0]}
    after = {r.code: r for r in batch_report(new)[0]}
    figures = []
    for code in [*before, *(c for c in after if c not in before)]:
        name = (after.get(code) or before[code]).name
        figures.append(FigureChange(name, before.get(code), after.get(code)))
    return figures
