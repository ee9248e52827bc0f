"""网上申请 over loopback with the test platform: fetched once, pre-checked, answered once."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.models import OnlineApplication
from desktop_app.services import attachments, cases, online
from desktop_app.services.errors import SubmissionError, WorkflowError
from desktop_app.sync import exchange
from desktop_app.sync.client import PlatformError
from desktop_app.sync.online_exchange import fetch_files
from tests import factories, sample_scans
from tests.platform_server import TOKEN, PlatformServer
from tests.store.conftest import actor, cli_db, run_cli
from tests.store.test_platform_sync import client, platform

__all__ = ["cli_db", "platform"]  # fixtures
ANSWERS = {"area_m2": 25, "sells_drugs": True}


def submit(server: PlatformServer, catalog: Catalog, serial: int = 1, complete: bool = True) -> str:
    """An applicant's online application: every material uploaded (or one left out)."""
    bundle = resolve(catalog, "convenience_store", ANSWERS)
    keys = [m.key for m in bundle.materials if not m.government_issued]
    if not complete:
        keys = keys[1:]
    files = {
        key: [(f"{key}.pdf", sample_scans.pdf(f"{key} {serial}"), "application/pdf")]
        for key in keys
    }
    return server.submit_online(
        "convenience_store", ANSWERS, factories.full_form(bundle, serial), files
    )


def rounds(store: Store, server: PlatformServer, times: int = 1) -> exchange.RoundResult:
    result = exchange.RoundResult()
    for _ in range(times):
        result = exchange.run_once(store, client(server))
    return result


def waiting_id(store: Store, platform_id: str) -> int:
    with store.read() as session:
        found = session.scalar(
            select(OnlineApplication.id).where(OnlineApplication.platform_id == platform_id)
        )
    assert found is not None
    return found


