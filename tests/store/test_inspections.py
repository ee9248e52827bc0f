"""一同核查: a 宾馆 with catering — one inspection for three departments, one 整改意见书,
one 复查, then approval; and what scheduling and recording refuse."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import pytest

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import auth, cases, documents, inspections, intake, workflow
from desktop_app.services.errors import PermissionDeniedError, WorkflowError
from tests import factories
from tests.store.conftest import PASSWORD, actor, run_cli

DAY = dt.date(2025, 9, 26)
AT = dt.datetime(2025, 9, 29, 9, 30)  # China time, a working Monday
HOTEL = {"catering": True}
POLICE_FINDINGS = "客房未安装旅客信息登记系统"
MARKET_FINDINGS = "后厨缺少防蝇设施"
INSPECTORS = {"i_health": "health", "i_police": "police", "i_market": "market"}


def hotel_case(store: Store, catalog: Catalog) -> str:
    with store.write() as session:
        for name, department in INSPECTORS.items():
            auth.add_user(session, auth.SYSTEM, name, PASSWORD, "inspector", department)
        auth.add_user(session, auth.SYSTEM, "i_market2", PASSWORD, "inspector", "market")
    sub = factories.submission(catalog, "hotel", HOTEL)
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, sub, DAY).number
        workflow.dispatch(session, clerk, number)
    return number


def states(store: Store, number: str) -> dict[str, str]:
    with store.read() as session:
        return {i.permit: i.state for i in cases.get_application(session, number).items}


def status(store: Store, catalog: Catalog, number: str) -> dict[str, str]:
    with store.read() as session:
        found = inspections.status(session, catalog, number)
    return {i.permit: i.status for i in found.items}


def record(
    store: Store, catalog: Catalog, who: str, number: str, permit: str, outcome: str, text: str = ""
) -> inspections.RoundView:
    with store.write() as session:
        return inspections.record(
            session, actor(store, who), catalog, number, permit, outcome, text, DAY
        )


def test_one_inspection_one_rectification_one_recheck_then_approval(
    store: Store, catalog: Catalog
) -> None:
    number = hotel_case(store, catalog)
    assert set(status(store, catalog, number).values()) == {"待安排现场核查"}
    with store.write() as session:
        first = inspections.schedule(
            session, actor(store, "r_health"), catalog, number, AT, list(INSPECTORS)
        )
    assert (first.round, first.departments) == (1, ("health", "police", "market"))
    assert set(status(store, catalog, number).values()) == {"待现场核查（2025-09-29 09:30）"}
    record(store, catalog, "i_health", number, "public_hygiene", "pass")
    record(
        store, catalog, "i_police", number, "special_trade", "rectify", "客房未安装旅客信息登记系统"
    )
    done = record(
        store, catalog, "i_market", number, "food_business", "rectify", "后厨缺少防蝇设施"
    )
    assert done.state == "done"
    # Two departments asked for changes: their items wait for the applicant, the clock stops.
    assert states(store, number) == {
        "public_hygiene": "in_review",
        "special_trade": "correction_requested",
        "food_business": "correction_requested",
    }
    with store.read() as session:
        notices = [d for d in documents.for_case(session, number) if d.kind == "rectification"]
    assert len(notices) == 1  # one 整改意见书 for both departments
    with pytest.raises(WorkflowError, match="尚未报告整改完成"), store.write() as session:
        inspections.schedule(session, actor(store, "r_police"), catalog, number, AT, ["i_police"])
    with store.write() as session:
        inspections.report_rectified(session, actor(store, "clerk"), catalog, number, DAY)
    assert status(store, catalog, number)["special_trade"] == "整改已完成，待复查"
    reviewer = actor(store, "r_police")
    with pytest.raises(WorkflowError, match="须复查合格"), store.write() as session:
        workflow.approve(session, reviewer, number, "special_trade", "TX-1", DAY, None)
    with store.write() as session:  # the 复查 is for the two departments that asked only
        second = inspections.schedule(
            session,
            actor(store, "r_police"),
            catalog,
            number,
            AT + dt.timedelta(days=7),
            ["i_police", "i_market"],
        )
    assert (second.round, second.departments, second.title) == (
        2,
        ("police", "market"),
        "第1次复查",
    )
    record(store, catalog, "i_police", number, "special_trade", "pass")
    record(store, catalog, "i_market", number, "food_business", "pass")
    assert set(status(store, catalog, number).values()) == {"现场核查合格"}
    for permit, department in (
        ("public_hygiene", "health"),
        ("special_trade", "police"),
        ("food_business", "market"),
    ):
        with store.write() as session:
            workflow.approve(
                session, actor(store, f"r_{department}"), number, permit, f"{permit}-1", DAY, None
            )
    with store.read() as session:
        assert cases.get_application(session, number).state == "ready_to_issue"


def test_schedule_and_record_refuse_what_does_not_fit(store: Store, catalog: Catalog) -> None:
    number = hotel_case(store, catalog)
    with pytest.raises(WorkflowError, match="至少一名检查人员，缺少：market"), store.write() as s:
        inspections.schedule(
            s, actor(store, "r_health"), catalog, number, AT, ["i_health", "i_police"]
        )
    with pytest.raises(WorkflowError, match="不是执法检查人员"), store.write() as s:
        inspections.schedule(
            s, actor(store, "r_health"), catalog, number, AT, [*INSPECTORS, "clerk"]
        )
    with pytest.raises(WorkflowError, match="不能早于现在"), store.write() as s:
        inspections.schedule(
            s,
            actor(store, "r_health"),
            catalog,
            number,
            dt.datetime(2020, 1, 1, 9),
            list(INSPECTORS),
        )
    with pytest.raises(PermissionDeniedError), store.write() as s:
        inspections.schedule(s, actor(store, "clerk"), catalog, number, AT, list(INSPECTORS))
    with pytest.raises(WorkflowError, match="没有已安排"):
        record(store, catalog, "i_market", number, "food_business", "pass")
    with store.write() as s:
        inspections.schedule(
            s, actor(store, "boss"), catalog, number, AT, [*INSPECTORS, "i_market2"]
        )
    with pytest.raises(WorkflowError, match="已安排现场核查"), store.write() as s:
        inspections.schedule(s, actor(store, "boss"), catalog, number, AT, list(INSPECTORS))
    with pytest.raises(PermissionDeniedError, match="本部门"):
        record(store, catalog, "i_police", number, "food_business", "pass")
    with pytest.raises(WorkflowError, match="写明整改意见"):
        record(store, catalog, "i_market", number, "food_business", "rectify", "  ")
    with pytest.raises(WorkflowError, match="无效"):
        record(store, catalog, "i_market", number, "food_business", "maybe")
    record(store, catalog, "i_market", number, "food_business", "fail", "经营场所与申请不符")
    with pytest.raises(WorkflowError, match="不合格"), store.write() as s:
        workflow.approve(s, actor(store, "r_market"), number, "food_business", "X", DAY, None)


def test_documents_print_from_the_command_line(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    from desktop_app.bootstrap import open_store

    store = open_store(cli_db)
    number = hotel_case(store, catalog)
    store.dispose()
    base = ("--database", cli_db, "inspections")
    code, _, err = run_cli(
        capsys,
        *base,
        "schedule",
        number,
        "--at",
        "2025-09-29 9:30",
        "--inspectors",
        "i_health",
        "--user",
        "r_health",
    )
    assert (code, err.count("\n")) == (2, 1)
    assert "缺少：police、market" in err
    code, out, err = run_cli(
        capsys,
        *base,
        "schedule",
        number,
        "--at",
        "2025-13-01 09:30",
        "--inspectors",
        "x",
        "--user",
        "r_health",
    )
    assert code == 2
    assert "YYYY-MM-DD HH:MM" in err
    code, out, _ = run_cli(
        capsys,
        *base,
        "schedule",
        number,
        "--at",
        "2025-09-29 09:30",
        "--inspectors",
        ",".join(INSPECTORS),
        "--user",
        "r_health",
    )
    assert code == 0
    assert "已安排" in out
    for name, permit, flag in (
        ("i_health", "public_hygiene", ("--pass",)),
        ("i_police", "special_trade", ("--rectify", "客房未安装旅客信息登记系统")),
        ("i_market", "food_business", ("--rectify", "后厨缺少防蝇设施")),
    ):
        code, out, err = run_cli(capsys, *base, "record", number, permit, *flag, "--user", name)
        assert code == 0, err
    code, out, _ = run_cli(capsys, *base, "list", "--json")
    assert code == 0
    assert "需整改，待申请人整改" in out
    texts = {}
    for document in ("notice", "record", "rectification"):
        pdf = tmp_path / f"{document}.pdf"
        code, out, err = run_cli(capsys, *base, "print", number, document, "--out", str(pdf))
        assert code == 0, err
        texts[document] = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    assert "现场核查通知书" in texts["notice"]
    assert "2025-09-29 09:30" in texts["notice"]
    assert "现场核查记录表" in texts["record"]
    for department in ("县卫生健康局", "县公安局", "县市场监督管理局"):
        assert department in texts["record"]
    rectification = texts["rectification"]
    assert "现场核查整改意见书" in rectification
    assert POLICE_FINDINGS in rectification
    assert MARKET_FINDINGS in rectification


def test_a_recheck_checks_only_what_was_not_passed(store: Store, catalog: Catalog) -> None:
    """超市 with drugs: 市场监管 checks both its items; only the one with changes is rechecked."""
    hotel_case(store, catalog)  # for its inspectors; the 超市 is the case here
    sub = factories.submission(catalog, "supermarket", {"area_m2": 100, "sells_drugs": True})
    clerk = actor(store, "clerk")
    market = actor(store, "r_market")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, sub, DAY).number
        workflow.dispatch(session, clerk, number)
        inspections.schedule(session, market, catalog, number, AT, ["i_market"])
    record(store, catalog, "i_market", number, "food_business", "pass")
    record(store, catalog, "i_market", number, "drug_retail", "rectify", "无阴凉库温湿度监测")
    with store.write() as session:
        inspections.report_rectified(session, actor(store, "clerk"), catalog, number, DAY)
        later = AT + dt.timedelta(days=7)
        inspections.schedule(
            session, actor(store, "r_market"), catalog, number, later, ["i_market"]
        )
    assert status(store, catalog, number) == {
        "food_business": "现场核查合格",
        "drug_retail": "待第1次复查（2025-10-06 09:30）",
    }
    done = record(store, catalog, "i_market", number, "drug_retail", "pass")
    assert done.state == "done"
    assert set(status(store, catalog, number).values()) == {"现场核查合格"}


def test_an_item_waits_for_its_check_and_says_why(store: Store, catalog: Catalog) -> None:
    number = hotel_case(store, catalog)
    reviewer = actor(store, "r_police")

    def approve() -> None:
        with store.write() as session:
            workflow.approve(session, reviewer, number, "special_trade", "TX-1", DAY, None)

    with pytest.raises(WorkflowError, match="须先现场核查"):
        approve()
    with store.write() as session:
        inspections.schedule(session, reviewer, catalog, number, AT, list(INSPECTORS))
    with pytest.raises(WorkflowError, match=r"现场核查已安排（2025-09-29 09:30）"):
        approve()
    record(store, catalog, "i_police", number, "special_trade", "pass")
    approve()
    assert states(store, number)["special_trade"] == "approved"


def test_under_commitment_the_check_comes_after_the_decision(
    store: Store, catalog: Catalog
) -> None:
    """告知承诺: 公共场所卫生许可 is decided on the applicant's word and checked later."""
    sub = factories.submission(catalog, "hotel", HOTEL)
    sub = dataclasses.replace(sub, commitments=("public_hygiene",))
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, sub, DAY).number
        workflow.dispatch(session, clerk, number)
    assert set(status(store, catalog, number)) == {"special_trade", "food_business"}
    reviewer = actor(store, "r_health")
    with store.write() as session:
        workflow.take_up(session, reviewer, number, "public_hygiene")
        workflow.approve(session, reviewer, number, "public_hygiene", "WS-1", DAY, None)
    assert states(store, number)["public_hygiene"] == "approved"
