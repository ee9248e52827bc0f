"""English as the second language: every UI literal translatable, the Linguist files current."""

import ast
import importlib.util
import re
import subprocess
import sysconfig
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from desktop_app.paths import I18N_DIR
from desktop_app.ui import i18n
from tests.ui.test_app import database, signed_in, started

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "desktop_app" / "ui"
TS_FILE = I18N_DIR / "yiye_en.ts"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NOT_UI_TEXT = "# data, not UI text"

__all__ = ["database"]  # the fixture, imported for these tests


def _untranslated_literals(path: Path) -> Iterator[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    wrapped: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            wrapped.update(id(arg) for arg in node.args[:1])
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            docstrings.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and any(
            isinstance(v, ast.Constant) and CJK.search(str(v.value)) for v in node.values
        ):
            yield f"{path.name}:{node.lineno}: f-string (use tr('…{{name}}').format(name=…))"
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if not CJK.search(node.value) or id(node) in wrapped or id(node) in docstrings:
            continue
        if NOT_UI_TEXT in lines[node.lineno - 1]:
            continue
        yield f"{path.name}:{node.lineno}: {node.value!r}"


def test_every_chinese_literal_in_the_ui_goes_through_tr() -> None:
    found = [
        hit
        for path in sorted(UI_DIR.rglob("*.py"))
        if path.name != "i18n_terms.py"
        for hit in _untranslated_literals(path)
    ]
    assert found == []


def _tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_domain_terms_file_is_current() -> None:
    terms = _tools()
    assert (UI_DIR / "i18n_terms.py").read_text(encoding="utf-8") == terms.terms_module()
    assert "已准予" in terms.domain_terms()
    assert "窗口受理人员" in terms.domain_terms()


def _messages(ts: Path) -> dict[str, ET.Element]:
    return {str(m.findtext("source")): m for m in ET.parse(ts).getroot().iter("message")}


def test_the_linguist_file_has_every_source_and_every_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sysconfig.get_path("scripts")) / "pyside6-lupdate"
    sources = [str(p) for p in sorted(UI_DIR.rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = _messages(TS_FILE)
    assert set(_messages(fresh)) == set(committed), "run: python3 dev.py i18n"
    for source, message in committed.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"not translated: {source!r}"
        text = translation.text or ""
        assert text.strip(), source
        # A placeholder the translation lacks or adds would raise in str.format at run time.
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        assert text.count("&") == source.count("&"), f"mnemonic lost: {source!r}"
        assert not CJK.search(text.replace("便利店", "")), f"Chinese left in: {text!r}"


def test_the_compiled_file_matches_the_linguist_file(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(TS_FILE.with_suffix(".qm")))
    for source, message in _messages(TS_FILE).items():
        assert translator.translate("", source) == message.findtext("translation"), source


def test_the_language_comes_from_the_environment_then_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    assert i18n.chosen_language("en") == "en"
    assert i18n.chosen_language("") == "zh_CN"
    assert i18n.chosen_language("fr") == "zh_CN"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    assert i18n.chosen_language("zh_CN") == "en"


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    yield
    i18n.install(qapp, "zh_CN")


def test_the_counter_runs_in_english(
    english: None, qapp: QApplication, qtbot: QtBot, database: str
) -> None:
    dialog, _ = started(qtbot, database)
    assert dialog.login_button.text() == "&Log in"
    window, _ = signed_in(qtbot, database, "zhang")
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:2] == ["Intake (&A)", "Cases (&J)"]
    assert "Counter clerk" in window.user_label.text()
    assert i18n.tr("下一步(&N) >") == "&Next >"


def test_chinese_stays_the_default(qapp: QApplication, qtbot: QtBot, database: str) -> None:
    dialog, _ = started(qtbot, database)
    assert dialog.login_button.text() == "登录(&L)"
    assert QCoreApplication.translate("", "受理(&A)") == "受理(&A)"
