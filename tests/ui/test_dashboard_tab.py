import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.services.reporting import Dashboard, PeriodCounts, ReformRow
from desktop_app.ui.dashboard_tab import DashboardTab

BOARD = Dashboard(
    day=dt.date(2026, 11, 26),
    periods=(PeriodCounts("今日", 3, 1), PeriodCounts("本周", 12, 4), PeriodCounts("本月", 40, 22)),
    in_review=17,
    overdue=2,
    deferred_waiting=5,
    expiring_30_days=1,
    revoked_on_valid=1,
    rectifying=2,
    by_industry=(("便利店", 20), ("超市", 8)),
    by_department=(("市场监管局", 14, 2), ("卫健局", 3, 0)),
    average_working_days_to_certificate=9.5,
    statutory_days_average=20.0,
    reform=(ReformRow("便利店", 44, 30, 21, 16, 12, 31.8, None),),
    audit_head=(1628, "9f3a" * 16),
)


def test_refresh_runs_in_the_background_and_fills_the_board(
    qapp: QApplication, qtbot: QtBot
) -> None:
    exported: list[Path] = []
    tab = DashboardTab(lambda: BOARD, lambda board, path: exported.append(path))
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.board is not None, timeout=5000)
    assert tab.kpis["today"].text() == "3 / 1"
    assert tab.kpis["overdue"].text() == "2"
    assert tab.kpis["average"].text() == "9.5 / 20.0"
    assert tab.kpis["revoked"].text() == "1"
    assert "审计日志第 1628 条（9f3a9f3a9f3a…）" in tab.status_label.text()
    assert "#b00020" in tab.kpis["revoked"].styleSheet()  # red: a supervisor must act
    assert tab.industry_chart.bars == (("便利店", 20, 0), ("超市", 8, 0))
    assert tab.department_chart.bars[0] == ("市场监管局", 14, 2)
    assert tab.reform_table.rowCount() == 1
    assert tab.reform_table.item(0, 6).text() == "31.8%"  # type: ignore[union-attr]
    assert tab.reform_table.item(0, 7).text() == "—"  # type: ignore[union-attr]
    assert tab.industry_chart.grab().width() > 0  # paints without error


def test_a_failed_refresh_is_shown(qapp: QApplication, qtbot: QtBot) -> None:
    def broken() -> Dashboard:
        raise RuntimeError("数据库连接中断")

    tab = DashboardTab(broken, lambda board, path: None)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: "未能刷新" in tab.status_label.text(), timeout=5000)
    assert "数据库连接中断" in tab.status_label.text()


def test_export_to_excel(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported: list[Path] = []
    tab = DashboardTab(lambda: BOARD, lambda board, path: exported.append(path))
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.board is not None, timeout=5000)
    target = tmp_path / "统计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    tab.export_button.click()
    assert exported == [target]


def test_the_expiring_figure_opens_the_list_in_the_certificates_tab(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.ui.counter_flow import hall_database, signed_in

    _, window = signed_in(qtbot, hall_database(tmp_path), "boss")
    assert window.dashboard_tab is not None
    assert window.certificates_tab is not None
    panel = window.certificates_tab.expiring_panel
    assert panel is not None
    window.dashboard_tab.kpis["expiring"].linkActivated.emit("expiring")
    assert window.tabs.currentWidget() is window.certificates_tab
    assert panel.days() == 30
