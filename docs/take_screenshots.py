"""Grabs the login dialog, every intake-wizard page and each tab at 1366x768 to docs/screenshots/.

Run under a real X server for the true look: ``xvfb-run -s "-screen 0 1366x768x24"
.venv/bin/python docs/take_screenshots.py`` (offscreen works too).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import time

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import demo
from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog, resolve
from desktop_app.domain.states import ApplicationKind
from desktop_app.services import auth, issuance
from desktop_app.ui import printer_dialogs
from desktop_app.ui.app import AppState, start
from desktop_app.ui.intake.after_issue_panes import ChangePane
from desktop_app.ui.intake.counter_decision import CorrectionDialog
from desktop_app.ui.intake.returning_dialog import ReturningDialog
from desktop_app.ui.login_dialog import LoginDialog
from desktop_app.ui.main_window import MainWindow
from tests import factories
from tests.platform_server import TOKEN, PlatformServer

OUT = Path(__file__).resolve().parent / "screenshots"


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _grab(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def _sign_in(app: QApplication, dialog: LoginDialog, username: str, password: str) -> MainWindow:
    """Waits for the store, signs in, and returns the main window at counter-screen size."""
    while not dialog.login_button.isEnabled():
        app.processEvents()
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    state = dialog.context
    assert isinstance(state, AppState)
    window = state.main_window
    assert window is not None, dialog.error_label.text()
    window.resize(1366, 768)
    return window


def main() -> None:
    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'shots.sqlite3'}"
        store = open_store(url)
        demo.run(store, load_catalog(), count=80)  # realistic cases for the other tabs
        with store.write() as session:
            auth.add_user(
                session, auth.SYSTEM, "zhang", "Counter2026", "clerk", display_name="张敏"
            )
        store.dispose()
        # The shots need no paper: the receipt "prints" nowhere.
        printer_dialogs.print_pdf = lambda _pdf, _name="": "截图"  # type: ignore[assignment]
        dialog = start(url)
        while not dialog.login_button.isEnabled():
            app.processEvents()
        dialog.username_edit.setText("zhang")
        _settle(app)
        _grab(dialog, "login")
        window = _sign_in(app, dialog, "zhang", "Counter2026")
        state = dialog.context
        assert isinstance(state, AppState)
        assert window.intake_wizard is not None
        assert state.catalog is not None
        wizard = window.intake_wizard
        wizard.industry_page.industry_search_edit.setText("bld")
        _settle(app)
        _grab(window, "intake-1-industry")
        wizard.next()
        wizard.situation_page.form.spin_box("area_m2").setValue(25)
        wizard.situation_page.form.check_box("sells_drugs").setChecked(True)
        _settle(app)
        _grab(window, "intake-2-situation")
        wizard.next()
        _settle(app)
        _grab(window, "intake-3-notice")
        wizard.next()
        bundle = resolve(state.catalog, "convenience_store", {"area_m2": 25, "sells_drugs": True})
        values = factories.full_form(
            bundle, enterprise_name="同心县𠀀·便利店", legal_rep_name="马·阿里"
        )
        for key, editor in wizard.form_page.editors.items():
            if editor.field.answer is None and key != "credit_code":
                editor.set_value(values[key])
        wizard.form_page.editors["credit_code"].set_value("91640324MA00")
        _settle(app)
        _grab(window, "intake-4-form")
        wizard.form_page.editors["credit_code"].set_value(values["credit_code"])
        wizard.next()
        wizard.materials_page.mark_all_received_button.click()
        row = wizard.materials_page.rows["health_certificates"]
        row.how_combo.setCurrentIndex(row.how_combo.findData("deferred"))
        _settle(app)
        _grab(window, "intake-5-materials")
        correction = CorrectionDialog(
            [*wizard.materials_page.missing_names(), "经营场所平面图未标明面积"], window
        )
        correction.show()
        _settle(app)
        _grab(correction, "intake-5-correction-notice")
        correction.close()
        wizard.next()
        wizard.form_page.agent_box.set_value(None)
        _settle(app)
        _grab(window, "intake-6-review")
        wizard.review_page.accept_button.click()
        _settle(app)
        _grab(window, "intake-6-accepted")
        wizard.start_over()
        returning = ReturningDialog(
            window.intake_wizard._decisions.returning,  # type: ignore[union-attr]
            lambda _number: None,
            {i.code: i.name for i in state.catalog.industries},
            window,
        )
        returning.show()
        _settle(app)
        _grab(returning, "intake-returning")
        returning.close()
        with state.store.read() as session:  # type: ignore[union-attr]
            held = next(
                c for c in issuance.list_certificates(session, "valid") if not c.revoked_permits
            )
        after = wizard.open_after_issue(ApplicationKind.CHANGE)
        after.search_edit.setText(held.holder_uscc)
        after.search_edit.returnPressed.emit()
        change_pane = after.pane
        assert isinstance(change_pane, ChangePane)
        change_pane.editors["legal_rep_name"].set_value("马文军")
        after.plan_button.click()
        _settle(app)
        _grab(after, "intake-after-issue-change")
        after.close()
        assert window.cases_tab is not None
        window.tabs.setCurrentWidget(window.cases_tab)
        window.cases_tab.overdue_filter.setChecked(True)
        window.cases_tab.select_row(0)
        _settle(app)
        _grab(window, "tab-cases")
        window.cases_tab.overdue_filter.setChecked(False)
        window.cases_tab.deferred_filter.setChecked(True)
        window.cases_tab.select_row(0)
        window.cases_tab.detail_tabs.setCurrentIndex(1)
        _settle(app)
        _grab(window, "tab-cases-deferred")
        window.cases_tab.deferred_filter.setChecked(False)
        window.cases_tab.select_row(1)
        window.cases_tab.detail_tabs.setCurrentIndex(2)
        window.cases_tab.documents.table.selectRow(0)
        _settle(app)
        _grab(window, "tab-cases-documents")
        assert window.certificates_tab is not None
        window.tabs.setCurrentWidget(window.certificates_tab)
        certificates = window.certificates_tab
        certificates.certificate_table.selectRow(0)
        if certificates.certificate_model.rowCount():
            number = certificates.certificate_model.row(0).number
            with state.store.read() as session:  # type: ignore[union-attr]
                view = issuance.certificate_view(session, state.catalog, number)
            certificates.verify_edit.setText(view.qr_text)
            certificates.verify_edit.returnPressed.emit()
        _settle(app)
        _grab(window, "tab-certificates")
        window.tabs.setCurrentWidget(window.catalog_browser)
        window.catalog_browser.select_industry("hotel")
        _settle(app)
        _grab(window, "catalog-browser")
        window.close()
        # The other tabs with a platform to talk to: the status bar shows the exchange.
        platform = PlatformServer()
        os.environ.update(
            {
                "YIYE_PLATFORM_URL": platform.url,
                "YIYE_PLATFORM_TOKEN": TOKEN,
                "YIYE_PLATFORM_DEPARTMENTS": "market",
            }
        )
        for username, name, pick in (
            ("demo_health", "tab-review", lambda w: w.review_tab),
            ("demo_health", "tab-commitments", lambda w: w.commitments_tab),
            ("demo_boss", "tab-dashboard", lambda w: w.dashboard_tab),
            ("demo_admin", "tab-settings", lambda w: w.settings_tab),
        ):
            other_window = _sign_in(app, start(url), username, demo.PASSWORD)
            other_window.tabs.setCurrentWidget(pick(other_window))
            if other_window.review_tab is not None:
                other_window.review_tab.select_row(0)
            if other_window.commitments_tab is not None:
                other_window.commitments_tab.closed_box.setChecked(True)
            deadline = time.monotonic() + 10
            while (
                (
                    other_window.dashboard_tab is not None
                    and other_window.dashboard_tab.board is None
                )
                or not other_window.sync_label.isVisible()
            ) and time.monotonic() < deadline:
                app.processEvents()
            _settle(app)
            _grab(other_window, name)
            other_window.close()
        platform.stop()
        for variable in ("YIYE_PLATFORM_URL", "YIYE_PLATFORM_TOKEN", "YIYE_PLATFORM_DEPARTMENTS"):
            del os.environ[variable]
        # The second language.
        os.environ["YIYE_LANGUAGE"] = "en"
        english_window = _sign_in(app, start(url), "zhang", "Counter2026")
        assert english_window.intake_wizard is not None
        english_window.intake_wizard.industry_page.industry_search_edit.setText("bld")
        _settle(app)
        _grab(english_window, "en-intake-1-industry")
        assert english_window.cases_tab is not None
        english_window.tabs.setCurrentWidget(english_window.cases_tab)
        english_window.cases_tab.select_row(0)
        _settle(app)
        _grab(english_window, "en-tab-cases")
        english_window.close()


if __name__ == "__main__":
    main()
