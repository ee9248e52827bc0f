import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from desktop_app import migrate
from desktop_app.bootstrap import SchemaOutdatedError, open_store
from desktop_app.db import NetworkShareError, Store, create_store_engine, is_network_path


def test_new_database_is_created_upgraded_and_seeded(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert migrate.is_up_to_date(store.engine)
    with store.read() as session:
        years = session.execute(text("SELECT min(year), max(year) FROM calendar_year")).one()
    assert years[0] == 2004
    assert years[1] >= 2026
    assert list(tmp_path.glob("*before-upgrade*")) == []  # nothing to back up
    store.dispose()


def test_sqlite_pragmas_are_in_force(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with store.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    store.dispose()


def test_existing_data_is_backed_up_before_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE legacy (name TEXT)")
        connection.execute("INSERT INTO legacy VALUES ('马·阿里')")
    with pytest.raises(SchemaOutdatedError, match="yiye db upgrade"):
        open_store(f"sqlite:///{path}", upgrade=False)
    store = open_store(f"sqlite:///{path}")
    store.dispose()
    backups = list(tmp_path.glob("old.before-upgrade-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT name FROM legacy").fetchall() == [("马·阿里",)]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "application" not in tables


@pytest.mark.parametrize("path", ["\\\\server\\share\\yiye.sqlite3", "//server/share/yiye.sqlite3"])
def test_unc_paths_are_network_paths(path: str) -> None:
    assert is_network_path(path, is_windows=True, drive_type=lambda _root: 3)
    assert is_network_path(path, is_windows=False)


def test_mapped_remote_drive_is_a_network_path() -> None:
    assert is_network_path(
        "Z:\\yiye.sqlite3", is_windows=True, drive_type=lambda root: 4 if root == "Z:\\" else 3
    )
    assert not is_network_path("C:\\yiye.sqlite3", is_windows=True, drive_type=lambda _root: 3)
    assert not is_network_path("/home/clerk/yiye.sqlite3", is_windows=False)


def test_sqlite_on_a_share_is_refused_with_the_way_out() -> None:
    with pytest.raises(NetworkShareError, match="PostgreSQL"):
        create_store_engine("sqlite:////" + "/server/share/yiye.sqlite3")


def test_the_start_up_head_constant_matches_the_migrations() -> None:
    from desktop_app.bootstrap import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION


def test_migrations_match_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop_app.models import Base

    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_outbox_bodies_move_to_their_own_table_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'outbox.sqlite3'}")  # foreign keys off
    migrate.upgrade(engine, "0005")
    body = {"permit": "食品经营许可", "form": {"name": "同心县马记牛肉面馆"}}
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sync_outbox (id, idempotency_key, application_id, item_id, department,"
                " payload, created_at, state, attempts, next_attempt_at)"
                " VALUES (7, 'k', 1, 1, 'market', :payload, '2026-11-27 00:00:00.000000',"
                " 'pending', 0, '2026-11-27 00:00:00.000000')"
            ),
            {"payload": json.dumps(body, ensure_ascii=False)},
        )
    migrate.upgrade(engine, "0006")
    with engine.connect() as connection:
        moved = connection.execute(text("SELECT outbox_id, payload FROM sync_outbox_body")).all()
        columns = {c["name"] for c in inspect(connection).get_columns("sync_outbox")}
    assert [(outbox_id, json.loads(payload)) for outbox_id, payload in moved] == [(7, body)]
    assert "payload" not in columns
    migrate.downgrade(engine, "0005")
    with engine.connect() as connection:
        back = connection.execute(text("SELECT payload FROM sync_outbox")).scalar_one()
    assert json.loads(back) == body
    engine.dispose()


def test_certificates_get_the_holder_data_they_were_issued_with(tmp_path: Path) -> None:
    """0009: each certificate takes 法定代表人 and 经营场所 from its application as filed, not
    from the enterprise row a later application overwrote; master data gets its first version."""
    engine = create_engine(f"sqlite:///{tmp_path / 'frozen.sqlite3'}")  # foreign keys off
    migrate.upgrade(engine, "0008")
    filed = {"legal_rep_name": "马建国", "address": "同心县豫海镇新区街1号"}
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO enterprise (id, credit_code, name, legal_rep_name, legal_rep_id,"
                " address, created_at) VALUES (1, '91640324MA0000001T', '同心县清真超市',"
                " '后来的人', NULL, '后来的地址', '2026-01-05 00:00:00.000000')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO application (id, number, industry, catalog_version, kind, state,"
                " enterprise_id, answers, form, accepted_on, accepted_at, accepted_by,"
                " version_id) VALUES (3, 'SL1', 'supermarket', '2023.1.0', 'new', 'issued', 1,"
                " '{}', :form, '2026-01-05', '2026-01-05 00:00:00.000000', 1, 1)"
            ),
            {"form": json.dumps(filed, ensure_ascii=False)},
        )
        connection.execute(
            text(
                "INSERT INTO certificate (id, number, revision, application_id, enterprise_id,"
                " industry, holder_name, holder_uscc, issuer_uscc, issued_on, issued_at,"
                " issued_by, valid_from, state, license_id, qr_text, reprints) VALUES"
                " (1, '640324-2026-000001', 1, 3, 1, 'supermarket', '同心县清真超市',"
                " '91640324MA0000001T', '11640324MB0000000X', '2026-01-09',"
                " '2026-01-09 00:00:00.000000', 1, '2026-01-09', 'valid', 'L', 'YZ1:X', 0)"
            )
        )
    migrate.upgrade(engine, "0009")
    with engine.connect() as connection:
        frozen = connection.execute(
            text("SELECT legal_rep_name, address, print_no FROM certificate")
        ).one()
        version = connection.execute(
            text("SELECT version, legal_rep_name FROM enterprise_version")
        ).one()
        kinds = connection.execute(text("SELECT count(*) FROM item")).scalar_one()
    assert tuple(frozen) == ("马建国", "同心县豫海镇新区街1号", 1)
    assert tuple(version) == (1, "后来的人")
    assert kinds == 0
    migrate.downgrade(engine, "0008")
    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("certificate")}
    assert "legal_rep_name" not in columns
    engine.dispose()
