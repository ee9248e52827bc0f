import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.services.errors import SubmissionError
from desktop_app.services.intake import Receipt, ReceiptItem
from desktop_app.services.wizard import IntakeDraft, Page
from desktop_app.ui.fonts import load_cjk_font
from desktop_app.ui.intake.wizard import IntakeWizard
from tests import factories


class Fakes:
    """Plain callables standing in for the services (STYLE.md: fake collaborators first)."""

    def __init__(self) -> None:
        self.submitted: list[IntakeDraft] = []
        self.saved: list[dict[str, object]] = []
        self.printed_receipts: list[str] = []
        self.printed_notices: list[str] = []
        self.refuse_with: SubmissionError | None = None
        self.printer_broken = False

    def submit(self, draft: IntakeDraft) -> Receipt:
        if self.refuse_with is not None:
            raise self.refuse_with
        self.submitted.append(draft)
        item = ReceiptItem(
            "drug_retail",
            "药品经营许可证（零售）",
            "县市场监督管理局",
            "normal",
            dt.date(2025, 10, 10),
            dt.date(2025, 10, 24),
            10,
            20,
        )
        return Receipt(
            "SL2025640324010000007", 7, dt.date(2025, 9, 26), "同心县便利店", "便利店", (item,), ()
        )

    def save_draft(self, draft: IntakeDraft) -> int:
        self.saved.append(dict(draft.form))
        return 41

    def print_receipt(self, receipt: Receipt) -> None:
        if self.printer_broken:
            raise RuntimeError("打印机缺纸")
        self.printed_receipts.append(receipt.number)

    def print_notice(self, bundle: Bundle) -> None:
        self.printed_notices.append(bundle.industry)


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
def wizard(qapp: QApplication, qtbot: QtBot, catalog: Catalog, fakes: Fakes) -> IntakeWizard:
    load_cjk_font(qapp)
    widget = IntakeWizard(
        catalog, fakes.submit, fakes.save_draft, fakes.print_receipt, fakes.print_notice
    )
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def go_to_form(wizard: IntakeWizard) -> None:
    wizard.industry_page.industry_search_edit.setText("bld")
    wizard.next()
    assert wizard.currentId() == Page.SITUATION
    wizard.situation_page.form.spin_box("area_m2").setValue(25)
    wizard.situation_page.form.check_box("sells_drugs").setChecked(True)
    wizard.next()
    assert wizard.currentId() == Page.NOTICE
    wizard.next()
    assert wizard.currentId() == Page.FORM


def fill_form(wizard: IntakeWizard, catalog: Catalog) -> None:
    bundle = resolve(catalog, "convenience_store", {"area_m2": 25, "sells_drugs": True})
    values = factories.full_form(bundle)
    for key, editor in wizard.form_page.editors.items():
        if editor.field.answer is None:
            editor.set_value(values[key])


def test_industry_search_by_pinyin_initials(wizard: IntakeWizard) -> None:
    wizard.industry_page.industry_search_edit.setText("bld")
    assert wizard.industry_page.industry_list.count() == 1
    assert wizard.industry_page.selected_code() == "convenience_store"


def test_situation_shows_why_it_cannot_go_on(wizard: IntakeWizard) -> None:
    wizard.industry_page.select("device_sales")
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "第二类或第三类" in wizard.situation_page.error_label.text()
    wizard.situation_page.form.check_box("device_class2").setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_notice_page_shows_permits_flowchart_and_prints(wizard: IntakeWizard, fakes: Fakes) -> None:
    go_to_form(wizard)
    wizard.back()
    page = wizard.notice_page
    assert page.permit_table.rowCount() == 2
    cell = page.permit_table.item(1, 0)
    assert cell is not None
    assert cell.text() == "药品经营许可证（零售）"
    assert "并联审批" in page.flowchart_view.accessibleDescription()
    page.print_notice_button.click()
    assert fakes.printed_notices == ["convenience_store"]


def test_form_widgets_are_named_and_checked_as_you_type(wizard: IntakeWizard) -> None:
    go_to_form(wizard)
    credit = wizard.findChild(QLineEdit, "field_credit_code")
    assert credit is not None
    credit.setText("91640324")
    message = wizard.form_page.editors["credit_code"].message_label
    assert "18位" in message.text()
    credit.setText(factories.credit_code(3))
    assert message.text() == ""
    area = wizard.findChild(QLineEdit, "field_area_m2")
    assert area is not None
    assert area.isReadOnly()
    assert area.text() == "25"
    assert isinstance(wizard.findChild(QComboBox, "field_drug_business_mode"), QComboBox)
    assert isinstance(wizard.findChild(QCheckBox, "field_online_food"), QCheckBox)


def test_next_on_an_incomplete_form_lists_every_problem_and_keeps_the_input(
    wizard: IntakeWizard,
) -> None:
    go_to_form(wizard)
    name = wizard.findChild(QLineEdit, "field_enterprise_name")
    assert name is not None
    name.setText("同心县𠀀·便利店")
    wizard.next()
    assert wizard.currentId() == Page.FORM
    assert wizard.form_page.editors["credit_code"].message_label.text() == "请填写统一社会信用代码"
    assert name.text() == "同心县𠀀·便利店"


