"""修订: the draft of the next catalog version, edited, checked at every step, shown, published.

The draft starts from the newest version's files. A permit's time limits, 告知承诺, validity,
fee and basis, and which materials may be handed in later (容缺), have their own form; anything
else (an industry's rules and questions, form fields, materials, a new industry or permit of the
second batch) is edited in the catalog files themselves. Every edit goes through the loader's
checks at once; a refused edit says the file and the place and changes nothing, and what was
typed stays in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import Catalog
from desktop_app.catalog.editing import EditError, set_deferrable, set_permit_values, with_version
from desktop_app.catalog.loader import FILES
from desktop_app.services.catalog_draft_file import SavedCatalogDraft
from desktop_app.services.catalog_versions import digest_of
from desktop_app.services.errors import ServiceError
from desktop_app.ui.catalog_admin_actions import CatalogAdminActions, Files
from desktop_app.ui.catalog_comparison import ComparisonDialog
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import confirm, named, run_dialog, say

MAX_DAYS = 365
KEEP_DELAY_MS = 1000


class PermitForm(QWidget):
    """One permit's values as the 目录管理 edits them directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statutory_spin = named(QSpinBox(), "statutoryDaysSpin")
        self.promised_spin = named(QSpinBox(), "promisedDaysSpin")
        for spin in (self.statutory_spin, self.promised_spin):
            spin.setRange(0, MAX_DAYS)
            spin.setSuffix(tr(" 个工作日"))
            spin.setSpecialValueText(tr("即时办结"))
        self.commitment_check = named(QCheckBox(tr("可适用告知承诺制")), "commitmentCheck")
        self.validity_spin = named(QSpinBox(), "validityYearsSpin")
        self.validity_spin.setRange(0, 30)
        self.validity_spin.setSuffix(tr(" 年"))
        self.validity_spin.setSpecialValueText(tr("长期有效"))
        self.fee_edit = named(QLineEdit(), "feeEdit")
        self.fee_edit.setMaxLength(200)
        self.basis_edit = named(QLineEdit(), "basisEdit")
        self.basis_edit.setMaxLength(500)
        form = QFormLayout(self)
        form.addRow(tr("法定办理时限："), self.statutory_spin)
        form.addRow(tr("承诺办理时限："), self.promised_spin)
        form.addRow(tr("告知承诺："), self.commitment_check)
        form.addRow(tr("有效期："), self.validity_spin)
        form.addRow(tr("收费："), self.fee_edit)
        form.addRow(tr("设定依据："), self.basis_edit)

    def show_permit(self, catalog: Catalog, code: str) -> None:
        permit = catalog.permits[code]
        self.statutory_spin.setValue(permit.statutory_days)
        self.promised_spin.setValue(permit.promised_days)
        self.commitment_check.setChecked(permit.commitment_allowed)
        self.validity_spin.setValue(permit.validity_years or 0)
        self.fee_edit.setText(permit.fee)
        self.basis_edit.setText(permit.basis)

    def values(self) -> dict[str, object]:
        return {
            "statutory_days": self.statutory_spin.value(),
            "promised_days": self.promised_spin.value(),
            "commitment_allowed": self.commitment_check.isChecked(),
            "validity_years": self.validity_spin.value() or None,
            "fee": self.fee_edit.text().strip(),
            "basis": self.basis_edit.text().strip(),
        }


