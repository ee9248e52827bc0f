import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop_app.db import Store
from desktop_app.models import AuditEntry
from desktop_app.services import audit


def test_chain_of_a_working_store_is_intact(store: Store) -> None:
    with store.write() as session:
        for n in range(5):
            audit.record(session, "clerk", "print", f"SL{n}", {"copies": n, "名称": "𠀀·店"})
    with store.read() as session:
        report = audit.verify_chain(session)
    assert report.ok
    assert report.entries >= 5 + 11  # plus the template's user additions


def test_database_refuses_update_and_delete(store: Store) -> None:
    with store.write() as session:
        audit.record(session, "clerk", "print", "SL1", {})
    for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), store.write() as session:
            session.execute(text(statement))


def _drop_guards(store: Store) -> None:
    with store.write() as session:
        if store.dialect == "sqlite":
            session.execute(text("DROP TRIGGER audit_entry_no_update"))
            session.execute(text("DROP TRIGGER audit_entry_no_delete"))
        else:
            session.execute(text("DROP TRIGGER audit_entry_no_change ON audit_entry"))


def test_changed_row_is_found_with_the_triggers_dropped(store: Store) -> None:
    with store.write() as session:
        seqs = [audit.record(session, "clerk", "print", f"SL{n}", {"n": n}) for n in range(3)]
    _drop_guards(store)
    with store.write() as session:
        session.execute(
            text("UPDATE audit_entry SET subject = 'forged' WHERE seq = :seq"), {"seq": seqs[1]}
        )
    with store.read() as session:
        report = audit.verify_chain(session)
    assert not report.ok
    assert report.first_bad_seq == seqs[1]
    assert "已被修改" in report.reason


def test_deleted_row_is_found(store: Store) -> None:
    with store.write() as session:
        seqs = [audit.record(session, "clerk", "print", f"SL{n}", {}) for n in range(3)]
    _drop_guards(store)
    with store.write() as session:
        session.execute(text("DELETE FROM audit_entry WHERE seq = :seq"), {"seq": seqs[0]})
    with store.read() as session:
        report = audit.verify_chain(session)
    assert report.first_bad_seq == seqs[0]


def test_rewritten_row_with_a_fresh_hash_still_breaks_the_next_link(store: Store) -> None:
    with store.write() as session:
        seqs = [audit.record(session, "clerk", "print", f"SL{n}", {}) for n in range(3)]
    _drop_guards(store)
    with store.write() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.seq == seqs[1])).one()
        content = audit.canonical(
            row.seq, row.at.isoformat(), row.actor, row.action, "forged", row.details
        )
        forged_hash = audit._digest(row.prev_hash, content)
        session.execute(
            text("UPDATE audit_entry SET subject = 'forged', hash = :h WHERE seq = :seq"),
            {"h": forged_hash, "seq": seqs[1]},
        )
    with store.read() as session:
        assert audit.verify_chain(session).first_bad_seq == seqs[2]
