"""Composition root of the GUI: the login dialog paints first; catalog and store load behind it.

Only Qt, the font and the dialog load before the first paint; SQLAlchemy, Alembic, the catalog and
the screens behind the login load while the clerk types the user name.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from typing_extensions import override

from desktop_app import collector
from desktop_app.domain.actor import Actor
from desktop_app.services.errors import LoginError
from desktop_app.ui import i18n
from desktop_app.ui.fonts import FontLoadError, load_cjk_font, load_rare_character_font
from desktop_app.ui.i18n import tr
from desktop_app.ui.login_dialog import LoginDialog

if TYPE_CHECKING:
    from desktop_app.catalog import Catalog
    from desktop_app.db import Store
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.startup_check import StartupCheck

COUNTER_SCREEN = (1366, 768)
IDLE_LOCK_MS = 15 * 60 * 1000


@dataclass
class AppState:
    """What the running app holds: store, catalog, who is signed in, the main window."""

    database_url: str | None
    catalog: Catalog | None = None
    store: Store | None = None
    actor: Actor | None = None
    main_window: MainWindow | None = None
    error: str = ""
    idle_lock: IdleLock | None = None
    startup_check: StartupCheck | None = None

    def login(self, username: str, password: str) -> Actor:
        from desktop_app.services import auth

        if self.store is None:
            raise LoginError(self.error or tr("正在打开数据库，请稍候"))
        if self.store.writes_stopped is not None:  # signing in is written to the audit log
            raise LoginError(self.store.writes_stopped)
        return auth.login(self.store.write, username, password)


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("yiye")
    return app


class IdleLock(QObject):
    """After 15 minutes without input the screen locks; the work under it stays as it was."""

    def __init__(
        self, state: AppState, window: MainWindow, interval_ms: int = IDLE_LOCK_MS
    ) -> None:
        super().__init__(window)
        self._state = state
        self._window = window
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.lock)
        _application().installEventFilter(self)
        self.timer.start()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        user_input = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
        if event.type() in user_input and self.dialog is None:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None or self._state.actor is None:
            return
        if self._window.intake_wizard is not None:
            self._window.intake_wizard.save_now()
        self._window.tabs.setVisible(False)  # nothing readable while the counter is away
        self.dialog = LoginDialog(self._state.login, tr("已锁定，请输入密码解锁"), self._window)
        self.dialog.lock_to(self._state.actor.username)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.signed_out.connect(self._window.close)  # the draft was saved above
        self.dialog.open()

    def _unlock(self) -> None:
        self.dialog = None
        self._window.tabs.setVisible(True)
        self.timer.start()


def _load(state: AppState, dialog: LoginDialog, loaded: Callable[[], None]) -> None:
    """Opens the store and loads the catalog (after the dialog has painted)."""
    from sqlalchemy.exc import SQLAlchemyError

    from desktop_app.bootstrap import BackupFailedError, DamagedStoreError, open_store
    from desktop_app.catalog import CatalogError
    from desktop_app.db import (
        NetworkShareError,
        database_url,
        first_line,
        sqlite_file,
        storage_problem,
    )
    from desktop_app.services.catalog_versions import open_catalog
    from desktop_app.services.errors import ServiceError

    try:
        state.store = open_store(state.database_url)
        state.catalog = open_catalog(state.store)  # the hall's version in force today
    except CatalogError as exc:
        state.error = tr("行业目录有误：{exc}").format(exc=exc)
    except (NetworkShareError, BackupFailedError, DamagedStoreError) as exc:
        state.error = str(exc)
    except ServiceError as exc:  # a broken machine.ini, among others: said, not a traceback
        state.error = exc.message
    except SQLAlchemyError as exc:
        detail = first_line(exc)
        file = sqlite_file(database_url(state.database_url))
        state.error = tr("无法打开数据库：{problem}（{detail}）").format(
            problem=storage_problem(detail, file), detail=detail
        )
    if state.store is not None:
        from desktop_app.ui.startup_check import StartupCheck

        check = state.startup_check = StartupCheck(state.store)
        check.damaged.connect(lambda message: _writes_stopped(state, dialog, message))
        check.start()
    if state.error:
        print(tr("yiye：{error}").format(error=state.error), file=sys.stderr)
        dialog.error_label.setText(state.error)
    dialog.login_button.setEnabled(not state.error)
    collector.resume_after_start()
    loaded()
    if not state.error:
        # While the clerk types: load what the log-in and the main window need.
        QTimer.singleShot(50, _warm_up)


def _writes_stopped(state: AppState, dialog: LoginDialog, message: str) -> None:
    """The start-up check found the file damaged: said where the clerk is looking."""
    if state.main_window is not None:
        state.main_window.show_writes_stopped(message)
    else:
        dialog.error_label.setText(message)


def _warm_up() -> None:
    import desktop_app.services.auth
    import desktop_app.ui.main_window  # noqa: F401


def _open_main_window(state: AppState, actor: Actor) -> MainWindow:
    from desktop_app.ui.counter import Counter
    from desktop_app.ui.live_updates import LiveUpdates
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.platform_sync import PlatformSync

    assert state.store is not None
    assert state.catalog is not None
    load_rare_character_font()  # 30 MB: after log-in, not on the way to the first paint
    state.actor = actor
    window = MainWindow(
        state.catalog, state.store.info, actor, Counter(state.store, state.catalog, actor)
    )
    window.resize(*COUNTER_SCREEN)
    window.follow(LiveUpdates(state.store, window))
    window.exchange_with(PlatformSync(state.store, window))
    window.show()
    state.main_window = window
    state.idle_lock = IdleLock(state, window)
    window.switch_catalog.connect(lambda: _switch_catalog(state, actor))
    return window


def _switch_catalog(state: AppState, actor: Actor) -> None:
    """A new catalog version is in force: the same user goes on in a window built on it."""
    from desktop_app.services.catalog_versions import open_catalog
    from desktop_app.services.errors import ServiceError

    old = state.main_window
    assert state.store is not None
    try:
        state.catalog = open_catalog(state.store)
    except ServiceError as exc:
        if old is not None:
            old.statusBar().showMessage(exc.message)
        return
    _open_main_window(state, actor)
    if old is not None:
        old.close()  # stops its feed and platform threads
        old.deleteLater()


def start(
    database_url: str | None = None, loaded: Callable[[], None] = lambda: None
) -> LoginDialog:
    """Builds everything the ``yiye`` command builds and returns the shown login dialog.

    ``dialog.context`` (an AppState) holds the rest once loaded; ``loaded`` runs at that moment.
    """
    from desktop_app import settings

    app = _application()
    load_cjk_font(app)
    i18n.install(app, i18n.chosen_language(settings.load().language))
    app.setApplicationDisplayName(tr("一业一证"))
    state = AppState(database_url)
    dialog = LoginDialog(state.login)
    dialog.context = state
    dialog.login_button.setEnabled(False)
    dialog.accepted.connect(lambda: dialog.actor and _open_main_window(state, dialog.actor))
    dialog.show()
    # Load once the dialog has painted: the clerk sees it at once and types while we load.
    dialog.installEventFilter(_AfterFirstPaint(dialog, lambda: _load(state, dialog, loaded)))
    return dialog


class _AfterFirstPaint(QObject):
    """Runs ``action`` once, right after ``watched``'s first paint."""

    def __init__(self, parent: QObject, action: Callable[[], None]) -> None:
        super().__init__(parent)
        self._action: Callable[[], None] | None = action

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            action, self._action = self._action, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, action)
        return False


