"""What the hash chain alone let through: a cut tail, a rewritten stretch, edited tables."""

import base64
import json
from pathlib import Path

import cbor2
import pytest
from sqlalchemy import select, text

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.domain.cose import PrivateKey, PublicKey, kid_for
from desktop_app.models import AuditEntry
from desktop_app.services import audit, audit_anchor, issuance, workflow
from desktop_app.services.audit_anchor import AnchorError
from tests.lifecycle_steps import change_and_issue
from tests.store.conftest import actor, run_cli
from tests.store.test_audit import _drop_guards
from tests.store.test_issuance import issue, ready_application


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def trusted(key: PrivateKey) -> dict[bytes, list[PublicKey]]:
    return {kid_for(key.public_key()): [key.public_key()]}


def findings(store: Store, anchor: audit_anchor.Anchor | None = None) -> list[str]:
    """What `yiye audit verify` reports, from the services it calls."""
    with store.read() as session:
        report = audit.verify_chain(session)
        found = [] if report.ok else [f"{report.first_bad_seq}：{report.reason}"]
        counter = audit_anchor.check_counter(session, report.entries)
        found += [counter] if counter and report.ok else []
        if anchor is not None:
            problem = audit_anchor.check_anchor(session, anchor)
            found += [problem] if problem else []
        return found + audit_anchor.check_records(session)


def anchored(store: Store, key: PrivateKey) -> audit_anchor.Anchor:
    with store.read() as session:
        data = audit_anchor.make_anchor(session, key)
    return audit_anchor.read_anchor(json.loads(json.dumps(data)), trusted(key))


def execute(store: Store, statement: str, **params: object) -> None:
    with store.write() as session:
        session.execute(text(statement), params)


def set_counter(store: Store, value: int) -> None:
    execute(store, "UPDATE number_counter SET last_value = :v WHERE name = 'audit'", v=value)


def last_seq(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0


def test_a_working_store_has_no_findings(store: Store, catalog: Catalog, key: PrivateKey) -> None:
    first = issue(store, catalog, ready_application(store, catalog, 6), key)
    view = change_and_issue(store, catalog, key, first.number, address="同心县豫海镇新址1号")
    assert view.revision == 2  # the first is superseded, as the chain says
    with store.write() as session:
        issuance.cancel(session, actor(store, "boss"), view.number, "企业申请注销")
    assert findings(store, anchored(store, key)) == []


def test_deleting_the_newest_entries_is_found_by_the_counter(store: Store) -> None:
    with store.write() as session:
        for n in range(3):
            audit.record(session, "clerk", "print", f"SL{n}", {})
    last = last_seq(store)
    _drop_guards(store)
    execute(store, "DELETE FROM audit_entry WHERE seq > :keep", keep=last - 2)
    assert findings(store) == [
        f"审计记录只到第 {last - 2} 条，计数器已分配到第 {last} 条：末尾的记录被删除"
    ]


def test_deleting_the_issue_entries_and_setting_the_counter_back_is_found(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    case = ready_application(store, catalog)
    before = last_seq(store)
    view = issue(store, catalog, case, key)
    assert last_seq(store) > before
    _drop_guards(store)
    execute(store, "DELETE FROM audit_entry WHERE seq > :keep", keep=before)
    set_counter(store, before)
    found = findings(store)
    assert f"证书 {view.number} 第 1 版的签发在审计记录中没有相符的条目" in found
    assert f"办件 {case} 的状态为 issued，审计记录中最后为 ready_to_issue" in found


def rewrite_from(store: Store, first: int) -> None:
    """What a careful forger does: edits entries and recomputes every hash after them."""
    _drop_guards(store)
    with store.write() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.seq >= first).order_by(AuditEntry.seq)
        ).all()
        previous = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == first - 1))
        for row in rows:
            row.actor = "mallory"
            content = audit.canonical(
                row.seq, row.at.isoformat(), row.actor, row.action, row.subject, row.details
            )
            row.prev_hash = previous or audit.GENESIS
            row.hash = audit._digest(row.prev_hash, content)
            previous = row.hash


