"""不再重复提交 on the form page: a returning enterprise's values, and a new one's licence."""

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app import clock
from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.models import Application
from desktop_app.services import attachments, auth, intake, workflow
from desktop_app.ui.intake.wizard import IntakeWizard
from tests import factories, sample_scans, site_checks
from tests.platform_server import PlatformServer
from tests.ui.counter_flow import go_to_form, hall_database, platform_configured, signed_in

__all__ = ["platform_configured"]  # the fixture

ANSWERS = {"area_m2": 25, "sells_drugs": True}


def approved_earlier(store: Store, catalog: Catalog, scanned: tuple[str, ...] = ()) -> str:
    """Last year's 便利店 application of credit code 1, approved (and some materials scanned)."""
    with store.write() as session:
        clerk, reviewer = auth.actor_for(session, "zhang"), auth.actor_for(session, "li")
        number = intake.accept(session, clerk, catalog, factories.submission(catalog)).number
        for key in scanned:
            attachments.attach(session, clerk, number, key, sample_scans.pdf(key), f"{key}.pdf")
        workflow.dispatch(session, clerk, number)
        permits = ("drug_retail", "food_registration")
        for permit in permits:
            workflow.take_up(session, reviewer, number, permit)
        site_checks.pass_in(session, number)
        for permit in permits:
            workflow.approve(session, reviewer, number, permit, "X-1", clock.today(), None)
    return number


def accept_on_review(wizard: IntakeWizard, store: Store) -> Application:
    """From the materials page: 受理 on the review page; the case as stored."""
    wizard.next()
    wizard.review_page.accept_button.click()
    receipt = wizard.review_page.receipt
    assert receipt is not None
    with store.read() as session:
        accepted = session.scalar(select(Application).where(Application.number == receipt.number))
        assert accepted is not None
        session.expunge(accepted)
    return accepted


def test_known_values_and_the_licence_fill_the_form(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, platform_configured: PlatformServer
) -> None:
    platform = platform_configured
    url = hall_database(tmp_path)
    state, window = signed_in(qtbot, url, "zhang")
    assert state.catalog is not None
    assert state.store is not None
    catalog, store = state.catalog, state.store
    number = approved_earlier(store, catalog)
    wizard = window.intake_wizard
    assert wizard is not None
    go_to_form(wizard, catalog)
    page = wizard.form_page
    page.editors["contact_name"].set_value("本次联系人")  # typed first: never overwritten
    page.editors["credit_code"].set_value(factories.credit_code(1))
    bundle = resolve(catalog, "convenience_store", ANSWERS)
    asked = [f for f in bundle.fields if f.answer is None]
    assert page.editors["enterprise_name"].value() == "测试主体名称"
    assert page.editors["contact_name"].value() == "本次联系人"
    assert "contact_name" not in page.filled_from
    assert all(s.startswith(f"本窗口办件 {number}") for s in page.filled_from.values())
    # What the clerk still types: the credit code, the contact typed before, and nothing else.
    typed = [f.key for f in asked if f.key not in page.filled_from]
    assert sorted(typed) == ["contact_name", "credit_code"]
    assert "已带出" in page.prefill_label.text()
    assert page.editors["enterprise_name"].widget.toolTip().startswith("由“本窗口办件")
    page.editors["legal_rep_name"].set_value("新法定代表人")  # changed after filling: typed
    kept = wizard.draft.prefilled_keys()
    assert kept == set(page.filled_from) - {"legal_rep_name"}
    wizard.next()
    wizard.materials_page.mark_all_received_button.click()
    accepted = accept_on_review(wizard, store)
    # The reform figure counts what the clerk typed: the form's fields less those kept as filled.
    assert accepted.combined_fields == len(bundle.fields) - len(kept)
    assert (
        len(bundle.fields) - len(kept) == 4
    )  # credit code, contact, legal rep, and area (an answer)

    # A new enterprise: the platform's licence fills what it has, in the background.
    new_code = factories.credit_code(5)
    platform.register_enterprise(
        {"credit_code": new_code, "name": "同心县新开便利店", "legal_rep_name": "马小军"}
    )
    wizard.start_over()
    go_to_form(wizard, catalog)
    page = wizard.form_page
    assert page.editors["enterprise_name"].value() == ""  # the last applicant's are gone
    page.editors["credit_code"].set_value(new_code)
    qtbot.waitUntil(
        lambda: page.editors["enterprise_name"].value() == "同心县新开便利店", timeout=5000
    )
    assert page.editors["legal_rep_name"].value() == "马小军"
    assert "区域平台营业执照信息" in page.prefill_label.text()


def test_the_materials_page_reuses_earlier_scans_and_records_the_window_check(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    state, window = signed_in(qtbot, hall_database(tmp_path), "zhang")
    assert state.catalog is not None
    assert state.store is not None
    catalog, store = state.catalog, state.store
    earlier = approved_earlier(store, catalog, scanned=("site_plan", "legal_rep_id_proof"))
    wizard = window.intake_wizard
    assert wizard is not None
    go_to_form(wizard, catalog)
    wizard.form_page.editors["credit_code"].set_value(factories.credit_code(1))
    wizard.next()
    page = wizard.materials_page
    rows = page.rows
    assert rows["premises_proof"].offer is None  # no scan of it was kept
    for key in ("site_plan", "legal_rep_id_proof"):
        combo = rows[key].how_combo
        combo.setCurrentIndex(combo.findData("reused"))
        assert earlier in combo.currentText()
    licence = rows["business_licence"]
    licence.how_combo.setCurrentIndex(licence.how_combo.findData("checked"))
    assert licence.source_edit.isVisibleTo(page)
    assert licence.number_edit.text() == factories.credit_code(1)  # the form's credit code
    licence.source_edit.clear()
    page.mark_all_received_button.click()
    assert not page.validatePage()
    assert "核验来源" in page.error_label.text()
    licence.source_edit.setText("国家企业信用信息公示系统")
    assert wizard.draft.checks["business_licence"]["source"] == "国家企业信用信息公示系统"
    accepted = accept_on_review(wizard, store)
    with store.read() as session:
        (check,) = attachments.checks_of_case(session, accepted.number)
        reused = {a.material_key for a in attachments.of_case(session, accepted.number)}
    bundle = resolve(catalog, "convenience_store", ANSWERS)
    assert (accepted.separate_materials, accepted.combined_materials) == (
        sum(len(catalog.permits[p.code].materials) for p in bundle.permits),
        len(bundle.materials) - 3,  # two reused, one checked
    )
    assert (check.source, check.document_no) == (
        "国家企业信用信息公示系统",
        factories.credit_code(1),
    )
    assert reused == {"site_plan", "legal_rep_id_proof"}
