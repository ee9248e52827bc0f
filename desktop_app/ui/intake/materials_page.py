"""Page 5: the merged material list; how each was received, 容缺 due dates, 告知承诺.

A government-issued material may be checked at the window (source and number recorded), and a
returning enterprise's earlier material may be reused while it still serves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from typing_extensions import override

from desktop_app import clock
from desktop_app.catalog import Bundle, BundleMaterial, Catalog, resolve
from desktop_app.document_camera import CameraFolder, CameraFolderError
from desktop_app.services.errors import ServiceError
from desktop_app.services.material_reuse import ReuseOffer
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, clear_layout, named


def _ways() -> list[tuple[str, str]]:
    return [
        ("", tr("未收取")),
        ("paper", tr("纸质")),
        ("scan", tr("扫描件")),
        ("electronic", tr("电子证照")),
    ]


DEFERRED = "deferred"
CHECKED = "checked"
REUSED = "reused"


class MaterialRow:
    """One material: how it came in, and what that needs.

    For 容缺 the date it is due, for a window check its source and number, for a returning
    enterprise the earlier case its material is reused from.
    """

    def __init__(
        self,
        material: BundleMaterial,
        offer: ReuseOffer | None = None,
        needed: bool = True,
        check_defaults: tuple[str, str] = ("", ""),
    ) -> None:
        self.key = material.key
        self.fetched = material.government_issued
        self.needed = needed
        self.offer = offer
        self.name_label = QLabel(material.name)
        self.how_combo = named(QComboBox(), f"material_{material.key}")
        ways = _ways()
        if self.fetched:  # the window may check it instead of taking a copy
            ways[0] = ("", tr("未核验（由部门核查）"))
            ways.insert(1, (CHECKED, tr("窗口核验")))
        for value, label in ways:
            self.how_combo.addItem(label, value)
        if offer is not None:
            self.how_combo.addItem(
                tr("沿用办件 {number} 的材料（至 {until}）").format(
                    number=offer.number, until=offer.usable_until.isoformat()
                ),
                REUSED,
            )
            self.how_combo.setItemData(
                self.how_combo.count() - 1,
                tr("已存扫描件：") + tr("、").join(name for _, name in offer.files),
                Qt.ItemDataRole.ToolTipRole,
            )
        if material.deferrable:
            self.how_combo.addItem(tr("容缺（后补）"), DEFERRED)
        if self.fetched:
            self.how_combo.setToolTip(
                tr("政府部门出具的材料：窗口核验须登记核验来源和证照编号，方计为申请人免交")
            )
        if not needed:
            self.how_combo.clear()
            self.how_combo.addItem(tr("不适用（法定代表人本人办理）"), "")
            self.how_combo.setEnabled(False)
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate(clock.today()).addDays(14))
        self.due_edit.setToolTip(tr("容缺材料的补交日期"))
        self.source_edit = named(QLineEdit(check_defaults[0]), f"checkSource_{material.key}")
        self.source_edit.setPlaceholderText(tr("核验来源"))
        self.source_edit.setMaxLength(200)
        self.number_edit = named(QLineEdit(check_defaults[1]), f"checkNumber_{material.key}")
        self.number_edit.setPlaceholderText(tr("证照编号"))
        self.number_edit.setMaxLength(100)
        self.detail = QWidget()
        detail = QHBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        for widget in (self.due_edit, self.source_edit, self.number_edit):
            detail.addWidget(widget)
        self.how_combo.currentIndexChanged.connect(self._show_detail)
        self._show_detail()

    def _show_detail(self, *_: object) -> None:
        how = self.how_combo.currentData()
        self.due_edit.setVisible(how == DEFERRED)
        self.source_edit.setVisible(how == CHECKED)
        self.number_edit.setVisible(how == CHECKED)

    def due_date(self) -> dt.date:
        return dt.date.fromisoformat(self.due_edit.date().toString("yyyy-MM-dd"))

    def value(self) -> str | None:
        how = self.how_combo.currentData()
        if not how:
            return None
        if how == DEFERRED:
            return f"deferred:{self.due_edit.date().toString('yyyy-MM-dd')}"
        if how == REUSED and self.offer is not None:
            return f"reused:{self.offer.number}"
        return str(how)

    def check(self) -> dict[str, str] | None:
        """What the window checked, while the row says 窗口核验."""
        if self.how_combo.currentData() != CHECKED:
            return None
        return {
            "source": self.source_edit.text().strip(),
            "document_no": self.number_edit.text().strip(),
        }

    def set_value(self, value: str, check: Mapping[str, str] | None = None) -> None:
        how, _, rest = value.partition(":")
        if how == REUSED and (self.offer is None or self.offer.number != rest):
            return  # the earlier material no longer serves: the clerk asks for it again
        index = self.how_combo.findData(how)
        if index >= 0:
            self.how_combo.setCurrentIndex(index)
        if how == DEFERRED and rest:
            self.due_edit.setDate(QDate.fromString(rest, "yyyy-MM-dd"))
        if how == CHECKED and check:
            self.source_edit.setText(check.get("source", ""))
            self.number_edit.setText(check.get("document_no", ""))


# Checks and stores a file (path, source: file or camera); its reference for the draft.
StoreScan = Callable[[Path, str], dict[str, str]]
FindCamera = Callable[[], CameraFolder | None]  # this PC's 高拍仪 capture folder, if any
# A returning enterprise's earlier materials that may serve again, by material key.
FindReuse = Callable[[IntakeDraft], Mapping[str, ReuseOffer]]


class ScanButton(QPushButton):
    """Per material: add scans (PDF, JPEG, PNG) from files; says how many are attached."""

    def __init__(self, key: str, name: str) -> None:
        super().__init__()
        self.setObjectName(f"scan_{key}")
        self.material_name = name
        self.show_count(0)

    def show_count(self, count: int) -> None:
        self.setText(tr("扫描件（{n}）…").format(n=count) if count else tr("添加扫描件…"))


class MaterialsPage(QWizardPage):
    draft_changed = Signal()
    correction_wanted = Signal(list)  # the names of the materials not received
    refusal_wanted = Signal()

    def __init__(
        self,
        catalog: Catalog,
        draft: IntakeDraft,
        store_scan: StoreScan | None = None,
        find_reuse: FindReuse | None = None,
        camera: FindCamera | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("materialsPage")
        self._store_scan = store_scan
        self._find_reuse = find_reuse
        self._camera_finder = camera
        self._camera: CameraFolder | None = None
        self.camera_buttons: dict[str, QPushButton] = {}
        self.scan_buttons: dict[str, ScanButton] = {}
        self.setTitle(tr("合并材料清单"))
        self.setSubTitle(tr("同一材料只收一份；非核心材料可容缺受理，须写明补交日期。"))
        self._catalog = catalog
        self._draft = draft
        self.rows: dict[str, MaterialRow] = {}
        self.commitment_boxes: dict[str, QCheckBox] = {}
        self.mark_all_received_button = named(
            QPushButton(tr("全部已收纸质件(&A)")), "markAllReceivedButton"
        )
        self.mark_all_received_button.clicked.connect(self._mark_all)
        self.error_label = named(QLabel(), "materialsErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        self.correction_button = named(
            QPushButton(tr("材料不齐：一次性补正告知(&B)…")), "materialsCorrectionButton"
        )
        self.refusal_button = named(QPushButton(tr("不予受理(&J)…")), "materialsRefusalButton")
        self.correction_button.clicked.connect(
            lambda: self.correction_wanted.emit(self.missing_names())
        )
        self.refusal_button.clicked.connect(self.refusal_wanted.emit)
        for button in (self.correction_button, self.refusal_button):
            button.setVisible(False)  # shown when the wizard can issue counter notices
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._commitments = QGroupBox(tr("告知承诺制（申请人签署承诺书的事项）"))
        QHBoxLayout(self._commitments)
        decisions = QHBoxLayout()
        decisions.addWidget(self.error_label, 1)
        decisions.addWidget(self.correction_button)
        decisions.addWidget(self.refusal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mark_all_received_button)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._commitments)
        layout.addLayout(decisions)
        self._bundle: Bundle | None = None

    @override
    def initializePage(self) -> None:
        bundle = resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        self._bundle = bundle
        container = QWidget()
        grid = QGridLayout(container)
        self.rows.clear()
        self.scan_buttons.clear()
        self.camera_buttons.clear()
        self._camera = self._open_camera()
        offers = self._offers()
        for line, material in enumerate(bundle.materials):
            row = MaterialRow(
                material,
                offers.get(material.key),
                needed=self._draft.agent is not None or not material.only_with_agent,
                check_defaults=self._check_defaults(material),
            )
            self.rows[material.key] = row
            if material.key in self._draft.materials:
                row.set_value(
                    self._draft.materials[material.key], self._draft.checks.get(material.key)
                )
            grid.addWidget(row.name_label, line, 0)
            grid.addWidget(row.how_combo, line, 1)
            grid.addWidget(row.detail, line, 2)
            if self._store_scan is not None and not material.government_issued:
                button = ScanButton(material.key, material.name)
                button.show_count(len(self._draft.scans.get(material.key, ())))
                button.clicked.connect(lambda _c=False, k=material.key: self._choose_scans(k))
                self.scan_buttons[material.key] = button
                grid.addWidget(button, line, 3)
                if self._camera is not None:
                    shoot = named(QPushButton(tr("高拍仪")), f"camera_{material.key}")
                    shoot.setToolTip(tr("取高拍仪软件刚保存的图像（先在高拍仪软件中拍摄）"))
                    shoot.clicked.connect(lambda _c=False, k=material.key: self._from_camera(k))
                    self.camera_buttons[material.key] = shoot
                    grid.addWidget(shoot, line, 4)
            row.how_combo.currentIndexChanged.connect(self._on_changed)
            row.due_edit.dateChanged.connect(self._on_changed)
            row.source_edit.textChanged.connect(self._on_changed)
            row.number_edit.textChanged.connect(self._on_changed)
        self._scroll.setWidget(container)
        layout = self._commitments.layout()
        assert layout is not None
        clear_layout(layout)
        self.commitment_boxes.clear()
        for permit in bundle.permits:
            if permit.commitment_allowed:
                box = named(QCheckBox(permit.name), f"commitment_{permit.code}")
                box.setChecked(permit.code in self._draft.commitments)
                box.toggled.connect(self._on_changed)
                self.commitment_boxes[permit.code] = box
                layout.addWidget(box)
        self._commitments.setVisible(bool(self.commitment_boxes))

    def _open_camera(self) -> CameraFolder | None:
        """The capture folder, its present pages set aside (they are an earlier capture)."""
        camera = self._camera_finder() if self._camera_finder is not None else None
        if camera is None:
            return None
        try:
            camera.mark_seen()
        except CameraFolderError as exc:
            self.error_label.setText(str(exc))
        return camera

    def _from_camera(self, key: str) -> None:
        assert self._camera is not None
        try:
            pages = self._camera.take_new()
        except CameraFolderError as exc:
            self.error_label.setText(str(exc))
            return
        if not pages:
            self.error_label.setText(
                tr("高拍仪文件夹中没有新拍的图像：请先在高拍仪软件中拍摄并保存")
            )
            return
        self.add_scans(key, pages, "camera")

    def _offers(self) -> Mapping[str, ReuseOffer]:
        """A returning enterprise's earlier materials that may serve again (none if unknown)."""
        if self._find_reuse is None:
            return {}
        try:
            return self._find_reuse(self._draft)
        except ServiceError as exc:
            self.error_label.setText(tr("未能查询已有材料：") + exc.message)
            return {}

    def _check_defaults(self, material: BundleMaterial) -> tuple[str, str]:
        """Where the window checks it, and its number when the form holds it (营业执照)."""
        spec = self._catalog.materials.get(material.key)
        if spec is None or not material.government_issued:
            return "", ""
        number = self._draft.form.get(spec.check_number_field or "")
        return spec.check_source, str(number) if isinstance(number, str) else ""

    def _choose_scans(self, key: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("选择“{name}”的扫描件").format(name=self.scan_buttons[key].material_name),
            "",
            tr("扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)"),
        )
        self.add_scans(key, [Path(p) for p in paths])

    def add_scans(self, key: str, paths: list[Path], source: str = "file") -> None:
        """Stores each file; one refused is said under the list, the others are kept."""
        assert self._store_scan is not None
        problems = []
        for path in paths:
            try:
                scan = self._store_scan(path, source)
            except ServiceError as exc:
                problems.append(exc.message)
                continue
            entries = self._draft.scans.setdefault(key, [])
            if all(e["sha256"] != scan["sha256"] for e in entries):
                entries.append(scan)
        count = len(self._draft.scans.get(key, ()))
        self.scan_buttons[key].show_count(count)
        row = self.rows[key]
        # A scan is a material received, and a new one replaces what was to be reused.
        if count and (row.value() is None or row.how_combo.currentData() == REUSED):
            row.how_combo.setCurrentIndex(row.how_combo.findData("scan"))
        self._on_changed()
        if problems:
            self.error_label.setText(tr("扫描件未添加：") + tr("；").join(problems))

    def _mark_all(self) -> None:
        """The rest came on paper: a material already marked (scanned, 容缺) stays as it is."""
        for row in self.rows.values():
            if not row.fetched and row.needed and row.value() is None:
                row.how_combo.setCurrentIndex(row.how_combo.findData("paper"))

    def _on_changed(self, *_: object) -> None:
        self._draft.materials = {k: v for k, r in self.rows.items() if (v := r.value()) is not None}
        self._draft.checks = {k: c for k, r in self.rows.items() if (c := r.check()) is not None}
        self._draft.commitments = {
            code for code, box in self.commitment_boxes.items() if box.isChecked()
        }
        self.error_label.clear()
        self.draft_changed.emit()

    def missing_names(self) -> list[str]:
        return [
            r.name_label.text()
            for r in self.rows.values()
            if not r.fetched and r.needed and r.value() is None
        ]

    @override
    def validatePage(self) -> bool:
        missing = self.missing_names()
        if missing:
            self.error_label.setText(
                tr("尚未收取：")
                + tr("、").join(missing)
                + tr("（可标记容缺并写明补交日期，或出具一次性补正告知书）")
            )
            return False
        unchecked = [
            r.name_label.text()
            for r in self.rows.values()
            if (c := r.check()) is not None and not (c["source"] and c["document_no"])
        ]
        if unchecked:
            self.error_label.setText(
                tr("窗口核验须写明核验来源和证照编号：") + tr("、").join(unchecked)
            )
            return False
        late = [
            r.name_label.text()
            for r in self.rows.values()
            if (r.value() or "").startswith(DEFERRED) and r.due_date() <= clock.today()
        ]
        if late:
            self.error_label.setText(tr("容缺材料的补交日期须晚于今天：") + tr("、").join(late))
            return False
        return True
