from pathlib import Path

import pytest

from desktop_app import settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    saved = settings.WorkstationSettings(printer="柜台打印机").with_offsets(1.26, -2.5)
    settings.save(saved, path)
    assert settings.load(path) == settings.WorkstationSettings("柜台打印机", 1.3, -2.5)


def test_missing_or_broken_file_gives_defaults(tmp_path: Path) -> None:
    assert settings.load(tmp_path / "none.json") == settings.WorkstationSettings()
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert settings.load(broken) == settings.WorkstationSettings()


@pytest.mark.parametrize("value", [25.0, -20.5, float("nan"), float("inf")])
def test_offsets_out_of_range_are_refused(value: float) -> None:
    with pytest.raises(settings.SettingsError, match="毫米"):
        settings.WorkstationSettings().with_offsets(value, 0)
