"""The form page's ID card buttons: the simulator's card fills the fields, which stay editable;
no card, and nothing typed is lost."""

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.id_cards import SimulatorReader
from desktop_app.ui.fonts import load_cjk_font
from desktop_app.ui.intake.wizard import IntakeWizard
from tests import factories
from tests.ui.test_intake_wizard import Fakes, fakes, go_to_form, wizard

__all__ = ["fakes", "wizard"]  # the fixtures

NUMBER = factories.id_number(42)


def test_a_card_fills_the_legal_representative_and_the_agent(
    qapp: QApplication, qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    load_cjk_font(qapp)
    card = tmp_path / "card.json"
    fakes = Fakes()
    wizard = IntakeWizard(
        catalog,
        fakes.submit,
        fakes.save_draft,
        fakes.print_receipt,
        fakes.print_notice,
        find_reader=lambda: SimulatorReader(card),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    go_to_form(wizard)
    page = wizard.form_page
    button = page.findChild(type(page.read_card_button), "readIdCardButton")
    assert button is page.read_card_button
    assert button.isVisible()
    page.editors["legal_rep_name"].set_value("手工录入")

    button.click()  # no card on the reader
    assert "未读到身份证" in page.card_label.text()
    assert page.editors["legal_rep_name"].value() == "手工录入"  # nothing lost

    card.write_text(
        json.dumps({"name": "马小军", "id_number": NUMBER, "address": "同心县豫海镇"}),
        encoding="utf-8",
    )
    button.click()
    assert page.editors["legal_rep_name"].value() == "马小军"
    assert page.editors["legal_rep_id"].value() == NUMBER
    assert "已从身份证填入" in page.card_label.text()
    assert page.filled_from["legal_rep_id"] == "居民身份证（阅读器）"  # not typed: not counted
    assert wizard.draft.form["legal_rep_id"] == NUMBER  # as if typed: saved with the draft
    page.editors["legal_rep_name"].set_value("马晓军")  # still editable
    assert wizard.draft.form["legal_rep_name"] == "马晓军"

    page.agent_box.setChecked(True)  # someone else applies for the enterprise
    page.agent_box.read_card_button.click()
    assert page.agent_box.value() == {"name": "马小军", "id_number": NUMBER, "phone": ""}


def test_without_a_reader_there_is_no_button(wizard: IntakeWizard) -> None:
    go_to_form(wizard)
    assert not wizard.form_page.read_card_button.isVisible()
    assert not wizard.form_page.agent_box.read_card_button.isVisibleTo(wizard.form_page.agent_box)
