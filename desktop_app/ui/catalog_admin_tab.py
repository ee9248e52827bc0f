"""目录管理 (administrators): the versions, the values to confirm, the draft of the next version.

The catalog is the county's to keep (plan 三(一), 四(一)): every change is a new version with
the day it comes into force, checked as the loader checks the shipped files, shown with its
effect before it is saved, and audited. Exchange with other counties and the publication for
the portal start from here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import exchange
from desktop_app.services.catalog_versions import VersionInfo
from desktop_app.services.errors import ServiceError
from desktop_app.ui.catalog_admin_actions import CatalogAdminActions
from desktop_app.ui.catalog_comparison import ComparisonDialog
from desktop_app.ui.catalog_draft_page import DraftPage
from desktop_app.ui.catalog_pending_page import PendingPage
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import fit_columns, named, row_table, run_dialog, say


def _origin(version: VersionInfo) -> str:
    names = {"shipped": tr("随程序发布"), "edited": tr("本县修订"), "imported": tr("外县导入")}
    return names.get(version.origin, version.origin)


class VersionsPage(QWidget):
    """Every version with its first day; export, import and publish."""

    def __init__(self, actions: CatalogAdminActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogVersionsPage")
        self._actions = actions
        self.model: RowTableModel[VersionInfo] = RowTableModel(
            [
                Column(tr("版本号"), lambda v: v.label),
                Column(
                    tr("生效日期"),
                    lambda v: tr("随程序发布") if v.origin == "shipped" else v.effective_from,
                ),
                Column(tr("来源"), _origin),
                Column(tr("修订说明"), lambda v: v.note or ""),
            ],
            self,
        )
        self.table = row_table(self.model, "catalogVersionsTable")
        self.export_button = named(QPushButton(tr("导出目录文件(&E)…")), "exportCatalogButton")
        self.import_button = named(QPushButton(tr("导入目录文件(&I)…")), "importCatalogButton")
        self.publish_button = named(QPushButton(tr("发布到网站(&W)…")), "publishSiteButton")
        self.status_label = named(QLabel(), "catalogVersionsStatusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("目录版本（新受理的办件用当日执行的版本；已受理的办件按受理时的版本办理）"))
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        self.publish_button.clicked.connect(self._publish)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._actions.versions())
        fit_columns(self.table)

    def _say(self, text: str, alarm: bool = False) -> None:
        say(self.status_label, text, alarm)

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("导出目录文件"),
            tr("行业目录{suffix}").format(suffix=exchange.SUFFIX),
            tr("行业目录文件 (*{suffix})").format(suffix=exchange.SUFFIX),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        if path.suffix != exchange.SUFFIX:
            path = path.with_name(path.name + exchange.SUFFIX)
        try:
            label = self._actions.export(path, "")
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(tr("已导出目录版本 {label}（已签名）到 {path}").format(label=label, path=path))

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("导入目录文件"),
            "",
            tr("行业目录文件 (*{suffix})").format(suffix=exchange.SUFFIX),
        )
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> None:
        try:
            package, comparison = self._actions.read_import(path)
        except ServiceError as exc:
            self._say(tr("不能导入：{reason}").format(reason=exc.message), alarm=True)
            return
        heading = tr(
            "{exporter} 于 {day} 导出的目录版本 {label}，签名有效（密钥 {kid}）。"
            "以下是与本县执行版本的差异；确认后导入为本县的新版本。"
        ).format(
            exporter=package.exporter, day=package.exported_on, label=package.label, kid=package.kid
        )
        dialog = ComparisonDialog(tr("导入目录文件"), heading, comparison, package.label, self)
        dialog.note_edit.setText(package.note)
        while run_dialog(dialog):
            try:
                added = self._actions.import_version(
                    package,
                    dialog.effective_from(),
                    dialog.note_edit.text(),
                    dialog.label_edit.text().strip(),
                )
            except ServiceError as exc:
                dialog.refuse(exc.message)
                continue  # the dialog again, with what was typed
            self._say(
                tr("已导入为目录版本 {label}，自 {day} 起用于新受理的办件").format(
                    label=added.label, day=added.effective_from
                )
            )
            self.refresh()
            return

    def _publish(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, tr("发布到文件夹（空文件夹或上次发布的文件夹）")
        )
        if name:
            self.publish_to(Path(name))

    def publish_to(self, folder: Path) -> None:
        try:
            done = self._actions.publish_site(folder)
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        text = tr(
            "已发布到 {folder}：{pages} 个网页、{pdfs} 份 PDF（打开 index.html 查看）"
        ).format(folder=done.folder, pages=done.pages, pdfs=done.pdfs)
        if done.marked:
            text += tr("；仍有待确认的内容，以 ※ 标注")
        self._say(text)


class CatalogAdminTab(QTabWidget):
    def __init__(self, actions: CatalogAdminActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogAdminTab")
        self.versions_page = VersionsPage(actions)
        self.pending_page = PendingPage(actions)
        self.draft_page = DraftPage(actions)
        self.addTab(self.versions_page, tr("版本(&1)"))
        self.addTab(self.pending_page, tr("待确认(&2)"))
        self.addTab(self.draft_page, tr("修订(&3)"))
        self.draft_page.published.connect(self.refresh)
        self.pending_page.confirmed.connect(self.refresh)

    def refresh(self) -> None:
        """After a new version here or from another counter (the change feed)."""
        self.versions_page.refresh()
        self.pending_page.refresh()
