"""What is typed survives a crash and a lost database: the draft on this PC is offered back."""

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import auth, draft_file
from desktop_app.services.errors import ServiceError
from desktop_app.services.wizard import IntakeDraft, Page
from desktop_app.ui.counter import Counter
from tests import factories
from tests.ui.test_app import database, signed_in

__all__ = ["database"]  # the fixture, imported for these tests


def test_a_draft_left_by_a_crash_is_offered_back(
    qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    window, _ = signed_in(qtbot, database, "zhang")
    banner = window.findChild(QWidget, "draftBanner")
    assert banner is not None
    assert not banner.isVisible()  # nothing to offer yet
    wizard = window.intake_wizard
    assert wizard is not None
    wizard.industry_page.industry_search_edit.setText("bld")
    wizard.next()
    wizard.situation_page.form.spin_box("area_m2").setValue(25)
    wizard.save_now()
    assert wizard.last_save_error == ""
    window.close()  # the PC "crashes": the next log-in finds the draft

    window, _ = signed_in(qtbot, database, "zhang")
    banner = window.findChild(QWidget, "draftBanner")
    assert banner is not None
    assert banner.isVisible()
    resume = window.findChild(QPushButton, "resumeDraftButton")
    assert resume is not None
    resume.click()
    assert not banner.isVisible()
    wizard = window.intake_wizard
    assert wizard is not None
    assert wizard.draft.industry == "convenience_store"
    assert wizard.draft.answers["area_m2"] == 25
    wizard.next()
    assert wizard.currentId() == Page.SITUATION
    assert wizard.situation_page.form.spin_box("area_m2").value() == 25


def test_without_the_database_the_draft_is_kept_on_this_pc(
    qapp: QApplication, database: str, catalog: Catalog
) -> None:
    store = Store(database)
    with store.read() as session:
        clerk = auth.actor_for(session, "zhang")
    store.dispose()
    gone = Store("postgresql+psycopg://yiye@127.0.0.1:1/hall?connect_timeout=1")
    counter = Counter(gone, catalog, clerk)
    draft = IntakeDraft(industry="supermarket", form={"enterprise_name": "同心县惠民超市"})
    with pytest.raises(ServiceError, match="草稿已保存在本机"):
        counter.save_draft(draft)
    saved = draft_file.load("zhang")
    assert saved is not None
    assert saved.draft.form["enterprise_name"] == "同心县惠民超市"
    counter.discard_local_draft()
    assert draft_file.load("zhang") is None
    gone.dispose()


def test_an_accepted_case_leaves_no_draft_to_offer(
    qapp: QApplication, qtbot: QtBot, database: str, catalog: Catalog
) -> None:
    window, _ = signed_in(qtbot, database, "zhang")
    wizard = window.intake_wizard
    assert wizard is not None
    draft = IntakeDraft(industry="convenience_store")
    counter = window._counter
    assert counter is not None
    counter.save_draft(draft)
    assert draft_file.load("zhang") is not None
    submission = factories.submission(catalog)
    accepted = IntakeDraft(
        industry=submission.industry,
        answers=dict(submission.answers),
        form=dict(submission.form),
        materials=dict(submission.materials),
    )
    counter.submit(accepted)
    assert draft_file.load("zhang") is None
