"""A catalog version travels to another county as one signed file: differences first, tampering
refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from desktop_app import clock as app_clock
from desktop_app import config
from desktop_app.catalog import exchange
from desktop_app.domain import keys
from tests.store.conftest import run_cli
from tests.store.test_catalog_versions import FOOD_FIVE_DAYS, LABEL, edited


@pytest.fixture
def other_county(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "other.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def _exported(capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path) -> Path:
    """County A publishes 2023.2.0 (食品经营许可证 in 3 days) and exports it."""
    folder = tmp_path / "edit"
    folder.mkdir()
    for name, text in edited(permits=FOOD_FIVE_DAYS).items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "keys", "generate")
    assert code == 0, err
    day = app_clock.today().isoformat()
    base = ("--database", database, "catalog")
    code, _, err = run_cli(
        capsys, *base, "add-version", str(folder), "--effective-from", day,
        "--note", "县市场监管局确认", "--user", "admin",
    )  # fmt: skip
    assert code == 0, err
    out = tmp_path / f"同心县目录{exchange.SUFFIX}"
    code, printed, err = run_cli(capsys, *base, "export", "--out", str(out), "--note", "供参考")
    assert (code, err) == (0, ""), err
    assert "2023.2.0" in printed
    return out


def test_a_version_is_imported_after_its_differences_are_shown(
    capsys: pytest.CaptureFixture[str], cli_db: str, other_county: str, tmp_path: Path
) -> None:
    file = _exported(capsys, cli_db, tmp_path)
    base = ("--database", other_county, "catalog")
    code, shown, err = run_cli(capsys, *base, "import", str(file))
    assert (code, err) == (0, ""), err
    assert "签名有效" in shown
    assert "许可证 食品经营许可证｜承诺办理时限：5 → 3" in shown
    code, out, _ = run_cli(capsys, *base, "versions", "--json")
    assert [v["label"] for v in json.loads(out)] == [LABEL]  # shown, not imported
    code, out, _ = run_cli(capsys, *base, "import", str(file), "--json")
    differences = json.loads(out)
    assert {(v["subject"], v["label"]) for v in differences["values"]} == {
        ("目录", "版本号"),
        ("许可证 食品经营许可证", "承诺办理时限"),
    }
    assert differences["combinations"] == []  # the same permits for every situation
    day = app_clock.today().isoformat()
    code, _, err = run_cli(capsys, *base, "import", str(file), "--apply", "--user", "admin")
    assert (code, err.count("\n")) == (2, 1)
    assert "--effective-from" in err
    code, out, err = run_cli(
        capsys, *base, "import", str(file), "--apply", "--effective-from", day, "--user", "admin"
    )
    assert (code, err) == (0, ""), err
    code, out, _ = run_cli(capsys, *base, "versions", "--json")
    imported = json.loads(out)[-1]
    assert (imported["label"], imported["origin"]) == ("2023.2.0", "imported")
    assert "供参考" in imported["note"]
    code, out, _ = run_cli(
        capsys, *base, "resolve", "hotel", "--answers", '{"catering": true}', "--json"
    )
    resolved = json.loads(out)
    assert {p["code"]: p["promised_days"] for p in resolved["permits"]}["food_business"] == 3
    # The same file again: its label is taken here; another label imports it.
    code, _, err = run_cli(
        capsys, *base, "import", str(file), "--apply", "--effective-from", day, "--user", "admin"
    )
    assert (code, err.count("\n")) == (2, 1)
    assert "已存在" in err
    code, _, err = run_cli(
        capsys, *base, "import", str(file), "--apply", "--effective-from", day,
        "--label", "2023.2.0-导入", "--user", "admin",
    )  # fmt: skip
    assert (code, err) == (0, ""), err


def test_a_tampered_or_stranger_file_is_refused(
    capsys: pytest.CaptureFixture[str], cli_db: str, other_county: str, tmp_path: Path
) -> None:
    file = _exported(capsys, cli_db, tmp_path)
    data = file.read_bytes()
    note = "供参考".encode()
    assert data.count(note) == 1
    tampered = tmp_path / f"tampered{exchange.SUFFIX}"
    tampered.write_bytes(data.replace(note, "仅参考".encode()))  # same length: still CBOR
    stranger = tmp_path / f"stranger{exchange.SUFFIX}"
    package = exchange.unpack(data, keys.trusted_keys(config.trusted_key_folders()))
    stranger.write_bytes(
        exchange.pack(
            package.files, package.label, "外县", dt.date(2026, 11, 1), "", keys.generate()
        )
    )
    garbage = tmp_path / f"garbage{exchange.SUFFIX}"
    garbage.write_bytes(b"\x00\x01 not a catalog")
    base = ("--database", other_county, "catalog", "import")
    day = app_clock.today().isoformat()
    for path, reason in (
        (tampered, "签名不符"),
        (stranger, "不在本机信任的公钥中"),
        (garbage, "不是行业目录文件"),
        (tmp_path / "missing.yiyecatalog", "无法读取"),
    ):
        code, out, err = run_cli(
            capsys, *base, str(path), "--apply", "--effective-from", day, "--user", "admin"
        )
        assert (code, out, err.count("\n")) == (2, "", 1), (path, err)
        assert reason in err
    code, out, _ = run_cli(capsys, "--database", other_county, "catalog", "versions", "--json")
    assert [v["label"] for v in json.loads(out)] == [LABEL]
