"""An industry's situation questions as widgets: a check box per yes/no, a spin box per number."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QWidget

from desktop_app.catalog import Catalog, Industry
from desktop_app.ui.i18n import tr

# A spin box always holds a number; its minimum stands for "not answered yet", shown as text.
_UNANSWERED = -1.0


class SituationForm(QWidget):
    """Asks an industry's questions; remembers answers across industries so nothing is retyped."""

    answers_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._remembered: dict[str, bool | float] = {}
        self._industry: Industry | None = None
        self._widgets: dict[str, QCheckBox | QDoubleSpinBox] = {}
        self._layout = QFormLayout(self)

    def set_industry(self, industry: Industry) -> None:
        self._remember_answers()
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._widgets.clear()
        self._industry = industry
        for key in industry.questions:
            question = self._catalog.questions[key]
            widget: QCheckBox | QDoubleSpinBox
            if question.type == "bool":
                widget = QCheckBox(question.label)
                widget.setChecked(bool(self._remembered.get(key, self._default(key))))
                widget.toggled.connect(self.answers_changed)
                self._layout.addRow(widget)
            else:
                widget = QDoubleSpinBox()
                widget.setRange(_UNANSWERED, question.max or 1e6)
                widget.setDecimals(1)
                widget.setSpecialValueText(tr("请填写"))
                widget.setSuffix(f" {question.unit}")
                widget.setValue(float(self._remembered.get(key, _UNANSWERED)))
                widget.setToolTip(question.help)
                widget.valueChanged.connect(self.answers_changed)
                self._layout.addRow(tr("{label}：").format(label=question.label), widget)
            widget.setObjectName(f"answer_{key}")
            self._widgets[key] = widget
        self.answers_changed.emit()

    def set_answers(self, answers: dict[str, object]) -> None:
        """Shows saved answers (a draft offered back); keys this industry does not ask are left."""
        for key, value in answers.items():
            widget = self._widgets.get(key)
            if widget is None:
                continue
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                widget.setValue(float(value))
            widget.blockSignals(False)
        self.answers_changed.emit()

    def _remember_answers(self) -> None:
        # Only what the clerk changed carries over: an untouched "no" on 超市 must not override
        # 老年人就餐中心's default "yes" for 清真.
        if self._industry is None:
            return
        answers = self.answers()
        for key in self._widgets:
            default = self._default(key)
            if key in answers and answers[key] != default:
                self._remembered[key] = answers[key]
            else:
                self._remembered.pop(key, None)

    def _default(self, key: str) -> bool | None:
        """A yes/no question's default for the current industry; None for a number."""
        assert self._industry is not None
        question = self._catalog.questions[key]
        if question.type != "bool":
            return None
        return self._industry.defaults.get(key, bool(question.default))

    def widget(self, key: str) -> QCheckBox | QDoubleSpinBox:
        return self._widgets[key]

    def check_box(self, key: str) -> QCheckBox:
        widget = self._widgets[key]
        if not isinstance(widget, QCheckBox):
            raise TypeError(f"{key} is not a yes/no question")
        return widget

    def spin_box(self, key: str) -> QDoubleSpinBox:
        widget = self._widgets[key]
        if not isinstance(widget, QDoubleSpinBox):
            raise TypeError(f"{key} is not a number question")
        return widget

    def first_widget(self) -> QWidget | None:
        return next(iter(self._widgets.values()), None)

    def answers(self) -> dict[str, bool | float]:
        """The current answers; an unanswered number is left out, so resolve names it missing."""
        result: dict[str, bool | float] = {}
        for key, widget in self._widgets.items():
            if isinstance(widget, QCheckBox):
                result[key] = widget.isChecked()
            elif widget.value() != _UNANSWERED:
                result[key] = widget.value()
        return result
