"""Headless 变更, 延续, 减项, 补证 and 注销: ``cases accept`` with a kind, ``certificates show``,
``certificates expiring``/``remind`` and ``verify --store``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app import config
from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.domain import keys
from tests.lifecycle_steps import approve_items, issue_supermarket
from tests.store.conftest import run_cli
from tests.store.test_documents import text_of


@pytest.fixture
def certificate(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog
) -> tuple[str, str]:
    """A four-permit 超市 certificate signed with this PC's key: (number, QR text)."""
    run_cli(capsys, "keys", "generate")
    store = open_store(cli_db)
    try:
        view = issue_supermarket(store, catalog, keys.load_private_key(config.signing_key_path()))
    finally:
        store.dispose()
    return view.number, view.qr_text


def _accept(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, entry: dict[str, Any]
) -> tuple[int, Any, str]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(
        capsys, "--database", db, "cases", "accept", str(path), "--user", "clerk"
    )
    return code, json.loads(out) if out.strip() else None, err


def _materials(keys_: list[str]) -> dict[str, str]:
    return dict.fromkeys(keys_, "paper")


CHANGE_MATERIALS = _materials(["combined_application", "certificate_original", "change_proof"])


def test_a_change_from_json_goes_to_the_affected_departments_only(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path, certificate: tuple[str, str]
) -> None:
    number, _ = certificate
    entry = {
        "kind": "change",
        "certificate": number,
        "form": {"area_m2": 420},
        "materials": CHANGE_MATERIALS,
    }
    code, result, err = _accept(capsys, cli_db, tmp_path, entry)
    assert code == 0, err
    assert result["kind"] == "change"
    assert result["certificate"] == number
    assert result["items"] == {"food_business": "change", "public_hygiene": "change"}
    code, out, _ = run_cli(
        capsys, "--database", cli_db, "cases", "show", result["number"], "--json"
    )
    shown = json.loads(out)
    assert (shown["kind"], shown["certificate"], shown["changes"]) == (
        "change",
        number,
        ["area_m2"],
    )
    assert {i["kind"] for i in shown["items"]} == {"change"}
    assert {i["state"] for i in shown["items"]} == {"pending"}  # dispatched
    # One open case per certificate: a second one is refused with the first one's number.
    code, result, err = _accept(capsys, cli_db, tmp_path, {**entry, "form": {"area_m2": 500}})
    assert code == 2
    assert shown["number"] in result["errors"]["certificate"]


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        ({"kind": "change", "certificate": "640324-2099-000001"}, "certificate", "不存在"),
        ({"kind": "change", "industry": "supermarket"}, "industry", "由证书确定行业"),
        ({"kind": "upgrade"}, "kind", "未知的申请类型"),
        ({"kind": "change", "form": {}}, "form", "没有改动任何内容"),
        ({"kind": "renewal", "permits": ["drug_retail"]}, "permits", "没有许可“drug_retail”"),
        ({"kind": "renewal", "permits": "halal"}, "permits", "应为许可证代码的列表"),
        (
            {
                "kind": "removal",
                "permits": ["food_business", "halal", "device2_filing", "public_hygiene"],
            },
            "permits",
            "请办理注销",
        ),
        ({"kind": "reissue", "reason": "stolen"}, "reason", "lost"),
        ({"kind": "renewal", "permits": ["halal"], "form": {"area_m2": 9}}, "form", "先办理变更"),
    ],
)
def test_what_does_not_fit_is_refused_with_one_clear_reason(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    tmp_path: Path,
    certificate: tuple[str, str],
    entry: dict[str, Any],
    key: str,
    message: str,
) -> None:
    entry = {"certificate": certificate[0], **entry}
    code, result, err = _accept(capsys, cli_db, tmp_path, entry)
    assert code == 2
    assert message in result["errors"][key], result
    assert "未受理" in err
    assert "Traceback" not in err


