"""Materials the government already holds: checked at the window, or reused from earlier cases.

Only a recorded check or a reuse counts as "not handed over" in the case's figures; a reused
material's files are the earlier case's (one copy in the store) and its reviewers see them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app import clock as app_clock
from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.models import Application, ReceivedMaterial, StoredFile
from desktop_app.services import attachments, auth, intake, material_reuse, workflow
from desktop_app.services.errors import NotFoundError, SubmissionError
from tests import factories, sample_scans
from tests.lifecycle_steps import approve_items
from tests.store.conftest import actor, run_cli

DAY = dt.date(2025, 9, 26)
ANSWERS: dict[str, Any] = {"halal": False}
SCANNED = ("legal_rep_id_proof", "premises_proof", "health_certificates", "food_layout")


def restaurant(catalog: Catalog, **overrides: Any) -> intake.Submission:
    bundle = resolve(catalog, "restaurant", ANSWERS)
    return intake.Submission(
        "restaurant", ANSWERS, factories.full_form(bundle, 7, **overrides), {}, checks={}
    )


def with_materials(
    sub: intake.Submission, materials: dict[str, str], **checks: tuple[str, str]
) -> intake.Submission:
    return intake.Submission(
        sub.industry, sub.answers, sub.form, materials, checks=checks, agent=sub.agent
    )


def on_paper(catalog: Catalog) -> dict[str, str]:
    return factories.all_on_paper(resolve(catalog, "restaurant", ANSWERS))


def first_case(store: Store, catalog: Catalog, approve: bool = True) -> str:
    """The enterprise's first 餐饮 case: scanned, every item approved."""
    with store.write() as session:
        number = intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            with_materials(restaurant(catalog), on_paper(catalog)),
            DAY,
        ).number
        for key in SCANNED:
            attachments.attach(
                session, actor(store, "clerk"), number, key, sample_scans.pdf(key), f"{key}.pdf"
            )
        workflow.dispatch(session, actor(store, "clerk"), number)
    if approve:
        approve_items(store, number)
    return number


def offers_for(store: Store, catalog: Catalog, sub: intake.Submission, day: dt.date) -> set[str]:
    bundle = resolve(catalog, "restaurant", ANSWERS)
    with store.read() as session:
        found = material_reuse.offers(
            session, catalog, str(sub.form["credit_code"]), sub.form, bundle.materials, day
        )
    return set(found)


def figures(store: Store, number: str) -> tuple[int | None, int | None]:
    with store.read() as session:
        application = session.scalars(select(Application).where(Application.number == number)).one()
        return application.separate_materials, application.combined_materials


def test_a_returning_enterprise_reuses_its_earlier_scans_without_a_second_copy(
    store: Store, catalog: Catalog
) -> None:
    earlier = first_case(store, catalog)
    again = restaurant(catalog)
    assert offers_for(store, catalog, again, DAY) == set(SCANNED)
    materials = on_paper(catalog) | dict.fromkeys(SCANNED, f"reused:{earlier}")
    with store.write() as session:
        files_before = session.scalar(select(func.count()).select_from(StoredFile))
        number = intake.accept(
            session, actor(store, "clerk"), catalog, with_materials(again, materials), DAY
        ).number
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(StoredFile)) == files_before
        shown = attachments.of_case(session, number)
        assert {(a.material_key, a.source) for a in shown} == {(k, "reused") for k in SCANNED}
        reused = session.scalars(
            select(ReceivedMaterial.reused_from).where(ReceivedMaterial.how == "reused")
        ).all()
    assert reused == [earlier] * len(SCANNED)
    # 8 separate materials minus the 委托书 (no agent); handed over: all but the four reused (the
    # licence nobody recorded a check of counts as handed over).
    separate, handed = figures(store, number)
    assert (separate, handed) == (7, 7 - len(SCANNED))
    assert figures(store, earlier) == (7, 7)


def test_nothing_is_offered_once_it_is_too_old_moved_or_never_approved(
    store: Store, catalog: Catalog, clock: app_clock.FixedClock
) -> None:
    clock.move_to(DAY)
    earlier = first_case(store, catalog)
    moved = restaurant(catalog, address="同心县豫海镇新区 8 号")
    assert offers_for(store, catalog, moved, DAY) == {"legal_rep_id_proof", "health_certificates"}
    respaced = restaurant(catalog, address=" " + str(restaurant(catalog).form["address"]) + " ")
    assert offers_for(store, catalog, respaced, DAY) == set(SCANNED)
    # 健康证明 serve one year, the premises' papers three, ID proofs five.
    assert offers_for(store, catalog, restaurant(catalog), dt.date(2026, 9, 26)) == set(SCANNED)
    year_on = offers_for(store, catalog, restaurant(catalog), dt.date(2026, 9, 27))
    assert year_on == set(SCANNED) - {"health_certificates"}
    assert offers_for(store, catalog, restaurant(catalog), dt.date(2030, 1, 1)) == {
        "legal_rep_id_proof"  # ID proofs: five years
    }
    assert offers_for(store, catalog, restaurant(catalog), dt.date(2030, 9, 27)) == set()
    late = on_paper(catalog) | {"health_certificates": f"reused:{earlier}"}
    with pytest.raises(SubmissionError) as refused, store.write() as session:
        intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            with_materials(restaurant(catalog), late),
            dt.date(2026, 10, 1),
        )
    assert "没有可沿用的已有材料" in refused.value.errors["health_certificates"]


