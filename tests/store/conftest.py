"""A real store for every test, on SQLite and on PostgreSQL, copied from a prepared template.

The template holds the schema, the seeded calendar and one user per role (argon2 hashing is slow
on purpose, so users are made once per run). PostgreSQL runs when ``YIYE_TEST_PG_URL`` names a
server (``.ci/run`` starts one); on CI its absence is an error, not a skip.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop_app.bootstrap import open_store
from desktop_app.db import Store
from desktop_app.services import auth

PG_URL = os.environ.get("YIYE_TEST_PG_URL")
PASSWORD = "Counter2026"
DEPARTMENTS = ("publicity", "united_front", "police", "culture", "health", "market")
USERS = [
    ("clerk", "clerk", None),
    ("clerk2", "clerk", None),
    ("boss", "supervisor", None),
    ("audit", "auditor", None),
    ("admin", "admin", None),
    *[(f"r_{d}", "reviewer", d) for d in DEPARTMENTS],
    *[(f"insp_{d}", "inspector", d) for d in DEPARTMENTS],  # tests/site_checks.py
]
BACKENDS = ["sqlite", "postgresql"]


def _fill(store: Store) -> None:
    with store.write() as session:
        for name, role, department in USERS:
            auth.add_user(session, auth.SYSTEM, name, PASSWORD, role, department)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    store = open_store(f"sqlite:///{path}")
    _fill(store)
    store.dispose()  # the last connection's close folds the WAL into the file
    return path


def _pg_admin(database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
    assert PG_URL is not None
    url = make_url(PG_URL).set(drivername="postgresql", database=database)
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if PG_URL is None:
        if os.environ.get("CI"):
            pytest.fail("YIYE_TEST_PG_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set YIYE_TEST_PG_URL)")
    name = f"yiye_template_{uuid.uuid4().hex[:8]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    store = open_store(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    _fill(store)
    store.dispose()
    yield name
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _new_store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if backend == "sqlite":
        path = tmp_path / "counter.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        store = open_store(f"sqlite:///{path}")
        yield store
        store.dispose()
        return
    template = request.getfixturevalue("pg_template")
    assert PG_URL is not None
    name = f"yiye_test_{uuid.uuid4().hex[:8]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    store = open_store(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    yield store
    store.dispose()
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from _new_store(request.param, request, tmp_path)


@pytest.fixture
def sqlite_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from _new_store("sqlite", request, tmp_path)


@pytest.fixture
def pg_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from _new_store("postgresql", request, tmp_path)


def actor(store: Store, username: str) -> auth.Actor:
    with store.read() as session:
        return auth.actor_for(session, username)


@pytest.fixture
def cli_db(sqlite_template: Path, tmp_path: Path) -> str:
    """A database URL for command-line tests: a copy of the template."""
    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def run_cli(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    """Runs ``yiye`` in-process; returns (exit code, stdout, stderr).

    A command acting as ``--user`` proves it with the test users' password on standard input
    (``--password-stdin``), as a script does, unless the call passes its own.
    """
    import io
    import sys

    from desktop_app.cli import main

    if "--user" in argv and "--password-stdin" not in argv and not stdin:
        argv = (*argv, "--password-stdin")
        stdin = PASSWORD + "\n"

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err
