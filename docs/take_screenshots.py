"""Grabs the login dialog and every intake-wizard page at 1366x768 to docs/screenshots/.

Run under a real X server for the true look: ``xvfb-run -s "-screen 0 1366x768x24"
.venv/bin/python docs/take_screenshots.py`` (offscreen works too).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.bootstrap import open_store
from desktop_app.catalog import resolve
from desktop_app.services import auth
from desktop_app.ui import printer_dialogs
from desktop_app.ui.app import AppState, start
from tests import factories

OUT = Path(__file__).resolve().parent / "screenshots"


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _grab(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'shots.sqlite3'}"
        store = open_store(url)
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
        dialog.password_edit.setText("Counter2026")
        dialog.login_button.click()
        state = dialog.context
        assert isinstance(state, AppState)
        window = state.main_window
        assert window is not None
        assert window.intake_wizard is not None
        assert state.catalog is not None
        window.resize(1366, 768)
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
        wizard.next()
        wizard.review_page.accept_button.click()
        _settle(app)
        _grab(window, "intake-6-accepted")
        window.tabs.setCurrentIndex(1)
        window.catalog_browser.select_industry("hotel")
        _settle(app)
        _grab(window, "catalog-browser")
        state.store and state.store.dispose()


if __name__ == "__main__":
    main()
