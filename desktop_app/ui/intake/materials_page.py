"""Page 5: the merged material list; how each was received, 容缺 due dates, 告知承诺."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from typing_extensions import override

from desktop_app import clock
from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.services.errors import ServiceError
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


class MaterialRow:
    """One material: how it came in, and for 容缺 the date it is due."""

    def __init__(self, key: str, name: str, deferrable: bool, fetched: bool) -> None:
        self.key = key
        self.fetched = fetched
        self.name_label = QLabel(name)
        self.how_combo = named(QComboBox(), f"material_{key}")
        for value, label in _ways():
            self.how_combo.addItem(label, value)
        if deferrable:
            self.how_combo.addItem(tr("容缺（后补）"), DEFERRED)
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate(clock.today()).addDays(14))
        self.due_edit.setToolTip(tr("容缺材料的补交日期"))
        self.due_edit.setVisible(False)
        if fetched:
            self.how_combo.clear()
            self.how_combo.addItem(tr("窗口核验"), "")
            self.how_combo.setEnabled(False)
            self.how_combo.setToolTip(tr("政府部门出具的材料，由窗口核验，无需申请人提交"))
        self.how_combo.currentIndexChanged.connect(
            lambda _i: self.due_edit.setVisible(self.how_combo.currentData() == DEFERRED)
        )

    def due_date(self) -> dt.date:
        return dt.date.fromisoformat(self.due_edit.date().toString("yyyy-MM-dd"))

    def value(self) -> str | None:
        how = self.how_combo.currentData()
        if not how:
            return None
        if how == DEFERRED:
            return f"deferred:{self.due_edit.date().toString('yyyy-MM-dd')}"
        return str(how)

    def set_value(self, value: str) -> None:
        how, _, day = value.partition(":")
        index = self.how_combo.findData(how)
        if index >= 0:
            self.how_combo.setCurrentIndex(index)
        if how == DEFERRED and day:
            self.due_edit.setDate(QDate.fromString(day, "yyyy-MM-dd"))


StoreScan = Callable[[Path], dict[str, str]]  # checks and stores a file; its draft reference


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
        self, catalog: Catalog, draft: IntakeDraft, store_scan: StoreScan | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("materialsPage")
        self._store_scan = store_scan
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
        for line, material in enumerate(bundle.materials):
            row = MaterialRow(
                material.key, material.name, material.deferrable, material.government_issued
            )
            self.rows[material.key] = row
            if material.key in self._draft.materials:
                row.set_value(self._draft.materials[material.key])
            grid.addWidget(row.name_label, line, 0)
            grid.addWidget(row.how_combo, line, 1)
            grid.addWidget(row.due_edit, line, 2)
            if self._store_scan is not None and not material.government_issued:
                button = ScanButton(material.key, material.name)
                button.show_count(len(self._draft.scans.get(material.key, ())))
                button.clicked.connect(lambda _c=False, k=material.key: self._choose_scans(k))
                self.scan_buttons[material.key] = button
                grid.addWidget(button, line, 3)
            row.how_combo.currentIndexChanged.connect(self._on_changed)
            row.due_edit.dateChanged.connect(self._on_changed)
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

    def _choose_scans(self, key: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("选择“{name}”的扫描件").format(name=self.scan_buttons[key].material_name),
            "",
            tr("扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)"),
        )
        self.add_scans(key, [Path(p) for p in paths])

    def add_scans(self, key: str, paths: list[Path]) -> None:
        """Stores each file; one refused is said under the list, the others are kept."""
        assert self._store_scan is not None
        problems = []
        for path in paths:
            try:
                scan = self._store_scan(path)
            except ServiceError as exc:
                problems.append(exc.message)
                continue
            entries = self._draft.scans.setdefault(key, [])
            if all(e["sha256"] != scan["sha256"] for e in entries):
                entries.append(scan)
        count = len(self._draft.scans.get(key, ()))
        self.scan_buttons[key].show_count(count)
        row = self.rows[key]
        if count and row.value() is None:  # a scan is a material received
            row.how_combo.setCurrentIndex(row.how_combo.findData("scan"))
        self._on_changed()
        if problems:
            self.error_label.setText(tr("扫描件未添加：") + tr("；").join(problems))

    def _mark_all(self) -> None:
        """The rest came on paper: a material already marked (scanned, 容缺) stays as it is."""
        for row in self.rows.values():
            if not row.fetched and row.value() is None:
                row.how_combo.setCurrentIndex(row.how_combo.findData("paper"))

    def _on_changed(self, *_: object) -> None:
        self._draft.materials = {k: v for k, r in self.rows.items() if (v := r.value()) is not None}
        self._draft.commitments = {
            code for code, box in self.commitment_boxes.items() if box.isChecked()
        }
        self.error_label.clear()
        self.draft_changed.emit()

    def missing_names(self) -> list[str]:
        return [
            r.name_label.text() for r in self.rows.values() if not r.fetched and r.value() is None
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
        late = [
            r.name_label.text()
            for r in self.rows.values()
            if (r.value() or "").startswith(DEFERRED) and r.due_date() <= clock.today()
        ]
        if late:
            self.error_label.setText(tr("容缺材料的补交日期须晚于今天：") + tr("、").join(late))
            return False
        return True
