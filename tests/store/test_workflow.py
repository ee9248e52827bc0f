import datetime as dt
import threading
import time

import pytest
from sqlalchemy import select, text

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import StateChange
from desktop_app.services import cases, intake, workflow
from desktop_app.services.errors import (
    ConflictError,
    PermissionDeniedError,
    WorkflowError,
)
from tests import factories, site_checks
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)


def accept(
    store: Store, catalog: Catalog, sub: intake.Submission | None = None, dispatch: bool = True
) -> str:
    clerk = actor(store, "clerk")
    with store.write() as session:
        receipt = intake.accept(
            session, clerk, catalog, sub or factories.submission(catalog), TODAY
        )
        if dispatch:
            workflow.dispatch(session, clerk, receipt.number)
    return receipt.number


def view(store: Store, number: str) -> cases.ApplicationView:
    with store.read() as session:
        return cases.get_application(session, number)


def states(store: Store, number: str) -> dict[str, str]:
    return {i.permit: i.state for i in view(store, number).items}


def approve(store: Store, number: str, permit: str, department: str = "market") -> None:
    reviewer = actor(store, f"r_{department}")
    with store.write() as session:
        if states(store, number)[permit] == "pending":
            workflow.take_up(session, reviewer, number, permit)
        site_checks.pass_in(session, number)
        workflow.approve(
            session,
            reviewer,
            number,
            permit,
            f"{permit.upper()}-001",
            dt.date(2025, 10, 1),
            dt.date(2030, 9, 30),
        )


def test_dispatch_sends_every_item_at_once(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, dispatch=False)
    assert view(store, number).state == "accepted"
    with store.write() as session:
        workflow.dispatch(session, actor(store, "clerk"), number)
    assert view(store, number).state == "in_review"
    with pytest.raises(WorkflowError, match="没有待分送"), store.write() as session:
        workflow.dispatch(session, actor(store, "clerk"), number)


