"""Run by test_crash.py in a child process: accepts one application and SIGKILLs itself mid-way.

Usage: python accept_and_die.py DATABASE_URL KILL_AT   (KILL_AT: statement number, or "commit")
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from typing import Any

from sqlalchemy import event

from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog
from desktop_app.services import auth, intake
from tests import factories


def main(url: str, kill_at: str) -> None:
    store = open_store(url)
    catalog = load_catalog()
    with store.read() as session:
        clerk = auth.actor_for(session, "clerk")
    statements = 0

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def count(*_args: Any) -> None:
        nonlocal statements
        statements += 1
        if kill_at.isdigit() and statements == int(kill_at):
            die()

    event.listen(store.engine, "before_cursor_execute", count)
    if kill_at == "commit":
        # Between the last statement and COMMIT: everything is written but nothing is durable.
        event.listen(store.engine, "commit", lambda _conn: die())
    with store.write() as session:
        sub = factories.submission(
            catalog,
            "supermarket",
            {
                "area_m2": 400,
                "halal": True,
                "sells_drugs": True,
                "device_class2": True,
                "onsite_production": True,
            },
        )
        intake.accept(session, clerk, catalog, sub, dt.date(2025, 9, 26))
    print(statements)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
