"""Gap-free numbers allocated inside the caller's transaction.

A counter row is incremented with ``INSERT … ON CONFLICT DO UPDATE … RETURNING``: the row lock makes
concurrent transactions queue, and a transaction that rolls back takes its number back with it, so
numbers are exactly 1..N. Never a database sequence: sequences leave gaps on rollback.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop_app.models import NumberCounter


def allocate(session: Session, counter: str, count: int = 1) -> int:
    """The next number of ``counter`` (1 for a new counter); with ``count``, the last of a block.

    A block of ``count`` numbers is ``result - count + 1 .. result``, all taken at once.
    """
    if count < 1:
        raise ValueError("count must be positive")
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(NumberCounter)
        .values(name=counter, last_value=count)
        .on_conflict_do_update(
            index_elements=[NumberCounter.name],
            set_={"last_value": NumberCounter.last_value + count},
        )
        .returning(NumberCounter.last_value)
    )
    return int(session.execute(statement).scalar_one())
