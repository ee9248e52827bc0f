"""The main window: one tab per area of work, shown by role; a status bar naming user and store."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.db import DatabaseInfo
from desktop_app.services import reporting
from desktop_app.services.auth import ROLE_NAMES, Actor
from desktop_app.sync.feed import Change
from desktop_app.sync.worker import WorkerReport
from desktop_app.ui.cases_tab import CasesTab
from desktop_app.ui.catalog_admin_tab import CatalogAdminTab
from desktop_app.ui.catalog_browser import CatalogBrowser
from desktop_app.ui.certificates_tab import CertificatesTab
from desktop_app.ui.commitments_tab import CommitmentsTab
from desktop_app.ui.counter import Counter
from desktop_app.ui.dashboard_tab import DashboardTab
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.wizard import IntakeWizard
from desktop_app.ui.live_updates import LiveUpdates
from desktop_app.ui.online_tab import OnlineTab
from desktop_app.ui.platform_sync import PlatformSync, describe
from desktop_app.ui.review_tab import ReviewTab
from desktop_app.ui.settings_tab import SettingsTab
from desktop_app.ui.supervision_tab import SupervisionTab
from desktop_app.ui.widgets import ALARM_STYLE, named

INTAKE_ROLES = frozenset({"clerk", "supervisor"})
# Who hears that next year's holidays are missing: the one who imports them, and the one who asks.
CALENDAR_WARNING_ROLES = frozenset({"admin", "supervisor"})
CATALOG_CHECK_MS = 10 * 60 * 1000  # a version in force from a later day: found within minutes
REFRESH_DELAY_MS = 250  # changes arriving closer together than this refresh the lists once
DASHBOARD_ROLES = frozenset({"supervisor", "admin", "auditor"})
# The 告知承诺 checks: recorded by the department's reviewers, watched by the supervisors.
CHECK_ROLES = frozenset({"reviewer", "supervisor"})
SUPERVISION_ROLES = frozenset({"reviewer", "supervisor", "inspector"})


def _may_issue(actor: Actor, catalog: Catalog) -> bool:
    # The counter hands certificates out; market supervision (the issuer) may too.
    return actor.role in INTAKE_ROLES or (
        actor.role == "reviewer" and actor.department == catalog.issuing_department
    )


class MainWindow(QMainWindow):
    # The clerk asked to work on the catalog version now in force (ui/app.py rebuilds the window).
    switch_catalog = Signal()
    """Hosts the tabs the signed-in user may use."""

    def show_expiring(self, days: int) -> None:
        """统计's 到期 figure opens the list behind it in 证照."""
        tab = self.certificates_tab
        if tab is None or tab.expiring_panel is None:
            return
        self.tabs.setCurrentWidget(tab)
        tab.expiring_panel.show_within(days)

    def __init__(
        self,
        catalog: Catalog,
        database: DatabaseInfo,
        actor: Actor | None = None,
        counter: Counter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("同心县“一业一证”窗口综合受理系统"))
        self.tabs = named(QTabWidget(), "mainTabs")
        self.intake_wizard: IntakeWizard | None = None
        self.draft_banner: QWidget | None = None
        self._counter = counter
        if actor is not None and counter is not None and actor.role in INTAKE_ROLES:
            self.intake_wizard = IntakeWizard(
                catalog,
                submit=counter.submit,
                save_draft=counter.save_draft,
                print_receipt=counter.print_receipt,
                print_notice=counter.print_notice,
                decisions=counter.decisions(),
                after_issue=counter.after_issue_actions(),
                store_scan=counter.store_scan,
                find_reader=counter.id_reader_finder(),
                known_values=counter.known_values,
                look_up=counter.licence_lookup(),
                find_reuse=counter.reuse_offers,
                camera=counter.document_camera,
            )
            intake_tab = named(QWidget(), "intakeTab")
            intake_layout = QVBoxLayout(intake_tab)
            self.draft_banner = self._draft_banner(catalog, counter)
            intake_layout.addWidget(self.draft_banner)
            intake_layout.addWidget(self.intake_wizard, 1)
            self.tabs.addTab(intake_tab, tr("受理(&A)"))
            self.intake_wizard.finished.connect(self._restart_intake)
            self.intake_wizard.concluded.connect(self._restart_intake)
            self.intake_wizard.save_problem.connect(self._show_save_problem)
        self.cases_tab: CasesTab | None = None
        if actor is not None and counter is not None:
            self.cases_tab = CasesTab(
                catalog, counter.case_actions(), may_act=actor.role in INTAKE_ROLES
            )
            self.tabs.addTab(self.cases_tab, tr("办件(&J)"))
        self.online_tab: OnlineTab | None = None
        if actor is not None and counter is not None and actor.role in INTAKE_ROLES:
            self.online_tab = OnlineTab(catalog, counter.online_actions())
            self.tabs.addTab(self.online_tab, tr("网上申请(&W)"))
        self.review_tab: ReviewTab | None = None
        self.certificates_tab: CertificatesTab | None = None
        if actor is not None and counter is not None and actor.role == "reviewer":
            self.review_tab = ReviewTab(catalog, counter.review_actions())
            self.tabs.addTab(self.review_tab, tr("部门审批(&R)"))
        self.commitments_tab: CommitmentsTab | None = None
        if actor is not None and counter is not None and actor.role in CHECK_ROLES:
            self.commitments_tab = CommitmentsTab(catalog, counter.commitment_actions())
            self.tabs.addTab(self.commitments_tab, tr("承诺核查(&Q)"))
        self.supervision_tab: SupervisionTab | None = None
        if actor is not None and counter is not None and actor.role in SUPERVISION_ROLES:
            self.supervision_tab = SupervisionTab(
                catalog,
                counter.supervision_actions(),
                counter.draw_actions(),
                counter.registry_actions(),
                counter.roster_actions(),
            )
            self.tabs.addTab(self.supervision_tab, tr("监管(&V)"))
        if actor is not None and counter is not None and _may_issue(actor, catalog):
            self.certificates_tab = CertificatesTab(
                counter.certificate_actions(), expiring=counter.expiring_actions()
            )
            self.tabs.addTab(self.certificates_tab, tr("证照(&Z)"))
        self.dashboard_tab: DashboardTab | None = None
        if actor is not None and counter is not None and actor.role in DASHBOARD_ROLES:
            self.dashboard_tab = DashboardTab(counter.dashboard, reporting.export_excel)
            self.tabs.addTab(self.dashboard_tab, tr("统计(&T)"))
            if self.certificates_tab is not None:
                self.dashboard_tab.expiring_wanted.connect(self.show_expiring)
            self.dashboard_tab.refresh()
        self.catalog_browser = CatalogBrowser(catalog)
        self.tabs.addTab(self.catalog_browser, tr("行业目录(&C)"))
        self.catalog_admin_tab: CatalogAdminTab | None = None
        if actor is not None and counter is not None and actor.role == "admin":
            self.catalog_admin_tab = CatalogAdminTab(counter.catalog_admin_actions())
            self.tabs.addTab(self.catalog_admin_tab, tr("目录管理(&M)"))
        self.settings_tab: SettingsTab | None = None
        if actor is not None and counter is not None:
            self.settings_tab = SettingsTab(counter.settings_actions())
            self.tabs.addTab(self.settings_tab, tr("设置(&S)"))
        self.setCentralWidget(self.tabs)
        who = (
            ""
            if actor is None
            else tr("{display_name}（{0}）").format(
                tr(ROLE_NAMES[actor.role]), display_name=actor.display_name
            )
        )
        self.user_label = named(
            QLabel(tr("用户 {who}").format(who=who) if who else ""), "userLabel"
        )
        self.database_label = named(
            QLabel(tr("数据库 {0}").format(database.describe())), "databaseLabel"
        )
        self.catalog_label = named(
            QLabel(
                tr("目录 {batch} v{version}").format(batch=catalog.batch, version=catalog.version)
            ),
            "catalogLabel",
        )
        self.connection_label = named(QLabel(), "connectionLabel")
        self.connection_label.setStyleSheet(ALARM_STYLE)
        self.connection_label.setVisible(False)
        self.sync_label = named(QLabel(), "syncLabel")
        self.sync_label.setVisible(False)
        self.calendar_label = named(QLabel(), "calendarLabel")
        self.calendar_label.setStyleSheet(ALARM_STYLE)
        self.calendar_label.setVisible(False)
        self._warn_calendar = (
            actor is not None and counter is not None and actor.role in CALENDAR_WARNING_ROLES
        )
        self.live_updates: LiveUpdates | None = None
        self.platform_sync: PlatformSync | None = None
        self._last_change: Change | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_lists)
        self.storage_label = named(QLabel(tr("数据库文件已损坏：已停止保存")), "storageLabel")
        self.storage_label.setStyleSheet(ALARM_STYLE)
        self.storage_label.setVisible(False)
        self.writes_stopped_box: QMessageBox | None = None
        self.catalog_version = catalog.version
        self.new_catalog_button = named(QPushButton(), "newCatalogButton")
        self.new_catalog_button.setStyleSheet(ALARM_STYLE)
        self.new_catalog_button.setVisible(False)
        self.new_catalog_button.clicked.connect(self._switch_catalog)
        self.statusBar().addPermanentWidget(self.new_catalog_button)
        # A version can come into force at midnight as well as by an administrator's edit.
        self._catalog_timer = QTimer(self)
        self._catalog_timer.setInterval(CATALOG_CHECK_MS)
        self._catalog_timer.timeout.connect(self.check_catalog)
        self._catalog_timer.start()
        labels = (
            self.storage_label,
            self.connection_label,
            self.calendar_label,
            self.sync_label,
            self.user_label,
            self.database_label,
            self.catalog_label,
        )
        for label in labels:
            label.setContentsMargins(8, 0, 8, 0)  # the status bar sets them apart by space only
            self.statusBar().addPermanentWidget(label)
        self.show_calendar_status()

    def check_catalog(self) -> None:
        """Offers the catalog version in force when it is not the one this window works on."""
        if self._counter is None:
            return
        label = self._counter.catalog_label_in_force()
        newer = label is not None and label != self.catalog_version
        self.new_catalog_button.setText(
            tr("行业目录已更新为 v{version}：点击切换（新办件按新目录受理）").format(version=label)
        )
        self.new_catalog_button.setVisible(newer)

    def _switch_catalog(self) -> None:
        if self.catalog_admin_tab is not None:
            self.catalog_admin_tab.draft_page.keep_now()  # the new window resumes it
        if self.intake_wizard is not None:
            self.intake_wizard.save_now()  # the draft comes back in the new window
        self.switch_catalog.emit()

    def show_calendar_status(self) -> None:
        """From 1 October until next year's holidays are imported, admins and supervisors see it."""
        if not self._warn_calendar or self._counter is None:
            return
        known = self._counter.calendar_status()
        year = known.today.year + 1
        self.calendar_label.setText(
            tr("未导入{year}年节假日安排：跨年期限暂按周末计算（暂定）").format(year=year)
        )
        self.calendar_label.setToolTip(
            tr(
                "国务院办公厅公布{year}年节假日安排后，请管理员在 设置 → 导入节假日安排 中导入；"
                "导入后暂定期限自动重算（现有 {count} 项）。"
            ).format(year=year, count=known.provisional_items)
        )
        self.calendar_label.setVisible(known.warn)

    def show_writes_stopped(self, message: str) -> None:
        """The file was found damaged: said once in a box, and kept in the status bar."""
        self.storage_label.setToolTip(message)
        if self.storage_label.isVisible() and self.writes_stopped_box is not None:
            return
        self.storage_label.setVisible(True)
        box = self.writes_stopped_box = named(
            QMessageBox(QMessageBox.Icon.Critical, tr("数据库文件已损坏"), message, parent=self),
            "writesStoppedBox",
        )
        box.open()  # not exec(): the screens stay readable behind it

    def follow(self, live: LiveUpdates) -> None:
        """Keeps the lists current with the other counters' changes, and says when it cannot."""
        self.live_updates = live
        live.changed.connect(self.show_changes)
        live.status.connect(self.show_connection)
        live.start()

    def exchange_with(self, sync: PlatformSync) -> None:
        """Runs the platform exchange in the background; its state shows in the status bar."""
        self.platform_sync = sync
        sync.reported.connect(self.show_sync)
        sync.writes_stopped.connect(self.show_writes_stopped)
        sync.start()

    def show_sync(self, report: WorkerReport) -> None:
        text, details, problem = describe(report)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(details)
        self.sync_label.setStyleSheet(ALARM_STYLE if problem else "")
        self.sync_label.setVisible(bool(text))

    def show_changes(self, changes: list[Change]) -> None:
        """Another counter (or this one) changed something: refresh what lists it.

        Once a burst of changes has passed: a busy hall must not keep the lists redrawing.
        """
        if self.platform_sync is not None and any(c.action == "dispatch" for c in changes):
            self.platform_sync.poke()  # the platform hears of a new case at once
        self._last_change = changes[-1]
        if any(c.action == "calendar_import" for c in changes):
            self.show_calendar_status()
        if any(c.action == "catalog.version" for c in changes):
            self.check_catalog()
            if self.catalog_admin_tab is not None:
                self.catalog_admin_tab.refresh()
        self._refresh_timer.start()

    def _refresh_lists(self) -> None:
        if self.cases_tab is not None:
            self.cases_tab.refresh()
        if self.review_tab is not None:
            self.review_tab.refresh()
        if self.online_tab is not None:
            self.online_tab.refresh()
        if self.commitments_tab is not None:
            self.commitments_tab.refresh()
        if self.certificates_tab is not None:
            self.certificates_tab.refresh()
        if self.supervision_tab is not None:
            self.supervision_tab.refresh()
        if self.dashboard_tab is not None and self.tabs.currentWidget() is self.dashboard_tab:
            self.dashboard_tab.refresh()
        last = self._last_change
        if last is None:
            return
        self.statusBar().showMessage(
            tr("{at:%H:%M:%S} 已更新：{subject}（{actor}）").format(
                at=clock.local(last.at),
                actor=last.actor,
                subject=last.subject,
            ),
            10_000,
        )

    def show_connection(self, problem: str | None) -> None:
        """A lost database is said at once; what is typed stays on screen and in the draft."""
        self.connection_label.setText(problem or "")
        self.connection_label.setVisible(problem is not None)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.catalog_admin_tab is not None:
            self.catalog_admin_tab.draft_page.keep_now()  # typing of the last second too
        if self.live_updates is not None:
            self.live_updates.stop()
        if self.platform_sync is not None:
            self.platform_sync.stop()
        super().closeEvent(event)

    def _draft_banner(self, catalog: Catalog, counter: Counter) -> QWidget:
        """Offers back the draft a crash or a lost database left on this PC."""
        banner = named(QWidget(), "draftBanner")
        saved = counter.local_draft()
        banner.setVisible(saved is not None)
        if saved is None:
            return banner
        industry = catalog.find_industry(saved.draft.industry or "")
        label = QLabel(
            tr("本机有一份未受理完的草稿：{industry} {name}（保存于 {at:%m-%d %H:%M}）").format(
                industry=industry.name if industry else "",
                name=saved.draft.form.get("enterprise_name", ""),
                at=saved.saved_at,
            )
        )
        resume = named(QPushButton(tr("继续该草稿(&G)")), "resumeDraftButton")
        discard = named(QPushButton(tr("放弃该草稿")), "discardDraftButton")
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label, 1)
        row.addWidget(resume)
        row.addWidget(discard)

        def on_resume() -> None:
            banner.setVisible(False)
            if self.intake_wizard is not None:
                self.intake_wizard.resume(saved.draft)

        def on_discard() -> None:
            banner.setVisible(False)
            counter.discard_local_draft()

        resume.clicked.connect(on_resume)
        discard.clicked.connect(on_discard)
        return banner

    def _show_save_problem(self, problem: str) -> None:
        if problem:
            self.statusBar().showMessage(problem, 30_000)

    def _restart_intake(self) -> None:
        wizard = self.intake_wizard
        if wizard is None:
            return
        if self._counter is not None:
            self._counter.discard_local_draft()  # accepted or decided: nothing to offer back
        # The next applicant starts on a clean wizard (the draft is closed, or kept for 补正).
        wizard.start_over()
