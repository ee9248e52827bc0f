"""The main window: one tab per area of work, a status bar naming the store and the catalog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from desktop_app.catalog import Catalog
from desktop_app.db import DatabaseInfo
from desktop_app.ui.catalog_browser import CatalogBrowser
from desktop_app.ui.widgets import named


class MainWindow(QMainWindow):
    """Hosts the tabs; later issues add 受理, 办件, 部门审批, 证照, 统计 and 设置."""

    def __init__(
        self, catalog: Catalog, database: DatabaseInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("同心县“一业一证”窗口综合受理系统")
        self.tabs = named(QTabWidget(), "mainTabs")
        self.catalog_browser = CatalogBrowser(catalog)
        self.tabs.addTab(self.catalog_browser, "行业目录（&C）")
        self.setCentralWidget(self.tabs)
        self.database_label = named(QLabel(f"数据库 {database.describe()}"), "databaseLabel")
        self.catalog_label = named(
            QLabel(f"目录 {catalog.batch} v{catalog.version}"), "catalogLabel"
        )
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.catalog_label)
