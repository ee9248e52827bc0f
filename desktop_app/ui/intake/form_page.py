"""Page 4: the one combined form; shared fields once, then each permit's own fields."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWizardPage,
)
from typing_extensions import override

from desktop_app import error_log
from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.domain.form_values import FormValue
from desktop_app.domain.identifiers import check_credit_code
from desktop_app.id_cards import CARD_SOURCE, IdCard, IdReader, ReaderError
from desktop_app.services.errors import ServiceError
from desktop_app.services.master_data import Prefill
from desktop_app.services.wizard import IntakeDraft
from desktop_app.sync.client import PlatformError
from desktop_app.ui.i18n import tr
from desktop_app.ui.id_card_reading import read_card
from desktop_app.ui.intake.agent_box import AgentBox
from desktop_app.ui.intake.field_editor import FieldEditor, editor_form
from desktop_app.ui.widgets import named

SHOWN_NAMES = 5  # the fields named in the 已带出 line; all of them in its tooltip

FindReader = Callable[[], IdReader | None]  # raises ReaderError when 设置 names a bad one
KnownValues = Callable[[str], Prefill]  # credit code → values from earlier approved cases
LookUp = Callable[[str], Prefill | None]  # credit code → the platform's licence (network)


class FormPage(QWizardPage):
    draft_changed = Signal()
    looked_up = Signal(str, object, str)  # credit code, Prefill or None, problem (GUI thread)

    def __init__(
        self,
        catalog: Catalog,
        draft: IntakeDraft,
        find_reader: FindReader | None = None,
        known_values: KnownValues | None = None,
        look_up: LookUp | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("formPage")
        self._find_reader = find_reader
        self._known_values = known_values
        self._look_up = look_up
        self._prefilled_code: str | None = None
        self.filled_from: dict[str, str] = {}  # field key → where its value came from
        self.prefill_label = named(QLabel(), "prefillLabel")
        self.prefill_label.setWordWrap(True)
        self.looked_up.connect(self._apply_lookup)
        self.read_card_button = named(
            QPushButton(tr("读取法定代表人身份证(&I)")), "readIdCardButton"
        )
        self.read_card_button.clicked.connect(self._read_legal_rep)
        self.card_label = named(QLabel(), "idCardLabel")
        self.card_label.setWordWrap(True)
        self.setTitle(tr("一次填报：综合申请表"))
        self.setSubTitle(tr("共用信息只填一次；校验结果显示在字段下方。"))
        self._catalog = catalog
        self._draft = draft
        self.editors: dict[str, FieldEditor] = {}
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self.agent_box = AgentBox(with_reader=find_reader is not None)
        self.agent_box.changed.connect(self._on_agent_changed)
        self.agent_box.read_card_button.clicked.connect(self._read_agent)
        layout = QVBoxLayout(self)
        if find_reader is not None:
            card_row = QHBoxLayout()
            card_row.addWidget(self.read_card_button)
            card_row.addWidget(self.card_label, 1)
            layout.addLayout(card_row)
        layout.addWidget(self.prefill_label)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.agent_box)
        self._bundle_key: tuple[str, tuple[str, ...]] | None = None
        # Values offered from another field (default_from), while the clerk keeps them.
        self._offered: dict[str, FormValue] = {}
        self._following = False

    def _build(self, bundle: Bundle) -> None:
        container, self.editors = editor_form(bundle, bundle.fields, self._on_field_changed)
        self._scroll.setWidget(container)
        self._offered.clear()
        for editor in self.editors.values():
            source = editor.field.default_from
            if source is not None and source in self.editors:
                editor.widget.setToolTip(
                    tr("默认与“{label}”相同；不同时请改填").format(
                        label=self.editors[source].field.label
                    )
                )

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
            else:  # the draft holds every value typed: anything else is the last applicant's
                editor.set_value(saved.get(field.key))
        self.agent_box.set_value(self._draft.agent)
        if not saved:  # a new applicant: what was filled for the last one says nothing now
            self.filled_from.clear()
            self.prefill_label.clear()
            self._prefilled_code = None
        first_empty = next(
            (e for e in self.editors.values() if e.is_empty() and e.field.answer is None), None
        )
        if first_empty is not None:
            first_empty.widget.setFocus()

    def _follow_defaults(self) -> None:
        """A field offered another's value follows it until the clerk types something else."""
        self._following = True
        try:
            for key, editor in self.editors.items():
                source = editor.field.default_from
                if source is None or source not in self.editors:
                    continue
                current = None if editor.is_empty() else editor.value()
                if current != self._offered.get(key):
                    continue  # the clerk typed (or cleared) it: theirs now
                source_editor = self.editors[source]
                value = None if source_editor.is_empty() else source_editor.value()
                if value != current:
                    editor.set_value(value)
                self._offered[key] = value
        finally:
            self._following = False

    def _on_field_changed(self) -> None:
        if self._following:
            return  # the last change is written below, once every follower has moved
        self._follow_defaults()
        self._offer_known_values()
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

    # --- 不再重复提交 -----------------------------------------------------------------------

    def _offer_known_values(self) -> None:
        """Once a valid credit code is in: what the counter knows, then the platform's licence."""
        editor = self.editors.get("credit_code")
        if editor is None or (self._known_values is None and self._look_up is None):
            return
        checked = check_credit_code(str(editor.value() or ""))
        if not checked.ok or checked.value == self._prefilled_code:
            return
        self._prefilled_code = checked.value
        if self._known_values is not None:
            self.apply_prefill(self._known_values(checked.value))
        if self._look_up is not None:
            look_up = self._look_up
            threading.Thread(
                target=self._look_up_in_background, args=(look_up, checked.value), daemon=True
            ).start()

    def _look_up_in_background(self, look_up: LookUp, code: str) -> None:
        try:
            found, problem = look_up(code), ""
        except (PlatformError, ServiceError) as exc:
            found, problem = None, exc.message
        except Exception as exc:  # on a worker thread: said under the form, logged
            found, problem = None, error_log.internal_error_message(exc, "business licence lookup")
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile: nobody to tell
            self.looked_up.emit(code, found, problem)

    def _apply_lookup(self, code: str, prefill: Prefill | None, problem: str) -> None:
        if code != self._prefilled_code:
            return  # the clerk has typed another code since
        if problem:
            self.prefill_label.setText(
                tr("营业执照查询失败：{problem}（可手工填写）").format(problem=problem)
            )
        elif prefill is not None:
            self.apply_prefill(prefill)

    def apply_prefill(self, prefill: Prefill) -> None:
        """Fills the empty fields only (never what the clerk typed) and says from where."""
        filled = []
        for key, value in prefill.values.items():
            editor = self.editors.get(key)
            # A check box left unticked is as untouched as an empty line.
            untouched = editor is not None and (editor.is_empty() or editor.value() is False)
            if editor is None or editor.field.answer is not None or not untouched:
                continue
            editor.set_value(value)
            editor.widget.setToolTip(
                tr("由“{source}”带出，可修改").format(source=prefill.sources[key])
            )
            self.filled_from[key] = prefill.sources[key]
            self._draft.prefilled[key] = editor.value()
            filled.append(editor.field.label)
        if filled:
            sources = tr("、").join(dict.fromkeys(prefill.sources[k] for k in prefill.values))
            shown = tr("、").join(filled[:SHOWN_NAMES]) + (
                tr("等") if len(filled) > SHOWN_NAMES else ""
            )
            self.prefill_label.setText(
                tr("已带出 {count} 项（{fields}），来自：{sources}；均可修改").format(
                    count=len(filled), fields=shown, sources=sources
                )
            )
            self.prefill_label.setToolTip(tr("、").join(filled))

    def _card(self) -> IdCard | None:
        assert self._find_reader is not None
        try:
            reader = self._find_reader()
            if reader is None:
                raise ReaderError(tr("本机未设置身份证阅读器（设置 → 身份证阅读器）"))
            return read_card(self, reader)
        except ReaderError as exc:
            self.card_label.setText(tr("未读到身份证：{problem}（可手工填写）").format(problem=exc))
            return None

    def _read_legal_rep(self) -> None:
        """Fills the legal representative's fields this form has from the card; all editable."""
        card = self._card()
        if card is None:
            return
        filled = []
        for key, value in (
            ("legal_rep_name", card.name),
            ("legal_rep_id", card.id_number),
            ("legal_rep_household_address", card.address),
        ):
            editor = self.editors.get(key)
            if editor is not None and editor.field.answer is None and value:
                editor.set_value(value)
                self.filled_from[key] = CARD_SOURCE
                self._draft.prefilled[key] = editor.value()
                filled.append(editor.field.label)
        self.card_label.setText(
            tr("已从身份证填入：{fields}（可修改）").format(fields=tr("、").join(filled))
            if filled
            else tr("身份证已读取，但本表没有可填入的字段")
        )

    def _read_agent(self) -> None:
        card = self._card()
        if card is None:
            return
        self.agent_box.fill_from_card(card.name, card.id_number)
        self.card_label.setText(tr("已从身份证填入委托代理人的姓名和证件号码（可修改）"))

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
