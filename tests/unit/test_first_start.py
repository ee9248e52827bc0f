"""When the first-start dialog appears, and what saving machine.ini does."""

import os
from pathlib import Path

import pytest

from desktop_app import first_start, machine_settings, settings


def test_only_a_pc_nobody_has_set_up_needs_it(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert first_start.needs_setup(None)
    assert not first_start.needs_setup("sqlite:///elsewhere.db")
    assert not first_start.needs_setup(None, {"YIYE_DATABASE_URL": "sqlite:///x.db"})
    (isolated_data_dir / "yiye.sqlite3").write_bytes(b"")  # a PC already in use
    assert not first_start.needs_setup(None)
    (isolated_data_dir / "yiye.sqlite3").unlink()
    first_start.choose_stand_alone()
    assert not first_start.needs_setup(None)
    assert settings.load() == settings.WorkstationSettings()


def test_the_installers_file_means_it_was_set_up() -> None:
    Path(os.environ["YIYE_MACHINE_SETTINGS"]).write_text("[counter]\n", encoding="utf-8")
    assert not first_start.needs_setup(None)


def test_save_writes_what_load_reads() -> None:
    entered = machine_settings.MachineSettings(
        database_url=" postgresql+psycopg://yiye@hall/yiye ", office_code="640381", workstation="05"
    )
    path = machine_settings.save(entered)
    assert path == Path(os.environ["YIYE_MACHINE_SETTINGS"])
    assert machine_settings.load() == machine_settings.MachineSettings(
        "postgresql+psycopg://yiye@hall/yiye", "640381", "05", ""
    )


def test_save_refuses_bad_codes_and_writes_nothing() -> None:
    with pytest.raises(machine_settings.MachineSettingsError, match="workstation"):
        machine_settings.save(machine_settings.MachineSettings(workstation="5"))
    assert not Path(os.environ["YIYE_MACHINE_SETTINGS"]).exists()


def test_a_place_that_cannot_hold_the_file_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "ProgramData"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(machine_settings.MachineSettingsError, match="无法写入"):
        machine_settings.save(machine_settings.MachineSettings(), blocker / "yiye" / "machine.ini")


def test_the_check_loads_no_sqlalchemy_before_the_first_paint() -> None:
    # run_gui asks needs_setup() before the login dialog paints: it must stay light.
    import subprocess
    import sys

    probe = "import sys; from desktop_app import first_start; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
