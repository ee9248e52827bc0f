"""容缺: the late material arrives, then the department may approve; or the case is ended."""

import datetime as dt

import pytest

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.services import cases, deferred, documents, intake, workflow
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from tests import factories
from tests.store.conftest import actor
from tests.store.test_workflow import accept, approve, view


def deferred_case(store: Store, catalog: Catalog) -> str:
    sub = factories.submission(catalog)
    materials = {**sub.materials, "drug_quality_rules": "deferred:2025-10-20"}
    return accept(store, catalog, intake.Submission(sub.industry, sub.answers, sub.form, materials))


def test_a_deferred_material_blocks_approval_until_it_is_received(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    number = deferred_case(store, catalog)
    reviewer = actor(store, "r_market")
    with store.write() as session:
        workflow.take_up(session, reviewer, number, "drug_retail")
    with pytest.raises(WorkflowError, match="容缺材料尚未补齐"), store.write() as session:
        workflow.approve(session, reviewer, number, "drug_retail", "X", dt.date(2025, 10, 1), None)
    approve(store, number, "food_registration")  # its own materials are complete
    with store.read() as session:
        (row,) = deferred.outstanding(session, catalog)
        assert (row.number, row.key, row.due_on, row.overdue) == (
            number,
            "drug_quality_rules",
            dt.date(2025, 10, 20),
            False,
        )
        assert row.name == "药品质量管理制度文件"
        assert deferred.outstanding(session, catalog, overdue_only=True) == []
        late = deferred.outstanding(
            session, catalog, overdue_only=True, today=dt.date(2025, 10, 21)
        )
        assert [r.number for r in late] == [number]
    clock.move_to(dt.date(2025, 10, 9))
    with store.write() as session:
        deferred.receive(session, actor(store, "clerk"), number, "drug_quality_rules", "scan")
    with store.read() as session:
        assert deferred.outstanding(session, catalog) == []
        (received,) = deferred.of_case(session, catalog, number)
        shown = cases.department_view(session, catalog, number, "market")
    assert (received.how, received.received_at) == ("scan", clock.at)
    assert {m.key: m.how for m in shown.materials}["drug_quality_rules"] == "scan"
    approve(store, number, "drug_retail")
    assert view(store, number).state == "ready_to_issue"


def test_receiving_refuses_what_cannot_be_received(store: Store, catalog: Catalog) -> None:
    number = deferred_case(store, catalog)
    clerk = actor(store, "clerk")
    with pytest.raises(NotFoundError, match="不存在"), store.write() as session:
        deferred.receive(session, clerk, "SL-NOPE", "drug_quality_rules")
    with pytest.raises(NotFoundError, match="没有材料“no_such”"), store.write() as session:
        deferred.receive(session, clerk, number, "no_such")
    paper = next(k for k, v in factories.submission(catalog).materials.items() if v == "paper")
    with pytest.raises(WorkflowError, match="不是容缺材料"), store.write() as session:
        deferred.receive(session, clerk, number, paper)
    with pytest.raises(WorkflowError, match="收取方式“fax”无效"), store.write() as session:
        deferred.receive(session, clerk, number, "drug_quality_rules", "fax")
    with pytest.raises(PermissionDeniedError), store.write() as session:
        deferred.receive(session, actor(store, "r_market"), number, "drug_quality_rules")
    with store.write() as session:
        deferred.receive(session, clerk, number, "drug_quality_rules")
    twice = r"已于 2025-09-26 09:30 登记收到"
    with pytest.raises(WorkflowError, match=twice), store.write() as session:
        deferred.receive(session, clerk, number, "drug_quality_rules")


def test_a_supervisor_ends_an_overdue_case_with_its_notice(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    number = deferred_case(store, catalog)
    clock.move_to(dt.date(2025, 10, 27))
    with pytest.raises(PermissionDeniedError), store.write() as session:
        deferred.terminate(session, actor(store, "clerk"), catalog, number, "材料逾期")
    with pytest.raises(WorkflowError, match="理由"), store.write() as session:
        deferred.terminate(session, actor(store, "boss"), catalog, number, "  ")
    with store.write() as session:
        notice = deferred.terminate(
            session, actor(store, "boss"), catalog, number, "容缺材料逾期未补交"
        )
    assert view(store, number).state == "terminated"
    with store.read() as session:
        document = documents.find(session, number, "termination")
        assert deferred.outstanding(session, catalog) == []  # a closed case owes nothing
    assert document.number == notice
    assert document.content["overdue"] == [["药品质量管理制度文件", "2025-10-20"]]
    assert document.content["reason"] == "容缺材料逾期未补交"
    with pytest.raises(WorkflowError, match="已办结（终止办理）"), store.write() as session:
        deferred.receive(session, actor(store, "clerk"), number, "drug_quality_rules")
