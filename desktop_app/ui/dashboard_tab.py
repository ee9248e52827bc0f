"""统计: the supervisor's dashboard, refreshed in a worker thread so the counter never freezes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.reporting import Dashboard
from desktop_app.ui.bar_chart import BarChart
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM_STYLE, named


class _Signals(QObject):
    loaded = Signal(object)
    failed = Signal(str)


class _Load(QRunnable):
    def __init__(self, load: Callable[[], Dashboard], signals: _Signals) -> None:
        super().__init__()
        self._load = load
        self._signals = signals

    def run(self) -> None:
        try:
            board = self._load()
        except Exception as exc:  # shown on the tab; the UI thread must never see it raised
            self._signals.failed.emit(str(exc))
        else:
            self._signals.loaded.emit(board)


def _percent(value: object) -> str:
    return "—" if value is None else f"{value:g}%"


class DashboardTab(QWidget):
    expiring_wanted = Signal(int)  # within so many days: the main window shows that list

    def __init__(
        self,
        load: Callable[[], Dashboard],
        export: Callable[[Dashboard, Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self._load = load
        self._export = export
        self.board: Dashboard | None = None
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._show)
        self._signals.failed.connect(self._on_failed)
        self.kpis: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [
            ("today", tr("今日受理/出证")),
            ("week", tr("本周受理/出证")),
            ("month", tr("本月受理/出证")),
            ("in_review", tr("在办")),
            ("overdue", tr("超期")),
            ("deferred", tr("容缺待补")),
            ("expiring", tr("30天内到期证书")),
            ("revoked", tr("含已撤销许可的有效证书")),
            ("rectifying", tr("责令整改中的有效证书")),
            ("average", tr("平均办结/法定时限均值（工作日）")),
        ]
        for index, (key, title) in enumerate(names):
            value = named(QLabel("—"), f"kpi_{key}")
            if key == "expiring":  # the figure opens the list behind it (证照 › 到期提醒)
                value.setToolTip(tr("点击查看到期清单"))
                value.linkActivated.connect(lambda _link: self.expiring_wanted.emit(30))
            value.setStyleSheet("font-size: 18pt; font-weight: bold;")
            self.kpis[key] = value
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(value)
            grid.addLayout(box, index // 5, index % 5)
        self.industry_chart = named(BarChart(tr("按行业办件数")), "industryChart")
        self.department_chart = named(BarChart(tr("各部门在办事项（红：超期）")), "departmentChart")
        self.reform_table = named(QTableWidget(), "reformTable")
        self.refresh_button = named(QPushButton(tr("刷新(&R)")), "refreshDashboardButton")
        self.export_button = named(QPushButton(tr("导出 Excel(&E)")), "exportDashboardButton")
        self.status_label = named(QLabel(), "dashboardStatusLabel")
        charts = QHBoxLayout()
        charts.addWidget(self.industry_chart)
        charts.addWidget(self.department_chart)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        buttons.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(charts)
        layout.addWidget(QLabel(tr("改革成效（各行业：单独申请合计 → 综合申请）")))
        layout.addWidget(self.reform_table, 1)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export)

    def refresh(self) -> None:
        """Loads in the thread pool; the tab shows the result when it arrives."""
        self.status_label.setText(tr("正在统计……"))
        QThreadPool.globalInstance().start(_Load(self._load, self._signals))

    def _show(self, board: Dashboard) -> None:
        self.board = board
        for key, period in zip(("today", "week", "month"), board.periods, strict=True):
            self.kpis[key].setText(f"{period.accepted} / {period.issued}")
        self.kpis["in_review"].setText(str(board.in_review))
        self.kpis["overdue"].setText(str(board.overdue))
        self.kpis["overdue"].setStyleSheet(f"font-size: 18pt; font-weight: bold; {ALARM_STYLE}")
        self.kpis["deferred"].setText(str(board.deferred_waiting))
        self.kpis["expiring"].setText(f"<a href='expiring'>{board.expiring_30_days}</a>")
        self.kpis["revoked"].setText(str(board.revoked_on_valid))
        alarm = ALARM_STYLE if board.revoked_on_valid else ""  # to change or cancel
        self.kpis["revoked"].setStyleSheet(f"font-size: 18pt; font-weight: bold; {alarm}")
        self.kpis["rectifying"].setText(str(board.rectifying))
        average = (
            "—"
            if board.average_working_days_to_certificate is None
            else f"{board.average_working_days_to_certificate:g}"
        )
        self.kpis["average"].setText(f"{average} / {board.statutory_days_average or '—'}")
        self.industry_chart.set_bars([(name, count, 0) for name, count in board.by_industry])
        self.department_chart.set_bars(list(board.by_department))
        headers = [
            tr("行业"),
            tr("单独申请字段"),
            tr("综合表单字段"),
            tr("单独申请材料"),
            tr("综合材料"),
            tr("新办件数"),
            tr("实际减少字段"),
            tr("实际减少材料"),
        ]
        self.reform_table.setColumnCount(len(headers))
        self.reform_table.setHorizontalHeaderLabels(headers)
        for column, tip in (
            (6, tr("按新办件中申请人实际填写的字段计，从已有数据、营业执照或身份证带出的不计")),
            (7, tr("按新办件中申请人实际提交的材料计，有记录的窗口核验和沿用已有材料不计")),
        ):
            header = self.reform_table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tip)
        self.reform_table.setRowCount(len(board.reform))
        for row, r in enumerate(board.reform):
            *counts, fields_pct, materials_pct = r.cells()
            values = [*counts, _percent(fields_pct), _percent(materials_pct)]
            for column, value in enumerate(values):
                self.reform_table.setItem(row, column, QTableWidgetItem(str(value)))
        self.reform_table.resizeColumnsToContents()
        seq, digest = board.audit_head
        self.status_label.setText(
            tr("统计至 {0}；审计日志第 {1} 条（{2}…）").format(
                board.day.isoformat(), seq, digest[:12]
            )
        )
        self.status_label.setToolTip(tr("审计日志末条哈希：{0}").format(digest))

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(tr("统计未能刷新：{message}").format(message=message))

    def _on_export(self) -> None:
        if self.board is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("导出统计"), tr("统计-{0}.xlsx").format(self.board.day), "Excel (*.xlsx)"
        )
        if name:
            self._export(self.board, Path(name))
            self.status_label.setText(tr("已导出 {name}").format(name=name))
