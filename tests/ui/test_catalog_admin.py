"""目录管理 on screen: confirm values, edit a draft (refused edits change nothing), publish it,
exchange a signed file, publish the site."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import clock, config
from desktop_app.bootstrap import open_store
from desktop_app.catalog import exchange
from desktop_app.domain import keys
from desktop_app.services import auth, catalog_draft_file, catalog_versions
from desktop_app.services.catalog_versions import digest_of
from desktop_app.ui.app import AppState
from desktop_app.ui.catalog_admin_tab import CatalogAdminTab
from desktop_app.ui.catalog_comparison import ComparisonDialog
from desktop_app.ui.catalog_draft_page import DraftPage
from desktop_app.ui.catalog_pending_page import ConfirmDialog
from desktop_app.ui.main_window import MainWindow
from tests.store.test_catalog_versions import FOOD_FIVE_DAYS, edited
from tests.ui.counter_flow import PASSWORD, PaperPrinter, hall_database, signed_in
from tests.ui.test_review_tab import answer_modal, click_ok


def _admin_tab(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, CatalogAdminTab]:
    url = hall_database(tmp_path)
    state, clerk_window = signed_in(qtbot, url, "zhang")
    assert clerk_window.catalog_admin_tab is None  # a clerk does not keep the catalog
    assert state.store is not None
    with state.store.write() as session:
        auth.add_user(session, auth.SYSTEM, "root", PASSWORD, "admin")
    clerk_window.close()
    _, window = signed_in(qtbot, url, "root")
    tab = window.catalog_admin_tab
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    return window, tab


def test_a_department_s_answer_is_recorded_and_its_sheet_printed(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printer = PaperPrinter(tmp_path, monkeypatch)
    _, tab = _admin_tab(qtbot, tmp_path)
    page = tab.pending_page
    page.department_combo.setCurrentIndex(page.department_combo.findData("police"))
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    assert rows
    assert {r.department for r in rows} == {"police"}
    special = [i for i, r in enumerate(rows) if (r.permit, r.kind) == ("special_trade", None)]
    page.table.selectRow(special[0])
    sheet = tmp_path / "公安核对表.pdf"
    page.save_sheet(sheet)
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "县公安局" in text
    page.print_button.click()
    assert "测试打印机" in page.status_label.text()
    assert len(printer.sent) == 1

    def without_name(dialog: ConfirmDialog) -> None:
        summary = dialog.findChild(type(page.count_label), "confirmSummaryLabel")
        assert summary is not None
        assert "特种行业许可证" in summary.text()
        assert dialog.department_edit.text() == "县公安局"
        click_ok(dialog)  # no name: refused inside the dialog
        assert dialog.isVisible()
        assert "答复人" in dialog.problem_label.text()
        dialog.by_edit.setText("李强")
        click_ok(dialog)

    answer_modal(without_name)
    page.confirm_button.click()
    assert "自今天起执行" in page.status_label.text(), page.status_label.text()
    assert page.model.rowCount() == len(rows) - 1
    assert [v.label for v in tab.versions_page.model.rows()] == ["2023.1.2", "2023.1.3"]
    page.show_confirmed_check.setChecked(True)
    (done,) = page.model.rows()
    assert done.confirmation is not None
    assert done.confirmation.by == "李强"


def test_a_draft_edit_is_checked_shown_and_published(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    _, tab = _admin_tab(qtbot, tmp_path)
    page = tab.draft_page
    tab.setCurrentWidget(page)
    assert "尚未修改" in page.summary_label.text()
    codes = [page.permit_list.item(i).text() for i in range(page.permit_list.count())]
    page.permit_list.setCurrentRow(
        next(i for i, t in enumerate(codes) if t.startswith("食品经营许可证"))
    )
    form = page.permit_form
    assert (form.statutory_spin.value(), form.promised_spin.value()) == (10, 5)
    form.promised_spin.setValue(12)  # longer than the statutory limit: the loader refuses
    page.apply_permit_button.click()
    assert "permits.toml: permit[0].promised_days" in page.status_label.text()
    assert "尚未修改" in page.summary_label.text()  # nothing taken
    form.promised_spin.setValue(3)
    page.apply_permit_button.click()
    assert "已修改 1 个目录文件" in page.summary_label.text()
    # A file edit: a broken rule says its place, and the typing stays in the editor.
    page.editors.setCurrentIndex(2)
    page.file_combo.setCurrentIndex(page.file_combo.findData("industries"))
    broken = page.file_edit.toPlainText().replace("area_m2 > 30", "area_m2 >> 30", 1)
    page.file_edit.setPlainText(broken)
    page.apply_file_button.click()
    assert "industries.toml" in page.status_label.text()
    page.file_combo.setCurrentIndex(page.file_combo.findData("permits"))
    page.file_combo.setCurrentIndex(page.file_combo.findData("industries"))
    assert page.file_edit.toPlainText() == broken  # not lost by looking at another file
    page.publish_button.click()
    assert "尚未应用" in page.status_label.text()  # publishing waits for the typed edit
    page.file_edit.setPlainText(broken.replace("area_m2 >> 30", "area_m2 > 50", 1))
    page.apply_file_button.click()
    assert "已应用 industries.toml" in page.status_label.text()

    def second(dialog: ComparisonDialog) -> None:
        assert "请写明" in dialog.problem_label.text()
        dialog.note_edit.setText("县市场监管局2026年12月函")
        click_ok(dialog)

    def first(dialog: ComparisonDialog) -> None:
        labels = [(v.subject, v.label) for v in dialog.view.values_model.rows()]
        assert ("许可证 食品经营许可证", "承诺办理时限") in labels
        assert ("行业 便利店", "选择规则") in labels
        changed = dialog.view.combinations_model.rows()
        assert changed
        assert {c.industry for c in changed} == {"便利店"}
        assert dialog.label_edit.text() == "2023.1.3"
        answer_modal(second)
        click_ok(dialog)  # no note: refused, the dialog comes back with the rest kept

    answer_modal(first)
    page.publish_button.click()
    assert "已发布目录版本 2023.1.3" in page.status_label.text(), page.status_label.text()
    assert "2023.1.3 尚未修改" in page.summary_label.text().replace("，", " ")
    versions = tab.versions_page.model.rows()
    assert [v.label for v in versions] == ["2023.1.2", "2023.1.3"]
    assert versions[-1].note == "县市场监管局2026年12月函"


def _trusted_signing_key() -> None:
    key = keys.generate()
    keys.write_private_key(key, config.signing_key_path())
    trusted = config.keys_dir() / "trusted"
    trusted.mkdir(parents=True, exist_ok=True)
    (trusted / "issuer.pem").write_bytes(keys.public_pem(key.public_key()))


def test_a_signed_file_is_exported_imported_and_the_site_published(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    _, tab = _admin_tab(qtbot, tmp_path)
    page = tab.versions_page
    out = tmp_path / f"本县{exchange.SUFFIX}"
    page.export_to(out)
    assert "签发密钥" in page.status_label.text()  # not the issuing PC
    assert not out.exists()
    _trusted_signing_key()
    page.export_to(out)
    assert out.is_file(), page.status_label.text()
    other = exchange.pack(
        edited(permits=FOOD_FIVE_DAYS),
        "2023.2.0",
        "640302 外县行政审批服务局",
        dt.date(2026, 11, 1),
        "外县修订",
        keys.load_private_key(config.signing_key_path()),
    )
    tampered = tmp_path / f"tampered{exchange.SUFFIX}"
    tampered.write_bytes(other.replace("外县修订".encode(), "本县修订".encode()))
    page.import_from(tampered)
    assert "签名不符" in page.status_label.text()
    good = tmp_path / f"外县{exchange.SUFFIX}"
    good.write_bytes(other)

    def look(dialog: ComparisonDialog) -> None:
        heading = dialog.findChild(type(page.status_label), "comparisonHeadingLabel")
        assert heading is not None
        assert "签名有效" in heading.text()
        assert dialog.note_edit.text() == "外县修订"
        dialog.date_edit.setDate(QDate(clock.today() + dt.timedelta(days=1)))
        click_ok(dialog)

    answer_modal(look)
    page.import_from(good)
    assert "已导入为目录版本 2023.2.0" in page.status_label.text(), page.status_label.text()
    assert page.model.rows()[-1].origin == "imported"
    site = tmp_path / "portal"
    page.publish_to(site)
    assert (site / "index.html").is_file(), page.status_label.text()
    assert "※" in page.status_label.text()


def test_an_unpublished_draft_survives_the_window_and_says_when_it_is_stale(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    window, tab = _admin_tab(qtbot, tmp_path)
    page = tab.draft_page
    promised = page.permit_form.promised_spin.value()
    page.permit_form.promised_spin.setValue(promised - 1)
    page.apply_permit_button.click()
    page.file_combo.setCurrentIndex(page.file_combo.findData("catalog"))
    typed = page.file_edit.toPlainText() + "\n# 尚未应用的批注\n"
    page.file_edit.setPlainText(typed)
    window.close()  # typed a moment ago: kept on closing, not only after the pause

    state, window, page = _reopened_draft(qtbot, tmp_path)
    assert "已恢复" in page.status_label.text(), page.status_label.text()
    assert page.has_changes()
    assert page.permit_form.promised_spin.value() == promised - 1
    page.file_combo.setCurrentIndex(page.file_combo.findData("catalog"))
    assert page.file_edit.toPlainText() == typed

    # Another administrator publishes meanwhile: the draft comes back, and says it is stale.
    assert state.store is not None
    with state.store.write() as session:
        root = auth.actor_for(session, "root")
        catalog_versions.add_version(session, root, edited(), clock.today(), "另一台窗口")
    window.close()
    _, window, page = _reopened_draft(qtbot, tmp_path)
    assert "已恢复" in page.status_label.text(), page.status_label.text()
    assert "更新的版本 2023.2.0" in page.status_label.text(), page.status_label.text()

    # Discarding it starts afresh from the newest version, and nothing comes back after.
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.discard_button.click()
    assert page.base_label == "2023.2.0"
    window.close()
    _, _, page = _reopened_draft(qtbot, tmp_path)
    assert not page.has_changes()
    assert "已恢复" not in page.status_label.text()


def test_a_draft_of_another_database_or_that_no_longer_loads_loses_nothing(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    # Each hall has its own 2023.2.0; the draft is typed at home on top of it.
    window, _ = _admin_tab(qtbot, tmp_path)
    window.close()
    (tmp_path / "other").mkdir()
    other = hall_database(tmp_path / "other")
    for url, files in (
        (_home(tmp_path), edited()),
        (other, edited(catalog=('version = "2023.2.0"', 'version = "2023.2.0"\n# 另一个大厅'))),
    ):
        store = open_store(url)
        with store.write() as session:
            if url == other:
                auth.add_user(session, auth.SYSTEM, "root", PASSWORD, "admin")
            root = auth.actor_for(session, "root")
            catalog_versions.add_version(session, root, files, clock.today(), "本大厅")
        store.dispose()
    _, window, page = _reopened_draft(qtbot, tmp_path)
    assert page.base_label == "2023.2.0"
    page.permit_form.promised_spin.setValue(page.permit_form.promised_spin.value() - 1)
    page.apply_permit_button.click()

    # The settings point this PC at the other hall's database: the draft is not mixed into it.
    window.close()
    _, window = signed_in(qtbot, other, "root")
    assert window.catalog_admin_tab is not None
    page = window.catalog_admin_tab.draft_page
    assert "属于另一个数据库" in page.status_label.text(), page.status_label.text()
    assert not page.has_changes()
    window.close()
    state, window, page = _reopened_draft(qtbot, tmp_path)  # back home: still there
    assert "已恢复" in page.status_label.text(), page.status_label.text()
    assert page.has_changes()

    # Saved by a version of the app whose loader accepted more: back as text, not applied.
    broken = page.files["catalog"] + '\nkey = "\n'  # catalog.toml: the file shown first
    assert state.store is not None
    with state.store.read() as session:
        base = digest_of(catalog_versions.files_of(session, page.base_label))
    catalog_draft_file.save("root", page.base_label, base, {"catalog": broken}, {})
    window.close()
    _, _, page = _reopened_draft(qtbot, tmp_path)
    assert "草稿已恢复为未应用的文本" in page.status_label.text(), page.status_label.text()
    assert page.has_changes()
    assert page.file_combo.currentData() == "catalog"
    assert page.file_edit.toPlainText() == broken  # in the editor at once
    page.file_combo.setCurrentIndex(page.file_combo.findData("permits"))
    assert page.file_edit.toPlainText() == page.files["permits"]


def _home(tmp_path: Path) -> str:
    """The hall database of ``_admin_tab``."""
    return f"sqlite:///{tmp_path / 'counter.sqlite3'}"


def _reopened_draft(qtbot: QtBot, tmp_path: Path) -> tuple[AppState, MainWindow, DraftPage]:
    """root signs in again at home."""
    state, window = signed_in(qtbot, _home(tmp_path), "root")
    assert window.catalog_admin_tab is not None
    return state, window, window.catalog_admin_tab.draft_page


def test_discarding_a_draft_asks_first(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    _, tab = _admin_tab(qtbot, tmp_path)
    page = tab.draft_page
    page.permit_form.promised_spin.setValue(page.permit_form.promised_spin.value() - 1)
    page.apply_permit_button.click()

    def press(button: QMessageBox.StandardButton) -> None:
        answer_modal(lambda box: box.button(button).click())

    press(QMessageBox.StandardButton.No)
    page.discard_button.click()
    assert page.has_changes()
    press(QMessageBox.StandardButton.Yes)
    page.discard_button.click()
    assert not page.has_changes()
    assert "已放弃草稿" in page.status_label.text()
