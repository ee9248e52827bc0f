"""设置: this PC's printer and 套打 offsets, the database; for administrators users and calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.auth import ROLE_NAMES, UserRow
from desktop_app.services.calendar import YearExistsError, YearImported
from desktop_app.services.errors import ServiceError
from desktop_app.settings import MAX_OFFSET_MM, SettingsError, WorkstationSettings
from desktop_app.ui.i18n import LANGUAGES, tr
from desktop_app.ui.widgets import named, ok_cancel


@dataclass(frozen=True)
class SettingsActions:
    load: Callable[[], WorkstationSettings]
    save: Callable[[WorkstationSettings], None]
    printers: Callable[[], list[str]]
    print_calibration: Callable[[WorkstationSettings], str]
    test_connection: Callable[[str], str]
    database: str
    catalog: str
    is_admin: bool
    users: Callable[[], list[UserRow]]
    add_user: Callable[[str, str, str, str | None, str], None]
    disable_user: Callable[[str], None]
    import_calendar: Callable[[Path, bool], YearImported]  # (file, replace a year there)
    departments: dict[str, str]


class AddUserDialog(QDialog):
    def __init__(self, departments: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(tr("添加用户"))
        self.username_edit = named(QLineEdit(), "newUsernameEdit")
        self.display_edit = named(QLineEdit(), "newDisplayNameEdit")
        self.role_combo = named(QComboBox(), "newRoleCombo")
        for code, name in ROLE_NAMES.items():
            self.role_combo.addItem(tr(name), code)
        self.department_combo = named(QComboBox(), "newDepartmentCombo")
        self.department_combo.addItem(tr("（无）"), None)
        for code, name in departments.items():
            self.department_combo.addItem(name, code)
        self.password_edit = named(QLineEdit(), "newPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow(tr("用户名："), self.username_edit)
        form.addRow(tr("姓名："), self.display_edit)
        form.addRow(tr("角色："), self.role_combo)
        form.addRow(tr("部门（审批、检查人员）："), self.department_combo)
        form.addRow(tr("初始密码："), self.password_edit)
        form.addRow(buttons)


class SettingsTab(QWidget):
    def __init__(self, actions: SettingsActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self._actions = actions
        current = actions.load()
        self.printer_combo = named(QComboBox(), "printerCombo")
        self.printer_combo.addItem(tr("（系统默认打印机）"), "")
        for name in actions.printers():
            self.printer_combo.addItem(name, name)
        self.printer_combo.setCurrentIndex(max(self.printer_combo.findData(current.printer), 0))
        self.dx_spin = named(QDoubleSpinBox(), "overlayDxSpin")
        self.dy_spin = named(QDoubleSpinBox(), "overlayDySpin")
        for spin, value in (
            (self.dx_spin, current.overlay_dx_mm),
            (self.dy_spin, current.overlay_dy_mm),
        ):
            spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
            spin.setValue(value)
        self.save_button = named(QPushButton(tr("保存本机设置(&S)")), "saveSettingsButton")
        self.calibration_button = named(QPushButton(tr("打印套打校准页(&K)")), "calibrationButton")
        self.database_url_edit = named(QLineEdit(current.database_url), "databaseUrlEdit")
        self.database_url_edit.setPlaceholderText(
            tr("留空使用本机 SQLite；多窗口共用填 postgresql+psycopg://…")
        )
        self.test_connection_button = named(QPushButton(tr("测试连接(&T)")), "testConnectionButton")
        self.language_combo = named(QComboBox(), "languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(current.language), 0))
        self.platform_url_edit = named(QLineEdit(current.platform_url), "platformUrlEdit")
        self.platform_url_edit.setPlaceholderText("https://…")
        self.platform_token_edit = named(QLineEdit(current.platform_token), "platformTokenEdit")
        self.platform_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.platform_departments_edit = named(
            QLineEdit(current.platform_departments), "platformDepartmentsEdit"
        )
        self.platform_departments_edit.setPlaceholderText(
            tr("all，或以逗号分隔的部门代码；留空：各部门均在本系统审批")
        )
        self.id_reader_edit = named(QLineEdit(current.id_reader), "idReaderEdit")
        self.id_reader_edit.setPlaceholderText(
            tr("留空：不用阅读器；sdtapi、termb（可加 :端口）、wedge（键盘输入式）")
        )
        self.camera_folder_edit = named(
            QLineEdit(current.document_camera_folder), "documentCameraFolderEdit"
        )
        self.camera_folder_edit.setPlaceholderText(
            tr("留空：不用高拍仪；否则填高拍仪软件保存图像的文件夹")
        )
        self.status_label = named(QLabel(), "settingsStatusLabel")
        self.status_label.setWordWrap(True)

        printing = QGroupBox(tr("打印与套打"))
        printing_form = QFormLayout(printing)
        printing_form.addRow(tr("打印机："), self.printer_combo)
        printing_form.addRow(tr("套打水平偏移（右为正）："), self.dx_spin)
        printing_form.addRow(tr("套打垂直偏移（上为正）："), self.dy_spin)
        printing_form.addRow(self.calibration_button)
        database = QGroupBox(tr("数据库"))
        database_form = QFormLayout(database)
        database_form.addRow(tr("当前："), QLabel(actions.database))
        row = QHBoxLayout()
        row.addWidget(self.database_url_edit)
        row.addWidget(self.test_connection_button)
        database_form.addRow(tr("地址（重启后生效）："), row)
        database_form.addRow(tr("行业目录："), QLabel(actions.catalog))
        database_form.addRow(tr("界面语言（重启后生效）："), self.language_combo)
        database_form.addRow(tr("身份证阅读器："), self.id_reader_edit)
        database_form.addRow(tr("高拍仪图像文件夹："), self.camera_folder_edit)
        platform = QGroupBox(tr("区域一业一证平台"))
        platform_form = QFormLayout(platform)
        platform_form.addRow(tr("平台地址："), self.platform_url_edit)
        platform_form.addRow(tr("访问令牌："), self.platform_token_edit)
        platform_form.addRow(tr("在平台审批的部门："), self.platform_departments_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(printing)
        layout.addWidget(database)
        layout.addWidget(platform)
        layout.addWidget(self.save_button)
        self.users_table = named(QTableWidget(), "usersTable")
        self.add_user_button = named(QPushButton(tr("添加用户(&U)")), "addUserButton")
        self.disable_user_button = named(QPushButton(tr("停用所选用户")), "disableUserButton")
        self.import_calendar_button = named(
            QPushButton(tr("导入节假日安排(&H)")), "importCalendarButton"
        )
        if actions.is_admin:
            admin = QGroupBox(tr("系统管理（管理员）"))
            admin_layout = QVBoxLayout(admin)
            admin_layout.addWidget(self.users_table)
            buttons = QHBoxLayout()
            for button in (
                self.add_user_button,
                self.disable_user_button,
                self.import_calendar_button,
            ):
                buttons.addWidget(button)
            admin_layout.addLayout(buttons)
            layout.addWidget(admin, 1)
            self._refresh_users()
        layout.addWidget(self.status_label)
        layout.addStretch()
        self.save_button.clicked.connect(self._on_save)
        self.calibration_button.clicked.connect(self._on_calibration)
        self.test_connection_button.clicked.connect(self._on_test)
        self.add_user_button.clicked.connect(self._on_add_user)
        self.disable_user_button.clicked.connect(self._on_disable_user)
        self.import_calendar_button.clicked.connect(self._on_import_calendar)

    def settings(self) -> WorkstationSettings:
        base = WorkstationSettings(
            printer=str(self.printer_combo.currentData() or ""),
            database_url=self.database_url_edit.text().strip(),
            language=str(self.language_combo.currentData()),
            platform_url=self.platform_url_edit.text().strip(),
            platform_token=self.platform_token_edit.text().strip(),
            platform_departments=self.platform_departments_edit.text().strip(),
            id_reader=self.id_reader_edit.text().strip(),
            document_camera_folder=self.camera_folder_edit.text().strip(),
        )
        return base.with_offsets(self.dx_spin.value(), self.dy_spin.value())

    def _report(self, action: Callable[[], str]) -> None:
        try:
            self.status_label.setText(action())
        except (ServiceError, SettingsError, RuntimeError, ValueError, OSError) as exc:
            self.status_label.setText(exc.message if isinstance(exc, ServiceError) else str(exc))

    def _on_save(self) -> None:
        def save() -> str:
            self._actions.save(self.settings())
            return tr("已保存本机设置")

        self._report(save)

    def _on_calibration(self) -> None:
        self._report(
            lambda: tr("校准页已发送到 {0}").format(
                self._actions.print_calibration(self.settings())
            )
        )

    def _on_test(self) -> None:
        url = self.database_url_edit.text().strip()
        if not url:
            self.status_label.setText(tr("留空即使用本机 SQLite，无需测试"))
            return
        try:
            reached = self._actions.test_connection(url)
        except Exception as exc:  # any driver error is a message for the administrator
            self.status_label.setText(tr("连接失败：{exc}").format(exc=exc))
        else:
            self.status_label.setText(tr("连接成功：{reached}").format(reached=reached))

    def _refresh_users(self) -> None:
        rows = self._actions.users()
        headers = [tr("用户名"), tr("姓名"), tr("角色"), tr("部门"), tr("状态")]
        self.users_table.setColumnCount(len(headers))
        self.users_table.setHorizontalHeaderLabels(headers)
        self.users_table.setRowCount(len(rows))
        for r, user in enumerate(rows):
            values = [
                user.username,
                user.display_name,
                tr(ROLE_NAMES[user.role]),
                self._actions.departments.get(user.department or "", ""),
                tr("已停用")
                if user.disabled
                else (tr("锁定中") if user.locked_until else tr("正常")),
            ]
            for c, value in enumerate(values):
                self.users_table.setItem(r, c, QTableWidgetItem(value))

    def _on_add_user(self) -> None:
        dialog = AddUserDialog(self._actions.departments, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def add() -> str:
            self._actions.add_user(
                dialog.username_edit.text().strip(),
                dialog.password_edit.text(),
                str(dialog.role_combo.currentData()),
                dialog.department_combo.currentData(),
                dialog.display_edit.text().strip(),
            )
            self._refresh_users()
            return tr("已添加用户 {0}").format(dialog.username_edit.text().strip())

        self._report(add)

    def _on_disable_user(self) -> None:
        row = self.users_table.currentRow()
        item = self.users_table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        username = item.text()

        def disable() -> str:
            self._actions.disable_user(username)
            self._refresh_users()
            return tr("已停用用户 {username}").format(username=username)

        self._report(disable)

    def _on_import_calendar(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("导入节假日安排"), "", tr("节假日文件 (*.txt)")
        )
        if name:
            self._report(lambda: self._import_calendar(Path(name)))

    def _import_calendar(self, path: Path) -> str:
        try:
            imported = self._actions.import_calendar(path, False)
        except YearExistsError as exc:
            # Correcting a year moves open deadlines: only on a second, explicit yes.
            answer = QMessageBox.question(self, tr("更正已导入的年份"), exc.message)
            if answer != QMessageBox.StandardButton.Yes:
                return tr("未导入")
            imported = self._actions.import_calendar(path, True)
        return tr("已导入：全年 {days} 个工作日；{moved} 件办件的期限随之调整").format(
            days=imported.working_days, moved=len(imported.moved)
        )
