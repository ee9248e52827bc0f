"""监管执法反馈: a 双随机 finding orders rectification or revokes a permit, and 证照, 统计, the
credit class and the next revision of the certificate follow."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.domain.cose import PrivateKey
from desktop_app.domain.states import ApplicationKind
from desktop_app.printing.documents import render
from desktop_app.services import (
    credit,
    documents,
    enforcement,
    issuance,
    lifecycle,
    reporting,
    supervision,
)
from desktop_app.services.errors import PermissionDeniedError, WorkflowError
from tests.lifecycle_steps import accept, approve_items, issue_supermarket
from tests.store.conftest import actor, run_cli

SEED = "2025-10-10 同心县市场监管局双随机抽查公告〔2025〕5号"
FINDINGS = "清真食品与非清真食品混放"
DUE = dt.date(2025, 11, 30)
BASIS = "《宁夏回族自治区清真食品管理条例》第二十九条"


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def found_a_problem(store: Store, catalog: Catalog, key: PrivateKey) -> tuple[str, int, str]:
    """A 超市 certificate changed once since issue (its area: 清真 is not part of the change),
    drawn and found with a problem: (certificate number, draw id, credit code)."""
    first = issue_supermarket(store, catalog, key)
    change = lifecycle.Request(ApplicationKind.CHANGE, first.number, {"area_m2": 350})
    receipt = accept(store, catalog, change)
    approve_items(store, receipt.number)
    with store.write() as session:
        second = issuance.issue(
            session, actor(store, "clerk"), catalog, receipt.number, key, dt.date(2025, 9, 26)
        )
        assert "halal" not in {i.permit for i in receipt.items}
        assert second.revision == 2
        boss = actor(store, "boss")
        drawn = supervision.draw(
            session, boss, catalog, ["market"], [], dict.fromkeys("ABCD", 1.0), SEED
        )
        code = first.holder_uscc
        supervision.record(session, boss, drawn.id, code, "problem", FINDINGS)
    return first.number, drawn.id, code


def order(store: Store, who: str, draw_id: int, code: str, kind: str, **kw: object) -> object:
    with store.write() as session:
        return enforcement.order(
            session,
            actor(store, who),
            draw_id,
            code,
            kind,
            "halal",
            "",
            **kw,  # type: ignore[arg-type]
        )


def flags(store: Store, catalog: Catalog, number: str) -> issuance.CertificateRow:
    with store.read() as session:
        return next(r for r in issuance.list_certificates(session, "valid") if r.number == number)


def test_an_order_to_rectify_shows_in_the_certificates_and_the_figures_until_done(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    number, draw_id, code = found_a_problem(store, catalog, key)
    with pytest.raises(WorkflowError, match="晚于今天"):
        order(store, "r_united_front", draw_id, code, "rectify", due_on=dt.date(2025, 9, 1))
    with pytest.raises(PermissionDeniedError, match="主管部门"):
        order(store, "r_market", draw_id, code, "rectify", due_on=DUE)
    shown = order(store, "r_united_front", draw_id, code, "rectify", due_on=DUE)
    assert isinstance(shown, enforcement.MeasureView)
    assert shown.findings == FINDINGS  # as the inspector recorded it
    assert flags(store, catalog, number).orders == (("清真食品准营证", DUE),)
    with store.read() as session:
        assert (
            reporting.dashboard(
                session, actor(store, "boss"), catalog, dt.date(2025, 10, 20)
            ).rectifying
            == 1
        )
    with store.write() as session:
        enforcement.close(session, actor(store, "r_united_front"), shown.id, "复查已分区存放")
    assert flags(store, catalog, number).orders == ()
    with store.read() as session:
        assert (
            reporting.dashboard(
                session, actor(store, "boss"), catalog, dt.date(2025, 10, 20)
            ).rectifying
            == 0
        )
    with pytest.raises(WorkflowError, match="已办结"), store.write() as session:
        enforcement.close(session, actor(store, "boss"), shown.id, "再次")


def test_a_revocation_reaches_the_valid_revision_the_figures_credit_and_the_next_change(
    store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    number, draw_id, code = found_a_problem(store, catalog, key)
    with pytest.raises(WorkflowError, match="撤销依据"):
        order(store, "boss", draw_id, code, "revoke")
    shown = order(store, "boss", draw_id, code, "revoke", basis=BASIS)
    assert isinstance(shown, enforcement.MeasureView)
    assert shown.document is not None
    # Revision 2 came from a change without 清真: the revocation still flags it.
    assert flags(store, catalog, number).revoked_permits == ("清真食品准营证",)
    with store.read() as session:
        assert issuance.count_with_revoked_permits(session) == 1
        assert credit.classes_of(session, [code])[code] == "D"
        document = documents.by_number(session, shown.document)
    out = tmp_path / "revocation.pdf"
    out.write_bytes(render(document.kind, document.number, document.content))
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")
    assert "撤销行政许可决定书" in text
    assert "监督检查发现" in text
    assert BASIS in text
    with pytest.raises(WorkflowError, match="已不是有效许可"):
        order(store, "boss", draw_id, code, "revoke", basis=BASIS)
    # The next revision leaves the revoked permit out, and the flag goes with it.
    with store.read() as session:
        held = lifecycle.held(session, catalog, number)
    assert "清真食品准营证" in " ".join(held.revoked)


def test_only_a_found_problem_on_a_listed_permit_is_ordered(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    _, draw_id, code = found_a_problem(store, catalog, key)
    with pytest.raises(WorkflowError, match="无效"):
        order(store, "boss", draw_id, code, "fine")
    with store.write() as session:
        supervision.record(session, actor(store, "boss"), draw_id, code, "ok")
    with pytest.raises(WorkflowError, match="发现问题"):
        order(store, "boss", draw_id, code, "rectify", due_on=DUE)
    with store.write() as session:
        supervision.record(session, actor(store, "boss"), draw_id, code, "problem", FINDINGS)
    with pytest.raises(WorkflowError, match="没有列明"), store.write() as session:
        enforcement.order(
            session, actor(store, "boss"), draw_id, code, "rectify", "drug_retail", "", DUE
        )


def test_measures_from_the_command_line(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, key: PrivateKey
) -> None:
    from desktop_app.bootstrap import open_store

    store = open_store(cli_db)
    _, draw_id, code = found_a_problem(store, catalog, key)
    store.dispose()
    base = ("--database", cli_db, "supervision")
    code_, _, err = run_cli(
        capsys, *base, "order", str(draw_id), code, "halal", "--rectify-by", "2025-13-01",
        "--user", "boss",
    )  # fmt: skip
    assert (code_, err.count("\n")) == (2, 1)
    assert "YYYY-MM-DD" in err
    code_, out, err = run_cli(
        capsys, *base, "order", str(draw_id), code, "halal", "--rectify-by", "2025-11-30",
        "--user", "r_united_front",
    )  # fmt: skip
    assert (code_, err) == (0, ""), err
    assert "责令整改（至 2025-11-30）" in out
    code_, out, _ = run_cli(capsys, *base, "measures", "--open", "--json")
    rows = json.loads(out)
    assert [(r["permit"], r["kind"], r["due_on"]) for r in rows] == [
        ("halal", "rectify", "2025-11-30")
    ]
    code_, out, err = run_cli(
        capsys, *base, "rectified", str(rows[0]["id"]), "--note", "已整改", "--user", "boss"
    )
    assert (code_, err) == (0, "")
    code_, out, _ = run_cli(capsys, *base, "measures", "--open", "--json")
    assert json.loads(out) == []
    code_, _, err = run_cli(
        capsys, *base, "order", str(draw_id), code, "halal", "--revoke", BASIS, "--user", "boss"
    )
    assert code_ == 0, err
