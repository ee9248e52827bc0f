"""变更, 延续, 增项, 减项, 补证 and 注销 on an issued four-permit 超市 certificate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import clock
from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.domain import certificate_code, keys
from desktop_app.domain.cose import PrivateKey, kid_for
from desktop_app.domain.states import ApplicationKind
from desktop_app.models import Application, Certificate, IssuedNotice, PrintRecord
from desktop_app.services import documents, holder, intake, issuance, lifecycle
from desktop_app.services.errors import SubmissionError, WorkflowError
from tests import factories
from tests.lifecycle_steps import (
    DAY,
    SUPERMARKET,
    accept,
    approve_items,
    change_and_issue,
    issue_supermarket,
    items_of,
)
from tests.store.conftest import actor
from tests.store.test_documents import text_of

K = ApplicationKind


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def _issue(
    store: Store, catalog: Catalog, number: str, key: PrivateKey
) -> issuance.CertificateView:
    with store.write() as session:
        return issuance.issue(session, actor(store, "clerk"), catalog, number, key, DAY)


def _verdict(store: Store, key: PrivateKey, text: str) -> certificate_code.Verdict:
    with store.read() as session:
        revocations = issuance.revocation_list(session)
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    return certificate_code.verify(text, trusted, clock.now(), revocations)


def _permits_recording(catalog: Catalog, view: issuance.CertificateView, *keys: str) -> set[str]:
    return {p.code for p in view.permits if set(keys) & set(catalog.permits[p.code].form)}


def test_a_legal_representative_change_goes_only_to_the_permits_that_record_it(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    new_id = factories.id_number(456)
    change = lifecycle.Request(
        K.CHANGE, first.number, form={"legal_rep_name": "马文军", "legal_rep_id": new_id}
    )
    receipt = accept(store, catalog, change)
    items = items_of(store, receipt.number)
    assert set(items) == _permits_recording(catalog, first, "legal_rep_name", "legal_rep_id")
    assert set(items.values()) == {"change"}
    approve_items(store, receipt.number)
    second = _issue(store, catalog, receipt.number, key)
    assert (second.number, second.revision, second.legal_rep_name) == (first.number, 2, "马文军")
    assert [p.permit_no for p in second.permits] == [p.permit_no for p in first.permits]
    with store.read() as session:
        old = issuance.certificate_view(session, catalog, first.number, 1)
        versions = holder.history(session, first.holder_uscc)
    assert (old.state, old.legal_rep_name) == ("superseded", first.legal_rep_name)
    assert [v.legal_rep_name for v in versions] == [first.legal_rep_name, "马文军"]
    assert "已被第 2 版取代" in _verdict(store, key, first.qr_text).reason
    assert _verdict(store, key, second.qr_text).valid


def test_a_changed_area_goes_to_food_and_hygiene_only(
    store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    from desktop_app.printing import documents as rendering

    first = issue_supermarket(store, catalog, key)
    receipt = accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, {"area_m2": 420}))
    assert items_of(store, receipt.number) == {
        "food_business": "change",
        "public_hygiene": "change",
    }
    with store.read() as session:
        notice = documents.find(session, receipt.number, "receipt")
    assert documents.title_of("receipt", notice.content) == "变更受理通知书"
    assert notice.content["changes"] == [["营业面积（平方米）", "300", "420"]]
    with store.read() as session:
        form = documents.find(session, receipt.number, "application_form")
    text = text_of(
        rendering.render("application_form", form.number, form.content), tmp_path
    ).replace(" ", "")
    for expected in (f"行业综合许可证编号：{first.number}", "变更前", "420", "办理类型"):
        assert expected in text, expected


def test_a_new_contact_phone_is_recorded_without_a_department(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    request = lifecycle.Request(K.CHANGE, first.number, {"contact_phone": "13995123456"})
    receipt = accept(store, catalog, request)
    assert receipt.items == ()
    with store.read() as session:
        application = session.scalars(
            select(Application).where(Application.number == receipt.number)
        ).one()
        held = lifecycle.held(session, catalog, first.number)
        revisions = session.scalars(select(Certificate.revision)).all()
    assert application.state == "completed"
    assert held.form["contact_phone"] == "13995123456"  # the next application starts from it
    assert revisions == [1]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({}, "没有改动任何内容"),
        ({"credit_code": factories.credit_code(99)}, "统一社会信用代码不能变更"),
        ({"area_m2": -3}, "营业面积"),
        ({"nonsense": "x"}, "表单中没有字段"),
    ],
)
def test_a_change_that_does_not_fit_is_refused_with_the_field(
    store: Store, catalog: Catalog, key: PrivateKey, form: dict[str, object], message: str
) -> None:
    first = issue_supermarket(store, catalog, key)
    with pytest.raises(SubmissionError) as refused:
        accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, form))  # type: ignore[arg-type]
    assert message in str(refused.value.errors)


def test_an_application_in_progress_never_changes_what_the_certificate_prints(
    store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    from desktop_app.printing import certificate

    first = issue_supermarket(store, catalog, key)
    before = text_of(certificate.render(first), tmp_path)
    change = lifecycle.Request(
        K.CHANGE,
        first.number,
        {"enterprise_name": "同心县新名称超市", "legal_rep_name": "新代表", "address": "新地址"},
    )
    receipt = accept(store, catalog, change)
    with store.write() as session:
        # Even a new application of another industry by the same holder changes nothing issued.
        other = factories.submission(catalog, legal_rep_name="又一人", address="别处")
        form = {**other.form, "credit_code": first.holder_uscc}
        intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            intake.Submission(other.industry, other.answers, form, other.materials),
            DAY,
        )
    with store.read() as session:
        now = issuance.certificate_view(session, catalog, first.number)
        master = holder.history(session, first.holder_uscc)[-1]
    assert now == first
    assert text_of(certificate.render(now), tmp_path) == before
    assert first.holder_name in before
    assert (master.name, master.legal_rep_name) == (first.holder_name, first.legal_rep_name)
    assert receipt.number  # accepted, not yet approved


def test_renewal_renews_the_chosen_permit_and_moves_the_expiry(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    with store.read() as session:
        held = lifecycle.held(session, catalog, first.number)
    assert [p.code for p in held.renewable()] == ["halal", "public_hygiene", "food_business"]
    with pytest.raises(SubmissionError, match="无需延续"):
        accept(
            store, catalog, lifecycle.Request(K.RENEWAL, first.number, permits=("device2_filing",))
        )
    receipt = accept(store, catalog, lifecycle.Request(K.RENEWAL, first.number, permits=("halal",)))
    assert items_of(store, receipt.number) == {"halal": "renewal"}
    approve_items(store, receipt.number, halal=dt.date(2031, 3, 31))
    second = _issue(store, catalog, receipt.number, key)
    halal = next(p for p in second.permits if p.code == "halal")
    assert halal.valid_to == dt.date(2031, 3, 31)
    assert second.valid_until == dt.date(2029, 6, 30)  # now the hygiene permit ends first


def test_addition_adds_only_the_new_permit_with_its_own_materials(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    answers = {**SUPERMARKET, "sells_drugs": True}
    with pytest.raises(SubmissionError) as missing:
        accept(store, catalog, lifecycle.Request(K.ADDITION, first.number, answers=answers))
    assert "form.drug_scope" in missing.value.errors
    with store.read() as session:
        held = lifecycle.held(session, catalog, first.number)
    new_bundle = resolve(catalog, "supermarket", answers)
    drug_fields = {
        f.key: v
        for f in new_bundle.fields
        if f.key not in held.form
        for v in [factories.field_value(f, 1)]
        if f.required and f.answer is None
    }
    request = lifecycle.Request(K.ADDITION, first.number, drug_fields, answers=answers)
    receipt = accept(store, catalog, request)
    assert items_of(store, receipt.number) == {"drug_retail": "new"}
    keys_needed = {m.key for m in lifecycle.plan(catalog, held, request).materials}
    drug_materials = {m.key for m in new_bundle.materials if "drug_retail" in m.permits}
    assert keys_needed == drug_materials | {"combined_application", "certificate_original"}
    assert "food_layout" not in keys_needed  # only the held food permit needed it
    approve_items(store, receipt.number, drug_retail=dt.date(2030, 1, 1))
    second = _issue(store, catalog, receipt.number, key)
    assert [p.code for p in second.permits] == [*(p.code for p in first.permits), "drug_retail"]


def test_removal_issues_a_revision_without_the_permit(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    receipt = accept(
        store,
        catalog,
        lifecycle.Request(K.REMOVAL, first.number, permits=("halal",), reason="不再经营清真食品"),
    )
    assert items_of(store, receipt.number) == {"halal": "cancellation"}
    approve_items(store, receipt.number)
    second = _issue(store, catalog, receipt.number, key)
    assert "halal" not in {p.code for p in second.permits}
    assert (second.revision, second.state) == (2, "valid")


def test_removal_leaving_one_permit_says_so_and_cancels_the_certificate(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    request = lifecycle.Request(
        K.REMOVAL, first.number, permits=("halal", "device2_filing", "public_hygiene")
    )
    with store.read() as session:
        result = lifecycle.plan(catalog, lifecycle.held(session, catalog, first.number), request)
    assert result.ends_certificate
    assert "不再核发行业综合许可证" in result.warnings()[0]
    receipt = accept(store, catalog, request)
    approve_items(store, receipt.number)
    ended = _issue(store, catalog, receipt.number, key)
    assert ended.state == "cancelled"
    with store.read() as session:
        notice = documents.find(session, receipt.number, "cancellation")
    assert [row[0] for row in notice.content["kept"]] == ["食品经营许可证"]


def test_cancellation_cancels_the_certificate_and_never_issues_a_valid_one(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    receipt = accept(store, catalog, lifecycle.Request(K.CANCELLATION, first.number, reason="停业"))
    assert set(items_of(store, receipt.number).values()) == {"cancellation"}
    assert len(items_of(store, receipt.number)) == 4
    approve_items(store, receipt.number)
    ended = _issue(store, catalog, receipt.number, key)
    assert ended.state == "cancelled"
    with store.read() as session:
        states = session.scalars(select(Certificate.state)).all()
        kinds = session.scalars(select(IssuedNotice.kind)).all()
        application = session.scalars(
            select(Application).where(Application.number == receipt.number)
        ).one()
    assert "valid" not in states
    assert "cancellation" in kinds
    assert application.state == "completed"
    assert _verdict(store, key, first.qr_text).reason == "证书已注销"
    with pytest.raises(WorkflowError, match="已注销"), store.read() as session:
        lifecycle.held(session, catalog, first.number)


def test_reissue_voids_the_old_sheet_and_its_qr_verifies_as_replaced(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    with store.write() as session:
        issuance.record_print(session, actor(store, "clerk"), first.number, "柜台打印机")
    with pytest.raises(SubmissionError, match="lost"):
        accept(store, catalog, lifecycle.Request(K.REISSUE, first.number))
    receipt = accept(store, catalog, lifecycle.Request(K.REISSUE, first.number, reason="lost"))
    assert receipt.items == ()
    again = _issue(store, catalog, receipt.number, key)
    assert (again.revision, again.print_no) == (1, 2)
    assert again.qr_text != first.qr_text
    assert "该印制件已作废" in _verdict(store, key, first.qr_text).reason
    assert _verdict(store, key, again.qr_text).valid
    with store.read() as session:
        sheets = session.scalars(select(PrintRecord)).all()
        found = lifecycle.find(session, first.qr_text)
    assert [(s.voided, s.void_reason) for s in sheets] == [
        (True, f"补证（遗失）：{receipt.number}")
    ]
    assert [(f.number, f.note) for f in found] == [(first.number, "所扫证书为已补发作废的印制件")]
    with store.write() as session:  # the new sheet prints as a first print, not a reprint
        assert (
            issuance.record_print(session, actor(store, "clerk"), first.number, "柜台") == "print"
        )


def test_one_open_case_per_certificate_and_new_kinds_only_after_issue(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    open_case = accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, {"area_m2": 500}))
    with pytest.raises(WorkflowError, match=open_case.number):
        accept(store, catalog, lifecycle.Request(K.REISSUE, first.number, reason="lost"))
    sub = factories.submission(catalog)
    with pytest.raises(SubmissionError, match="须从已发证书办理"), store.write() as session:
        intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            intake.Submission(sub.industry, sub.answers, sub.form, sub.materials, kind=K.CHANGE),
        )


def test_find_by_number_credit_code_name_and_qr(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue_supermarket(store, catalog, key)
    with store.read() as session:
        for text in (
            first.number,
            first.holder_uscc.lower(),
            first.holder_name[2:5],
            first.qr_text,
        ):
            assert [f.number for f in lifecycle.find(session, text)] == [first.number], text
        assert lifecycle.find(session, "   ") == []
        assert lifecycle.find(session, "YZ1:NOTHING") == []


def test_the_platform_is_told_the_kind_and_the_certificate(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    from desktop_app.models import OutboxBody, OutboxMessage
    from desktop_app.services import workflow

    first = issue_supermarket(store, catalog, key)
    receipt = accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, {"area_m2": 420}))
    with store.write() as session:
        workflow.dispatch(
            session, actor(store, "clerk"), receipt.number, platform_departments={"market"}
        )
    with store.read() as session:
        payloads = session.scalars(
            select(OutboxBody.payload).join(OutboxMessage, OutboxMessage.id == OutboxBody.outbox_id)
        ).all()
    assert [(p["permit"], p["kind"], p["certificate_no"]) for p in payloads] == [
        ("food_business", "change", first.number)
    ]
    assert payloads[0]["form"]["area_m2"] == 420


def test_an_area_below_the_hygiene_threshold_is_not_a_change(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    """营业面积 is also a situation answer: under 300 m² the hygiene permit is no longer needed,
    which is a 减项, not a 变更."""
    first = issue_supermarket(store, catalog, key)
    with pytest.raises(SubmissionError, match="请办理增项或减项"):
        accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, {"area_m2": 200}))
    receipt = accept(store, catalog, lifecycle.Request(K.CHANGE, first.number, {"area_m2": 350}))
    with store.read() as session:
        application = session.scalars(
            select(Application).where(Application.number == receipt.number)
        ).one()
    assert application.answers["area_m2"] == 350


def test_a_permit_revoked_since_issue_leaves_with_the_next_revision(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    """告知承诺 failed after issue revoked 清真: the change that follows does not carry it."""
    from desktop_app.models import Item

    first = issue_supermarket(store, catalog, key)
    with store.write() as session:
        revoked = session.scalars(select(Item).where(Item.permit == "halal")).one()
        revoked.state = "revoked"
    with store.read() as session:
        held = lifecycle.held(session, catalog, first.number)
    request = lifecycle.Request(K.CHANGE, first.number, {"address": "同心县豫海镇新址1号"})
    assert "清真食品准营证已被撤销" in lifecycle.plan(catalog, held, request).warnings()[0]
    assert "halal" not in {i.permit for i in lifecycle.plan(catalog, held, request).items}
    second = change_and_issue(store, catalog, key, first.number, address="同心县豫海镇新址1号")
    assert "halal" not in {p.code for p in second.permits}
    assert len(second.permits) == len(first.permits) - 1
