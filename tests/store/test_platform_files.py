"""Scans go to the platform with the items that need them (v1.1): by hash, each file once."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.services import attachments, intake, workflow
from desktop_app.sync import exchange
from desktop_app.sync.client import PlatformClient
from tests import factories, sample_scans
from tests.platform_server import TOKEN, PlatformServer
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)
MARKET = frozenset({"market"})
# 便利店 with drugs: 食品小销售店登记 and 药品零售许可, both of 市场监管; both need the site plan.
SHARED_SCAN = sample_scans.pdf("经营场所平面图")
OWN_SCAN = sample_scans.png("blue")


@pytest.fixture
def platform() -> Iterator[PlatformServer]:
    server = PlatformServer(script=lambda payload, rng: [])
    yield server
    server.stop()


def scanned_case(store: Store, catalog: Catalog, serial: int = 1) -> str:
    """Accepted, two materials scanned (one shared by both items), then sent to the platform."""
    clerk = actor(store, "clerk")
    with store.write() as session:
        submission = factories.submission(catalog, serial=serial)
        number = intake.accept(session, clerk, catalog, submission, TODAY).number
        attachments.attach(session, clerk, number, "site_plan", SHARED_SCAN, "平面图.pdf")
        attachments.attach(session, clerk, number, "pharmacist_certificate", OWN_SCAN, "证.png")
        workflow.dispatch(session, clerk, number, platform_departments=MARKET)
    return number


def round_trip(store: Store, server: PlatformServer) -> exchange.RoundResult:
    return exchange.run_once(store, PlatformClient(server.url, TOKEN, timeout=2))


def files_of(server: PlatformServer, permit: str) -> dict[str, list[str]]:
    (payload,) = [
        i["payload"] for i in server.state.items.values() if i["payload"]["permit"] == permit
    ]
    return {m["key"]: [f["sha256"] for f in m["files"]] for m in payload["materials"]}


def test_each_file_goes_once_before_the_items_that_name_it(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    scanned_case(store, catalog)
    result = round_trip(store, platform)
    assert (result.sent, result.files_sent) == (2, 2)
    shared = hashlib.sha256(SHARED_SCAN).hexdigest()
    own = hashlib.sha256(OWN_SCAN).hexdigest()
    assert files_of(platform, "food_registration")["site_plan"] == [shared]
    drug = files_of(platform, "drug_retail")
    assert (drug["site_plan"], drug["pharmacist_certificate"]) == ([shared], [own])
    assert platform.state.files == {shared: SHARED_SCAN, own: OWN_SCAN}  # what departments fetch
    assert sorted(platform.state.file_puts) == sorted([(shared, 201), (own, 201)])
    # Another case with the same plan: the platform has it; nothing is uploaded again.
    scanned_case(store, catalog, serial=2)
    again = round_trip(store, platform)
    assert (again.sent, again.files_sent, len(platform.state.file_puts)) == (2, 0, 2)


def test_a_failed_upload_holds_the_item_back_until_it_succeeds(
    store: Store, catalog: Catalog, platform: PlatformServer, clock: FixedClock
) -> None:
    scanned_case(store, catalog)
    platform.faults.error_file_puts = 1
    first = round_trip(store, platform)
    assert first.retry_later >= 1
    assert len(platform.state.items) < 2  # an item is never posted before its files
    clock.advance(exchange.BACKOFF_CAP)
    second = round_trip(store, platform)
    assert len(platform.state.items) == 2
    assert first.files_sent + second.files_sent == 2
    for permit in ("food_registration", "drug_retail"):
        for hashes in files_of(platform, permit).values():
            assert all(h in platform.state.files for h in hashes)


def test_a_version_one_platform_gets_the_items_without_files(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    platform.state.takes_files = False
    scanned_case(store, catalog)
    result = round_trip(store, platform)
    assert (result.sent, result.files_sent, result.takes_files) == (2, 0, False)
    assert platform.state.files == {}
