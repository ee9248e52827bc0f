"""The UI's languages: Chinese in the source, English from Qt Linguist files in resources/i18n.

Every user-visible literal in ``desktop_app/ui`` goes through :func:`tr` (a test holds us to it);
``python3 dev.py i18n`` collects them with pyside6-lupdate into ``yiye_en.ts`` for Qt Linguist and
compiles ``yiye_en.qm`` with pyside6-lrelease. Catalog content (industries, permits, departments,
fields, materials) and messages from the services are official Chinese text and stay as they are.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop_app.paths import I18N_DIR

LANGUAGES = {"zh_CN": "中文", "en": "English"}  # data, not UI text: each in its own language
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_ENV = "YIYE_LANGUAGE"


def tr(text: str) -> str:
    """The text in the chosen language (lupdate files calls of a plain ``tr`` under context "")."""
    return QCoreApplication.translate("", text)


def chosen_language(setting: str) -> str:
    """``YIYE_LANGUAGE`` wins over the workstation setting; anything unknown means Chinese."""
    language = os.environ.get(LANGUAGE_ENV, "").strip() or setting
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


# Qt does not own installed translators: they must stay referenced while installed.
_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the translators for ``language`` (ours, and Qt's own buttons such as 确定/取消).

    Replaces what an earlier call installed; returns the translators that loaded.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [(f"qtbase_{language}", qt_dir)]
    if language != DEFAULT_LANGUAGE:
        wanted.append((f"yiye_{language}", str(I18N_DIR)))
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)
