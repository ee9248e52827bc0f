"""machine.ini: what the installer writes for a hall's roll-out, and who wins over it."""

import json
import os
from pathlib import Path

import pytest

from desktop_app import config, machine_settings, settings
from desktop_app.db import database_setting, database_url
from desktop_app.sync.config import platform_config
from tests.store.conftest import run_cli


def machine_file() -> Path:
    return Path(os.environ["YIYE_MACHINE_SETTINGS"])


def write_as_installer(text: str) -> None:
    # NSIS writes through Windows' INI functions into a file it started with a UTF-16 BOM.
    machine_file().write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))


def test_no_file_means_nothing_set() -> None:
    assert machine_settings.load() == machine_settings.MachineSettings()
    assert config.installation() == config.Installation()


def test_the_installers_utf16_file_is_read() -> None:
    write_as_installer(
        "[counter]\ndatabase_url=postgresql+psycopg://窗口:密码@hall/yiye\n"
        "office_code=640381\nworkstation=07\nplatform_url=https://pt.example\n"
    )
    loaded = machine_settings.load()
    assert loaded.database_url == "postgresql+psycopg://窗口:密码@hall/yiye"
    assert (loaded.office_code, loaded.workstation) == ("640381", "07")
    assert config.installation().workstation == "07"
    assert platform_config().url == "https://pt.example"


def test_a_notepad_file_with_utf8_bom_is_read() -> None:
    machine_file().write_bytes("\ufeff[counter]\nworkstation = A3\n".encode())
    assert machine_settings.load().workstation == "A3"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[counter]\noffice = 640324\n", "不认识的设置：office"),
        ("[counter]\nworkstation = 7\n", "workstation 应为2位"),
        ("[counter]\noffice_code = 6403\n", "office_code 应为6位"),
        ("database_url = x\n", "格式错误"),
    ],
)
def test_a_broken_file_is_refused_with_its_name(text: str, message: str) -> None:
    machine_file().write_text(text, encoding="utf-8")
    with pytest.raises(machine_settings.MachineSettingsError, match=message) as caught:
        machine_settings.load()
    assert str(machine_file()) in caught.value.message


def test_precedence_command_line_env_user_machine_default(monkeypatch: pytest.MonkeyPatch) -> None:
    machine_file().write_text(
        "[counter]\ndatabase_url = sqlite:///machine.db\nworkstation = 07\n", encoding="utf-8"
    )
    assert database_setting() == machine_settings.Setting("sqlite:///machine.db", "本机设置")
    settings.save(settings.WorkstationSettings(database_url="sqlite:///user.db"))
    assert database_setting().source == "用户设置"
    monkeypatch.setenv("YIYE_DATABASE_URL", "sqlite:///env.db")
    assert database_url() == "sqlite:///env.db"
    assert database_url("sqlite:///cli.db") == "sqlite:///cli.db"
    assert config.workstation_setting().source == "本机设置"
    monkeypatch.setenv("YIYE_WORKSTATION", "09")
    assert config.installation().workstation == "09"
    machine_file().unlink()
    monkeypatch.delenv("YIYE_DATABASE_URL")
    settings.save(settings.WorkstationSettings())
    assert database_setting().source.startswith("默认")


def test_settings_show_names_each_source_and_hides_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    machine_file().write_text(
        "[counter]\ndatabase_url = postgresql+psycopg://clerk:s3cret@hall/yiye\n"
        "office_code = 640381\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "settings", "show", "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["database_url"] == {
        "value": "postgresql+psycopg://clerk:***@hall/yiye",
        "source": "本机设置",
    }
    assert shown["office_code"]["value"] == "640381"
    assert shown["workstation"] == {"value": "01", "source": "默认"}
    assert shown["machine_settings_file_exists"] is True
    code, out, _ = run_cli(capsys, "settings", "show")
    assert "s3cret" not in out
    assert "窗口编号：01（默认）" in out


def test_a_broken_file_stops_a_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    machine_file().write_text("[counter]\nworkstation = lower\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "users", "list")
    assert code == 2
    assert err.count("\n") == 1
    assert "workstation 应为2位" in err


@pytest.mark.parametrize(
    ("url", "said"),
    [("::::", "数据库地址格式不对"), ("nosuchdriver://x", "数据库地址无效")],
)
def test_an_unusable_database_address_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], url: str, said: str
) -> None:
    # What a mistyped /DATABASE= on the installer's command line leads to.
    machine_file().write_text(f"[counter]\ndatabase_url = {url}\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "users", "list")
    assert code == 2
    assert err.count("\n") == 1
    assert said in err
