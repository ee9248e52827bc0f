"""Editing a catalog version's files: confirmations, values, and what an edit changes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.catalog import CatalogError, load_catalog_texts, read_texts, resolve
from desktop_app.catalog.compare import compare
from desktop_app.catalog.confirmation import confirmed, unconfirmed
from desktop_app.catalog.editing import (
    EditError,
    confirm,
    set_deferrable,
    set_permit_values,
    with_version,
)
from desktop_app.catalog.model import Confirmation
from desktop_app.catalog.notice import MARK, build_notice

SHIPPED = read_texts()
HEALTH = Confirmation("县卫生健康局", "马丽", dt.date(2026, 11, 30), "电话确认")


def test_confirming_every_value_of_a_permit_takes_its_marks_away() -> None:
    catalog = load_catalog_texts(SHIPPED)
    pending = catalog.permits["public_hygiene"].unverified
    assert pending
    files = confirm(SHIPPED, "public_hygiene", None, pending, HEALTH)
    edited = load_catalog_texts(files)
    hygiene = edited.permits["public_hygiene"]
    assert hygiene.unverified == frozenset()
    assert set(hygiene.provenance.confirmed) == set(pending)
    assert hygiene.provenance.confirmed["promised_days"].describe() == (
        "县卫生健康局于2026-11-30确认（马丽）"
    )
    notice = build_notice(resolve(edited, "hotel", {"catering": False, "halal": False}))
    (row,) = [i for i in notice.items if i.permit == hygiene.name]
    assert MARK not in f"{row.promised}{row.statutory}{row.commitment}"
    # The police's values were not touched: still marked.
    (police,) = [i for i in notice.items if i.department == "县公安局"]
    assert MARK in police.promised
    # The lists follow: gone from 待确认, present in 已确认 with who and when.
    assert not [
        u for u in unconfirmed(edited, "health") if u.permit == "public_hygiene" and u.kind is None
    ]
    done = [u for u in confirmed(edited, "health") if u.permit == "public_hygiene"]
    assert {u.key for u in done} == set(pending)
    assert all(u.confirmation == HEALTH for u in done)
    # The file keeps its comments: confirming is an edit, not a rewrite.
    assert files["permits"].splitlines()[0] == SHIPPED["permits"].splitlines()[0]


def test_confirming_one_permit_s_procedure_leaves_the_others_pending() -> None:
    files = confirm(SHIPPED, "food_business", "change", ["materials"], HEALTH)
    edited = load_catalog_texts(files)
    food = edited.after_issue[("food_business", "change")]
    assert "materials" not in food.unverified
    assert "statutory_days" in food.unverified
    assert edited.after_issue[("public_hygiene", "change")].unverified >= {"materials"}
    # An override keeps the general procedure's values it does not set.
    assert food.materials == edited.after_issue[("public_hygiene", "change")].materials


def test_what_cannot_be_confirmed_is_refused() -> None:
    with pytest.raises(EditError, match="没有许可证"):
        confirm(SHIPPED, "nothing", None, ["fee"], HEALTH)
    with pytest.raises(EditError, match="不在待确认之列"):
        confirm(SHIPPED, "public_hygiene", None, ["fee"], HEALTH)
    with pytest.raises(EditError, match="请选择"):
        confirm(SHIPPED, "public_hygiene", None, [], HEALTH)


@pytest.mark.parametrize(
    ("addition", "place"),
    [
        (
            'confirmed = { promised_days = { department = "县市场监管局", by = "张三", '
            "on = 2026-12-01 } }",
            r"permit\[0\]\.confirmed\.promised_days: 同一项不能既列为待确认又记录为已确认",
        ),
        (
            'confirmed = { colour = { department = "县市场监管局", by = "张三", '
            "on = 2026-12-01 } }",
            r"permit\[0\]\.confirmed\.colour: 未知的项目",
        ),
        (
            'confirmed = { fee = { department = "县市场监管局", by = "张三", '
            "on = 2026-12-01T10:00:00 } }",
            r"permit\[0\]\.confirmed\.fee\.on: 应为日期",
        ),
        (
            'confirmed = { fee = { department = "县市场监管局", on = 2026-12-01 } }',
            r"permit\[0\]\.confirmed\.fee\.by: 缺少必填项",
        ),
        ('sources = { fee = "" }', r"permit\[0\]\.sources\.fee: 应为非空字符串"),
    ],
)
def test_a_broken_confirmation_is_refused_with_its_place(addition: str, place: str) -> None:
    files = dict(SHIPPED)
    files["permits"] = files["permits"].replace('fee = "不收费"', f'fee = "不收费"\n{addition}', 1)
    with pytest.raises(CatalogError, match=place):
        load_catalog_texts(files)


def test_a_value_s_source_is_its_own_or_the_permit_s() -> None:
    files = dict(SHIPPED)
    files["permits"] = files["permits"].replace(
        'fee = "不收费"', 'fee = "不收费"\nsources = { fee = "宁发改价格〔2020〕1号" }', 1
    )
    food = load_catalog_texts(files).permits["food_business"]
    assert food.source_of("fee") == "宁发改价格〔2020〕1号"
    assert food.source_of("statutory_days") == food.basis
    assert food.source_of("form") == food.form_source
    assert food.site_check is not None
    assert food.source_of("site_check") == food.site_check.basis


def test_permit_values_and_deferrable_materials_are_set() -> None:
    files = set_permit_values(
        SHIPPED, "public_hygiene", {"promised_days": 7, "validity_years": None, "fee": "不收费"}
    )
    files = set_deferrable(files, "site_plan", True)
    edited = load_catalog_texts(files)
    assert edited.permits["public_hygiene"].promised_days == 7
    assert edited.permits["public_hygiene"].validity_years is None
    assert edited.materials["site_plan"].deferrable
    with pytest.raises(EditError, match="类型错误"):
        set_permit_values(SHIPPED, "public_hygiene", {"promised_days": "七"})
    with pytest.raises(EditError, match="类型错误"):
        set_permit_values(SHIPPED, "public_hygiene", {"promised_days": True})
    with pytest.raises(EditError, match="不能在此修改"):
        set_permit_values(SHIPPED, "public_hygiene", {"form": []})
    with pytest.raises(EditError, match="没有材料"):
        set_deferrable(SHIPPED, "nothing", True)
    with pytest.raises(EditError, match="请填写"):
        with_version(SHIPPED, " ")


def test_a_rule_edit_changes_exactly_the_situations_it_says() -> None:
    """便利店's food permit from 50 m² instead of 30: only areas between change."""
    files = with_version(SHIPPED, "2024.1.0")
    files["industries"] = files["industries"].replace("area_m2 > 30", "area_m2 > 50", 1)
    before, after = load_catalog_texts(SHIPPED), load_catalog_texts(files)
    result = compare(before, after)
    assert [(v.subject, v.label) for v in result.values] == [
        ("目录", "版本号"),
        ("行业 便利店", "选择规则"),
    ]
    assert result.combinations
    assert {c.industry for c in result.combinations} == {"便利店"}
    for change in result.combinations:
        area = float(change.answers.split("营业面积：")[1].split("平方米")[0])
        assert 30 < area <= 50
        assert "食品经营许可证" in change.before
        assert "食品经营许可证" not in change.after
    assert result.combinations_checked > 100
    # The broadest situation is unchanged, so are the reform figures.
    assert all(f.before == f.after for f in result.figures)


def test_an_identical_version_shows_no_difference() -> None:
    catalog = load_catalog_texts(SHIPPED)
    result = compare(catalog, catalog)
    assert result.empty
    assert result.combinations == []


def test_a_second_batch_industry_shows_as_added_with_its_figures() -> None:
    """第二批: a 茶馆 added in industries.toml (its own rules over permits already there)."""
    files = with_version(SHIPPED, "2024.2.0")
    files["industries"] += """
[[industry]]
number = 15
code = "teahouse"
name = "茶馆"
aliases = ["茶楼", "茶社"]
always = ["food_business", "public_hygiene"]
rules = [
    { when = "halal", permit = "halal" },
]
"""
    after = load_catalog_texts(files)
    assert after.find_industry("茶楼") is not None
    result = compare(load_catalog_texts(SHIPPED), after)
    assert ("行业 茶馆", "新增（第二批等）") in [(v.subject, v.label) for v in result.values]
    (tea,) = [f for f in result.figures if f.industry == "茶馆"]
    assert tea.before is None
    assert tea.after is not None
    assert tea.after.separate_fields > tea.after.combined_fields
    assert result.combinations == []  # the fourteen industries resolve as before
