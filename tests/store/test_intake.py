import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.domain.states import ItemMode
from desktop_app.models import (
    Agent,
    Application,
    AuditEntry,
    Enterprise,
    IssuedNotice,
    Item,
    ReceivedMaterial,
)
from desktop_app.services import cases, drafts, intake
from desktop_app.services.errors import PermissionDeniedError, SubmissionError, WorkflowError
from tests import factories
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)


def count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_acceptance_creates_application_items_materials_and_receipt(
    store: Store, catalog: Catalog
) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        receipt = intake.accept(session, clerk, catalog, factories.submission(catalog), TODAY)
    assert receipt.number.startswith("SL2025640324")
    assert receipt.number.endswith("000001")
    assert [i.permit for i in receipt.items] == ["food_registration", "drug_retail"]
    # 2025-09-26 + 20 working days (National Day week off) → 2025-10-30.
    drug = receipt.items[1]
    assert drug.statutory_due == dt.date(2025, 10, 30)
    with store.read() as session:
        view = cases.get_application(session, receipt.number)
        notice = session.scalar(select(IssuedNotice).where(IssuedNotice.number == receipt.number))
    assert view.state == "accepted"
    assert view.enterprise.legal_rep_id_masked == "640324********" + factories.id_number(1)[-4:]
    assert {i.state for i in view.items} == {"pending"}
    assert notice is not None
    assert notice.kind == "receipt"
    assert count(store, ReceivedMaterial) == len(
        factories.all_on_paper(resolve(catalog, "便利店", {"area_m2": 25, "sells_drugs": True}))
    )


