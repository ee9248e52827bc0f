"""From 1 October, while next year's holidays are missing, the status bar says so to who acts."""

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.clock import FixedClock
from tests.ui.counter_flow import hall_database, signed_in


def test_supervisors_see_that_next_year_is_missing_from_october(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    url = hall_database(tmp_path)  # the calendar knows the years chinesecalendar ships: to 2026
    clock.move_to(dt.date(2026, 11, 30))
    _, boss = signed_in(qtbot, url, "boss")
    assert boss.calendar_label.isVisible()
    assert boss.calendar_label.text() == "未导入2027年节假日安排：跨年期限暂按周末计算（暂定）"
    assert "设置 → 导入节假日安排" in boss.calendar_label.toolTip()
    _, clerk = signed_in(qtbot, url, "zhang")
    assert not clerk.calendar_label.isVisible()  # the clerk cannot import it
    clock.move_to(dt.date(2026, 9, 30))
    _, early = signed_in(qtbot, url, "boss")
    assert not early.calendar_label.isVisible()  # not before October
