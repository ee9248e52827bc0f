"""Loads the bundled CJK font so Chinese renders on any PC, whatever fonts it has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.paths import CJK_FONT_FILE, FONTS_DIR
from desktop_app.ui.i18n import tr

EXTENSION_B_FONT_FILE = FONTS_DIR / "HanaMinB.ttf"

UI_POINT_SIZE = 10


class FontLoadError(RuntimeError):
    """The bundled font file is missing or Qt could not read it."""


def load_cjk_font(app: QApplication) -> str:
    """Registers the bundled font, makes it the application font and returns its family.

    Loaded explicitly rather than trusted to the system: a machine with a fallback font installed
    would hide a missing-font bug that shows as empty boxes on a clean Windows counter PC.
    """
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise FontLoadError(
            tr("无法加载内置中文字体：{CJK_FONT_FILE}").format(CJK_FONT_FILE=CJK_FONT_FILE)
        )
    family = families[0]
    app.setFont(QFont(family, UI_POINT_SIZE))
    return family


def load_rare_character_font() -> str | None:
    """Registers HanaMinB so names with CJK Extension B characters (𠀀) show, not boxes.

    Qt falls back to it for the glyphs the main font lacks. It is 30 MB, so the app loads it
    after the login dialog has painted.
    """
    font_id = QFontDatabase.addApplicationFont(str(EXTENSION_B_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None
