"""Passing a case's 现场核查 the way the departments do, for tests about what comes after it.

A site-checked item approves only after its check passed (workflow.site_check_block). Tests of
issuing, changes and the rest run one joint check with every item 合格 first; the template store
has an inspector ``insp_<department>`` per department for it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog, load_catalog
from desktop_app.db import Store
from desktop_app.models import User
from desktop_app.services import auth, inspections

PASSED = "现场核查合格"
PASSWORD = "Counter2026"


@cache
def _catalog() -> Catalog:
    return load_catalog()


def pass_in(
    session: Session, number: str, today: dt.date | None = None, prefix: str = "insp_"
) -> None:
    """One round for every item still needing its check, each recorded 合格 by the supervisor.

    The inspectors are ``<prefix><department>`` (made when missing).
    """
    catalog = _catalog()
    found = inspections.status(session, catalog, number)
    due = [i for i in found.items if i.status != PASSED]
    if not due:
        return
    departments = dict.fromkeys(i.department for i in due)
    boss = _user(session, "boss", "supervisor", None)
    for department in departments:
        _user(session, f"{prefix}{department}", "inspector", department)
    at = clock.wall_time() + dt.timedelta(hours=1)
    inspections.schedule(session, boss, catalog, number, at, [f"{prefix}{d}" for d in departments])
    for item in due:
        inspections.record(session, boss, catalog, number, item.permit, "pass", today=today)


def _user(session: Session, name: str, role: str, department: str | None) -> auth.Actor:
    """The template store has them; a test's own store gets them on first use."""
    if session.scalar(select(User.id).where(User.username == name)) is None:
        auth.add_user(session, auth.SYSTEM, name, PASSWORD, role, department)
    return auth.actor_for(session, name)


def pass_site_checks(store: Store, number: str, today: dt.date | None = None) -> None:
    with store.write() as session:
        pass_in(session, number, today)
