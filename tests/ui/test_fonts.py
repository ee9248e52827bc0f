from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.ui.fonts import load_cjk_font, load_rare_character_font


def test_bundled_cjk_font_is_registered_and_used(qapp: QApplication, qtbot: QtBot) -> None:
    family = load_cjk_font(qapp)
    assert family == "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    label = QLabel("一业一证 行业综合许可证")
    qtbot.addWidget(label)
    assert QFontInfo(label.font()).family() == family
    # Every character of the UI's vocabulary has a glyph in the font in use (no empty boxes).
    # (inFontUcs4: PySide6 6.12 converts some str arguments of inFont() wrongly and reports False.)
    metrics = label.fontMetrics()
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "一业一证受理审批许可证便利店清真")


def test_extension_b_font_is_registered_for_rare_names(qapp: QApplication, qtbot: QtBot) -> None:
    family = load_rare_character_font()
    assert family == "HanaMinB"
    assert family in QFontDatabase.families()
    label = QLabel("𠀀")
    qtbot.addWidget(label)
    # WenQuanYi lacks the glyph; the bundled fallback has it, so Qt draws it, not a box.
    assert QFontMetrics(QFont(family)).inFontUcs4(0x20000)
    assert label.fontMetrics().inFontUcs4(0x20000)