def test_a_stretch_rewritten_with_fresh_hashes_is_found_by_the_anchor(
    store: Store, key: PrivateKey
) -> None:
    with store.write() as session:
        for n in range(5):
            audit.record(session, "clerk", "print", f"SL{n}", {})
    anchor = anchored(store, key)
    with store.write() as session:
        audit.record(session, "clerk", "print", "later", {})
    rewrite_from(store, anchor.seq - 3)
    assert findings(store) == []  # the chain, the counter and the tables agree: only the anchor
    assert findings(store, anchor) == [
        f"第 {anchor.seq} 条记录的哈希与锚点（{anchor.at}）所签不同：此前的记录被改写"
    ]


def test_an_anchored_entry_deleted_with_everything_after_it_is_found(
    store: Store, key: PrivateKey
) -> None:
    with store.write() as session:
        audit.record(session, "clerk", "print", "SL", {})
    anchor = anchored(store, key)
    _drop_guards(store)
    execute(store, "DELETE FROM audit_entry WHERE seq >= :seq", seq=anchor.seq)
    execute(
        store, "UPDATE number_counter SET last_value = :v WHERE name = 'audit'", v=anchor.seq - 1
    )
    assert findings(store, anchor) == [
        f"锚点（{anchor.at}）所签的第 {anchor.seq} 条记录已不存在：记录被删除"
    ]


def test_an_item_decision_edited_in_the_table_is_found(store: Store, catalog: Catalog) -> None:
    case = ready_application(store, catalog)
    execute(
        store,
        "UPDATE item SET state = 'rejected' WHERE permit = 'drug_retail' AND application_id = "
        "(SELECT id FROM application WHERE number = :n)",
        n=case,
    )
    assert findings(store) == [f"办件 {case} 的事项 drug_retail 的审批状态与审计记录不符"]


def test_an_application_edited_in_the_table_is_found(store: Store, catalog: Catalog) -> None:
    case = ready_application(store, catalog)
    execute(store, "UPDATE application SET state = 'refused' WHERE number = :n", n=case)
    execute(store, "UPDATE application SET industry = 'bakery' WHERE number = :n", n=case)
    assert findings(store) == [
        f"办件 {case} 的行业或事项与受理时的审计记录不符",
        f"办件 {case} 的状态为 refused，审计记录中最后为 ready_to_issue",
    ]


