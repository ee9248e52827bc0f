"""Keeps PySide6 from reading the source of every module imported after it.

PySide6 hooks ``__import__`` for its opt-in ``from __feature__ import snake_case``: after each
import it reads the new module's source (``inspect.getsource``) to see whether it mentions PySide6.
That cost a quarter of ``yiye --smoke`` on Linux and more under Windows' slower file access, for a
feature this app never uses. The check is replaced by one on the module's name; with no feature
ever selected, PySide6 treats both answers the same.
"""

from __future__ import annotations

import sys
from types import ModuleType

OUR_QT_MODULES = ("desktop_app.ui", "desktop_app.printing.qt_printer")


def uses_pyside(module: ModuleType) -> bool:
    return getattr(module, "__name__", "").startswith(OUR_QT_MODULES)


def skip_source_scan() -> bool:
    """Installs the cheap check once PySide6 is loaded; False when this PySide6 has no such hook."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its support package)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
