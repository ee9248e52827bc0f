import datetime as dt

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import cases, intake, workflow
from tests import factories
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)


def accept(store: Store, catalog: Catalog, serial: int, name: str, dispatch: bool = True) -> str:
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(
            session,
            clerk,
            catalog,
            factories.submission(catalog, serial=serial, enterprise_name=name),
            TODAY,
        ).number
        if dispatch:
            workflow.dispatch(session, clerk, number)
    return number


def test_search_by_number_name_and_credit_code(store: Store, catalog: Catalog) -> None:
    first = accept(store, catalog, 1, "马氏便利店")
    second = accept(store, catalog, 2, "100%_纯净便利店")
    with store.read() as session:
        assert [r.number for r in cases.search_applications(session, "马氏")] == [first]
        assert [r.number for r in cases.search_applications(session, second[-6:])] == [second]
        assert [r.number for r in cases.search_applications(session, factories.credit_code(2))] == [
            second
        ]
        assert [r.number for r in cases.search_applications(session, "%_")] == [second]  # literal
        assert len(cases.search_applications(session, "")) == 2
        assert cases.search_applications(session, state="accepted") == []
        assert len(cases.search_applications(session, industry="convenience_store")) == 2


def test_overdue_filter_uses_the_promised_dates(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, 1, "甲")
    with store.read() as session:
        assert cases.search_applications(session, overdue_only=True, today=TODAY) == []
        late = cases.search_applications(session, overdue_only=True, today=dt.date(2025, 12, 1))
    assert [r.number for r in late] == [number]
    assert late[0].overdue


def test_history_names_who_did_what(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, 1, "甲")
    with store.write() as session:
        workflow.take_up(session, actor(store, "r_market"), number, "drug_retail")
    with store.read() as session:
        rows = cases.history(session, number)
    assert [(r.permit, r.from_state, r.to_state) for r in rows][-1] == (
        "drug_retail",
        "pending",
        "in_review",
    )
    assert rows[-1].actor == "r_market"


def test_review_queue_is_per_department_and_open_items_only(store: Store, catalog: Catalog) -> None:
    waiting = accept(store, catalog, 1, "甲", dispatch=False)
    number = accept(store, catalog, 2, "乙")
    with store.read() as session:
        queue = cases.review_queue(session, "market")
        assert [(q.number, q.permit) for q in queue] == [
            (number, "food_registration"),
            (number, "drug_retail"),
        ]
        assert cases.review_queue(session, "health") == []
    assert waiting not in {q.number for q in queue}
    with store.write() as session:
        reviewer = actor(store, "r_market")
        workflow.take_up(session, reviewer, number, "drug_retail")
        workflow.reject(session, reviewer, number, "drug_retail", "无执业药师")
    with store.read() as session:
        assert [q.permit for q in cases.review_queue(session, "market")] == ["food_registration"]


def test_working_days_left_counts_the_calendar(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, 1, "甲")
    with store.read() as session:
        view = cases.get_application(session, number)
        left = cases.working_days_left(session, view, TODAY)
        late = cases.working_days_left(session, view, dt.date(2025, 11, 3))
    # drug_retail promised in 10 working days from 2025-09-26 (National Day week off).
    assert left == {"food_registration": 1, "drug_retail": 10}
    assert late["drug_retail"] < 0


def test_showing_a_whole_id_number_needs_the_right_and_a_reason_and_is_audited(
    store: Store, catalog: Catalog
) -> None:
    import pytest
    from sqlalchemy import select

    from desktop_app.models import AuditEntry
    from desktop_app.services.errors import PermissionDeniedError, ServiceError

    number = accept(store, catalog, 1, "甲")
    with pytest.raises(PermissionDeniedError), store.write() as session:
        cases.reveal(session, actor(store, "clerk"), number, "legal_rep_id", "核对身份")
    with pytest.raises(ServiceError, match="理由"), store.write() as session:
        cases.reveal(session, actor(store, "boss"), number, "legal_rep_id", " ")
    with store.write() as session:
        whole = cases.reveal(
            session, actor(store, "boss"), number, "legal_rep_id", "申请人电话核实身份"
        )
    assert whole == factories.id_number(1)
    with store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "unmask")).one()
    assert entry.actor == "boss"
    assert "申请人电话核实身份" in entry.details


def test_a_closed_application_has_no_deadline(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog, 1, "甲")
    with store.write() as session:
        reviewer = actor(store, "r_market")
        workflow.take_up(session, reviewer, number, "food_registration")
        workflow.reject(session, reviewer, number, "food_registration", "场所不符合要求")
    with store.read() as session:
        rows = cases.search_applications(session, today=dt.date(2025, 12, 1))
        late = cases.search_applications(session, overdue_only=True, today=dt.date(2025, 12, 1))
    assert rows[0].state == "refused"
    assert (rows[0].next_due, rows[0].overdue) == (None, False)
    assert late == []
