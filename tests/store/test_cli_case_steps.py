"""The headless commands of a case's later steps, with the bad input a script may feed them."""

import json
import subprocess
from pathlib import Path

import pytest

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.services import intake, workflow
from tests import factories
from tests.store.conftest import actor, run_cli


def _accept(db: str, catalog: Catalog, submission: intake.Submission) -> str:
    store = open_store(db)
    try:
        with store.write() as session:
            clerk = actor(store, "clerk")
            number = intake.accept(session, clerk, catalog, submission).number
            workflow.dispatch(session, clerk, number)
        return number
    finally:
        store.dispose()


def deferred_case(db: str, catalog: Catalog) -> str:
    sub = factories.submission(catalog)
    materials = {**sub.materials, "drug_quality_rules": "deferred:2025-10-20"}
    return _accept(db, catalog, intake.Submission(sub.industry, sub.answers, sub.form, materials))


def hotel_case(db: str, catalog: Catalog) -> str:
    sub = factories.submission(catalog, "hotel", {"catering": True})
    return _accept(
        db,
        catalog,
        intake.Submission(
            sub.industry, sub.answers, sub.form, sub.materials, commitments=("public_hygiene",)
        ),
    )


def yiye(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--database", db, *argv)


def test_receive_a_deferred_material_and_list_what_is_out(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> None:
    number = deferred_case(cli_db, catalog)
    code, out, _ = yiye(capsys, cli_db, "cases", "deferred", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "number": number,
            "enterprise": "测试主体名称",
            "material": "drug_quality_rules",
            "name": "药品质量管理制度文件",
            "permits": ["drug_retail"],
            "due_on": "2025-10-20",
            "overdue": False,
        }
    ]
    assert json.loads(yiye(capsys, cli_db, "cases", "deferred", "--overdue", "--json")[1]) == []
    receive = ("cases", "receive", number, "drug_quality_rules", "--how", "scan", "--user")
    assert yiye(capsys, cli_db, *receive, "clerk")[:2] == (
        0,
        f"已登记 {number} 的容缺材料 drug_quality_rules（扫描件）\n",
    )
    assert json.loads(yiye(capsys, cli_db, "cases", "deferred", "--json")[1]) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("SL-NOPE", "drug_quality_rules", "--user", "clerk"), "yiye：办件 SL-NOPE 不存在\n"),
        (("{n}", "no_such", "--user", "clerk"), "yiye：办件 {n} 没有材料“no_such”\n"),
        (("{n}", "site_plan", "--user", "clerk"), "不是容缺材料"),
        (("{n}", "drug_quality_rules", "--user", "r_market"), "须由窗口受理人员、窗口负责人办理"),
        (("{n}", "drug_quality_rules", "--user", "nobody"), "用户名或密码错误"),
        (("{n}", "drug_quality_rules", "--how", "fax", "--user", "clerk"), "参数错误"),
    ],
)
def test_receive_refuses_bad_input_in_one_line(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    argv: tuple[str, ...],
    message: str,
) -> None:
    number = deferred_case(cli_db, catalog)
    code, out, err = yiye(capsys, cli_db, "cases", "receive", *(a.format(n=number) for a in argv))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert message.format(n=number) in err


