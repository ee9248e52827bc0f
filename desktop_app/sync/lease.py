"""Which counter of a hall runs the platform exchange: one at a time, by a lease in the store.

Any number of counters may run rounds at once without harm (idempotency keys on the posts, the
inbox's key on the events); the lease only spares the platform a copy of every request per
counter, and the counters the wasted work. The holder renews it with every round and gives it
up when the app closes; a PC switched off lets it run out after ``LEASE``, and the next counter
takes over. The times are the counters' own clocks: clocks more than ``LEASE`` apart could let
two counters run at once, which is wasteful, not wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db import Store
from desktop_app.models import SyncState

LEASE = dt.timedelta(seconds=60)  # six rounds of the worker
KEY = "lease"


@dataclass(frozen=True)
class Lease:
    holder: str  # "<computer name>/<process id>"
    until: dt.datetime  # naive UTC

    @property
    def computer(self) -> str:
        return self.holder.rsplit("/", 1)[0]


def holder_name() -> str:
    """This process: two apps on one PC (or the app and ``yiye sync once``) are two holders."""
    return f"{socket.gethostname()}/{os.getpid()}"


def take(store: Store, holder: str, now: dt.datetime) -> Lease:
    """Takes or renews the lease for ``holder``, unless another holds one that has not run out.

    Returns the lease in force afterwards: ``holder``'s own, or the other counter's.
    """
    try:
        with store.write() as session:
            current = _read(session, lock=True)
            if current is not None and current.holder != holder and current.until > now:
                return current
            lease = Lease(holder, now + LEASE)
            value = json.dumps({"holder": lease.holder, "until": lease.until.isoformat()})
            if current is None:
                session.add(SyncState(key=KEY, value=value))
            else:
                session.get_one(SyncState, KEY).value = value
        return lease
    except IntegrityError:  # another counter wrote the first lease at the same moment
        with store.read() as session:
            winner = _read(session)
        assert winner is not None
        return winner


def release(store: Store, holder: str) -> None:
    """Gives the lease up (the app is closing), so the next counter need not wait it out."""
    with store.write() as session:
        current = _read(session, lock=True)
        if current is not None and current.holder == holder:
            session.execute(delete(SyncState).where(SyncState.key == KEY))


def current(session: Session) -> Lease | None:
    return _read(session)


def _read(session: Session, lock: bool = False) -> Lease | None:
    query = select(SyncState.value).where(SyncState.key == KEY)
    value = session.scalar(query.with_for_update() if lock else query)
    if value is None:
        return None
    data = json.loads(value)
    return Lease(str(data["holder"]), dt.datetime.fromisoformat(data["until"]))
