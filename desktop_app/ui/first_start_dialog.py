"""首次启动：the counter's settings on a PC nobody has set up (no installer options, no data yet).

An administrator gives the hall's database, the office and workstation codes and the platform,
saved as the PC's machine.ini; or the PC runs stand-alone on SQLite, as it always could.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import first_start, machine_settings
from desktop_app.config import DEFAULT_OFFICE_CODE
from desktop_app.db import first_line
from desktop_app.services.errors import ServiceError
from desktop_app.settings import WorkstationSettings
from desktop_app.sync.config import platform_config
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named


class FirstStartDialog(QDialog):
    """Accepted once the settings are saved or stand-alone is chosen; rejected closes the app."""

    def __init__(
        self, test_connection: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._test_connection = test_connection
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(tr("同心县“一业一证”窗口综合受理系统 — 首次启动"))
        path = machine_settings.machine_settings_path()
        intro = QLabel(
            tr(
                "本机尚未设置。请管理员填写大厅数据库等信息，保存为本机设置（{path}，"
                "需要管理员权限）；或直接单机使用，数据保存在本机。"
            ).format(path=path)
        )
        intro.setWordWrap(True)
        self.database_edit = named(QLineEdit(), "firstStartDatabaseEdit")
        self.database_edit.setPlaceholderText(tr("留空：单机 SQLite；大厅：postgresql+psycopg://…"))
        self.office_edit = named(QLineEdit(DEFAULT_OFFICE_CODE), "firstStartOfficeEdit")
        self.workstation_edit = named(QLineEdit("01"), "firstStartWorkstationEdit")
        self.platform_edit = named(QLineEdit(), "firstStartPlatformEdit")
        self.platform_edit.setPlaceholderText(tr("可留空：https://…"))
        self.error_label = named(QLabel(), "firstStartErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("数据库地址(&D)："), self.database_edit)
        form.addRow(tr("行政区划代码(&O)："), self.office_edit)
        form.addRow(tr("窗口编号(&W)："), self.workstation_edit)
        form.addRow(tr("平台地址(&P)："), self.platform_edit)
        self.save_button = named(QPushButton(tr("保存为本机设置(&S)")), "firstStartSaveButton")
        self.save_button.setDefault(True)
        self.stand_alone_button = named(
            QPushButton(tr("单机使用(&A)")), "firstStartStandAloneButton"
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stand_alone_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save)
        self.stand_alone_button.clicked.connect(self._stand_alone)
        self.resize(560, self.sizeHint().height())

    def entered(self) -> machine_settings.MachineSettings:
        return machine_settings.MachineSettings(
            database_url=self.database_edit.text(),
            office_code=self.office_edit.text(),
            workstation=self.workstation_edit.text(),
            platform_url=self.platform_edit.text(),
        )

    def _save(self) -> None:
        entered = self.entered()
        try:
            machine_settings.validated(entered)
            # The platform address is held to the 设置 tab's rules (https, a host).
            platform_config(WorkstationSettings(platform_url=entered.platform_url), environ={})
            if entered.database_url.strip():
                self._test_connection(entered.database_url.strip())
            machine_settings.save(entered)
        except ServiceError as exc:  # what was typed stays in the fields
            self.error_label.setText(exc.message)
            return
        except Exception as exc:  # any driver error is a message for the administrator
            self.error_label.setText(tr("连接失败：{exc}").format(exc=first_line(exc)))
            return
        self.accept()

    def _stand_alone(self) -> None:
        try:
            first_start.choose_stand_alone()
        except OSError as exc:
            self.error_label.setText(tr("无法保存设置：{exc}").format(exc=exc))
            return
        self.accept()
