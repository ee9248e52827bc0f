"""The first start on a PC nobody has set up: an administrator saves machine.ini, or stand-alone."""

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import first_start, machine_settings
from desktop_app.ui.first_start_dialog import FirstStartDialog


def refuse(url: str) -> str:
    raise OSError(f"connection refused: {url.split('@')[-1]}\nmore detail")


@pytest.fixture
def tested() -> list[str]:
    return []


@pytest.fixture
def dialog(qapp: QApplication, qtbot: QtBot, tested: list[str]) -> FirstStartDialog:
    def connect(url: str) -> str:
        tested.append(url)
        return "PostgreSQL：hall:5432/yiye"

    widget = FirstStartDialog(connect)
    qtbot.addWidget(widget)
    return widget


def test_saving_tests_the_database_and_writes_machine_ini(
    dialog: FirstStartDialog, tested: list[str]
) -> None:
    dialog.database_edit.setText("postgresql+psycopg://yiye:pw@hall/yiye")
    dialog.workstation_edit.setText("07")
    dialog.save_button.click()
    assert tested == ["postgresql+psycopg://yiye:pw@hall/yiye"]
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    saved = machine_settings.load()
    assert (saved.database_url, saved.office_code, saved.workstation) == (
        "postgresql+psycopg://yiye:pw@hall/yiye",
        "640324",
        "07",
    )
    assert not first_start.needs_setup(None)


def test_a_mistake_is_said_and_nothing_typed_is_lost(dialog: FirstStartDialog) -> None:
    dialog.workstation_edit.setText("7")
    dialog.platform_edit.setText("https://platform.example.cn")
    dialog.save_button.click()
    assert "workstation 应为2位" in dialog.error_label.text()
    assert dialog.platform_edit.text() == "https://platform.example.cn"
    dialog.workstation_edit.setText("07")
    dialog.platform_edit.setText("http://platform.example.cn")
    dialog.save_button.click()
    assert dialog.error_label.text() == "平台地址须为 https:// 地址：http://platform.example.cn"
    assert not Path(os.environ["YIYE_MACHINE_SETTINGS"]).exists()
    assert dialog.result() != FirstStartDialog.DialogCode.Accepted


def test_a_database_that_cannot_be_reached_is_not_saved(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = FirstStartDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.database_edit.setText("postgresql+psycopg://yiye@hall/yiye")
    dialog.save_button.click()
    assert dialog.error_label.text() == "连接失败：connection refused: hall/yiye"
    assert dialog.database_edit.text() == "postgresql+psycopg://yiye@hall/yiye"
    assert not Path(os.environ["YIYE_MACHINE_SETTINGS"]).exists()


def test_stand_alone_is_remembered(dialog: FirstStartDialog, tested: list[str]) -> None:
    assert first_start.needs_setup(None)
    dialog.stand_alone_button.click()
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert tested == []
    assert not Path(os.environ["YIYE_MACHINE_SETTINGS"]).exists()
    assert not first_start.needs_setup(None)