class _QuitWhenReady(QObject):
    """For ``--smoke``: leave with 0 once the dialog has painted and the store is open."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False
        self.state: AppState | None = None

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
            QTimer.singleShot(0, self.check)
        return False

    def check(self) -> None:
        if self.state is None or not (self.painted and (self.state.store or self.state.error)):
            return
        _application().exit(1 if self.state.error else 0)


def _keep_work(state: AppState) -> None:
    """After an unexpected error: what the clerk typed goes to the draft before anything else."""
    window = state.main_window
    if window is not None and window.intake_wizard is not None:
        window.intake_wizard.save_now()


def _first_start_done(app: QApplication, database_url: str | None) -> bool:
    """On a PC nobody has set up, asks for its settings first; False when the user closed it."""
    from desktop_app import first_start, settings

    if not first_start.needs_setup(database_url):
        return True
    from desktop_app.db import test_connection
    from desktop_app.ui.first_start_dialog import FirstStartDialog

    load_cjk_font(app)
    i18n.install(app, i18n.chosen_language(settings.load().language))
    return bool(FirstStartDialog(test_connection).exec())


def run_gui(database_url: str | None = None, smoke: bool = False) -> int:
    """Starts the counter application and runs its event loop; returns the exit code."""
    from desktop_app.ui.error_handler import ErrorHandler

    app = _application()
    watcher = _QuitWhenReady()
    try:
        if not smoke and not _first_start_done(app, database_url):
            return 0
        dialog = start(database_url, loaded=watcher.check if smoke else lambda: None)
    except FontLoadError as exc:
        print(tr("yiye：{exc}").format(exc=exc), file=sys.stderr)
        if not smoke:
            QMessageBox.critical(None, tr("无法启动"), str(exc))
        return 1
    state = dialog.context
    assert isinstance(state, AppState)
    errors = ErrorHandler(lambda: _keep_work(state), lambda: state.main_window or dialog)
    errors.install()  # here, not in start(): the tests' own hook catches what they raise
    if smoke:
        watcher.state = state
        dialog.installEventFilter(watcher)
    return app.exec()