def test_online_applications_are_fetched_once_and_a_bad_one_is_kept_aside(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    first = submit(platform, catalog, 1)
    bad = {"id": "W-BAD", "submitted_at": "2025-09-26T08:30:00+08:00", "channel": "fax"}
    platform.state.applications.append(bad)
    result = rounds(store, platform)
    assert (result.online_new, result.online_invalid) == (1, 1)
    second = submit(platform, catalog, 2)
    assert rounds(store, platform).online_new == 1  # from the cursor on: the first not again
    with store.write() as session:  # a page fetched again keeps each once
        assert online.store_fetched(session, platform.state.applications) == (0, 0)
    submit(platform, catalog, 3)
    twice = [platform.state.applications[-1]] * 2  # one page listing it twice
    with store.write() as session:
        assert online.store_fetched(session, twice) == (1, 0)
        session.rollback()  # the listing below is of the first two rounds only
    with store.read() as session:
        rows = online.listing(session)
    assert [(r.platform_id, r.state) for r in rows] == [
        (first, "waiting"),
        (second, "waiting"),
        ("W-BAD", "invalid"),
    ]
    assert rows[0].files == 10
    assert rows[0].enterprise_name == "测试主体名称"
    assert "channel" in (rows[2].note or "")


def test_accepting_one_makes_a_case_with_its_files_and_answers_once_across_faults(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    platform_id = submit(platform, catalog)
    rounds(store, platform)
    online_id = waiting_id(store, platform_id)
    clerk = actor(store, "clerk")
    with pytest.raises(WorkflowError, match="尚未从平台取得"), store.write() as session:
        online.accept(session, clerk, catalog, online_id)
    platform.faults.corrupt_files = 1
    with pytest.raises(PlatformError, match="与哈希或大小不符"):
        fetch_files(store, client(platform), clerk, online_id)
    assert fetch_files(store, client(platform), clerk, online_id) == 10
    assert fetch_files(store, client(platform), clerk, online_id) == 0  # stored once
    with store.write() as session:
        receipt = online.accept(session, clerk, catalog, online_id)
    with pytest.raises(WorkflowError, match="已预审（已受理）"), store.write() as session:
        online.accept(session, clerk, catalog, online_id)
    with store.read() as session:
        view = cases.get_application(session, receipt.number)
        files = attachments.of_case(session, receipt.number)
    assert view.state == "in_review"  # dispatched, like a counter case
    assert {f.source for f in files} == {"platform"}
    assert len(files) == 10
    platform.faults.drop_decisions = 1  # recorded there, the answer lost on the way back
    assert rounds(store, platform).decisions_sent == 0
    assert platform_id in platform.state.decisions  # it got there; the counter cannot know
    with store.write() as session:  # due again now (the test does not wait out the backoff)
        row = session.get_one(OnlineApplication, online_id)
        assert (row.decision_state, row.decision_attempts) == ("pending", 1)
        row.decision_next_at = row.decided_at
    assert rounds(store, platform).decisions_sent == 1
    assert platform.state.decisions[platform_id]["decision"] == "accepted"
    assert platform.state.decisions[platform_id]["receipt_no"] == receipt.number
    keys = {key for pid, key, _ in platform.state.decision_posts if pid == platform_id}
    assert len(keys) == 1  # the retry carried the same key: one answer
    with store.read() as session:
        (listed,) = online.listing(session, "accepted")
    assert (listed.receipt_no, listed.decision_state) == (receipt.number, "sent")


def test_return_and_refuse_need_reasons_and_reach_the_platform_after_an_outage(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    back, no = submit(platform, catalog, 1, complete=False), submit(platform, catalog, 2)
    rounds(store, platform)
    clerk = actor(store, "clerk")
    back_id, no_id = waiting_id(store, back), waiting_id(store, no)
    fetch_files(store, client(platform), clerk, back_id)
    with pytest.raises(SubmissionError), store.write() as session:  # a material is missing
        online.accept(session, clerk, catalog, back_id)
    with pytest.raises(WorkflowError, match="写明理由"), store.write() as session:
        online.return_for_correction(session, clerk, back_id, [" "])
    with store.write() as session:
        online.return_for_correction(session, clerk, back_id, ["请上传营业执照", "请补全平面图"])
        online.refuse(session, clerk, no_id, "该场所不在本县辖区")
    platform.go_down()
    result = rounds(store, platform)
    assert (result.decisions_sent, result.unreachable) == (0, True)
    platform.come_back()
    with store.write() as session:
        for row in session.scalars(select(OnlineApplication)):
            row.decision_next_at = row.decided_at
    assert rounds(store, platform).decisions_sent == 2
    assert platform.state.decisions[back]["reasons"] == ["请上传营业执照", "请补全平面图"]
    assert platform.state.decisions[no] == {
        "idempotency_key": platform.state.decisions[no]["idempotency_key"],
        "decision": "refused",
        "reasons": ["该场所不在本县辖区"],
    }
    assert rounds(store, platform).decisions_sent == 0  # sent once


def test_the_online_commands(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    platform: PlatformServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("YIYE_PLATFORM_URL", platform.url)
    monkeypatch.setenv("YIYE_PLATFORM_TOKEN", TOKEN)
    first, second = submit(platform, catalog, 1), submit(platform, catalog, 2)
    assert run_cli(capsys, "--database", cli_db, "sync", "once")[0] == 0
    code, out, _ = run_cli(capsys, "--database", cli_db, "online", "list", "--json")
    listed: list[dict[str, Any]] = json.loads(out)
    assert [(r["platform_id"], r["state"]) for r in listed] == [
        (first, "waiting"),
        (second, "waiting"),
    ]
    one, two = listed[0]["id"], listed[1]["id"]
    code, out, err = run_cli(
        capsys, "--database", cli_db, "online", "accept", str(one), "--user", "clerk"
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"已受理网上申请 {one}：受理编号 SL")
    code, _, err = run_cli(
        capsys, "--database", cli_db, "online", "accept", str(one), "--user", "clerk"
    )
    assert (code, err) == (2, f"yiye：网上申请 {one} 已预审（已受理），不能再次办理\n")
    refuse = ("online", "refuse", str(two), "--reason", "不在本县辖区", "--user", "clerk")
    assert run_cli(capsys, "--database", cli_db, *refuse)[0] == 0
    assert (
        run_cli(
            capsys,
            "--database",
            cli_db,
            "online",
            "refuse",
            "999",
            "--reason",
            "x",
            "--user",
            "clerk",
        )[2]
        == "yiye：网上申请 999 不存在\n"
    )
    assert run_cli(capsys, "--database", cli_db, "sync", "once")[0] == 0
    assert {pid: d["decision"] for pid, d in platform.state.decisions.items()} == {
        first: "accepted",
        second: "refused",
    }
