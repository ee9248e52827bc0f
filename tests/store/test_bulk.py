"""Rows written in bulk are stored exactly as the ORM stores them, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import ClockPause, InboxEvent, Item, bulk
from desktop_app.services import intake
from tests import factories
from tests.store.conftest import actor

AT = dt.datetime(2025, 10, 8, 9, 30, 15, 123456)
PAYLOAD = {
    "state": "approved",
    "permit_no": "食经-0001",
    "valid_from": "2025-10-08",
    "n": [1, None],
}


def inbox_row(event_id: str) -> dict[str, object]:
    return {
        "event_id": event_id,
        "outbox_id": None,
        "seq": 2**40,  # a BIGINT
        "state": "approved",
        "payload": PAYLOAD,
        "received_at": AT,
        "outcome": "applied",
        "note": None,
    }


def test_inserted_rows_are_stored_as_the_orm_stores_them(store: Store) -> None:
    with store.write() as session:
        session.add(InboxEvent(**inbox_row("by-orm")))
        session.flush()
        bulk.insert_rows(session, InboxEvent, [inbox_row("by-bulk-1"), inbox_row("by-bulk-2")])
    with store.read() as session:
        # As stored: SQLite keeps timestamps and JSON as text, in SQLAlchemy's own format.
        stored = session.execute(
            text(
                "SELECT event_id, seq, CAST(received_at AS TEXT), CAST(payload AS TEXT), note"
                " FROM sync_inbox ORDER BY event_id"
            )
        ).all()
        loaded = session.scalars(select(InboxEvent).order_by(InboxEvent.event_id)).all()
    assert [row[0] for row in stored] == ["by-bulk-1", "by-bulk-2", "by-orm"]
    assert stored[0][1:] == stored[2][1:]
    assert stored[1][1:] == stored[2][1:]
    for event in loaded:
        assert (event.seq, event.received_at, event.payload) == (2**40, AT, PAYLOAD)
        assert event.note is None


def accepted_items(store: Store, catalog: Catalog) -> list[Item]:
    clerk = actor(store, "clerk")
    with store.write() as session:
        receipt = intake.accept(session, clerk, catalog, factories.submission(catalog), AT.date())
        query = select(Item).where(Item.application_id == receipt.application_id).order_by(Item.id)
        return list(session.scalars(query))


def test_updates_change_only_the_named_rows_and_columns(store: Store, catalog: Catalog) -> None:
    items = accepted_items(store, catalog)
    assert len(items) >= 2
    first, second = items[0], items[1]
    due = dt.date(2025, 11, 3)
    with store.write() as session:
        bulk.update_rows(
            session,
            Item,
            [{"id": first.id, "state": "in_review", "promised_due": due, "reason": None}],
            bump_version=True,
        )
    with store.read() as session:
        changed = session.get_one(Item, first.id)
        untouched = session.get_one(Item, second.id)
        assert (changed.state, changed.promised_due) == ("in_review", due)
        assert changed.version_id == first.version_id + 1
        assert changed.statutory_due == first.statutory_due  # not named: kept
        assert (untouched.state, untouched.version_id) == (second.state, second.version_id)
        assert untouched.promised_due == second.promised_due


def test_dates_round_trip_and_an_empty_batch_writes_nothing(store: Store, catalog: Catalog) -> None:
    item = accepted_items(store, catalog)[0]
    pause = {"item_id": item.id, "started_on": dt.date(2025, 10, 1), "reason": "补正"}
    with store.write() as session:
        bulk.insert_rows(session, ClockPause, [{**pause, "ended_on": None}])
        bulk.insert_rows(session, ClockPause, [])
        bulk.update_rows(session, ClockPause, [])
    with store.read() as session:
        stored = session.scalars(select(ClockPause)).all()
    assert [(p.item_id, p.started_on, p.reason, p.ended_on) for p in stored] == [
        (item.id, dt.date(2025, 10, 1), "补正", None)
    ]


def test_rows_must_name_every_column_the_statement_needs(store: Store) -> None:
    without_default = inbox_row("x")
    del without_default["received_at"]  # has a Python-side default: not guessed in bulk
    uneven = [inbox_row("a"), {**inbox_row("b"), "note": "extra"}]
    del uneven[1]["outcome"]
    with store.write() as session:
        with pytest.raises(ValueError, match="received_at"):
            bulk.insert_rows(session, InboxEvent, [without_default])
        with pytest.raises(ValueError, match="same columns"):
            bulk.insert_rows(session, InboxEvent, uneven)
        with pytest.raises(ValueError, match="id"):
            bulk.update_rows(session, Item, [{"state": "approved"}])
    with store.read() as session:
        assert session.scalars(select(InboxEvent)).all() == []


def test_text_with_tabs_newlines_and_backslashes_survives(store: Store) -> None:
    """PostgreSQL receives bulk rows through COPY, whose text format escapes these."""
    tricky = "a\tb\nc\\N\\\\ \r 𠀀 \\.\n"
    with store.write() as session:
        bulk.insert_rows(session, InboxEvent, [{**inbox_row("tricky"), "note": tricky}])
        bulk.insert_rows(
            session, InboxEvent, [{**inbox_row("json"), "payload": {"reason": tricky}}]
        )
    with store.read() as session:
        notes = dict(session.execute(select(InboxEvent.event_id, InboxEvent.note)).all())
        payload = session.scalar(select(InboxEvent.payload).where(InboxEvent.event_id == "json"))
    assert notes["tricky"] == tricky
    assert payload == {"reason": tricky}


def test_a_duplicate_key_is_an_integrity_error_on_every_backend(store: Store) -> None:
    """A counter that loses a race for the same event catches IntegrityError, whatever wrote it."""
    with store.write() as session:
        bulk.insert_rows(session, InboxEvent, [inbox_row("once")])
    with pytest.raises(IntegrityError), store.write() as session:
        bulk.insert_rows(session, InboxEvent, [inbox_row("twice"), inbox_row("once")])
    with store.read() as session:
        assert session.scalars(select(InboxEvent.event_id)).all() == ["once"]
