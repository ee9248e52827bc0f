"""双随机抽查 in the 监管 tab: draws with their targets, a new draw, results, 复核 and 公示."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.errors import ServiceError
from desktop_app.services.supervision import DrawnRow, DrawSummary, DrawView
from desktop_app.ui.i18n import tr
from desktop_app.ui.measure_dialogs import MeasureDialog
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import Choice, named, ok_cancel, row_table, run_dialog, say

DEFAULT_RATIOS = {"A": 0.05, "B": 0.1, "C": 0.2, "D": 0.5}


@dataclass(frozen=True)
class DrawActions:
    draws: Callable[[], list[DrawSummary]]
    view: Callable[[int], DrawView]
    # (departments, ratios, seed, inspectors per target) → the new draw
    draw: Callable[[list[str], dict[str, float], str, int], DrawView]
    record: Callable[[int, str, str, str], None]  # (draw, credit code, result, findings)
    verify: Callable[[int], tuple[bool, str]]
    publish: Callable[[int, Path], int]
    permits: Callable[[str], list[tuple[str, str]]]  # credit code → its certificate's permits
    # (draw, credit code, kind, permit, findings, due date, basis) → what was done, in words
    order: Callable[[int, str, str, str, str, dt.date | None, str], str]
    departments: dict[str, str]  # code → name, the departments that may draw
    may_draw: bool  # the supervisor; inspectors record results


def _results() -> list[tuple[str, str]]:
    return [("ok", tr("未发现问题")), ("problem", tr("发现问题")), ("not_found", tr("无法联系"))]


class DrawDialog(QDialog):
    def __init__(self, departments: dict[str, str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("newDrawDialog")
        self.setWindowTitle(tr("双随机抽取"))
        self.department_boxes = {
            code: named(QCheckBox(name), f"drawDepartment_{code}")
            for code, name in departments.items()
        }
        self.ratio_spins = {}
        ratios = QHBoxLayout()
        for credit_class, ratio in DEFAULT_RATIOS.items():
            spin = named(QDoubleSpinBox(), f"ratio_{credit_class}")
            spin.setRange(0, 1)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(ratio)
            self.ratio_spins[credit_class] = spin
            ratios.addWidget(QLabel(tr("{cls} 类").format(cls=credit_class)))
            ratios.addWidget(spin)
        self.seed_edit = named(QLineEdit(), "drawSeedEdit")
        self.seed_edit.setPlaceholderText(tr("抽取前确定并公开，如：日期 + 抽查公告文号"))
        self.per_target_spin = named(QSpinBox(), "perTargetSpin")
        self.per_target_spin.setRange(1, 5)
        self.per_target_spin.setValue(2)
        boxes = QHBoxLayout()
        for box in self.department_boxes.values():
            boxes.addWidget(box)
        form = QFormLayout(self)
        form.addRow(tr("抽查部门："), boxes)
        form.addRow(tr("抽查比例："), ratios)
        form.addRow(tr("随机种子："), self.seed_edit)
        form.addRow(tr("每户每部门检查人员："), self.per_target_spin)
        form.addRow(ok_cancel(self))

    def chosen(self) -> tuple[list[str], dict[str, float], str, int]:
        departments = [code for code, box in self.department_boxes.items() if box.isChecked()]
        ratios = {c: round(spin.value(), 4) for c, spin in self.ratio_spins.items()}
        return departments, ratios, self.seed_edit.text(), self.per_target_spin.value()


class ResultDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("drawResultDialog")
        self.setWindowTitle(tr("登记抽查结果"))
        self.choice = Choice(self, _results(), "result")
        self.findings_edit = named(QPlainTextEdit(), "drawFindingsEdit")
        form = QFormLayout(self)
        form.addRow(tr("结果："), self.choice.row)
        form.addRow(tr("发现的问题："), self.findings_edit)
        form.addRow(ok_cancel(self))

    def choose(self, result: str, findings: str = "") -> None:
        self.choice.set(result)
        self.findings_edit.setPlainText(findings)

    def chosen(self) -> tuple[str, str]:
        return self.choice.value(), self.findings_edit.toPlainText()


class DrawsPanel(QWidget):
    def __init__(self, actions: DrawActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawsPanel")
        self._actions = actions
        names = {r[0]: r[1] for r in _results()}
        self.draw_model: RowTableModel[DrawSummary] = RowTableModel(
            [
                Column(tr("抽取编号"), lambda r: str(r.id)),
                Column(tr("随机种子"), lambda r: r.seed_text),
                Column(tr("名录户数"), lambda r: str(r.registry_size)),
                Column(tr("抽中户数"), lambda r: str(r.drawn)),
                Column(tr("已公示"), lambda r: tr("是") if r.published else tr("否")),
            ],
            self,
        )
        self.target_model: RowTableModel[DrawnRow] = RowTableModel(
            [
                Column(tr("序号"), lambda r: str(r.position)),
                Column(tr("主体名称"), lambda r: r.name),
                Column(tr("统一社会信用代码"), lambda r: r.credit_code),
                Column(tr("信用等级"), lambda r: r.credit_class),
                Column(tr("检查人员"), lambda r: tr("、").join(n for _, n in r.inspectors)),
                Column(tr("结果"), lambda r: names.get(r.result or "", tr("尚未检查"))),
                Column(tr("发现的问题"), lambda r: r.findings or ""),
            ],
            self,
        )
        self.draws_table = row_table(self.draw_model, "drawsTable")
        self.targets_table = row_table(self.target_model, "drawTargetsTable")
        self.new_button = named(QPushButton(tr("新抽取(&N)…")), "newDrawButton")
        self.result_button = named(QPushButton(tr("登记结果(&R)…")), "drawResultButton")
        self.measure_button = named(QPushButton(tr("监管处理(&M)…")), "measureButton")
        self.measure_button.setToolTip(tr("对发现问题的检查对象责令整改或撤销许可"))
        self.verify_button = named(QPushButton(tr("复核抽取")), "verifyDrawButton")
        self.publish_button = named(QPushButton(tr("导出公示表…")), "publishDrawButton")
        self.status_label = named(QLabel(), "drawsStatusLabel")
        self.status_label.setWordWrap(True)
        for button in (self.new_button, self.publish_button):
            button.setVisible(actions.may_draw)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.result_button,
            self.measure_button,
            self.verify_button,
            self.publish_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.draws_table, 1)
        layout.addWidget(self.targets_table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.new_button.clicked.connect(self._new)
        self.result_button.clicked.connect(self._record)
        self.measure_button.clicked.connect(self._measure)
        self.verify_button.clicked.connect(self._verify)
        self.publish_button.clicked.connect(self._publish)
        self.draws_table.selectionModel().selectionChanged.connect(lambda *_: self._show())
        self.refresh()

    def refresh(self) -> None:
        self.draw_model.set_rows(self._actions.draws())
        self.draws_table.resizeColumnsToContents()
        self._show()

    def select_draw(self, draw_id: int) -> None:
        for index in range(self.draw_model.rowCount()):
            if self.draw_model.row(index).id == draw_id:
                self.draws_table.selectRow(index)

    def _draw_id(self) -> int | None:
        rows = self.draws_table.selectionModel().selectedRows()
        return self.draw_model.row(rows[0].row()).id if rows else None

    def _show(self) -> None:
        draw_id = self._draw_id()
        self.target_model.set_rows(
            [] if draw_id is None else list(self._actions.view(draw_id).targets)
        )
        self.targets_table.resizeColumnsToContents()

    def _say(self, text: str, alarm: bool = False) -> None:
        say(self.status_label, text, alarm)

    def _new(self) -> None:
        dialog = DrawDialog(self._actions.departments, self)
        if not run_dialog(dialog):
            return
        departments, ratios, seed, per_target = dialog.chosen()
        try:
            shown = self._actions.draw(departments, ratios, seed, per_target)
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self.refresh()
        self.select_draw(shown.id)
        self._say(
            tr("抽取 {id}：名录 {size} 户，抽中 {count} 户").format(
                id=shown.id, size=shown.registry_size, count=len(shown.targets)
            )
        )

    def _target(self) -> tuple[int, DrawnRow] | None:
        """The draw and the target selected; None (and a message) when there is none."""
        draw_id = self._draw_id()
        rows = self.targets_table.selectionModel().selectedRows()
        if draw_id is None or not rows:
            self._say(tr("请先选择抽取和检查对象"), alarm=True)
            return None
        return draw_id, self.target_model.row(rows[0].row())

    def _record(self) -> None:
        chosen = self._target()
        if chosen is None:
            return
        draw_id, target = chosen
        dialog = ResultDialog(self)
        if not run_dialog(dialog):
            return
        result, findings = dialog.chosen()
        try:
            self._actions.record(draw_id, target.credit_code, result, findings)
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._show()
        self._say(tr("已登记 {name} 的抽查结果").format(name=target.name))

    def _measure(self) -> None:
        chosen = self._target()
        if chosen is None:
            return
        draw_id, target = chosen
        if target.result != "problem":
            self._say(tr("只有“发现问题”的检查对象才能作出处理"), alarm=True)
            return
        permits = self._actions.permits(target.credit_code)
        if not permits:
            self._say(tr("{name} 已没有有效的行业综合许可证").format(name=target.name), alarm=True)
            return
        dialog = MeasureDialog(permits, target.findings or "", self)
        if not run_dialog(dialog):
            return
        kind, permit, findings, due, basis = dialog.chosen()
        try:
            done = self._actions.order(
                draw_id, target.credit_code, kind, permit, findings, due, basis
            )
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self._say(done)

    def _verify(self) -> None:
        draw_id = self._draw_id()
        if draw_id is not None:
            same, message = self._actions.verify(draw_id)
            self._say(message, alarm=not same)

    def _publish(self) -> None:
        draw_id = self._draw_id()
        if draw_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("导出公示表"),
            tr("抽查结果公示-{id}.xlsx").format(id=draw_id),
            tr("Excel 工作簿 (*.xlsx);;可打印的公示表 (*.pdf)"),
        )
        if not path:
            return
        try:
            count = self._actions.publish(draw_id, Path(path))
        except ServiceError as exc:
            self._say(exc.message, alarm=True)
            return
        self.refresh()
        self._say(tr("已导出公示表（{count} 户）：{path}").format(count=count, path=path))
