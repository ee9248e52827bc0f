"""The intake wizard: the pages, their order (a pure function of the draft), draft autosave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard
from typing_extensions import override

from desktop_app.catalog import Catalog
from desktop_app.services.errors import ServiceError
from desktop_app.services.wizard import IntakeDraft, Page, next_page
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.form_page import FormPage
from desktop_app.ui.intake.industry_page import IndustryPage
from desktop_app.ui.intake.materials_page import MaterialsPage
from desktop_app.ui.intake.notice_page import NoticePage, PrintNotice
from desktop_app.ui.intake.review_page import PrintReceipt, ReviewPage, Submit
from desktop_app.ui.intake.situation_page import SituationPage

SaveDraft = Callable[[IntakeDraft], int]
AUTOSAVE_MS = 800


class IntakeWizard(QWizard):
    """一次告知、一次填报、一口受理 in six pages, keyboard first."""

    save_problem = Signal(str)  # why the last save did not reach the database; "" once it did

    def __init__(
        self,
        catalog: Catalog,
        submit: Submit,
        save_draft: SaveDraft,
        print_receipt: PrintReceipt,
        print_notice: PrintNotice,
        draft: IntakeDraft | None = None,
        parent: QWidget | None = None,
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
        self.form_page = FormPage(catalog, self.draft)
        self.materials_page = MaterialsPage(catalog, self.draft)
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
        # Builds the combined form while the clerk reads the notice, after that page has painted.
        self._prepare_form = QTimer(self)
        self._prepare_form.setSingleShot(True)
        self._prepare_form.setInterval(30)
        self._prepare_form.timeout.connect(self.form_page.prepare)
        self.currentIdChanged.connect(self._on_page_changed)
        if self.draft.industry:
            self.industry_page.select(self.draft.industry)

    def resume(self, draft: IntakeDraft) -> None:
        """Starts over on a saved draft (its pages fill in from it as the clerk goes on)."""
        self.restart()  # first: going back to the first page resets what it shows
        self.draft.clear()
        self.draft.industry = draft.industry
        self.draft.answers.update(draft.answers)
        self.draft.form.update(draft.form)
        self.draft.materials.update(draft.materials)
        self.draft.commitments.update(draft.commitments)
        self.draft.draft_id = draft.draft_id
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
