"""Page 4: the one combined form; shared fields once, then each permit's own fields."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QScrollArea,
    QVBoxLayout,
    QWizardPage,
)
from typing_extensions import override

from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.services.wizard import IntakeDraft
from desktop_app.ui.i18n import tr
from desktop_app.ui.intake.agent_box import AgentBox
from desktop_app.ui.intake.field_editor import FieldEditor, editor_form


class FormPage(QWizardPage):
    draft_changed = Signal()

    def __init__(self, catalog: Catalog, draft: IntakeDraft) -> None:
        super().__init__()
        self.setObjectName("formPage")
        self.setTitle(tr("一次填报：综合申请表"))
        self.setSubTitle(tr("共用信息只填一次；校验结果显示在字段下方。"))
        self._catalog = catalog
        self._draft = draft
        self.editors: dict[str, FieldEditor] = {}
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self.agent_box = AgentBox()
        self.agent_box.changed.connect(self._on_agent_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.agent_box)
        self._bundle_key: tuple[str, tuple[str, ...]] | None = None

    def _build(self, bundle: Bundle) -> None:
        container, self.editors = editor_form(bundle, bundle.fields, self._on_field_changed)
        self._scroll.setWidget(container)

    def prepare(self) -> Bundle:
        """Builds the widgets for the draft's permits (only when they changed: keeps what is typed).

        The wizard calls it while the clerk reads the 一次告知 page, so that Next is instant.
        """
        bundle = resolve(self._catalog, self._draft.industry or "", self._draft.answers)
        key = (bundle.industry, tuple(p.code for p in bundle.permits))
        if key != self._bundle_key:
            self._bundle_key = key
            self._build(bundle)
        return bundle

    @override
    def initializePage(self) -> None:
        bundle = self.prepare()
        # Each value set rewrites the draft from the editors: read them all from a copy first.
        saved = dict(self._draft.form)
        for field in bundle.fields:
            editor = self.editors[field.key]
            if field.answer is not None:
                editor.set_value(bundle.answers[field.answer])
            elif field.key in saved:
                editor.set_value(saved[field.key])
        self.agent_box.set_value(self._draft.agent)
        first_empty = next(
            (e for e in self.editors.values() if e.is_empty() and e.field.answer is None), None
        )
        if first_empty is not None:
            first_empty.widget.setFocus()

    def _on_field_changed(self) -> None:
        self._draft.form = {
            key: editor.value()
            for key, editor in self.editors.items()
            if editor.field.answer is None and not editor.is_empty()
        }
        self.completeChanged.emit()
        self.draft_changed.emit()

    def _on_agent_changed(self) -> None:
        self._draft.agent = self.agent_box.value()
        self.draft_changed.emit()

    def problems(self) -> dict[str, str]:
        found = {key: p for key, e in self.editors.items() if (p := e.problem()) is not None}
        return found | self.agent_box.problems()

    @override
    def validatePage(self) -> bool:
        """Next shows every missing or wrong field at once and stays; nothing typed is lost."""
        for editor in self.editors.values():
            editor.refresh_message(show_missing=True)
        problems = self.problems()
        agent_right = self.agent_box.show_problems()
        fields = [key for key in problems if key in self.editors]
        if fields:
            first = self.editors[fields[0]]
            self._scroll.ensureWidgetVisible(first.widget)
            first.widget.setFocus()
        elif not agent_right:
            self.agent_box.name_edit.setFocus()
        return not problems
