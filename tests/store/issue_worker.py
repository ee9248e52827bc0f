"""Run by test_issuance.py: issues the given applications, rolling back about a third first.

Usage: python issue_worker.py DATABASE_URL KEY_FILE SEED NUMBER...   Prints the rollbacks made.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog
from desktop_app.domain import keys
from desktop_app.services import auth, issuance


class RollbackError(Exception):
    pass


def main(url: str, key_file: str, seed: str, numbers: list[str]) -> None:
    store = open_store(url)
    catalog = load_catalog()
    key = keys.load_private_key(Path(key_file))
    chance = random.Random(int(seed))
    rollbacks = 0
    with store.read() as session:
        clerk = auth.actor_for(session, "clerk")
    for number in numbers:
        while True:
            try:
                with store.write() as session:
                    issuance.issue(session, clerk, catalog, number, key, dt.date(2025, 10, 9))
                    if chance.random() < 0.35:
                        raise RollbackError  # a printer jam or a cancel: the number goes back
                break
            except RollbackError:
                rollbacks += 1
    print(rollbacks)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
