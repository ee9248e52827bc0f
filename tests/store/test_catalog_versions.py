"""Catalog versions in the store: shipped first, edits validated with their place, new versions for
new cases only, and every counter of the hall reading the same one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import clock as app_clock
from desktop_app.catalog import Catalog, ResolveError, read_texts, resolve
from desktop_app.catalog.enumerate import answer_space
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.models.audit import AuditEntry
from desktop_app.services import cases, catalog_versions, intake
from desktop_app.services.catalog_versions import CatalogVersionError
from desktop_app.services.errors import PermissionDeniedError
from tests import factories
from tests.store.conftest import actor, run_cli

SHIPPED = read_texts()
LABEL = "2023.1.2"


def edited(**replacements: tuple[str, str]) -> dict[str, str]:
    """The shipped files with ``file=(old, new)`` replaced once, and a new version label."""
    files = dict(SHIPPED)
    files["catalog"] = files["catalog"].replace(f'version = "{LABEL}"', 'version = "2023.2.0"')
    for name, (old, new) in replacements.items():
        assert files[name].count(old) >= 1, old
        files[name] = files[name].replace(old, new, 1)
    return files


FOOD_FIVE_DAYS = ("promised_days = 5", "promised_days = 3")  # 食品经营许可证, the first permit


def add(store: Store, files: dict[str, str], day: dt.date, who: str = "admin") -> None:
    with store.write() as session:
        catalog_versions.add_version(session, actor(store, who), files, day, "县市场监管局确认")


def test_the_shipped_catalog_is_version_one_and_stored_once(store: Store) -> None:
    with store.write() as session:
        assert catalog_versions.ensure_shipped(session, SHIPPED)
        assert not catalog_versions.ensure_shipped(session, SHIPPED)
    with store.read() as session:
        (only,) = catalog_versions.versions(session)
        assert (only.label, only.origin) == (LABEL, "shipped")
        assert catalog_versions.in_force(session).version == LABEL


def test_an_edit_applies_from_its_day_to_new_cases_only(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    with store.write() as session:
        catalog_versions.ensure_shipped(session, SHIPPED)
        number = intake.accept(
            session, actor(store, "clerk"), catalog, factories.submission(catalog, "hotel", {})
        ).number
        label = cases.get_application(session, number).catalog_version
    tomorrow = app_clock.today() + dt.timedelta(days=1)
    add(store, edited(permits=FOOD_FIVE_DAYS), tomorrow)
    with store.read() as session:
        today_catalog = catalog_versions.in_force(session)
        next_catalog = catalog_versions.in_force(session, tomorrow)
        accepted_under = catalog_versions.by_label(session, label)
    assert today_catalog.version == LABEL
    assert accepted_under.version == LABEL
    assert next_catalog.version == "2023.2.0"
    assert next_catalog.permits["food_business"].promised_days == 3
    assert accepted_under.permits["food_business"].promised_days == 5
    # Every answer of every industry resolves the same, but the food permit's promised days.
    for industry in catalog.industries:
        for answers in answer_space(industry, catalog):
            try:
                before = resolve(today_catalog, industry.code, answers)
            except ResolveError:
                continue
            after = resolve(next_catalog, industry.code, answers)
            expected = tuple(
                dataclasses.replace(p, promised_days=3) if p.code == "food_business" else p
                for p in before.permits
            )
            assert after.permits == expected
            assert (after.fields, after.materials) == (before.fields, before.materials)


def test_a_broken_edit_is_refused_with_its_place(store: Store) -> None:
    with store.write() as session:
        catalog_versions.ensure_shipped(session, SHIPPED)
    broken = edited(permits=("promised_days = 5", 'promised_days = "五"'))
    with pytest.raises(CatalogVersionError, match=r"permits\.toml: permit\[0\]\.promised_days"):
        add(store, broken, dt.date(2026, 12, 1))
    with pytest.raises(CatalogVersionError, match="已存在"):
        add(store, dict(SHIPPED), dt.date(2026, 12, 1))
    with pytest.raises(CatalogVersionError, match="不能早于今天"):
        add(store, edited(permits=FOOD_FIVE_DAYS), dt.date(2020, 1, 1))
    long_label = edited()
    long_label["catalog"] = long_label["catalog"].replace("2023.2.0", "2023.2.0-" + "修订" * 10)
    with pytest.raises(CatalogVersionError, match="最长 20 个字符"):
        add(store, long_label, dt.date(2026, 12, 1))
    with pytest.raises(CatalogVersionError, match="不是目录文件"):
        add(store, {**edited(), "extra": "x = 1"}, dt.date(2026, 12, 1))
    with pytest.raises(PermissionDeniedError):
        add(store, edited(permits=FOOD_FIVE_DAYS), dt.date(2026, 12, 1), who="boss")
    with store.read() as session:
        assert [v.label for v in catalog_versions.versions(session)] == [LABEL]


def test_another_counter_reads_the_new_version_without_a_restart(
    store: Store, clock: FixedClock
) -> None:
    other = Store(store.url)
    try:
        with other.write() as session:
            catalog_versions.ensure_shipped(session, SHIPPED)
        with other.read() as session:
            assert catalog_versions.in_force(session).version == LABEL
        add(store, edited(permits=FOOD_FIVE_DAYS), app_clock.today())
        with other.read() as session:
            assert catalog_versions.in_force(session).version == "2023.2.0"
    finally:
        other.dispose()


def test_versions_from_the_command_line(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for name, text in edited(permits=FOOD_FIVE_DAYS).items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    base = ("--database", cli_db, "catalog")
    day = app_clock.today().isoformat()
    code, _, err = run_cli(
        capsys,
        *base,
        "add-version",
        str(tmp_path / "none"),
        "--effective-from",
        day,
        "--note",
        "x",
        "--user",
        "admin",
    )
    assert (code, err.count("\n")) == (2, 1)
    (folder / "permits.toml").write_text(
        edited(permits=("promised_days = 5", 'promised_days = "五"'))["permits"], encoding="utf-8"
    )
    code, _, err = run_cli(
        capsys,
        *base,
        "add-version",
        str(folder),
        "--effective-from",
        day,
        "--note",
        "x",
        "--user",
        "admin",
    )
    assert (code, err.count("\n")) == (2, 1)
    assert "permits.toml: permit[0].promised_days" in err
    (folder / "permits.toml").write_text(
        edited(permits=FOOD_FIVE_DAYS)["permits"], encoding="utf-8"
    )
    code, out, err = run_cli(
        capsys,
        *base,
        "add-version",
        str(folder),
        "--effective-from",
        day,
        "--note",
        "县市场监管局确认",
        "--user",
        "admin",
    )
    assert (code, err) == (0, ""), err
    assert "2023.2.0" in out
    code, out, _ = run_cli(capsys, *base, "versions", "--json")
    shown = json.loads(out)
    assert [(v["label"], v["origin"]) for v in shown] == [
        (LABEL, "shipped"),
        ("2023.2.0", "edited"),
    ]
    # Every command that reads the catalog reads the version in force, as the counters do.
    code, out, _ = run_cli(
        capsys, *base, "resolve", "hotel", "--answers", '{"catering": true}', "--json"
    )
    resolved = json.loads(out)
    assert resolved["catalog_version"] == "2023.2.0"
    assert {p["code"]: p["promised_days"] for p in resolved["permits"]}["food_business"] == 3


def test_without_a_database_the_command_line_reads_the_shipped_catalog(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "none.sqlite3"
    code, out, _ = run_cli(capsys, "--database", f"sqlite:///{missing}", "catalog", "list")
    assert code == 0
    assert "便利店" in out
    assert not missing.exists()  # reading the catalog made no database


def test_unconfirmed_values_from_the_command_line(
    capsys: pytest.CaptureFixture[str], cli_db: str
) -> None:
    code, out, _ = run_cli(
        capsys, "--database", cli_db, "catalog", "unconfirmed", "--department", "police", "--json"
    )
    assert code == 0
    shown = json.loads(out)
    assert shown["catalog_version"] == LABEL
    assert shown["values"]
    assert {v["department"] for v in shown["values"]} == {"police"}
    code, _, err = run_cli(
        capsys, "--database", cli_db, "catalog", "unconfirmed", "--department", "x"
    )
    assert (code, err.count("\n")) == (2, 1)


def test_a_department_s_checklist_prints(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path
) -> None:
    base = ("--database", cli_db, "catalog", "unconfirmed")
    out = tmp_path / "核对表.pdf"
    code, _, err = run_cli(capsys, *base, "--out", str(out))
    assert (code, err.count("\n")) == (2, 1)
    code, printed, err = run_cli(capsys, *base, "--department", "health", "--out", str(out))
    assert (code, err) == (0, ""), err
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "行业目录核对表" in text
    assert "县卫生健康局" in text
    assert "公共场所卫生许可证" in text
    assert "核对意见" in text
    count = int(printed.split("：")[1].split(" ")[0])
    assert f"以下 {count} 项内容" in text


def test_a_department_s_confirmation_is_a_new_version_without_the_marks(
    store: Store, clock: FixedClock
) -> None:
    from desktop_app.catalog.model import Confirmation
    from desktop_app.catalog.notice import MARK, build_notice

    with store.write() as session:
        catalog_versions.ensure_shipped(session, SHIPPED)
        assert catalog_versions.next_label(session) == "2023.1.3"
        before = catalog_versions.in_force(session)
        pending = sorted(before.permits["special_trade"].unverified)
        answer = Confirmation("县公安局", "李强", app_clock.today(), "电话")
        added = catalog_versions.confirm_values(
            session, actor(store, "admin"), "special_trade", None, pending, answer
        )
    assert added.label == "2023.1.3"
    assert added.effective_from == app_clock.today()
    assert "县公安局于" in (added.note or "")
    with store.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "catalog.version", AuditEntry.subject == "2023.1.3"
            )
        )
    assert entry.actor == "admin"
    assert "李强" in json.loads(entry.details)["note"]  # who answered, in the audit trail
    with store.read() as session:
        after = catalog_versions.in_force(session)
        assert catalog_versions.next_label(session) == "2023.1.4"
    police = after.permits["special_trade"]
    assert police.unverified == frozenset()
    assert police.promised_days == before.permits["special_trade"].promised_days
    notice = build_notice(resolve(after, "hotel", {"catering": False, "halal": False}))
    (row,) = [i for i in notice.items if i.department == "县公安局"]
    assert MARK not in f"{row.promised}{row.statutory}{row.commitment}"
    with store.write() as session, pytest.raises(CatalogVersionError, match="不在待确认之列"):
        catalog_versions.confirm_values(
            session, actor(store, "admin"), "special_trade", None, pending[:1], answer
        )
    tomorrow = dataclasses.replace(answer, on=app_clock.today() + dt.timedelta(days=1))
    with store.write() as session, pytest.raises(CatalogVersionError, match="晚于今天"):
        catalog_versions.confirm_values(
            session, actor(store, "admin"), "public_hygiene", None, ["fee"], tomorrow
        )
    with store.write() as session, pytest.raises(PermissionDeniedError):
        catalog_versions.confirm_values(
            session, actor(store, "clerk"), "public_hygiene", None, ["promised_days"], answer
        )


def test_confirming_from_the_command_line(capsys: pytest.CaptureFixture[str], cli_db: str) -> None:
    base = ("--database", cli_db, "catalog")
    code, out, err = run_cli(
        capsys, *base, "confirm", "food_business", "materials", "--procedure", "change",
        "--by", "王芳", "--user", "admin",
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert "县市场监督管理局于" in out
    code, out, _ = run_cli(capsys, *base, "unconfirmed", "--department", "market", "--json")
    rows = json.loads(out)["values"]
    assert not [
        r
        for r in rows
        if (r["permit"], r["kind"], r["key"]) == ("food_business", "change", "materials")
    ]
    assert [r for r in rows if (r["permit"], r["kind"]) == ("food_business", "change")]
    for argv, reason in (
        (("confirm", "nothing", "fee", "--by", "王芳"), "未知的许可证"),
        (("confirm", "food_business", "colour", "--by", "王芳"), "未知的内容"),
        (("confirm", "food_business", "fee", "--by", "王芳"), "不在待确认之列"),
        (("confirm", "food_business", "fee", "--by", " "), "答复人"),
    ):
        code, _, err = run_cli(capsys, *base, *argv, "--user", "admin")
        assert (code, err.count("\n")) == (2, 1), err
        assert reason in err


def test_an_edit_of_an_older_version_does_not_undo_a_newer_one(
    store: Store, clock: FixedClock
) -> None:
    with store.write() as session:
        catalog_versions.ensure_shipped(session, SHIPPED)
    add(store, edited(permits=FOOD_FIVE_DAYS), app_clock.today())  # another administrator
    stale = dict(SHIPPED)
    stale["catalog"] = stale["catalog"].replace(f'version = "{LABEL}"', 'version = "2023.3.0"')
    with store.write() as session, pytest.raises(CatalogVersionError, match="更新的版本 2023"):
        catalog_versions.add_version(
            session, actor(store, "admin"), stale, app_clock.today(), "草稿", based_on=LABEL
        )
    with store.write() as session:
        assert catalog_versions.newest_label(session) == "2023.2.0"
        catalog_versions.add_version(
            session, actor(store, "admin"), stale, app_clock.today(), "草稿", based_on="2023.2.0"
        )


def test_a_confirmation_reaches_a_version_awaiting_its_day(store: Store, clock: FixedClock) -> None:
    """A version published for next month keeps the answer recorded today: no mark comes back."""
    from desktop_app.catalog.model import Confirmation

    next_month = app_clock.today() + dt.timedelta(days=30)
    with store.write() as session:
        catalog_versions.ensure_shipped(session, SHIPPED)
    add(store, edited(permits=FOOD_FIVE_DAYS), next_month)
    answer = Confirmation("县公安局", "李强", app_clock.today())
    with store.write() as session:
        catalog_versions.confirm_values(
            session, actor(store, "admin"), "special_trade", None, ["promised_days"], answer
        )
    with store.read() as session:
        today = catalog_versions.in_force(session)
        later = catalog_versions.in_force(session, next_month)
    for catalog in (today, later):
        assert "promised_days" not in catalog.permits["special_trade"].unverified
    assert later.permits["food_business"].promised_days == 3  # the later edit stays
    assert today.permits["food_business"].promised_days == 5