def test_a_case_no_department_approved_offers_nothing(store: Store, catalog: Catalog) -> None:
    first_case(store, catalog, approve=False)
    assert offers_for(store, catalog, restaurant(catalog), DAY) == set()


def test_a_window_check_is_recorded_at_acceptance_and_only_then_saves_a_material(
    store: Store, catalog: Catalog
) -> None:
    sub = restaurant(catalog)
    checked = on_paper(catalog) | {"business_licence": "checked"}
    source = ("国家企业信用信息公示系统", str(sub.form["credit_code"]))
    with store.write() as session:
        number = intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            with_materials(sub, checked, business_licence=source),
            DAY,
        ).number
    with store.read() as session:
        (check,) = attachments.checks_of_case(session, number)
    assert (check.material_key, check.source, check.document_no, check.checked_by) == (
        "business_licence",
        *source,
        "clerk",
    )
    assert figures(store, number) == (7, 6)
    with pytest.raises(SubmissionError) as refused, store.write() as session:
        intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            with_materials(
                restaurant(catalog, credit_code=factories.credit_code(8)),
                checked | {"site_plan": "checked", "food_layout": "checked"},
                business_licence=("", "X"),
                food_layout=("档案", "1"),
            ),
            DAY,
        )
    errors = refused.value.errors
    assert "核验来源和证照编号" in errors["business_licence"]
    assert "须由申请人提交" in errors["food_layout"]
    assert "不需要材料" in errors["site_plan"]


def test_a_check_recorded_after_acceptance_counts_once(store: Store, catalog: Catalog) -> None:
    sub = with_materials(restaurant(catalog), on_paper(catalog))
    with store.write() as session:
        number = intake.accept(session, actor(store, "clerk"), catalog, sub, DAY).number
    assert figures(store, number) == (7, 7)
    clerk = actor(store, "clerk")
    for document_no in ("91640324X", "91640324Y"):
        with store.write() as session:
            attachments.record_check(
                session, clerk, catalog, number, "business_licence", "公示系统", document_no
            )
    assert figures(store, number) == (7, 6)
    with store.write() as session:  # a material handed in on paper stays handed in
        attachments.record_check(
            session, clerk, catalog, number, "premises_proof", "不动产登记中心", "宁(2024)1号"
        )
    assert figures(store, number) == (7, 6)
    with pytest.raises(NotFoundError), store.write() as session:
        attachments.record_check(
            session, clerk, catalog, number, "fire_safety_approval", "消防", "1"
        )


def test_the_authorisation_is_asked_only_when_an_agent_applies(
    store: Store, catalog: Catalog
) -> None:
    without = {k: v for k, v in on_paper(catalog).items() if k != "agent_authorization"}
    sub = restaurant(catalog)
    with store.write() as session:
        number = intake.accept(
            session, actor(store, "clerk"), catalog, with_materials(sub, without), DAY
        ).number
    assert figures(store, number) == (7, 7)
    agent = intake.AgentInfo("李四", factories.id_number(55), "13900000000")
    by_agent = intake.Submission(
        sub.industry,
        sub.answers,
        restaurant(catalog, credit_code=factories.credit_code(9)).form,
        without,
        agent=agent,
    )
    with pytest.raises(SubmissionError) as refused, store.write() as session:
        intake.accept(session, actor(store, "clerk"), catalog, by_agent, DAY)
    assert "授权委托书" in refused.value.errors["agent_authorization"]


def test_the_case_report_counts_what_was_typed_and_handed_over(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> None:
    code, out, _ = run_cli(capsys, "--database", cli_db, "catalog", "report", "--cases")
    assert (code, out.strip()) == (0, "本库尚无新办件；按目录计算的减少情况见 yiye catalog report")
    store = open_store(cli_db)
    sub = restaurant(catalog)
    checked = on_paper(catalog) | {"business_licence": "checked"}
    with store.write() as session:
        clerk = auth.actor_for(session, "clerk")
        intake.accept(
            session,
            clerk,
            catalog,
            with_materials(sub, checked, business_licence=("公示系统", "9164")),
            DAY,
        )
        other = restaurant(catalog, credit_code=factories.credit_code(8))
        intake.accept(session, clerk, catalog, with_materials(other, on_paper(catalog)), DAY)
    store.dispose()
    code, out, _ = run_cli(capsys, "--database", cli_db, "catalog", "report", "--cases", "--json")
    assert code == 0
    (row,) = json.loads(out)["industries"]
    combined = len(resolve(catalog, "restaurant", ANSWERS).fields)  # nothing filled from records
    assert row | {"fields_saved_pct": None} == {
        "industry": "restaurant",
        "name": "餐厅/饭店",
        "cases": 2,
        "separate_fields": 2 * sum(len(catalog.permits[p].form) for p in ("food_business",)),
        "typed_fields": 2 * combined,
        "fields_saved_pct": None,
        "separate_materials": 14,
        "handed_materials": 13,  # one licence checked at the window
        "materials_saved_pct": 7.1,
    }
    code, out, _ = run_cli(capsys, "--database", cli_db, "catalog", "report", "--cases")
    assert "餐厅/饭店\t2\t" in out
    assert "14 → 13（7.1%）" in out
