"""Fresh, empty stores for a benchmark, one after the other.

SQLite in a temporary folder, then PostgreSQL in a throwaway database when YIYE_TEST_PG_URL
names a server. Each is disposed (and the PostgreSQL database dropped) before the next is made.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from desktop_app.bootstrap import open_store
from desktop_app.db import Store


def fresh_stores(name: str) -> Iterator[tuple[str, Store]]:
    """(label, store) pairs; ``name`` prefixes the throwaway PostgreSQL database."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            yield "SQLite", store
        finally:
            store.dispose()
    url = os.environ.get("YIYE_TEST_PG_URL")
    if not url:
        return
    server = make_url(url)
    database = f"{name}_{os.getpid()}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        store = open_store(server.set(database=database).render_as_string(hide_password=False))
        try:
            yield "PostgreSQL", store
        finally:
            store.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{database}"'))
        admin.dispose()