def test_the_whole_wizard_accepts_and_prints_the_receipt(
    wizard: IntakeWizard, fakes: Fakes, catalog: Catalog, qtbot: QtBot
) -> None:
    go_to_form(wizard)
    fill_form(wizard, catalog)
    wizard.next()
    assert wizard.currentId() == Page.MATERIALS
    wizard.next()
    assert wizard.currentId() == Page.MATERIALS  # nothing received yet
    assert "尚未收取" in wizard.materials_page.error_label.text()
    wizard.materials_page.mark_all_received_button.click()
    deferred = wizard.materials_page.rows["health_certificates"]
    deferred.how_combo.setCurrentIndex(deferred.how_combo.findData("deferred"))
    assert deferred.due_edit.isEnabled()
    wizard.next()
    assert wizard.currentId() == Page.REVIEW
    wizard.review_page.accept_button.click()
    assert wizard.review_page.receipt_number_label.text() == "受理编号：SL2025640324010000007"
    assert fakes.printed_receipts == ["SL2025640324010000007"]
    draft = fakes.submitted[0]
    assert draft.materials["health_certificates"].startswith("deferred:")
    assert draft.form["credit_code"] == factories.credit_code(1)
    assert fakes.saved  # saved before accepting


def test_refused_submission_keeps_the_wizard_open(
    wizard: IntakeWizard, fakes: Fakes, catalog: Catalog
) -> None:
    go_to_form(wizard)
    fill_form(wizard, catalog)
    wizard.next()
    wizard.materials_page.mark_all_received_button.click()
    wizard.next()
    fakes.refuse_with = SubmissionError({"credit_code": "该主体已被列入经营异常名录"})
    wizard.review_page.accept_button.click()
    assert "经营异常名录" in wizard.review_page.error_label.text()
    assert wizard.review_page.receipt is None
    assert wizard.isVisible()


def test_failed_print_loses_nothing_and_reprint_is_one_click(
    wizard: IntakeWizard, fakes: Fakes, catalog: Catalog
) -> None:
    go_to_form(wizard)
    fill_form(wizard, catalog)
    wizard.next()
    wizard.materials_page.mark_all_received_button.click()
    wizard.next()
    fakes.printer_broken = True
    wizard.review_page.accept_button.click()
    assert "已受理" in wizard.review_page.error_label.text()
    assert wizard.review_page.reprint_button.isVisibleTo(wizard)
    fakes.printer_broken = False
    wizard.review_page.reprint_button.click()
    assert fakes.printed_receipts == ["SL2025640324010000007"]
    assert not wizard.review_page.reprint_button.isVisibleTo(wizard)


def test_draft_is_saved_as_the_clerk_types(
    wizard: IntakeWizard, fakes: Fakes, qtbot: QtBot
) -> None:
    go_to_form(wizard)
    name = wizard.findChild(QLineEdit, "field_enterprise_name")
    assert name is not None
    name.setText("马氏便利店")
    qtbot.waitUntil(lambda: bool(fakes.saved), timeout=5000)
    assert fakes.saved[-1]["enterprise_name"] == "马氏便利店"
    assert wizard.draft.draft_id == 41


def test_tab_walks_the_form_in_order_and_skips_answered_fields(
    wizard: IntakeWizard, qtbot: QtBot
) -> None:
    go_to_form(wizard)
    editable = [k for k, e in wizard.form_page.editors.items() if e.field.answer is None]
    answered = [k for k, e in wizard.form_page.editors.items() if e.field.answer is not None]
    assert answered  # the area is asked in the situation page
    widgets = {e.widget: k for k, e in wizard.form_page.editors.items()}
    first = wizard.form_page.editors[editable[0]].widget
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    visited = [editable[0]]
    for _ in range(len(editable) - 1):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        while now is not None and now not in widgets:
            now = now.parentWidget()  # a combo box's line edit, a list's viewport
        assert now is not None, "Tab left the form early"
        visited.append(widgets[now])
    assert visited == editable


def test_an_offered_default_follows_its_field_until_the_clerk_types_another(
    wizard: IntakeWizard,
) -> None:
    """The device quality manager is offered the drug one's name; typed otherwise, it stays."""
    wizard.industry_page.industry_search_edit.setText("bld")
    wizard.next()
    situation = wizard.situation_page.form
    situation.spin_box("area_m2").setValue(25)
    situation.check_box("sells_drugs").setChecked(True)
    situation.check_box("device_class2").setChecked(True)
    wizard.next()
    wizard.next()
    editors = wizard.form_page.editors
    drug, device = editors["quality_manager_name"], editors["device_quality_manager_name"]
    assert "默认与“质量负责人”相同" in device.widget.toolTip()
    drug.set_value("马红")
    assert device.value() == "马红"
    drug.set_value("马红梅")  # still the offered value: it follows
    assert device.value() == "马红梅"
    assert wizard.draft.form["device_quality_manager_name"] == "马红梅"
    device.set_value("杨军")  # another person
    drug.set_value("马红")
    assert (device.value(), wizard.draft.form["device_quality_manager_name"]) == ("杨军", "杨军")
    device.set_value("")  # cleared by the clerk: stays cleared
    drug.set_value("马红梅")
    assert device.is_empty()
