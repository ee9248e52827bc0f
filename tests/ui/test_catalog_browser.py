import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDoubleSpinBox
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.ui.catalog_browser import CatalogBrowser
from desktop_app.ui.fonts import load_cjk_font


@pytest.fixture
def browser(qapp: QApplication, qtbot: QtBot, catalog: Catalog) -> CatalogBrowser:
    load_cjk_font(qapp)
    widget = CatalogBrowser(catalog)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)  # focus moves only inside the active window
    return widget


def permit_codes(browser: CatalogBrowser) -> list[str]:
    model = browser.permit_model
    return [model.row(i).code for i in range(model.rowCount())]


def test_lists_all_14_industries(browser: CatalogBrowser) -> None:
    assert browser.industry_list.count() == 14
    assert browser.industry_list.currentRow() == 0


def test_search_filters_by_alias_and_enter_goes_to_the_questions(
    browser: CatalogBrowser, qtbot: QtBot
) -> None:
    browser.industry_search_edit.setText("ktv")
    assert browser.industry_list.count() == 1
    assert browser.bundle is not None
    assert browser.bundle.industry == "ktv"
    first_question = browser.situation_form.check_box("sells_food")
    # New rows are shown by a queued event, as they are before a clerk's next key press.
    qtbot.waitUntil(first_question.isVisible)
    qtbot.keyClick(browser.industry_search_edit, Qt.Key.Key_Return)
    assert first_question.hasFocus()


def test_arrow_keys_in_search_move_through_matches(browser: CatalogBrowser, qtbot: QtBot) -> None:
    qtbot.keyClick(browser.industry_search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(browser.industry_search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(browser.industry_search_edit, Qt.Key.Key_Up)
    current = browser.industry_list.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == "convenience_store"
    assert browser.findChild(QDoubleSpinBox, "answer_area_m2") is not None


def test_questions_are_generated_per_industry(browser: CatalogBrowser) -> None:
    browser.select_industry("convenience_store")
    area = browser.findChild(QDoubleSpinBox, "answer_area_m2")
    drugs = browser.findChild(QCheckBox, "answer_sells_drugs")
    assert area is not None
    assert drugs is not None
    assert browser.findChild(QCheckBox, "answer_halal") is None


def test_answers_change_the_permits_at_the_threshold(browser: CatalogBrowser) -> None:
    browser.select_industry("convenience_store")
    assert "营业面积" in browser.error_label.text()
    assert permit_codes(browser) == []
    browser.situation_form.spin_box("area_m2").setValue(30)
    assert permit_codes(browser) == ["food_registration"]
    browser.situation_form.spin_box("area_m2").setValue(30.1)
    assert permit_codes(browser) == ["food_business"]
    browser.situation_form.check_box("sells_drugs").setChecked(True)
    assert permit_codes(browser) == ["food_business", "drug_retail"]
    assert browser.error_label.text() == ""
    assert browser.field_model.rowCount() > 7
    assert browser.material_model.rowCount() > 3
    assert "综合表单" in browser.summary_label.text()


def test_impossible_answers_show_the_reason(browser: CatalogBrowser) -> None:
    browser.select_industry("device_sales")
    assert "第二类或第三类" in browser.error_label.text()
    browser.situation_form.check_box("device_class3").setChecked(True)
    assert permit_codes(browser) == ["device3_license"]
    assert "单独发证" in browser.summary_label.text()


def test_answers_survive_switching_industries(browser: CatalogBrowser) -> None:
    browser.select_industry("supermarket")
    browser.situation_form.spin_box("area_m2").setValue(320)
    browser.situation_form.check_box("halal").setChecked(True)
    browser.select_industry("restaurant")
    assert browser.situation_form.check_box("halal").isChecked()
    browser.select_industry("supermarket")
    assert browser.situation_form.spin_box("area_m2").value() == 320
    assert "public_hygiene" in permit_codes(browser)


def test_elderly_canteen_defaults_to_halal(browser: CatalogBrowser) -> None:
    browser.select_industry("restaurant")
    assert not browser.situation_form.check_box("halal").isChecked()
    browser.select_industry("elderly_canteen")
    assert permit_codes(browser) == ["food_business", "halal"]
    browser.situation_form.check_box("halal").setChecked(False)
    browser.select_industry("bakery")
    assert not browser.situation_form.check_box("halal").isChecked()


def test_unconfirmed_values_are_marked_as_on_the_notice(browser: CatalogBrowser) -> None:
    browser.select_industry("restaurant")
    model = browser.permit_model
    promised = model.data(model.index(0, 2))
    assert promised.endswith("※")  # 食品经营许可证's promised days wait for confirmation
    assert "待主管部门确认" in browser.summary_label.text()
