"""告知承诺: the check after approval, listed for the department, passed or failed."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.models import Item
from desktop_app.services import commitments, documents, intake
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from tests import factories
from tests.store.conftest import actor
from tests.store.test_workflow import TODAY, accept, approve, states, view


def committed_hotel(store: Store, catalog: Catalog, serial: int = 1) -> str:
    sub = factories.submission(catalog, "hotel", {}, serial=serial)
    sub = intake.Submission(
        sub.industry, sub.answers, sub.form, sub.materials, commitments=("public_hygiene",)
    )
    number = accept(store, catalog, sub)
    approve(store, number, "public_hygiene", "health")
    return number


def test_checks_are_listed_for_their_department_and_the_supervisors(
    store: Store, catalog: Catalog
) -> None:
    number = committed_hotel(store, catalog)
    with store.read() as session:
        (check,) = commitments.checks(session, actor(store, "r_health"))
        assert commitments.checks(session, actor(store, "r_police")) == []
        assert len(commitments.checks(session, actor(store, "boss"))) == 1
        assert commitments.checks(session, actor(store, "boss"), due_before=TODAY) == []
        with pytest.raises(PermissionDeniedError):
            commitments.checks(session, actor(store, "clerk"))
        later = commitments.checks(session, actor(store, "boss"), today=TODAY + dt.timedelta(61))
    assert (check.number, check.permit, check.due_on) == (
        number,
        "public_hygiene",
        TODAY + dt.timedelta(days=60),
    )
    assert not check.overdue
    assert later[0].overdue


def test_a_passed_check_closes_it_and_a_failed_one_revokes_with_a_decision(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    kept = committed_hotel(store, catalog, serial=1)
    broken = committed_hotel(store, catalog, serial=2)
    clock.move_to(dt.date(2025, 11, 10))
    with store.write() as session:
        assert (
            commitments.verify(session, actor(store, "r_health"), kept, "public_hygiene", True, "")
            is None
        )
    with pytest.raises(WorkflowError, match="核查不通过须写明理由"), store.write() as session:
        commitments.verify(session, actor(store, "r_health"), broken, "public_hygiene", False, "")
    with store.write() as session:
        revocation = commitments.verify(
            session, actor(store, "r_health"), broken, "public_hygiene", False, "现场无消毒设施"
        )
    assert revocation is not None
    assert states(store, kept)["public_hygiene"] == "approved"
    assert states(store, broken)["public_hygiene"] == "revoked"
    assert view(store, broken).state == "refused"
    with store.read() as session:
        decision = documents.find(session, broken, "revocation")
        closed = commitments.checks(session, actor(store, "boss"), include_closed=True)
        permit_no = session.scalar(select(Item.permit_no).where(Item.permit == "public_hygiene"))
    assert decision.number == revocation
    assert decision.content["findings"] == "现场无消毒设施"
    assert decision.content["permit_no"] == permit_no
    assert {c.number: c.state for c in closed} == {kept: "passed", broken: "failed"}


def test_verifying_refuses_the_wrong_department_case_permit_and_a_second_time(
    store: Store, catalog: Catalog
) -> None:
    number = committed_hotel(store, catalog)
    health = actor(store, "r_health")
    with pytest.raises(PermissionDeniedError, match="审批部门"), store.write() as session:
        commitments.verify(session, actor(store, "r_police"), number, "public_hygiene", True)
    with pytest.raises(PermissionDeniedError), store.write() as session:
        commitments.verify(session, actor(store, "clerk"), number, "public_hygiene", True)
    with pytest.raises(NotFoundError, match="不存在"), store.write() as session:
        commitments.verify(session, health, "SL-NOPE", "public_hygiene", True)
    with pytest.raises(NotFoundError, match="不含许可证"), store.write() as session:
        commitments.verify(session, health, number, "radiology", True)
    approve(store, number, "special_trade", "police")
    with pytest.raises(WorkflowError, match="不是以告知承诺方式准予"), store.write() as session:
        commitments.verify(session, actor(store, "r_police"), number, "special_trade", True)
    with store.write() as session:
        commitments.verify(session, health, number, "public_hygiene", True)
    with pytest.raises(WorkflowError, match="已核查（通过）"), store.write() as session:
        commitments.verify(session, health, number, "public_hygiene", False, "补查")
