"""yiye.exe runs pythonw.exe: no console, so what the program says must not be lost."""

import sys

import pytest

from desktop_app import windows_entry


def no_console(monkeypatch: pytest.MonkeyPatch) -> None:
    # In the test body: pytest puts its capture back on sys.stdout after fixtures have run.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def test_version_is_shown_in_a_box(monkeypatch: pytest.MonkeyPatch) -> None:
    no_console(monkeypatch)
    shown: list[tuple[str, str]] = []
    code = windows_entry.gui_main(
        ["--version"], show=lambda title, text: shown.append((title, text))
    )
    assert code == 0
    assert shown == [("同心县一业一证", "yiye 0.1.0")]


def test_a_refused_command_keeps_its_exit_code_and_message(monkeypatch: pytest.MonkeyPatch) -> None:
    no_console(monkeypatch)
    shown: list[str] = []
    code = windows_entry.gui_main(["no-such-command"], show=lambda _t, text: shown.append(text))
    assert code == 2
    assert "参数错误" in shown[0]


def test_smoke_never_opens_a_box(monkeypatch: pytest.MonkeyPatch) -> None:
    no_console(monkeypatch)
    shown: list[str] = []
    code = windows_entry.gui_main(
        ["--smoke", "--database", "nosuchdriver://x"], show=lambda _t, text: shown.append(text)
    )
    assert code == 1
    assert shown == []


def test_with_a_console_it_is_the_plain_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        windows_entry.gui_main(["--version"], show=lambda _t, _x: pytest.fail("no box"))
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == "yiye 0.1.0"
