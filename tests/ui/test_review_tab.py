import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.catalog import Catalog
from desktop_app.services.cases import QueueRow
from desktop_app.services.errors import ConflictError
from desktop_app.ui.decision_dialogs import ApproveDialog, ReasonDialog
from desktop_app.ui.review_tab import ReviewActions, ReviewTab

ROW = QueueRow(
    "SL2025640324010000001",
    "drug_retail",
    None,
    "同心县便利店",
    "in_review",
    "normal",
    dt.date(2025, 10, 10),
    dt.date(2025, 10, 24),
    3,
)


class Fake:
    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.rows = [
            ROW,
            QueueRow(
                "SL2",
                "food_registration",
                "small_shop",
                "乙",
                "pending",
                "commitment",
                dt.date(2025, 10, 9),
                dt.date(2025, 10, 20),
                1,
            ),
        ]
        self.conflict = False

    def actions(self) -> ReviewActions:
        return ReviewActions(
            queue=lambda: list(self.rows),
            take_up=lambda row: self.calls.append(("take_up", row.number)),
            request_correction=lambda row, reason: self.calls.append(("correction", reason)),
            approve=self._approve,
            reject=lambda row, reason: self.calls.append(("reject", reason)),
        )

    def _approve(self, row: QueueRow, permit_no: str, start: dt.date, end: dt.date | None) -> None:
        if self.conflict:
            raise ConflictError("该事项")
        self.calls.append(("approve", permit_no, end))


def click_ok(dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


def close_modal() -> None:
    widget = QApplication.activeModalWidget()
    if widget is not None:
        widget.close()


def answer_modal(fill: object) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        fill(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, run)


def test_queue_lists_the_department_items_with_names(
    qapp: QApplication, qtbot: QtBot, catalog: Catalog
) -> None:
    tab = ReviewTab(catalog, Fake().actions())
    qtbot.addWidget(tab)
    assert tab.objectName() == "reviewTab"
    assert tab.model.rowCount() == 2
    assert tab.model.data(tab.model.index(1, 2)) == "食品生产经营登记证（食品小销售店）"
    assert tab.model.data(tab.model.index(1, 5)) == "告知承诺"


def test_buttons_follow_the_item_state(qapp: QApplication, qtbot: QtBot, catalog: Catalog) -> None:
    fake = Fake()
    tab = ReviewTab(catalog, fake.actions())
    qtbot.addWidget(tab)
    tab.select_row(1)  # pending
    assert tab.take_up_button.isEnabled()
    assert not tab.approve_button.isEnabled()
    tab.take_up_button.click()
    assert fake.calls == [("take_up", "SL2")]
    tab.select_row(0)  # in review
    assert tab.approve_button.isEnabled()
    assert not tab.take_up_button.isEnabled()


def test_approve_dialog_takes_number_and_validity(
    qapp: QApplication, qtbot: QtBot, catalog: Catalog
) -> None:
    fake = Fake()
    tab = ReviewTab(catalog, fake.actions())
    qtbot.addWidget(tab)
    tab.select_row(0)

    def fill(dialog: ApproveDialog) -> None:
        dialog.permit_no_edit.setText("JY16403240000001")
        dialog.no_expiry_box.setChecked(True)
        click_ok(dialog)

    answer_modal(fill)
    tab.approve_button.click()
    assert fake.calls == [("approve", "JY16403240000001", None)]
    assert "已准予许可" in tab.status_label.text()


def test_approve_dialog_refuses_a_missing_number(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = ApproveDialog("药品经营许可证（零售）")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error_label.text() == "请填写许可证编号"
    dialog.permit_no_edit.setText("X1")
    dialog.valid_to_edit.setDate(dialog.valid_from_edit.date().addDays(-1))
    dialog.accept()
    assert "晚于" in dialog.error_label.text()


def test_reject_needs_a_reason(qapp: QApplication, qtbot: QtBot, catalog: Catalog) -> None:
    fake = Fake()
    tab = ReviewTab(catalog, fake.actions())
    qtbot.addWidget(tab)
    tab.select_row(0)

    def fill(dialog: ReasonDialog) -> None:
        click_ok(dialog)
        assert dialog.error_label.text() == "请写明理由"
        dialog.reason_edit.setPlainText("无执业药师")
        click_ok(dialog)

    answer_modal(fill)
    tab.reject_button.click()
    assert fake.calls == [("reject", "无执业药师")]


def test_a_conflict_is_shown_and_changes_nothing(
    qapp: QApplication, qtbot: QtBot, catalog: Catalog
) -> None:
    fake = Fake()
    fake.conflict = True
    tab = ReviewTab(catalog, fake.actions())
    qtbot.addWidget(tab)
    tab.select_row(0)

    def fill(dialog: ApproveDialog) -> None:
        dialog.permit_no_edit.setText("X")
        click_ok(dialog)
        QTimer.singleShot(0, close_modal)  # the warning box

    answer_modal(fill)
    tab.approve_button.click()
    assert "已被其他窗口或部门修改" in tab.status_label.text()
    assert fake.calls == []
