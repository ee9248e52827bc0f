import datetime as dt
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from desktop_app import migrate
from desktop_app.bootstrap import HEAD_REVISION, BackupFailedError, open_store
from desktop_app.catalog import Catalog, resolve
from desktop_app.clock import FixedClock
from desktop_app.db import storage_problem
from desktop_app.services import workflow
from tests import factories
from tests.store.conftest import PASSWORD, run_cli


@pytest.fixture
def db(cli_db: str) -> str:
    return cli_db


run = run_cli


def test_db_upgrade_on_a_new_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    code, out, _ = run(capsys, "--database", url, "db", "upgrade")
    assert code == 0
    assert f"版本 {migrate.head_revision()}" in out


def add_user(
    capsys: pytest.CaptureFixture[str], db: str, name: str, password: str, *options: str
) -> tuple[int, str, str]:
    """``users add`` as the template's administrator: its password first, then the new one."""
    return run(
        capsys,
        "--database",
        db,
        "users",
        "add",
        name,
        *options,
        "--user",
        "admin",
        "--password-stdin",
        stdin=f"{PASSWORD}\n{password}\n",
    )


def test_users_add_list_disable(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = add_user(
        capsys, db, "wang", "Health2026x", "--role", "reviewer", "--department", "health"
    )
    assert (code, err) == (0, "")
    code, _, err = add_user(capsys, db, "w2", "abc", "--role", "clerk")
    assert code == 2
    assert "密码至少8位" in err
    code, _, err = add_user(
        capsys, db, "w3", "Health2026x", "--role", "reviewer", "--department", "mars"
    )
    assert "未知的部门" in err
    assert run(capsys, "--database", db, "users", "disable", "wang", "--user", "admin")[0] == 0
    code, out, _ = run(capsys, "--database", db, "users", "list", "--json")
    users = {u["username"]: u for u in json.loads(out)}
    assert users["wang"]["role"] == "reviewer"
    assert users["wang"]["department"] == "health"
    assert users["wang"]["disabled"] is True
    assert "password_hash" not in users["wang"]


def test_only_a_proven_administrator_manages_users_and_the_calendar(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    add = ("--database", db, "users", "add", "evil", "--role", "admin", "--password-stdin")
    code, _, err = run(capsys, *add, stdin="Evil2026xx\n")  # no --user: the store has an admin
    assert code == 2
    assert "须以系统管理员身份操作" in err
    code, _, err = run(capsys, *add, "--user", "boss", stdin=f"{PASSWORD}\nEvil2026xx\n")
    assert code == 2
    assert "系统管理员" in err  # a supervisor is not one
    code, _, err = run(capsys, *add, "--user", "admin", stdin="wrong-2026\nEvil2026xx\n")
    assert code == 2
    assert "用户名或密码错误" in err
    code, _, err = run(capsys, "--database", db, "users", "disable", "clerk", "--user", "boss")
    assert code == 2
    notice = tmp_path / "2027.txt"
    notice.write_text("年份 2027\n放假 2027-01-01 元旦\n", encoding="utf-8")
    code, _, err = run(capsys, "--database", db, "calendar", "import", str(notice))
    assert code == 2
    assert "--user" in err
    code, out, _ = run(capsys, "--database", db, "users", "list", "--json")
    assert "evil" not in {u["username"] for u in json.loads(out)}
    assert not any(u["disabled"] for u in json.loads(out))


def test_the_first_administrator_of_an_empty_store_needs_no_proof(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    users = ("--database", url, "users", "add")
    code, _, err = run(
        capsys, *users, "zhang", "--role", "clerk", "--password-stdin", stdin="Clerk2026x\n"
    )
    assert code == 2
    assert "请先添加一名系统管理员" in err
    code, out, _ = run(
        capsys, *users, "root", "--role", "admin", "--password-stdin", stdin="Admin2026x\n"
    )
    assert (code, out) == (0, "已添加用户 root（系统管理员）\n")
    code, _, err = run(
        capsys, *users, "zhang", "--role", "clerk", "--password-stdin", stdin="Clerk2026x\n"
    )
    assert code == 2
    assert "须以系统管理员身份操作" in err
    code, _, _ = run(
        capsys,
        *users,
        "zhang",
        "--role",
        "clerk",
        "--user",
        "root",
        "--password-stdin",
        stdin="Admin2026x\nClerk2026x\n",
    )
    assert code == 0


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        ("2025-09-26", "20", "2025-10-30"),
        ("2025-09-30", "5", "2025-10-14"),
        ("2026-02-13", "5", "2026-02-27"),
    ],
)
def test_calendar_due(
    capsys: pytest.CaptureFixture[str], db: str, start: str, days: str, due: str
) -> None:
    assert run(capsys, "--database", db, "calendar", "due", start, days)[:2] == (0, due + "\n")


def test_calendar_due_into_2027_is_provisional_until_imported(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, clock: FixedClock
) -> None:
    clock.move_to(dt.date(2026, 11, 30))
    code, out, _ = run(capsys, "--database", db, "calendar", "due", "2026-12-30", "2")
    assert (code, out) == (0, "2027-01-01（暂定：该年节假日安排尚未导入）\n")
    code, out, _ = run(capsys, "--database", db, "calendar", "status", "--json")
    assert (json.loads(out)["last"], json.loads(out)["next_year_missing"]) == (2026, True)
    notice = tmp_path / "2027.txt"
    notice.write_text("年份 2027\n放假 2027-01-01 至 2027-01-03 元旦\n", encoding="utf-8")
    assert (
        run(capsys, "--database", db, "calendar", "import", str(notice), "--user", "admin")[0] == 0
    )
    code, out, _ = run(capsys, "--database", db, "calendar", "due", "2026-12-30", "2")
    assert (code, out) == (0, "2027-01-04\n")
    code, out, _ = run(capsys, "--database", db, "calendar", "status", "--json")
    assert json.loads(out)["last"] == 2027


def test_a_wrong_holiday_file_is_refused_with_its_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    notice = tmp_path / "2027.txt"
    notice.write_text("年份 2027\n放假 2027-01-01\n上班 2027-01-04\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--database", db, "calendar", "import", str(notice), "--user", "admin"
    )
    assert (code, out) == (2, "")
    assert err == (
        "yiye：节假日文件 2027.txt 有误：第 3 行：2027-01-04 是星期一，本来就是工作日；"
        "“上班”只用于调休的周末\n"
    )


def test_audit_verify_finds_a_tampered_row(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--database", db, "audit", "verify")[0] == 0
    path = db.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER audit_entry_no_update")
        connection.execute("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3")
    code, _, err = run(capsys, "--database", db, "audit", "verify")
    assert code == 1
    assert "第 3 条" in err


def _case_file(tmp_path: Path, catalog: Catalog, entries: list[dict[str, object]]) -> Path:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path


def _entry(catalog: Catalog, serial: int, **form: object) -> dict[str, object]:
    answers = {"area_m2": 25, "sells_drugs": True}
    bundle = resolve(catalog, "便利店", answers)
    return {
        "industry": "便利店",
        "answers": answers,
        "form": factories.full_form(bundle, serial, **form),
        "materials": {
            **factories.all_on_paper(bundle),
            "drug_quality_rules": "deferred:2099-01-01",
        },
    }


def test_cases_accept_show_list_and_decide(
    capsys: pytest.CaptureFixture[str], db: str, catalog: Catalog, tmp_path: Path
) -> None:
    good = _entry(catalog, 1)
    good["materials"] = {**good["materials"], "drug_quality_rules": "paper"}  # type: ignore[dict-item]
    bad = _entry(catalog, 2, contact_phone="12")
    file = _case_file(tmp_path, catalog, [good, bad])
    code, out, _ = run(capsys, "--database", db, "cases", "accept", str(file), "--user", "clerk")
    results = json.loads(out)
    assert code == 2  # one of the two was refused
    number = results[0]["number"]
    assert "contact_phone" in results[1]["errors"]

    code, out, _ = run(capsys, "--database", db, "cases", "show", number, "--json")
    shown = json.loads(out)
    assert set(shown) >= {"number", "industry", "state", "enterprise", "items"}
    assert shown["state"] == "in_review"
    assert shown["enterprise"]["legal_rep_id"].count("*") == 8
    assert set(shown["items"][0]) >= {
        "permit",
        "department",
        "state",
        "mode",
        "due",
        "permit_no",
        "valid_from",
        "valid_to",
    }

    code, _, err = run(
        capsys,
        "--database",
        db,
        "items",
        "decide",
        number,
        "drug_retail",
        "--user",
        "clerk",
        "--approve",
        "--permit-no",
        "YP-1",
        "--valid-from",
        "2025-10-01",
    )
    assert code == 2
    assert "审批人员" in err
    code, _, err = run(
        capsys,
        "--database",
        db,
        "items",
        "decide",
        number,
        "drug_retail",
        "--user",
        "r_market",
        "--approve",
        "--permit-no",
        "YP-1",
        "--valid-from",
        "2025-10-01",
    )
    assert code == 2
    assert "须先现场核查" in err
    site = ("--database", db, "inspections")
    code, _, err = run(
        capsys,
        *site,
        "schedule",
        number,
        "--at",
        "2025-09-29 09:30",
        "--inspectors",
        "insp_market",
        "--user",
        "r_market",
    )
    assert (code, err) == (0, "")
    code, _, err = run(
        capsys, *site, "record", number, "drug_retail", "--pass", "--user", "insp_market"
    )
    assert (code, err) == (0, "")
    for permit in ("food_registration", "drug_retail"):
        code, _, err = run(
            capsys,
            "--database",
            db,
            "items",
            "decide",
            number,
            permit,
            "--user",
            "r_market",
            "--approve",
            "--permit-no",
            f"{permit}-1",
            "--valid-from",
            "2025-10-01",
            "--valid-to",
            "2030-09-30",
        )
        assert (code, err) == (0, "")
    code, out, _ = run(
        capsys, "--database", db, "cases", "list", "--state", "ready_to_issue", "--json"
    )
    assert [row["number"] for row in json.loads(out)] == [number]


def test_cases_show_unknown_number(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--database", db, "cases", "show", "SL-NOPE", "--json")
    assert code == 2
    assert "不存在" in err


def test_malformed_case_file(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    file = tmp_path / "bad.json"
    file.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "--database", db, "cases", "accept", str(file), "--user", "clerk")
    assert code == 2
    assert "不是有效的 JSON" in err
    file.write_text(json.dumps({"industry": "便利店", "answer": {}}), encoding="utf-8")
    code, out, err = run(capsys, "--database", db, "cases", "accept", str(file), "--user", "clerk")
    assert (code, err) == (2, "yiye：1 件申请未受理（原因见输出的 errors）\n")
    assert "answer" in json.loads(out)["errors"]


def test_password_is_never_taken_from_the_command_line(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--database", db, "users", "add", "x", "--role", "clerk", PASSWORD)
    assert code == 2
    assert "参数错误" in err


def test_an_internal_error_is_one_line_naming_its_log_and_stores_nothing(
    capsys: pytest.CaptureFixture[str],
    db: str,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_data_dir: Path,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("磁盘控制器故障\n第二行")

    monkeypatch.setattr(workflow, "dispatch", broken)  # fails after the case is accepted
    entry = _entry(catalog, 1)
    entry["materials"] = {**entry["materials"], "drug_quality_rules": "paper"}  # type: ignore[dict-item]
    file = _case_file(tmp_path, catalog, [entry])
    code, out, err = run(capsys, "--database", db, "cases", "accept", str(file), "--user", "clerk")
    log = isolated_data_dir / "logs" / "yiye-errors.log"
    assert (code, out) == (1, "")
    assert err == (
        f"yiye：内部错误：RuntimeError: 磁盘控制器故障。详细信息已写入 {log}，请交给系统管理员\n"
    )
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "in broken" in logged
    assert "cases accept" in logged
    code, out, _ = run(capsys, "--database", db, "cases", "list", "--json")
    assert (code, json.loads(out)) == (0, [])  # the acceptance was rolled back whole


def test_reading_commands_do_not_wait_for_a_writer(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    path = Path(db.removeprefix("sqlite:///"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another counter in the middle of a write
    try:
        for argv in (("cases", "list", "--json"), ("audit", "verify"), ("calendar", "status")):
            started = time.monotonic()
            code, _, err = run(capsys, "--database", db, *argv)
            assert (code, err) == (0, ""), argv
            # Well under the 10 s a writer would wait for the lock (no timing goal, a bound).
            assert time.monotonic() - started < 8, argv
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert list(path.parent.glob("*.before-upgrade-*")) == []  # not taken for a new database


def test_db_check_finds_a_damaged_page_and_backup_copies_a_live_file(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    path = Path(db.removeprefix("sqlite:///"))
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "--database", db, "db", "backup", "--out", str(copy))[:2] == (
        0,
        f"已备份到 {copy}\n",
    )
    assert run(capsys, "--database", db, "db", "backup", "--out", str(copy))[0] == 2  # no overwrite
    assert not list(tmp_path.glob("*.partial"))
    assert run(capsys, "--database", f"sqlite:///{copy}", "db", "check")[0] == 0
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 4096] = bytes(range(256)) * 16  # garbage over one page
    path.write_bytes(bytes(data))
    code, out, err = run(capsys, "--database", db, "db", "check")
    assert (code, out) == (1, "")
    assert err.startswith(f"数据库已损坏：{path}\n")
    assert "从最近的备份恢复" in err


def test_storage_faults_are_told_apart_with_what_to_do() -> None:
    assert storage_problem("database is locked").startswith("数据库正被其他窗口或程序占用")
    assert storage_problem("attempt to write a readonly database").startswith("数据库文件是只读的")
    assert storage_problem("database or disk is full").startswith("磁盘已满")
    assert storage_problem("database disk image is malformed").startswith("数据库文件已损坏")
    assert storage_problem("unable to open database file").startswith("无法打开数据库文件")
    assert storage_problem("connection refused") == "数据库暂不可用，请稍后重试"


def test_a_failed_backup_leaves_no_partial_file_and_no_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0006")
    engine.dispose()
    real_connect = sqlite3.connect

    class HalfCopy:
        """A connection whose backup writes part of the copy, then finds the disk full."""

        def __init__(self, database: Any) -> None:
            self.connection = real_connect(database)

        def backup(self, target: "HalfCopy") -> None:
            target.connection.execute("CREATE TABLE half (x)")
            target.connection.commit()
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.connection.close()

    monkeypatch.setattr(migrate, "_connect", HalfCopy)
    with pytest.raises(BackupFailedError, match=r"未做升级，数据库保持原样：磁盘已满"):
        open_store(f"sqlite:///{path}")
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []
    monkeypatch.undo()
    store = open_store(f"sqlite:///{path}")  # the disk has room again: backup, then upgrade
    assert migrate.current_revision(store.engine) == HEAD_REVISION
    assert len([p for p in tmp_path.iterdir() if "before-upgrade" in p.name]) == 1
    store.dispose()