def test_all_approved_makes_it_ready_to_issue(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    approve(store, number, "food_registration")
    assert view(store, number).state == "in_review"
    approve(store, number, "drug_retail")
    detail = view(store, number)
    assert detail.state == "ready_to_issue"
    assert all(i.permit_no and i.valid_to == dt.date(2030, 9, 30) for i in detail.items)


def test_clerk_cannot_approve_even_through_the_service(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    with pytest.raises(PermissionDeniedError), store.write() as session:
        workflow.take_up(session, actor(store, "clerk"), number, "drug_retail")
    with pytest.raises(PermissionDeniedError), store.write() as session:
        workflow.approve(
            session, actor(store, "boss"), number, "drug_retail", "X", dt.date(2025, 10, 1), None
        )


def test_reviewer_of_another_department_cannot_decide(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    with pytest.raises(PermissionDeniedError, match="审批部门"), store.write() as session:
        workflow.take_up(session, actor(store, "r_health"), number, "drug_retail")


def test_approval_needs_take_up_first(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    with pytest.raises(WorkflowError, match="不能变为"), store.write() as session:
        workflow.approve(
            session,
            actor(store, "r_market"),
            number,
            "food_registration",
            "X",
            dt.date(2025, 10, 1),
            None,
        )


def test_correction_pauses_the_clock_and_moves_the_deadline(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    reviewer = actor(store, "r_market")
    before = {i.permit: i for i in view(store, number).items}["drug_retail"]
    with store.write() as session:
        workflow.take_up(session, reviewer, number, "drug_retail")
        workflow.request_correction(
            session,
            reviewer,
            number,
            "drug_retail",
            "冷藏设施容积未写明",
            today=dt.date(2025, 10, 9),
        )
    assert view(store, number).state == "awaiting_correction"
    # Paused Thursday 9 Oct to Tuesday 14 Oct: Fri 10, Sat 11 (调休 workday), Mon 13, Tue 14.
    with store.write() as session:
        workflow.corrections_received(
            session, actor(store, "clerk"), number, "drug_retail", today=dt.date(2025, 10, 14)
        )
    after = {i.permit: i for i in view(store, number).items}["drug_retail"]
    assert after.state == "in_review"
    assert after.statutory_due == dt.date(2025, 11, 5)
    assert before.statutory_due == dt.date(2025, 10, 30)
    assert view(store, number).state == "in_review"


def test_rejected_mandatory_permit_ends_the_application(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    reviewer = actor(store, "r_market")
    # 便利店 of 25 m² must hold the 登记证; 药品 is its own business choice (optional).
    with store.write() as session:
        workflow.take_up(session, reviewer, number, "food_registration")
        workflow.reject(session, reviewer, number, "food_registration", "经营场所不符合要求")
    assert view(store, number).state == "refused"
    with pytest.raises(WorkflowError, match="已办结"), store.write() as session:
        workflow.take_up(session, reviewer, number, "drug_retail")


def test_rejected_optional_permit_can_be_dropped(store: Store, catalog: Catalog) -> None:
    sub = factories.submission(catalog, "restaurant", {"halal": True})
    number = accept(store, catalog, sub)
    reviewer = actor(store, "r_united_front")
    with store.write() as session:
        workflow.take_up(session, reviewer, number, "halal")
        workflow.reject(session, reviewer, number, "halal", "原料采购渠道不符合要求")
    assert view(store, number).state == "partly_refused"
    with pytest.raises(WorkflowError, match="必备许可"), store.write() as session:
        workflow.drop_item(session, actor(store, "clerk"), number, "food_business")
    with store.write() as session:
        workflow.drop_item(session, actor(store, "clerk"), number, "halal")
    assert view(store, number).state == "in_review"
    approve(store, number, "food_business")
    assert view(store, number).state == "ready_to_issue"


def test_withdraw_needs_a_reason_and_ends_the_application(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    with pytest.raises(WorkflowError, match="理由"), store.write() as session:
        workflow.withdraw(session, actor(store, "clerk"), number, " ")
    with store.write() as session:
        workflow.withdraw(session, actor(store, "clerk"), number, "申请人不再经营")
    assert view(store, number).state == "withdrawn"


def test_every_state_change_is_recorded(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    approve(store, number, "drug_retail")
    with store.read() as session:
        changes = session.execute(select(StateChange.from_state, StateChange.to_state)).all()
    pairs = [(a, b) for a, b in changes]
    assert (None, "accepted") in pairs
    assert ("accepted", "in_review") in pairs
    assert ("pending", "in_review") in pairs
    assert ("in_review", "approved") in pairs


def test_stale_version_is_a_conflict_and_changes_nothing(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, dispatch=False)
    seen = view(store, number)  # both counters read version 1
    with store.write() as session:
        workflow.dispatch(session, actor(store, "clerk"), number, expected_version=seen.version)
    with pytest.raises(ConflictError), store.write() as session:
        workflow.withdraw(
            session, actor(store, "clerk2"), number, "重复申请", expected_version=seen.version
        )
    assert view(store, number).state == "in_review"


def _wait_for_lock_wait(store: Store) -> None:
    # Bounded poll of the server's own view: returns once a backend waits on a row lock.
    for _ in range(500):
        with store.read() as session:
            waiting = session.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            ).scalar_one()
        if waiting:
            return
        time.sleep(0.01)
    raise AssertionError("the second writer never waited for the first")


def test_concurrent_writers_conflict_on_postgresql(pg_store: Store, catalog: Catalog) -> None:
    # Two reviewers act on one application at the same moment. The second read the application
    # before the first committed; its write must fail as a conflict, not overwrite. (Only
    # PostgreSQL lets writers interleave; SQLite's BEGIN IMMEDIATE makes them queue.)
    store = pg_store
    number = accept(store, catalog)
    reviewer = actor(store, "r_market")
    outcome: dict[str, BaseException | None] = {}

    def second_reviewer() -> None:
        try:
            with store.write() as session:
                workflow.take_up(session, reviewer, number, "food_registration")
            outcome["error"] = None
        except BaseException as exc:  # handed to the main thread
            outcome["error"] = exc

    first = store.write()
    session = first.__enter__()
    workflow.take_up(session, reviewer, number, "drug_retail")  # holds the row lock
    thread = threading.Thread(target=second_reviewer)
    thread.start()
    _wait_for_lock_wait(store)
    first.__exit__(None, None, None)  # commit
    thread.join(timeout=30)
    assert isinstance(outcome["error"], ConflictError)
    assert states(store, number) == {"food_registration": "pending", "drug_retail": "in_review"}
