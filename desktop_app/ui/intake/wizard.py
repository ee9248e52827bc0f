"""The intake wizard: the pages, their order (a pure function of the draft), draft autosave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget, QWizard
from typing_extensions import override

from desktop_app.catalog import Catalog
from desktop_app.domain.states import ApplicationKind
from desktop_app.services.errors import ServiceError
from desktop_app.services.wizard import IntakeDraft, Page, next_page
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.after_issue import AfterIssueActions, AfterIssueDialog
from desktop_app.ui.intake.counter_decision import CounterDecisions, ask_correction, ask_refusal
from desktop_app.ui.intake.form_page import FindReader, FormPage, KnownValues, LookUp
from desktop_app.ui.intake.industry_page import IndustryPage
from desktop_app.ui.intake.materials_page import FindCamera, FindReuse, MaterialsPage, StoreScan
from desktop_app.ui.intake.notice_page import NoticePage, PrintNotice
from desktop_app.ui.intake.returning_dialog import ReturningDialog
from desktop_app.ui.intake.review_page import PrintReceipt, ReviewPage, Submit
from desktop_app.ui.intake.situation_page import SituationPage

SaveDraft = Callable[[IntakeDraft], int]
AUTOSAVE_MS = 800


class IntakeWizard(QWizard):
    """一次告知、一次填报、一口受理 in six pages, keyboard first."""

    save_problem = Signal(str)  # why the last save did not reach the database; "" once it did
    concluded = Signal()  # the applicant went away with a 补正告知书 or a 不予受理决定书

    def __init__(
        self,
        catalog: Catalog,
        submit: Submit,
        save_draft: SaveDraft,
        print_receipt: PrintReceipt,
        print_notice: PrintNotice,
        decisions: CounterDecisions | None = None,
        draft: IntakeDraft | None = None,
        parent: QWidget | None = None,
        after_issue: AfterIssueActions | None = None,
        store_scan: StoreScan | None = None,
        find_reader: FindReader | None = None,
        known_values: KnownValues | None = None,
        look_up: LookUp | None = None,
        find_reuse: FindReuse | None = None,
        camera: FindCamera | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeWizard")
        self.setWindowTitle(tr("受理"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("完成，受理下一件(&F)"))
        self._catalog = catalog
        self._save_draft = save_draft
        self.draft = draft or IntakeDraft()
        self.industry_page = IndustryPage(catalog)
        self.situation_page = SituationPage(catalog, self.draft)
        self.notice_page = NoticePage(catalog, self.draft, print_notice)
        self.form_page = FormPage(catalog, self.draft, find_reader, known_values, look_up)
        self.materials_page = MaterialsPage(catalog, self.draft, store_scan, find_reuse, camera)
        self.review_page = ReviewPage(
            catalog, self.draft, self._submit_with_draft(submit), print_receipt
        )
        for page_id, page in (
            (Page.INDUSTRY, self.industry_page),
            (Page.SITUATION, self.situation_page),
            (Page.NOTICE, self.notice_page),
            (Page.FORM, self.form_page),
            (Page.MATERIALS, self.materials_page),
            (Page.REVIEW, self.review_page),
        ):
            self.setPage(page_id, page)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        for page in (self.form_page, self.materials_page):
            page.draft_changed.connect(self._autosave.start)
        self.situation_page.form.answers_changed.connect(self._autosave.start)
        self.last_save_error = ""
        self.outcome = ""  # what the last applicant went away with, said on the first page
        # Builds the combined form while the clerk reads the notice, after that page has painted.
        self._prepare_form = QTimer(self)
        self._prepare_form.setSingleShot(True)
        self._prepare_form.setInterval(30)
        self._prepare_form.timeout.connect(self.form_page.prepare)
        self.currentIdChanged.connect(self._on_page_changed)
        if self.draft.industry:
            self.industry_page.select(self.draft.industry)
        self._decisions = decisions
        self._last_notice: tuple[str, str] | None = None  # (number, kind): reprint after a jam
        if decisions is not None:
            self._offer_decisions()
        self._after_issue = after_issue
        self.after_issue_dialog: AfterIssueDialog | None = None
        if after_issue is not None:
            self.industry_page.kind_row.setVisible(True)
            for kind, button in self.industry_page.kind_buttons.items():
                button.clicked.connect(
                    lambda _=False, k=kind: self.open_after_issue(ApplicationKind(k))
                )

    def open_after_issue(self, kind: ApplicationKind) -> AfterIssueDialog:
        """变更, 延续 …: a dialog over the wizard, which keeps whatever 新办 was being typed."""
        assert self._after_issue is not None
        dialog = AfterIssueDialog(self._catalog, kind, self._after_issue, self)
        dialog.finished.connect(lambda _result: self._after_issue_done(dialog))
        self.after_issue_dialog = dialog
        dialog.open()
        return dialog

    def _after_issue_done(self, dialog: AfterIssueDialog) -> None:
        if dialog.receipt is not None:
            self.industry_page.outcome_label.setText(dialog.result_label.text())
        self.after_issue_dialog = None
        dialog.deleteLater()

    def _offer_decisions(self) -> None:
        for button in (
            self.materials_page.correction_button,
            self.materials_page.refusal_button,
            self.review_page.print_form_button,
            self.review_page.correction_button,
            self.review_page.refusal_button,
            self.industry_page.returning_button,
        ):
            button.setVisible(True)
        self.materials_page.correction_wanted.connect(self.give_correction)
        self.review_page.correction_wanted.connect(self.give_correction)
        self.materials_page.refusal_wanted.connect(self.refuse)
        self.review_page.refusal_wanted.connect(self.refuse)
        self.review_page.form_print_wanted.connect(self.print_form)
        self.industry_page.returning_button.clicked.connect(self.find_returning)
        self.industry_page.reprint_button.clicked.connect(self._reprint_last)

    def _report(self, text: str) -> None:
        """One line on the page in front of the clerk."""
        label = getattr(self.currentPage(), "error_label", None)
        if isinstance(label, QLabel):
            label.setText(text)

    def print_form(self) -> None:
        assert self._decisions is not None
        try:
            self._decisions.print_form(self.draft, self.review_page.receipt)
        except ServiceError as exc:
            self._report(exc.message)
        except RuntimeError as exc:
            self._report(tr("综合申请表未能打印：{exc}").format(exc=exc))

    def give_correction(self, missing: list[str]) -> None:
        """一次性补正告知书 instead of 受理: the application is kept for the applicant's return."""
        assert self._decisions is not None
        items = ask_correction(self, missing)
        if items is not None:
            correct = self._decisions.correct
            self._conclude(lambda: correct(self.draft, items), "correction")

    def refuse(self) -> None:
        """不予受理决定书 instead of 受理."""
        assert self._decisions is not None
        reason = ask_refusal(self)
        if reason is not None:
            refuse = self._decisions.refuse
            self._conclude(lambda: refuse(self.draft, reason), "refusal")

    def _conclude(self, issue: Callable[[], str], kind: str) -> None:
        """Issues and prints the notice, then the counter is free for the next applicant."""
        assert self._decisions is not None
        try:
            number = issue()
        except ServiceError as exc:
            self._report(exc.message)
            return
        title = tr("一次性补正告知书") if kind == "correction" else tr("不予受理决定书")
        self._last_notice = (number, kind)
        try:
            self._decisions.print_document(number, kind)
            printed = ""
        except RuntimeError as exc:
            printed = tr("（未能打印：{exc}，可点“重打”）").format(exc=exc)
        kept = (
            tr("，申请已保留，申请人补正后点“补正后继续办理”调出") if kind == "correction" else ""
        )
        self.outcome = tr("已出具{title} {number}{kept}{printed}").format(
            title=title, number=number, kept=kept, printed=printed
        )
        self.concluded.emit()  # the main window starts the next applicant and shows the outcome

    def _reprint_last(self) -> None:
        if self._decisions is None or self._last_notice is None:
            return
        number, kind = self._last_notice
        try:
            self._decisions.print_document(number, kind)
        except RuntimeError as exc:
            self.industry_page.outcome_label.setText(tr("未能打印：{exc}").format(exc=exc))
            return
        self.industry_page.outcome_label.setText(tr("已重打 {number}").format(number=number))

    def find_returning(self) -> None:
        """The applicant is back with the corrections: find the kept application, go on."""
        assert self._decisions is not None
        decisions = self._decisions
        industries = {i.code: i.name for i in self._catalog.industries}
        dialog = ReturningDialog(
            decisions.returning,
            lambda number: decisions.print_document(number, "correction"),
            industries,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        try:
            draft = decisions.take_over(dialog.chosen.draft_id)
        except ServiceError as exc:
            self.industry_page.outcome_label.setText(exc.message)
            return
        self.resume(draft)
        self.industry_page.outcome_label.setText(
            tr("已调出 {number} 的申请，核对补正的材料后继续").format(number=dialog.chosen.notice)
        )

    def start_over(self) -> None:
        """The next applicant: a clean draft, the first page, the last outcome still said."""
        self.draft.clear()
        self.review_page.reset()
        self.restart()
        self.show()  # Finish (QDialog.done) hid the embedded wizard
        self.industry_page.outcome_label.setText(self.outcome)
        self.industry_page.reprint_button.setVisible(
            self._last_notice is not None and bool(self.outcome)
        )
        self.outcome = ""

    def resume(self, draft: IntakeDraft) -> None:
        """Starts over on a saved draft (its pages fill in from it as the clerk goes on)."""
        self.restart()  # first: going back to the first page resets what it shows
        self.draft.clear()
        self.draft.industry = draft.industry
        self.draft.answers.update(draft.answers)
        self.draft.form.update(draft.form)
        self.draft.materials.update(draft.materials)
        self.draft.commitments.update(draft.commitments)
        self.draft.agent = draft.agent
        self.draft.draft_id = draft.draft_id
        self.draft.scans.update(draft.scans)
        self.draft.prefilled.update(draft.prefilled)
        self.draft.checks.update(draft.checks)
        if draft.industry:
            self.industry_page.select(draft.industry)

    def _on_page_changed(self, page_id: int) -> None:
        if page_id == Page.NOTICE:
            self._prepare_form.start()

    def _submit_with_draft(self, submit: Submit) -> Submit:
        def run(draft: IntakeDraft) -> object:
            self.save_now()
            return submit(draft)

        return run  # type: ignore[return-value]

    def save_now(self) -> None:
        """Saves the draft at once (also before accepting and at an idle lock)."""
        self._autosave.stop()
        if not self.draft.industry or self.review_page.receipt is not None:
            return  # nothing chosen yet, or accepted already: no draft to keep
        try:
            self.draft.draft_id = self._save_draft(self.draft)
            self.last_save_error = ""
        except ServiceError as exc:
            self.last_save_error = exc.message
        except Exception as exc:  # the clerk keeps typing; the status shows the problem
            self.last_save_error = tr("草稿未能保存：{exc}").format(exc=exc)
        self.save_problem.emit(self.last_save_error)

    @override
    def validateCurrentPage(self) -> bool:
        if self.currentId() == Page.INDUSTRY:
            code = self.industry_page.selected_code()
            if code != self.draft.industry:
                self.draft.industry = code
                self.draft.answers.clear()
        return super().validateCurrentPage()

    @override
    def nextId(self) -> int:
        current = Page(self.currentId())
        if current == Page.INDUSTRY:
            self.draft.industry = self.industry_page.selected_code()
        following = next_page(self._catalog, self.draft, current)
        return -1 if following is None else int(following)