def test_numbers_run_on_without_gaps(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    numbers = []
    for serial in range(1, 4):
        with store.write() as session:
            sub = factories.submission(catalog, serial=serial)
            numbers.append(intake.accept(session, clerk, catalog, sub, TODAY).number)
    assert [n[-6:] for n in numbers] == ["000001", "000002", "000003"]


def test_refused_submission_stores_nothing_and_names_every_field(
    store: Store, catalog: Catalog
) -> None:
    clerk = actor(store, "clerk")
    before = count(store, AuditEntry)
    sub = factories.submission(catalog, credit_code="123", contact_phone="12345")
    bad = intake.Submission(
        industry=sub.industry,
        answers=sub.answers,
        form={**sub.form, "nonsense": "x"},
        materials={**sub.materials, "site_plan": "carrier pigeon"},
    )
    with pytest.raises(SubmissionError) as info, store.write() as session:
        intake.accept(session, clerk, catalog, bad, TODAY)
    assert set(info.value.errors) >= {"credit_code", "contact_phone", "nonsense", "site_plan"}
    assert "统一社会信用代码应为18位" in info.value.errors["credit_code"]
    assert count(store, Application) == 0
    assert count(store, Enterprise) == 0
    assert count(store, AuditEntry) == before


def test_missing_materials_are_listed_at_once(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    sub = factories.submission(catalog)
    with pytest.raises(SubmissionError) as info, store.write() as session:
        intake.accept(
            session,
            clerk,
            catalog,
            intake.Submission(sub.industry, sub.answers, sub.form, {}),
            TODAY,
        )
    missing = [k for k, v in info.value.errors.items() if v.startswith("缺少材料")]
    assert len(missing) == len(sub.materials)


def test_deferred_material_needs_a_due_date_and_a_non_key_material(
    store: Store, catalog: Catalog
) -> None:
    clerk = actor(store, "clerk")
    sub = factories.submission(catalog)
    materials = {
        **sub.materials,
        "health_certificates": "deferred:2025-10-20",
        "premises_proof": "deferred:2025-10-20",
        "drug_quality_rules": "deferred:2025-09-01",
    }
    with pytest.raises(SubmissionError) as info, store.write() as session:
        intake.accept(
            session,
            clerk,
            catalog,
            intake.Submission(sub.industry, sub.answers, sub.form, materials),
            TODAY,
        )
    assert set(info.value.errors) == {"premises_proof", "drug_quality_rules"}
    assert "核心材料" in info.value.errors["premises_proof"]


def test_deferred_material_sets_the_items_mode(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    sub = factories.submission(catalog)
    materials = {**sub.materials, "drug_quality_rules": "deferred:2025-10-20"}
    with store.write() as session:
        receipt = intake.accept(
            session,
            clerk,
            catalog,
            intake.Submission(sub.industry, sub.answers, sub.form, materials),
            TODAY,
        )
    modes = {i.permit: i.mode for i in receipt.items}
    assert modes == {"food_registration": ItemMode.NORMAL, "drug_retail": ItemMode.DEFERRED}
    assert receipt.deferred == (("药品质量管理制度文件", dt.date(2025, 10, 20)),)


def test_commitment_only_where_the_permit_allows_it(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    sub = factories.submission(catalog)
    for permits, ok in ((("food_registration",), True), (("drug_retail",), False)):
        attempt = intake.Submission(
            sub.industry, sub.answers, sub.form, sub.materials, commitments=permits
        )
        if ok:
            with store.write() as session:
                receipt = intake.accept(session, clerk, catalog, attempt, TODAY)
            assert receipt.items[0].mode == ItemMode.COMMITMENT
        else:
            with pytest.raises(SubmissionError, match="不适用告知承诺制"), store.write() as session:
                intake.accept(session, clerk, catalog, attempt, TODAY)


def test_reviewer_cannot_accept(store: Store, catalog: Catalog) -> None:
    reviewer = actor(store, "r_market")
    with pytest.raises(PermissionDeniedError), store.write() as session:
        intake.accept(session, reviewer, catalog, factories.submission(catalog), TODAY)


def test_optional_permits_are_marked(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    sub = factories.submission(catalog, "supermarket", {"area_m2": 400, "halal": True})
    with store.write() as session:
        receipt = intake.accept(session, clerk, catalog, sub, TODAY)
    with store.read() as session:
        rows = session.execute(select(Item.permit, Item.optional)).all()
    optional = {row.permit: row.optional for row in rows}
    assert receipt.items
    assert optional == {"food_business": False, "halal": True, "public_hygiene": False}


def test_drafts_are_kept_and_offered_back(store: Store) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        draft_id = drafts.save_draft(
            session, clerk, None, "便利店", {"area_m2": 25}, {"enterprise_name": "半"}, {}
        )
    scans = {"site_plan": [{"sha256": "ab" * 32, "name": "平面图.png", "source": "file"}]}
    with store.write() as session:
        drafts.save_draft(
            session,
            clerk,
            draft_id,
            "便利店",
            {"area_m2": 25},
            {"enterprise_name": "半成品"},
            {},
            scans=scans,
            prefilled={"enterprise_name": "半成品"},
        )
    with store.read() as session:
        mine = drafts.open_drafts(session, clerk)
        others = drafts.open_drafts(session, actor(store, "clerk2"))
    assert [(d.id, d.form, d.scans, d.prefilled) for d in mine] == [
        (draft_id, {"enterprise_name": "半成品"}, scans, {"enterprise_name": "半成品"})
    ]
    assert others == []


def test_second_counter_correction_needs_a_supervisor(store: Store, catalog: Catalog) -> None:
    clerk, boss = actor(store, "clerk"), actor(store, "boss")
    with store.write() as session:
        draft_id = drafts.save_draft(session, clerk, None, "便利店", {}, {}, {})
        first = drafts.request_counter_corrections(
            session, clerk, catalog, draft_id, ["经营场所平面图"]
        )
    with pytest.raises(PermissionDeniedError, match="窗口负责人"), store.write() as session:
        drafts.request_counter_corrections(session, clerk, catalog, draft_id, ["健康证明"])
    with store.write() as session:
        second = drafts.request_counter_corrections(session, boss, catalog, draft_id, ["健康证明"])
    assert first.startswith("BZ")
    assert second != first
    with store.read() as session:
        actions = session.scalars(
            select(AuditEntry.subject).where(AuditEntry.action == "issue_document")
        ).all()
    assert actions == [first, second]


def test_counter_refusal_closes_the_draft(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        draft_id = drafts.save_draft(session, clerk, None, "便利店", {}, {}, {})
        number = drafts.refuse_at_counter(session, clerk, catalog, draft_id, "不属于本窗口受理范围")
    assert number.startswith("BY")
    with pytest.raises(WorkflowError), store.write() as session:
        drafts.save_draft(session, clerk, draft_id, "便利店", {}, {}, {})


def test_agent_is_stored_whole_and_shown_masked(store: Store, catalog: Catalog) -> None:
    sub = factories.submission(catalog)
    agent_id = factories.id_number(77)
    with_agent = intake.Submission(
        sub.industry,
        sub.answers,
        sub.form,
        sub.materials,
        agent=intake.AgentInfo("马·小明", agent_id.lower(), "13912345678"),
    )
    with store.write() as session:
        number = intake.accept(session, actor(store, "clerk"), catalog, with_agent, TODAY).number
    with store.read() as session:
        shown = cases.get_application(session, number).agent
        stored = session.scalars(select(Agent)).one()
    assert stored.id_number == agent_id
    assert shown == cases.AgentView(
        "马·小明", agent_id[:6] + "********" + agent_id[14:], "139****5678"
    )


def test_agent_with_a_bad_id_is_refused(store: Store, catalog: Catalog) -> None:
    sub = factories.submission(catalog)
    bad = intake.Submission(
        sub.industry, sub.answers, sub.form, sub.materials, agent=intake.AgentInfo("马", "123")
    )
    with pytest.raises(SubmissionError) as info, store.write() as session:
        intake.accept(session, actor(store, "clerk"), catalog, bad, TODAY)
    assert "agent.id_number" in info.value.errors


def test_fields_filled_from_records_are_not_counted_as_typed(
    store: Store, catalog: Catalog
) -> None:
    plain = factories.submission(catalog)
    filled = intake.Submission(
        plain.industry,
        plain.answers,
        plain.form,
        plain.materials,
        client_ref="prefilled-1",
        prefilled=frozenset({"enterprise_name", "legal_rep_name", "area_m2", "no_such_field"}),
    )
    with store.write() as session:
        clerk = actor(store, "clerk")
        typed_all = intake.accept(session, clerk, catalog, plain).application_id
        typed_less = intake.accept(session, clerk, catalog, filled).application_id
        first = session.get_one(Application, typed_all)
        second = session.get_one(Application, typed_less)
        # area_m2 is a situation answer and no_such_field no field: only the two others count.
        assert first.combined_fields is not None
        assert second.combined_fields == first.combined_fields - 2