def test_a_material_received_twice_is_refused(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> None:
    number = deferred_case(cli_db, catalog)
    receive = ("cases", "receive", number, "drug_quality_rules", "--user", "clerk")
    assert yiye(capsys, cli_db, *receive)[0] == 0
    code, _, err = yiye(capsys, cli_db, *receive)
    assert code == 2
    assert "已于 2025-09-26 09:30 登记收到" in err


def test_terminate_a_case_and_print_its_notice(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    number = deferred_case(cli_db, catalog)
    end = ("cases", "terminate", number, "--reason", "容缺材料逾期未补交", "--user")
    code, _, err = yiye(capsys, cli_db, *end, "clerk")
    assert (code, "窗口负责人" in err) == (2, True)
    code, out, _ = yiye(capsys, cli_db, *end, "boss")
    assert code == 0
    notice = out.split("终止办理告知书 ")[1].strip()
    code, out, _ = yiye(capsys, cli_db, "cases", "documents", number, "--json")
    listed = json.loads(out)
    assert [d["kind"] for d in listed] == ["receipt", "application_form", "termination"]
    assert listed[0]["title"] == "容缺受理通知书"
    assert listed[2]["number"] == notice
    pdf = tmp_path / "终止.pdf"
    code, out, _ = yiye(
        capsys, cli_db, "cases", "print", number, "termination", "--out", str(pdf), "--user", "boss"
    )
    assert code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "终止办理告知书" in text
    assert number in text
    prints = json.loads(yiye(capsys, cli_db, "cases", "documents", number, "--json")[1])[2]
    assert [(p["by"], p["printer"]) for p in prints["prints"]] == [("boss", "文件 终止.pdf")]


def test_print_refuses_what_is_not_there(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    number = deferred_case(cli_db, catalog)
    out = str(tmp_path / "x.pdf")
    code, _, err = yiye(capsys, cli_db, "cases", "print", number, "commitment", "--out", out)
    assert (code, err) == (2, f"yiye：{number} 没有告知承诺书\n")
    code, _, err = yiye(capsys, cli_db, "cases", "print", number, "poster", "--out", out)
    assert (code, "参数错误" in err) == (2, True)
    code, _, err = yiye(capsys, cli_db, "cases", "print", "SL-NOPE", "receipt", "--out", out)
    assert (code, err) == (2, "yiye：办件或文书 SL-NOPE 不存在\n")
    code, _, err = yiye(
        capsys, cli_db, "cases", "print", number, "receipt", "--out", "/nonexistent/x.pdf"
    )
    assert code == 2
    assert err.startswith("yiye：无法写入 /nonexistent/x.pdf")
    assert not Path(out).exists()


def test_a_department_sees_the_shared_fields_and_its_own_masked(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> None:
    number = hotel_case(cli_db, catalog)
    code, out, _ = yiye(
        capsys, cli_db, "cases", "show", number, "--for-department", "health", "--json"
    )
    assert code == 0
    shown = json.loads(out)
    health = {p.code for p in catalog.permits.values() if p.department == "health"}
    own = {f for p in health for f in catalog.permits[p].form}
    shared = {k for k, f in catalog.fields.items() if f.shared}
    assert set(shown["form"]) <= own | shared
    assert "legal_rep_id" in shown["form"]
    assert shown["form"]["legal_rep_id"].count("*") == 8
    police_only = set(catalog.permits["special_trade"].form) - own - shared
    assert police_only
    assert not police_only & set(shown["form"])  # never another department's fields
    assert {m["key"] for m in shown["materials"]}
    assert all(set(m["permits"]) & health for m in shown["materials"])
    code, _, err = yiye(capsys, cli_db, "cases", "show", number, "--for-department", "nasa")
    assert (code, err) == (2, "yiye：部门“nasa”不存在\n")
    code, _, err = yiye(capsys, cli_db, "cases", "show", number, "--for-department", "culture")
    assert (code, err) == (2, f"yiye：办件 {number} 没有县文化旅游体育广电局审批的事项\n")


def test_commitments_list_and_verify(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> None:
    number = hotel_case(cli_db, catalog)
    decide = ("items", "decide", number, "public_hygiene", "--user", "r_health", "--approve")
    code, _, _ = yiye(capsys, cli_db, *decide, "--permit-no", "卫-1", "--valid-from", "2025-09-26")
    assert code == 0
    code, out, _ = yiye(capsys, cli_db, "commitments", "list", "--json")
    (check,) = json.loads(out)
    assert (check["number"], check["permit"], check["due_on"], check["overdue"]) == (
        number,
        "public_hygiene",
        "2025-11-25",
        False,
    )
    listed = yiye(capsys, cli_db, "commitments", "list", "--due-before", "2025-11-01", "--json")
    assert json.loads(listed[1]) == []
    as_police = yiye(capsys, cli_db, "commitments", "list", "--user", "r_police", "--json")
    assert json.loads(as_police[1]) == []
    verify = ("commitments", "verify", number, "public_hygiene")
    code, _, err = yiye(capsys, cli_db, *verify, "--pass", "--user", "r_police")
    assert (code, "审批部门" in err) == (2, True)
    code, _, err = yiye(capsys, cli_db, *verify, "--pass", "--fail", "x", "--user", "r_health")
    assert (code, "参数错误" in err) == (2, True)
    code, out, _ = yiye(capsys, cli_db, *verify, "--fail", "现场无消毒设施", "--user", "r_health")
    assert code == 0
    assert "许可已撤销" in out
    code, _, err = yiye(capsys, cli_db, *verify, "--pass", "--user", "r_health")
    assert (code, "已核查（未通过）" in err) == (2, True)
    kinds = [
        d["kind"]
        for d in json.loads(yiye(capsys, cli_db, "cases", "documents", number, "--json")[1])
    ]
    assert kinds == ["receipt", "application_form", "commitment", "revocation"]


def _one_case_file(tmp_path: Path, catalog: Catalog, change: dict[str, object]) -> Path:
    sub = factories.submission(catalog)
    entry: dict[str, object] = {
        "industry": sub.industry,
        "answers": dict(sub.answers),
        "form": dict(sub.form),
        "materials": dict(sub.materials),
    }
    for key, value in change.items():
        if key.startswith("form."):
            entry["form"][key[5:]] = value  # type: ignore[index]
        else:
            entry[key] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": ["new"]}, "未知的申请类型"),
        ({"agent": {"name": "马", "id_number": factories.id_number(5), "phone": 138}}, "agent"),
        ({"form.enterprise_name": "同心县\u200b便利店"}, "不可见或无法打印的字符（U+200B）"),
        ({"form.enterprise_name": "同心县\ue000便利店"}, "U+E000"),
        ({"form.enterprise_name": "同心县\u2028便利店"}, "U+2028"),
        ({"form.enterprise_name": "同心县\ufdd0便利店"}, "U+FDD0"),
        ({"form.enterprise_name": "同心县😀便利店"}, "证照无法打印的字符“😀”（U+1F600）"),
    ],
)
def test_hostile_case_files_are_refused_field_by_field(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    tmp_path: Path,
    change: dict[str, object],
    message: str,
) -> None:
    path = _one_case_file(tmp_path, catalog, change)
    code, out, err = yiye(capsys, cli_db, "cases", "accept", str(path), "--user", "clerk")
    assert code == 2
    assert "Traceback" not in err
    assert message in out


def test_a_lone_surrogate_a_huge_integer_and_deep_nesting_are_one_line_each(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    path = _one_case_file(tmp_path, catalog, {})
    text = path.read_text(encoding="utf-8")
    for hostile, expected in (
        (text.replace("测试主体名称", "\\ud800"), "不可见或无法打印的字符（U+D800）"),
        (text.replace('"area_m2": 25', '"area_m2": ' + "9" * 400), "必须是有限的数字"),
        ("[" * 200_000 + "]" * 200_000, "JSON 嵌套过深"),
    ):
        path.write_text(hostile, encoding="utf-8")
        code, out, err = yiye(capsys, cli_db, "cases", "accept", str(path), "--user", "clerk")
        assert code == 2
        assert "Traceback" not in err
        assert expected in out + err


def test_a_case_file_saved_with_a_bom_is_read(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    path = _one_case_file(tmp_path, catalog, {})
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out, _ = yiye(capsys, cli_db, "cases", "accept", str(path), "--user", "clerk")
    assert code == 0
    assert json.loads(out)["number"].startswith("SL")


def test_a_batch_run_twice_stores_each_case_once(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    entries = []
    for serial, ref in ((1, "网办-0001"), (2, "网办-0002")):
        sub = factories.submission(catalog, serial=serial)
        entries.append(
            {
                "industry": sub.industry,
                "answers": dict(sub.answers),
                "form": dict(sub.form),
                "materials": dict(sub.materials),
                "client_ref": ref,
            }
        )
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(entries[:1], ensure_ascii=False), encoding="utf-8")
    code, out, err = yiye(capsys, cli_db, "cases", "accept", str(path), "--user", "clerk")
    first = json.loads(out)[0]["number"]
    assert (code, err) == (0, f"yiye：第 1 件已受理 {first}\n")  # said as it commits
    # The run is cut short and started again, with the whole file this time.
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    code, out, err = yiye(capsys, cli_db, "cases", "accept", str(path), "--user", "clerk")
    results = json.loads(out)
    assert code == 0
    assert results[0] == {"number": first, "duplicate": True}
    assert results[1]["number"] != first
    listed = json.loads(yiye(capsys, cli_db, "cases", "list", "--json")[1])
    assert len(listed) == 2


def test_a_headless_command_proves_who_acts(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    number = deferred_case(cli_db, catalog)
    receive = ("cases", "receive", number, "drug_quality_rules", "--user", "clerk")
    code, _, err = run_cli(capsys, "--database", cli_db, *receive, "--password-stdin", stdin="x\n")
    assert (code, err) == (2, "yiye：用户名或密码错误\n")
    # No password at all, and no terminal to ask on: said, not guessed.
    code, _, err = run_cli(capsys, "--database", cli_db, *receive, stdin="\n")
    assert code == 2
    assert "--password-stdin" in err
    # Five wrong passwords lock the user out, on the command line as on the screens.
    for _ in range(4):
        run_cli(capsys, "--database", cli_db, *receive, "--password-stdin", stdin="wrong\n")
    code, _, err = yiye(capsys, cli_db, *receive)  # the right password, too late
    assert code == 2
    assert "锁定" in err
    listed = json.loads(yiye(capsys, cli_db, "cases", "deferred", "--json")[1])
    assert [row["number"] for row in listed] == [number]  # nothing was recorded
