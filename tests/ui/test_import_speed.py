"""Modules imported after PySide6 are not read as source text (PySide6's feature scan)."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

import desktop_app.ui  # noqa: F401  (installs the cheap check)
from desktop_app.ui.import_speed import skip_source_scan, uses_pyside


def test_an_import_after_pyside_reads_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[object] = []
    original = inspect.getsource

    def recorded(obj: object) -> str:
        read.append(obj)
        return original(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", recorded)
    (tmp_path / "freshly_imported_module.py").write_text("VALUE = 'PySide6'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "freshly_imported_module", raising=False)

    import freshly_imported_module  # type: ignore[import-not-found]  # noqa: F401

    assert read == []
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["freshly_imported_module"] == -1


def test_this_pyside_still_has_the_hook_we_replace() -> None:
    # When a PySide6 upgrade renames it, start-up silently slows down again: say so here.
    assert skip_source_scan()


def test_our_qt_modules_count_as_using_pyside() -> None:
    import desktop_app.collector as collector
    import desktop_app.ui.login_dialog as login_dialog

    assert uses_pyside(login_dialog)
    assert not uses_pyside(collector)
