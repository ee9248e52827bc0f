"""Page 2: the industry's situation questions; impossible answers say why and hold the page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage
from typing_extensions import override

from desktop_app.catalog import Catalog, ResolveError, resolve
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.i18n import tr
from desktop_app.ui.situation_form import SituationForm
from desktop_app.ui.widgets import ALARM_STYLE, named


class SituationPage(QWizardPage):
    def __init__(self, catalog: Catalog, draft: IntakeDraft) -> None:
        super().__init__()
        self.setObjectName("situationPage")
        self.setTitle(tr("申请情形"))
        self.setSubTitle(tr("回答以下情形，系统据此确定需要办理的许可证。"))
        self._catalog = catalog
        self._draft = draft
        self.form = SituationForm(catalog)
        self.error_label = named(QLabel(), "situationErrorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch()
        self.form.answers_changed.connect(self._on_changed)

    @override
    def initializePage(self) -> None:
        industry = self._catalog.find_industry(self._draft.industry or "")
        assert industry is not None
        saved = dict(self._draft.answers)  # set_industry reports its own answers into the draft
        self.form.set_industry(industry)
        if saved:
            self.form.set_answers(saved)
        first = self.form.first_widget()
        if first is not None:
            first.setFocus()

    def _on_changed(self) -> None:
        self._draft.answers = self.form.answers()
        self.completeChanged.emit()

    @override
    def isComplete(self) -> bool:
        try:
            resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        except ResolveError as exc:
            self.error_label.setText(exc.message)
            return False
        self.error_label.clear()
        return True
