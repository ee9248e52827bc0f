"""Drives the real screens the way a clerk does: the app on a database, the wizard page by page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog, resolve
from desktop_app.domain import keys
from desktop_app.domain.cose import PrivateKey
from desktop_app.printing import qt_printer
from desktop_app.services import auth
from desktop_app.services.wizard import Page
from desktop_app.ui import printer_dialogs
from desktop_app.ui.app import AppState
from desktop_app.ui.intake.wizard import IntakeWizard
from desktop_app.ui.main_window import MainWindow
from tests import factories
from tests.platform_server import TOKEN, PlatformServer
from tests.ui.test_app import log_in, started

PASSWORD = "Counter2026"
# Who works in the hall: a clerk, a supervisor and one reviewer per department that decides.
HALL = [
    ("zhang", "clerk", None),
    ("boss", "supervisor", None),
    ("li", "reviewer", "market"),
    ("wang", "reviewer", "health"),
    ("ma", "reviewer", "united_front"),
]


def hall_database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    store = open_store(url)
    with store.write() as session:
        for name, role, department in HALL:
            auth.add_user(session, auth.SYSTEM, name, PASSWORD, role, department)
    store.dispose()
    return url


class PaperPrinter:
    """The counter printer as PDF files: the real Qt printing path, no paper.

    ``printed`` holds what came out of Qt (pages as images); ``sent`` the documents as the app
    sent them, whose text pdftotext reads.
    """

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.printed: list[Path] = []
        self.sent: list[Path] = []
        monkeypatch.setattr(printer_dialogs, "print_pdf", self)

    def __call__(self, pdf: bytes, _name: str = "") -> str:
        path = self.folder / f"printed-{len(self.printed)}.pdf"
        qt_printer.paint_pdf(pdf, qt_printer.printer_for(pdf_file=str(path)))
        self.printed.append(path)
        source = path.with_suffix(".sent.pdf")
        source.write_bytes(pdf)
        self.sent.append(source)
        return "测试打印机"


def signed_in(qtbot: QtBot, url: str, username: str) -> tuple[AppState, MainWindow]:
    """Starts the app on ``url`` as the command does and logs ``username`` in."""
    dialog, state = started(qtbot, url)
    log_in(dialog, username, PASSWORD)
    assert state.main_window is not None
    qtbot.addWidget(state.main_window)
    return state, state.main_window


def go_to_form(
    wizard: IntakeWizard,
    catalog: Catalog,
    industry: str = "convenience_store",
    answers: dict[str, Any] | None = None,
) -> None:
    """Chooses the industry, answers the situation, passes the 一次告知: the form page."""
    answers = {"area_m2": 25, "sells_drugs": True} if answers is None else answers
    name = catalog.find_industry(industry)
    assert name is not None
    wizard.industry_page.industry_search_edit.setText(name.name)
    wizard.next()
    if wizard.currentId() == Page.SITUATION:
        situation = wizard.situation_page.form
        for key, value in answers.items():
            if isinstance(value, bool):
                situation.check_box(key).setChecked(value)
            else:
                situation.spin_box(key).setValue(value)
        wizard.next()
    assert wizard.currentId() == Page.NOTICE
    wizard.next()
    assert wizard.currentId() == Page.FORM


def fill_to_materials(
    wizard: IntakeWizard,
    catalog: Catalog,
    industry: str = "convenience_store",
    answers: dict[str, Any] | None = None,
    serial: int = 1,
    **form: Any,
) -> None:
    """Types a whole application and stops on the materials page, nothing received yet."""
    answers = {"area_m2": 25, "sells_drugs": True} if answers is None else answers
    go_to_form(wizard, catalog, industry, answers)
    bundle = resolve(catalog, industry, answers)
    values = factories.full_form(bundle, serial, **form)
    for key, editor in wizard.form_page.editors.items():
        if editor.field.answer is None:
            editor.set_value(values[key])
    wizard.next()
    assert wizard.currentId() == Page.MATERIALS


def fill_to_review(
    wizard: IntakeWizard,
    catalog: Catalog,
    industry: str = "convenience_store",
    answers: dict[str, Any] | None = None,
    serial: int = 1,
    **form: Any,
) -> None:
    """Types a whole application and stops on the review page, every material on paper."""
    fill_to_materials(wizard, catalog, industry, answers, serial, **form)
    wizard.materials_page.mark_all_received_button.click()
    wizard.next()
    assert wizard.currentId() == Page.REVIEW


def install_signing_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PrivateKey:
    """This PC issues: a signing key, and its public key among the trusted ones."""
    signing_key = keys.generate()
    key_file = tmp_path / "keys" / "issuing.pem"
    keys.write_private_key(signing_key, key_file)
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    (trusted / "issuer.pem").write_bytes(keys.public_pem(signing_key.public_key()))
    monkeypatch.setenv("YIYE_SIGNING_KEY", str(key_file))
    monkeypatch.setenv("YIYE_TRUSTED_KEYS", str(trusted))
    return signing_key


@pytest.fixture
def platform_configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[PlatformServer]:
    """A test platform on loopback, named to the app as 设置 would (environment variables)."""
    server = PlatformServer()
    monkeypatch.setenv("YIYE_PLATFORM_URL", server.url)
    monkeypatch.setenv("YIYE_PLATFORM_TOKEN", TOKEN)
    yield server
    server.stop()
