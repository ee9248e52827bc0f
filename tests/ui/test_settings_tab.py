import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import settings
from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.services import auth
from desktop_app.ui import printer_dialogs
from desktop_app.ui.counter import Counter
from desktop_app.ui.settings_tab import AddUserDialog, SettingsTab
from tests.ui.test_review_tab import answer_modal, click_ok


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> SettingsTab:
    store = open_store(f"sqlite:///{tmp_path / 'settings.sqlite3'}")
    with store.write() as session:
        admin = auth.add_user(session, auth.SYSTEM, "root", "Admin2026x", "admin")
    widget = SettingsTab(Counter(store, catalog, admin).settings_actions())
    qtbot.addWidget(widget)
    return widget


def test_saves_printer_offsets_and_database(tab: SettingsTab, isolated_data_dir: Path) -> None:
    tab.dx_spin.setValue(1.5)
    tab.dy_spin.setValue(-2.0)
    tab.database_url_edit.setText("postgresql+psycopg://yiye@hall-server/yiye")
    tab.save_button.click()
    assert tab.status_label.text() == "已保存本机设置"
    saved = json.loads((isolated_data_dir / "settings.json").read_text(encoding="utf-8"))
    assert (saved["overlay_dx_mm"], saved["overlay_dy_mm"]) == (1.5, -2.0)
    assert settings.load().database_url == "postgresql+psycopg://yiye@hall-server/yiye"
    assert settings.load().language == "zh_CN"


def test_the_platform_settings_are_checked_before_they_are_saved(tab: SettingsTab) -> None:
    tab.platform_url_edit.setText("http://platform.example.cn/yiye")
    tab.save_button.click()
    assert tab.status_label.text() == "平台地址须为 https:// 地址：http://platform.example.cn/yiye"
    assert settings.load().platform_url == ""
    tab.platform_url_edit.setText("https://platform.example.cn/yiye/")
    tab.platform_departments_edit.setText("market, tax")
    tab.save_button.click()
    assert tab.status_label.text().startswith("平台审批部门中有未知的部门代码：tax")
    tab.platform_departments_edit.setText("market,health")
    tab.platform_token_edit.setText("secret")
    tab.save_button.click()
    assert tab.status_label.text() == "已保存本机设置"
    saved = settings.load()
    assert (saved.platform_url, saved.platform_token) == (
        "https://platform.example.cn/yiye/",
        "secret",
    )
    assert saved.platform_departments == "market,health"


def test_the_language_is_saved_for_the_next_start(tab: SettingsTab) -> None:
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("en"))
    tab.save_button.click()
    assert settings.load().language == "en"


def test_connection_test_reports_success_and_failure(tab: SettingsTab, tmp_path: Path) -> None:
    tab.database_url_edit.setText(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    tab.test_connection_button.click()
    assert tab.status_label.text().startswith("连接成功：SQLite")
    tab.database_url_edit.setText("postgresql+psycopg://nobody@127.0.0.1:1/none")
    tab.test_connection_button.click()
    assert tab.status_label.text().startswith("连接失败：")


def test_calibration_page_goes_to_the_printer(
    tab: SettingsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[bytes] = []

    def fake_printer(pdf: bytes, name: str = "") -> str:
        sent.append(pdf)
        return "柜台打印机"

    monkeypatch.setattr(printer_dialogs, "print_pdf", fake_printer)
    tab.calibration_button.click()
    assert tab.status_label.text() == "校准页已发送到 柜台打印机"
    assert sent[0].startswith(b"%PDF")


def test_admin_adds_and_disables_a_user(tab: SettingsTab) -> None:
    def fill(dialog: AddUserDialog) -> None:
        dialog.username_edit.setText("wang")
        dialog.display_edit.setText("王芳")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("reviewer"))
        dialog.department_combo.setCurrentIndex(dialog.department_combo.findData("health"))
        dialog.password_edit.setText("Health2026x")
        click_ok(dialog)

    answer_modal(fill)
    tab.add_user_button.click()
    assert tab.status_label.text() == "已添加用户 wang"
    names = [tab.users_table.item(r, 0).text() for r in range(tab.users_table.rowCount())]  # type: ignore[union-attr]
    assert "wang" in names
    tab.users_table.setCurrentCell(names.index("wang"), 0)
    tab.disable_user_button.click()
    assert tab.status_label.text() == "已停用用户 wang"


def test_weak_password_is_refused_with_the_reason(tab: SettingsTab) -> None:
    def fill(dialog: AddUserDialog) -> None:
        dialog.username_edit.setText("zhao")
        dialog.password_edit.setText("123")
        click_ok(dialog)

    answer_modal(fill)
    tab.add_user_button.click()
    assert tab.status_label.text() == "密码至少8位"


def test_calendar_import(tab: SettingsTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notice = tmp_path / "2027.txt"
    notice.write_text("年份 2027\n放假 2027-01-01 元旦\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notice), ""))
    tab.import_calendar_button.click()
    assert tab.status_label.text() == "已导入：全年 260 个工作日；0 件办件的期限随之调整"
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.import_calendar_button.click()  # the same year again: a correction, asked first
    assert "2027 年的节假日安排已导入" in asked[0]
    assert tab.status_label.text() == "未导入"
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    tab.import_calendar_button.click()
    assert tab.status_label.text() == "已导入：全年 260 个工作日；0 件办件的期限随之调整"
