"""What a catalog edit or import changes, shown before it is saved: values, situations, figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.catalog.compare import CombinationChange, Comparison, FigureChange, ValueChange
from desktop_app.catalog.report import Reduction
from desktop_app.ui.i18n import tr
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM, ALARM_STYLE, fit_columns, named, ok_cancel, row_table


def _figure(r: Reduction | None) -> str:
    if r is None:
        return "—"
    return tr("字段 {separate}→{combined}（{pct:+.1f}%）；材料 {m_separate}→{m_combined}").format(
        separate=r.separate_fields,
        combined=r.combined_fields,
        pct=r.fields_reduction_pct,
        m_separate=r.separate_materials,
        m_combined=r.combined_materials,
    )


class ComparisonView(QTabWidget):
    """Three tables: the values that differ, the situations whose permits change, the figures."""

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.values_model: RowTableModel[ValueChange] = RowTableModel(
            [
                Column(tr("对象"), lambda v: v.subject),
                Column(tr("项目"), lambda v: v.label),
                Column(tr("原来"), lambda v: v.before or "—"),
                Column(tr("修订后"), lambda v: v.after or "—"),
            ],
            self,
        )
        self.values_model.set_rows(comparison.values)
        self.combinations_model: RowTableModel[CombinationChange] = RowTableModel(
            [
                Column(tr("行业"), lambda c: c.industry),
                Column(tr("情形"), lambda c: c.answers),
                Column(tr("原来办理"), lambda c: c.before),
                Column(tr("修订后办理"), lambda c: c.after, lambda c: ALARM),
            ],
            self,
        )
        self.combinations_model.set_rows(comparison.combinations)
        changed = [f for f in comparison.figures if f.before != f.after]
        self.figures_model: RowTableModel[FigureChange] = RowTableModel(
            [
                Column(tr("行业"), lambda f: f.industry),
                Column(tr("原来"), lambda f: _figure(f.before)),
                Column(
                    tr("修订后"),
                    lambda f: _figure(f.after),
                    lambda f: ALARM if f.before != f.after else None,
                ),
            ],
            self,
        )
        self.figures_model.set_rows(comparison.figures)
        combinations = QWidget()
        layout = QVBoxLayout(combinations)
        layout.addWidget(
            named(
                QLabel(
                    tr("共核对 {checked} 种情形组合，{changed} 种的许可事项有变化").format(
                        checked=comparison.combinations_checked,
                        changed=len(comparison.combinations),
                    )
                ),
                "combinationsSummaryLabel",
            )
        )
        combinations_table = row_table(self.combinations_model, "combinationsTable")
        layout.addWidget(combinations_table, 1)
        values_table = row_table(self.values_model, "valueChangesTable")
        figures_table = row_table(self.figures_model, "figuresTable")
        for table in (combinations_table, values_table, figures_table):
            fit_columns(table, 360)
        self.addTab(
            values_table,
            tr("内容差异（{count}）").format(count=len(comparison.values)),
        )
        self.addTab(
            combinations, tr("情形组合（{count}）").format(count=len(comparison.combinations))
        )
        self.addTab(
            figures_table,
            tr("改革成效（{count} 个行业有变化）").format(count=len(changed)),
        )


class ComparisonDialog(QDialog):
    """The differences, and when saving: the new version's label, first day and note."""

    def __init__(
        self,
        title: str,
        heading: str,
        comparison: Comparison,
        label: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonDialog")
        self.setWindowTitle(title)
        self.resize(980, 620)
        self.view = ComparisonView(comparison, self)
        layout = QVBoxLayout(self)
        heading_label = named(QLabel(heading), "comparisonHeadingLabel")
        heading_label.setWordWrap(True)
        layout.addWidget(heading_label)
        layout.addWidget(self.view, 1)
        self.saving = label is not None
        self.label_edit = named(QLineEdit(label or ""), "versionLabelEdit")
        self.label_edit.setMaxLength(20)
        self.date_edit = named(QDateEdit(QDate(clock.today())), "effectiveFromEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(clock.today()))
        self.note_edit = named(QLineEdit(), "versionNoteEdit")
        self.note_edit.setMaxLength(500)
        self.note_edit.setPlaceholderText(tr("修订的内容和依据，如：县卫健局2026年12月1日函"))
        self.problem_label = named(QLabel(), "comparisonProblemLabel")
        self.problem_label.setStyleSheet(ALARM_STYLE)
        self.problem_label.setWordWrap(True)
        if self.saving:
            form = QFormLayout()
            form.addRow(tr("新版本号："), self.label_edit)
            form.addRow(tr("生效日期（用于此日起新受理的办件）："), self.date_edit)
            form.addRow(tr("修订说明："), self.note_edit)
            layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(ok_cancel(self))

    def refuse(self, reason: str) -> None:
        """Says why saving was refused; the dialog opens again with everything as typed."""
        self.problem_label.setText(reason)

    def effective_from(self) -> dt.date:
        return dt.date.fromisoformat(self.date_edit.date().toString("yyyy-MM-dd"))