class DraftPage(QWidget):
    published = Signal()

    def __init__(self, actions: CatalogAdminActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDraftPage")
        self._actions = actions
        self.base_label = ""
        self._base: Files = {}
        self.files: Files = {}
        self._catalog: Catalog | None = None
        self._typed: dict[str, str] = {}  # file text typed but not applied, kept per file

        self.summary_label = named(QLabel(), "draftSummaryLabel")
        self.permit_list = named(QListWidget(), "draftPermitList")
        self.permit_form = PermitForm()
        self.apply_permit_button = named(QPushButton(tr("应用到草稿(&Y)")), "applyPermitButton")
        permits = QWidget()
        permit_side = QVBoxLayout()
        permit_side.addWidget(self.permit_form)
        permit_side.addWidget(self.apply_permit_button)
        permit_side.addStretch()
        permits_layout = QHBoxLayout(permits)
        permits_layout.addWidget(self.permit_list, 1)
        permits_layout.addLayout(permit_side, 2)

        self.material_list = named(QListWidget(), "draftMaterialList")
        self.apply_materials_button = named(
            QPushButton(tr("应用容缺设置(&M)")), "applyMaterialsButton"
        )
        materials = QWidget()
        materials_layout = QVBoxLayout(materials)
        materials_layout.addWidget(
            QLabel(tr("勾选的材料可容缺受理（非关键材料，受理后限期补正）："))
        )
        materials_layout.addWidget(self.material_list, 1)
        materials_layout.addWidget(self.apply_materials_button)

        self.file_combo = named(QComboBox(), "draftFileCombo")
        for name in FILES:
            self.file_combo.addItem(f"{name}.toml", name)
        self.file_edit = named(QPlainTextEdit(), "draftFileEdit")
        self.file_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.file_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.apply_file_button = named(QPushButton(tr("应用文件修改(&T)")), "applyFileButton")
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(
            QLabel(
                tr(
                    "行业的情形问题和选择规则、表单字段、材料，新增行业（第二批）或许可事项："
                    "直接编辑目录文件，应用时按目录规则完整校验。"
                )
            )
        )
        files_layout.addWidget(self.file_combo)
        files_layout.addWidget(self.file_edit, 1)
        files_layout.addWidget(self.apply_file_button)

        self.editors = named(QTabWidget(), "draftEditors")
        self.editors.addTab(permits, tr("许可事项"))
        self.editors.addTab(materials, tr("容缺材料"))
        self.editors.addTab(files, tr("目录文件"))
        self.preview_button = named(QPushButton(tr("预览修订(&V)…")), "previewDraftButton")
        self.publish_button = named(QPushButton(tr("发布新版本(&F)…")), "publishDraftButton")
        self.discard_button = named(QPushButton(tr("放弃草稿(&X)")), "discardDraftButton")
        self.status_label = named(QLabel(), "draftStatusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.publish_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.editors, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

        self.permit_list.currentRowChanged.connect(lambda _: self._show_permit())
        self.apply_permit_button.clicked.connect(self._apply_permit)
        self.apply_materials_button.clicked.connect(self._apply_materials)
        self.file_combo.currentIndexChanged.connect(lambda _: self._show_file())
        self.file_edit.textChanged.connect(self._keep_typed)
        self.apply_file_button.clicked.connect(self._apply_file)
        self.preview_button.clicked.connect(self._preview)
        self.publish_button.clicked.connect(self._publish)
        self.discard_button.clicked.connect(self._discard)
        # Typing is kept a moment after it stops, not at every key.
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(KEEP_DELAY_MS)
        self._keep_timer.timeout.connect(self._keep)
        self._resume()

    # -- the draft --------------------------------------------------------------------------

    def start(self, drop_saved: bool = True) -> None:
        """A fresh draft from the newest version (after publishing, on discard)."""
        if drop_saved:
            self._actions.drop_draft()
        self.base_label, self._base = self._actions.draft(None)
        self._typed.clear()
        self._take(dict(self._base), self._actions.check(self._base))
        self.status_label.clear()

    def _resume(self) -> None:
        """On opening: the draft this administrator left unpublished, else a fresh one."""
        saved = self._actions.saved_draft()
        if saved is None:
            self.start()
            return
        try:
            label, base = self._actions.draft(saved.base_label)
            foreign = digest_of(base) != saved.base_digest
        except ServiceError:
            foreign = True  # that version is not in this database
        if foreign:
            # Typed against another database (the settings changed it): kept until the next edit.
            self.start(drop_saved=False)
            text = tr(
                "此电脑上未发布的目录草稿（{time}，基于目录版本 {label}）属于另一个数据库，"
                "未恢复；在此修订将替换它"
            )
            say(self.status_label, text.format(time=_when(saved), label=saved.base_label), True)
            return
        self.base_label, self._base = label, base
        self._typed = dict(saved.typed)
        files = {**base, **saved.changed}
        try:
            self._take(files, self._actions.check(files))
        except ServiceError as exc:  # the saved files were checked when kept; a newer loader?
            self._typed = {**saved.changed, **saved.typed}  # nothing lost: it waits in the editor
            self._take(dict(base), self._actions.check(base))
            text = tr("草稿已恢复为未应用的文本：{reason}").format(reason=exc.message)
            say(self.status_label, text, True)
            return
        resumed = tr("已恢复 {time} 未发布的草稿（基于目录版本 {label}）").format(
            time=_when(saved), label=label
        )
        newest = self._actions.draft(None)[0]
        if newest != label:
            resumed += tr(
                "；目录已有更新的版本 {newest}，此草稿不能再发布：请在新版本上重新修订"
                "（可先在“目录文件”中复制修改的内容），再放弃此草稿"
            ).format(newest=newest)
        say(self.status_label, resumed, alarm=newest != label)

    def keep_now(self) -> None:
        if self._keep_timer.isActive():
            self._keep_timer.stop()
            self._keep()

    def _keep(self) -> None:
        """The draft on this PC, as it stands (nothing changed: nothing kept)."""
        changed = {n: t for n, t in self.files.items() if t != self._base.get(n)}
        typed = {n: t for n, t in self._typed.items() if t != self.files.get(n)}
        self._actions.keep_draft(self.base_label, digest_of(self._base), changed, typed)

    def _discard(self) -> None:
        if self.has_changes() and not confirm(
            self, tr("放弃草稿"), tr("放弃草稿中尚未发布的全部修改？")
        ):
            return
        self.start()
        say(
            self.status_label,
            tr("已放弃草稿，重新基于目录版本 {label}").format(label=self.base_label),
        )

    def _take(self, files: Files, catalog: Catalog) -> None:
        """Makes ``files`` (which load as ``catalog``) the draft and shows it."""
        self.files = files
        self._catalog = catalog
        changed = sum(1 for name in FILES if files.get(name) != self._base.get(name))
        self.summary_label.setText(
            tr("草稿基于目录版本 {label}；已修改 {count} 个目录文件").format(
                label=self.base_label, count=changed
            )
            if changed
            else tr("草稿基于目录版本 {label}，尚未修改").format(label=self.base_label)
        )
        self._fill_lists()
        self._show_file()

    def _try(self, files: Files, done: str) -> bool:
        """Takes the edited files if the loader accepts them; otherwise says where, keeps all."""
        try:
            catalog = self._actions.check(files)
        except ServiceError as exc:
            say(self.status_label, tr("未应用：{reason}").format(reason=exc.message), True)
            return False
        self._take(files, catalog)
        self._keep()
        say(self.status_label, done)
        return True

    def _fill_lists(self) -> None:
        catalog = self._catalog
        assert catalog is not None
        current = self.permit_list.currentRow()
        self.permit_list.blockSignals(True)
        self.permit_list.clear()
        for code, permit in catalog.permits.items():
            department = catalog.department_name(permit.department)
            item = QListWidgetItem(
                tr("{name}（{department}）").format(name=permit.name, department=department)
            )
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.permit_list.addItem(item)
        self.permit_list.blockSignals(False)
        self.permit_list.setCurrentRow(max(current, 0))
        self._show_permit()
        self.material_list.clear()
        for key, material in catalog.materials.items():
            item = QListWidgetItem(material.name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if material.deferrable else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.material_list.addItem(item)

    # -- the three editors ------------------------------------------------------------------

    def _permit_code(self) -> str | None:
        item = self.permit_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_permit(self) -> None:
        code = self._permit_code()
        if code is not None and self._catalog is not None:
            self.permit_form.show_permit(self._catalog, code)

    def _apply_permit(self) -> None:
        code = self._permit_code()
        if code is None:
            return
        try:
            files = set_permit_values(self.files, code, self.permit_form.values())
        except EditError as exc:
            say(self.status_label, str(exc), True)
            return
        name = self._catalog.permits[code].name if self._catalog else code
        self._try(files, tr("已应用到草稿：{permit}").format(permit=name))

    def _apply_materials(self) -> None:
        files = self.files
        assert self._catalog is not None
        for row in range(self.material_list.count()):
            item = self.material_list.item(row)
            key = str(item.data(Qt.ItemDataRole.UserRole))
            wanted = item.checkState() == Qt.CheckState.Checked
            if wanted != self._catalog.materials[key].deferrable:
                files = set_deferrable(files, key, wanted)
        self._try(files, tr("已应用容缺设置到草稿"))

    def _file_name(self) -> str:
        return str(self.file_combo.currentData())

    def _show_file(self) -> None:
        name = self._file_name()
        self.file_edit.blockSignals(True)
        self.file_edit.setPlainText(self._typed.get(name, self.files.get(name, "")))
        self.file_edit.blockSignals(False)

    def _keep_typed(self) -> None:
        self._typed[self._file_name()] = self.file_edit.toPlainText()
        self._keep_timer.start()

    def _apply_file(self) -> None:
        name = self._file_name()
        files = {**self.files, name: self.file_edit.toPlainText()}
        if self._try(files, tr("已应用 {file}.toml 的修改").format(file=name)):
            self._typed.pop(name, None)

    # -- preview and publish ----------------------------------------------------------------

    def has_changes(self) -> bool:
        """Whether anything was edited or typed that is not published yet."""
        typed = any(text != self.files.get(name) for name, text in self._typed.items())
        return typed or any(self.files.get(n) != self._base.get(n) for n in FILES)

    def _unapplied(self) -> bool:
        pending = [n for n, text in self._typed.items() if text != self.files.get(n)]
        if pending:
            say(
                self.status_label,
                tr("{file}.toml 有尚未应用的修改：请先应用或放弃").format(file=pending[0]),
                True,
            )
        return bool(pending)

    def _preview(self) -> None:
        if self._unapplied():
            return
        comparison = self._actions.preview(self._base, self.files)
        if comparison.empty:
            say(self.status_label, tr("草稿与目录版本 {label} 相同").format(label=self.base_label))
            return
        heading = tr("与目录版本 {label} 相比：").format(label=self.base_label)
        run_dialog(ComparisonDialog(tr("预览修订"), heading, comparison, None, self))

    def _publish(self) -> None:
        if self._unapplied():
            return
        comparison = self._actions.preview(self._base, self.files)
        if comparison.empty:
            say(self.status_label, tr("草稿尚未修改，无需发布"), True)
            return
        heading = tr(
            "与目录版本 {label} 相比的全部变化如下。发布后，自生效日期起新受理的办件使用新版本，"
            "各窗口无需重新安装。"
        ).format(label=self.base_label)
        dialog = ComparisonDialog(
            tr("发布新版本"), heading, comparison, self._actions.next_label(), self
        )
        while run_dialog(dialog):
            try:
                files = with_version(self.files, dialog.label_edit.text())
                added = self._actions.publish(
                    files, dialog.effective_from(), dialog.note_edit.text(), self.base_label
                )
            except EditError as exc:
                dialog.refuse(str(exc))
                continue  # again, with what was typed
            except ServiceError as exc:
                dialog.refuse(exc.message)
                continue
            self.start()
            say(
                self.status_label,
                tr("已发布目录版本 {label}，自 {day} 起用于新受理的办件").format(
                    label=added.label, day=added.effective_from
                ),
            )
            self.published.emit()
            return


def _when(saved: SavedCatalogDraft) -> str:
    return f"{saved.saved_at:%Y-%m-%d %H:%M}"
