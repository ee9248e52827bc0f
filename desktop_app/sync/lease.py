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

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db import Store
from desktop_app.models import SyncState
from desktop_app.sync import state

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
    # A counter standing by only reads: no write lock, no disk flush every round.
    with store.read() as session:
        other = _another_holds(_read(session), holder, now)
    if other is not None:
        return other
    try:
        with store.write() as session:
            # Again, under the lock: it may have moved since.
            other = _another_holds(_read(session, lock=True), holder, now)
            if other is not None:
                return other
            lease = Lease(holder, now + LEASE)
            value = json.dumps({"holder": lease.holder, "until": lease.until.isoformat()})
            state.put(session, KEY, value)
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


def _another_holds(lease: Lease | None, holder: str, now: dt.datetime) -> Lease | None:
    """``lease`` if it is another holder's and has not run out, else None."""
    if lease is not None and lease.holder != holder and lease.until > now:
        return lease
    return None


def _read(session: Session, lock: bool = False) -> Lease | None:
    value = state.get(session, KEY, lock)
    if value is None:
        return None
    data = json.loads(value)
    return Lease(str(data["holder"]), dt.datetime.fromisoformat(data["until"]))