def test_a_cancelled_certificate_made_valid_again_is_found(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    with store.write() as session:
        issuance.cancel(session, actor(store, "boss"), view.number, "企业申请注销")
    execute(store, "UPDATE certificate SET state = 'valid' WHERE number = :n", n=view.number)
    assert findings(store) == [
        f"证书 {view.number} 第 1 版的状态为 valid，审计记录中应为 cancelled"
    ]


def test_decisions_by_the_platform_are_accounted_for(store: Store, catalog: Catalog) -> None:
    """A decision recorded as a platform event (one entry for a batch) is its audit entry."""
    case = ready_application(store, catalog)
    with store.write() as session:
        audit.record(
            session,
            "platform",
            "platform_event",
            case,
            {"state": "ready_to_issue", "items": {"food_registration": "approved"}},
        )
    assert findings(store) == [f"办件 {case} 的事项 drug_retail 的审批状态与审计记录不符"]


def test_an_anchor_signed_by_another_key_or_edited_is_refused(
    store: Store, key: PrivateKey
) -> None:
    with store.read() as session:
        data = audit_anchor.make_anchor(session, key)
    with pytest.raises(AnchorError, match="不受信任"):
        audit_anchor.read_anchor(data, trusted(keys.generate()))
    bad: object
    for bad in ({}, {"signature": "@@"}, [], {"signature": base64.b64encode(b"x").decode()}):
        with pytest.raises(AnchorError):
            audit_anchor.read_anchor(bad, trusted(key))
    # The readable fields are for people; what counts is the signed payload.
    edited = {**data, "seq": 1, "hash": "0" * 64}
    assert audit_anchor.read_anchor(edited, trusted(key)).seq == data["seq"]
    signed = cbor2.loads(base64.b64decode(data["signature"]))
    fields = list(signed.value)
    fields[2] = cbor2.dumps({**cbor2.loads(fields[2]), "seq": 1})
    signed = cbor2.CBORTag(signed.tag, fields)
    forged = {**data, "signature": base64.b64encode(cbor2.dumps(signed)).decode()}
    with pytest.raises(AnchorError, match="签名无效"):
        audit_anchor.read_anchor(forged, trusted(key))


def test_cli_anchor_then_verify_finds_a_rewrite(
    capsys: pytest.CaptureFixture[str], cli_db: str, isolated_data_dir: Path, tmp_path: Path
) -> None:
    anchor_file = tmp_path / "anchor.json"
    anchor_command = ("--database", cli_db, "audit", "anchor", "--out", str(anchor_file))
    code, _, err = run_cli(capsys, *anchor_command, "--user", "audit")
    assert code == 2
    assert "锚点须在签发电脑上用签发密钥签署" in err
    run_cli(capsys, "keys", "generate")
    code, _, err = run_cli(capsys, *anchor_command, "--user", "clerk")
    assert code == 2
    assert "审计人员" in err
    code, out, err = run_cli(capsys, *anchor_command, "--user", "audit")
    assert (code, err) == (0, "")
    seq = json.loads(anchor_file.read_text(encoding="utf-8"))["seq"]
    assert f"审计日志第 {seq} 条" in out
    verify = ("--database", cli_db, "audit", "verify")
    code, out, _ = run_cli(capsys, *verify, "--anchor", str(anchor_file))
    assert code == 0
    assert "与锚点" in out
    assert f"第 {seq} 条" in out
    store = open_store(cli_db)
    rewrite_from(store, 2)
    store.dispose()
    assert run_cli(capsys, *verify)[0] == 0  # without the anchor, nothing tells
    code, _, err = run_cli(capsys, *verify, "--anchor", str(anchor_file))
    assert code == 1
    assert f"第 {seq} 条记录的哈希与锚点" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "不是有效的 JSON"),
        ('{"signature": "AAAA"}', "锚点签名无法读取"),
        ("[" * 1000, "嵌套过深"),
    ],
)
def test_cli_a_broken_anchor_file_is_one_line(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    isolated_data_dir: Path,
    tmp_path: Path,
    content: str,
    message: str,
) -> None:
    path = tmp_path / "anchor.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run_cli(capsys, "--database", cli_db, "audit", "verify", "--anchor", str(path))
    assert (code, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
    code, _, err = run_cli(
        capsys, "--database", cli_db, "audit", "verify", "--anchor", str(tmp_path / "none")
    )
    assert code == 2
    assert "无法读取锚点文件" in err


def test_a_workflow_decision_keeps_the_records_in_step(store: Store, catalog: Catalog) -> None:
    case = ready_application(store, catalog)
    with store.write() as session:
        workflow.withdraw(session, actor(store, "clerk"), case, "申请人撤回")
    assert findings(store) == []


def test_every_kind_after_issue_leaves_no_finding(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    """变更 (with and without a department), 补证 and 注销: the chain's last word on each case and
    certificate matches the tables."""
    from desktop_app.domain.states import ApplicationKind
    from desktop_app.services import lifecycle
    from tests.lifecycle_steps import accept, approve_items, issue_supermarket

    first = issue_supermarket(store, catalog, key)
    accept(
        store,
        catalog,
        lifecycle.Request(ApplicationKind.CHANGE, first.number, {"contact_phone": "13995123456"}),
    )
    change_and_issue(store, catalog, key, first.number, address="同心县豫海镇新址1号")
    for request in (
        lifecycle.Request(ApplicationKind.REISSUE, first.number, reason="damaged"),
        lifecycle.Request(ApplicationKind.CANCELLATION, first.number),
    ):
        number = accept(store, catalog, request).number
        if request.kind != ApplicationKind.REISSUE:
            approve_items(store, number)
        issue(store, catalog, number, key)
    assert findings(store, anchored(store, key)) == []
