"""The log-in dialog; it only collects the name and password and shows the service's answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop_app.domain.actor import Actor
from desktop_app.services.errors import LoginError
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named

LoginCallable = Callable[[str, str], Actor]


class LoginDialog(QDialog):
    """Asks for a user name and password; ``actor`` holds who logged in once it is accepted."""

    signed_out = Signal()  # the idle lock's way out other than the password: close the app

    def __init__(
        self, login: LoginCallable, title: str = tr("登录"), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(tr("同心县“一业一证”窗口综合受理系统 — {title}").format(title=title))
        self._login = login
        self.actor: Actor | None = None
        # What the composition root attaches (its app state), for whoever holds the dialog.
        self.context: object = None
        self.username_edit = named(QLineEdit(), "usernameEdit")
        self.password_edit = named(QLineEdit(), "passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = named(QPushButton(tr("登录(&L)")), "loginButton")
        self.login_button.setDefault(True)
        self.error_label = named(QLabel(), "loginErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("用户名(&U)："), self.username_edit)
        form.addRow(tr("密码(&P)："), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.login_button)
        self.sign_out_button = named(QPushButton(tr("退出程序(&Q)")), "signOutButton")
        self.sign_out_button.setVisible(False)
        layout.addWidget(self.sign_out_button)
        self.login_button.clicked.connect(self._on_login_clicked)
        self.sign_out_button.clicked.connect(self.signed_out.emit)
        self._locked = False
        self.setMinimumWidth(380)

    def lock_to(self, username: str) -> None:
        """For the idle lock: only the user on duty may unlock, or the app is closed.

        Esc and the window's close button do nothing then: closed, the lock would leave the tabs
        hidden with no way back but a restart.
        """
        self._locked = True
        self.username_edit.setText(username)
        self.username_edit.setReadOnly(True)
        self.sign_out_button.setVisible(True)
        self.password_edit.setFocus()

    @override
    def reject(self) -> None:
        if not self._locked:
            super().reject()

    def _on_login_clicked(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.error_label.setText(tr("请输入用户名和密码"))
            return
        try:
            self.actor = self._login(username, password)
        except LoginError as exc:
            self.error_label.setText(exc.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()