def test_cancellation_from_the_command_line_leaves_no_valid_certificate(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    tmp_path: Path,
    certificate: tuple[str, str],
    catalog: Catalog,
) -> None:
    number, qr_text = certificate
    entry = {
        "kind": "cancellation",
        "certificate": number,
        "reason": "停业",
        "materials": _materials(
            ["combined_application", "certificate_original", "cancellation_statement"]
        ),
    }
    code, result, err = _accept(capsys, cli_db, tmp_path, entry)
    assert code == 0, err
    store = open_store(cli_db)
    try:
        approve_items(store, result["number"])
    finally:
        store.dispose()
    code, out, err = run_cli(
        capsys, "--database", cli_db, "certificates", "issue", result["number"], "--user", "clerk"
    )
    assert (code, out.strip()) == (0, number), err
    code, out, _ = run_cli(capsys, "--database", cli_db, "certificates", "show", number, "--json")
    shown = json.loads(out)
    assert shown["state"] == "cancelled"
    assert [r["state"] for r in shown["revisions"]] == ["cancelled"]
    assert shown["revisions"][0]["holder"]["credit_code"]
    code, out, _ = run_cli(capsys, "--database", cli_db, "verify", qr_text, "--store")
    assert json.loads(out)["reason"] == "证书已注销"
    pdf = tmp_path / "notice.pdf"
    code, _, err = run_cli(
        capsys,
        "--database",
        cli_db,
        "cases",
        "print",
        result["number"],
        "cancellation",
        "--out",
        str(pdf),
    )
    assert code == 0, err
    assert "行业综合许可证注销通知书" in text_of(pdf.read_bytes(), tmp_path)


def test_reissue_from_the_command_line_voids_the_old_print(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path, certificate: tuple[str, str]
) -> None:
    number, qr_text = certificate
    entry = {
        "kind": "reissue",
        "certificate": number,
        "reason": "damaged",
        "materials": _materials(["combined_application", "reissue_statement"]),
    }
    code, result, err = _accept(capsys, cli_db, tmp_path, entry)
    assert (code, result["items"]) == (0, {}), err
    code, _, err = run_cli(
        capsys, "--database", cli_db, "certificates", "issue", result["number"], "--user", "clerk"
    )
    assert code == 0, err
    code, out, _ = run_cli(capsys, "--database", cli_db, "certificates", "show", number, "--json")
    shown = json.loads(out)
    assert (shown["state"], shown["print_no"]) == ("valid", 2)
    assert shown["replaced_prints"][0]["reason"] == "damaged"
    code, out, _ = run_cli(capsys, "--database", cli_db, "verify", qr_text, "--store")
    assert "该印制件已作废" in json.loads(out)["reason"]


def test_expiring_permits_are_listed_soonest_first_and_reminded(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path, certificate: tuple[str, str]
) -> None:
    number, _ = certificate
    # The test day is 2025-09-26: 清真 ends 2028-03-31, hygiene 2029-06-30, food 2030-09-30.
    code, out, _ = run_cli(
        capsys, "--database", cli_db, "certificates", "expiring", "--within-days", "1400", "--json"
    )
    rows = json.loads(out)
    assert [(r["permit"], r["days_left"]) for r in rows] == [
        ("halal", 917),
        ("public_hygiene", 1373),
    ]
    code, out, _ = run_cli(
        capsys, "--database", cli_db, "certificates", "expiring", "--within-days", "90", "--json"
    )
    assert json.loads(out) == []
    code, _, err = run_cli(
        capsys, "--database", cli_db, "certificates", "expiring", "--within-days", "0"
    )
    assert code == 2
    assert "天数应为1至" in err
    pdf = tmp_path / "remind.pdf"
    code, out, err = run_cli(
        capsys,
        "--database",
        cli_db,
        "certificates",
        "remind",
        number,
        "--within-days",
        "1400",
        "--out",
        str(pdf),
        "--user",
        "clerk",
    )
    assert code == 0, err
    text = text_of(pdf.read_bytes(), tmp_path)
    assert "延续提醒告知书" in text
    assert "清真食品准营证" in text
    code, _, err = run_cli(
        capsys,
        "--database",
        cli_db,
        "certificates",
        "remind",
        number,
        "--out",
        str(pdf),
        "--user",
        "clerk",
    )
    assert code == 2
    assert "没有90天内到期的许可" in err
