"""The exchange with the regional platform, against a real HTTP server on loopback with faults."""

import datetime as dt
import gc
import json
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop_app.catalog import Catalog
from desktop_app.catalog.report import broadest_bundle
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.domain.states import ItemState
from desktop_app.models import InboxEvent, Item, OutboxBody, OutboxMessage, StateChange
from desktop_app.services import audit_anchor, cases, intake, issuance, reporting, workflow
from desktop_app.services.errors import ConflictError, WorkflowError
from desktop_app.sync import exchange
from desktop_app.sync.client import PlatformClient
from tests import factories
from tests.platform_server import TOKEN, PlatformServer
from tests.store.conftest import actor, cli_db, run_cli

TODAY = dt.date(2025, 9, 26)
ALL_DEPARTMENTS = frozenset({"publicity", "united_front", "police", "culture", "health", "market"})
__all__ = ["cli_db"]  # the fixture, imported for the command-line test


@pytest.fixture
def platform() -> Iterator[PlatformServer]:
    server = PlatformServer()
    yield server
    server.stop()


def client(server: PlatformServer) -> PlatformClient:
    return PlatformClient(server.url, TOKEN, timeout=0.5)


def accept_cases(
    store: Store,
    catalog: Catalog,
    count: int,
    first_serial: int = 1,
    departments: frozenset[str] = ALL_DEPARTMENTS,
) -> list[str]:
    """Accepted and dispatched cases over the industries, every optional permit on."""
    clerk = actor(store, "clerk")
    numbers = []
    industries = list(catalog.industries)
    for n in range(count):
        bundle = broadest_bundle(catalog, industries[n % len(industries)])
        submission = factories.submission(
            catalog, bundle.industry, dict(bundle.answers), serial=first_serial + n
        )
        with store.write() as session:
            number = intake.accept(session, clerk, catalog, submission, TODAY).number
            workflow.dispatch(session, clerk, number, platform_departments=departments)
        numbers.append(number)
    return numbers


def rounds_until_drained(
    store: Store, server: PlatformServer, clock: FixedClock, limit: int = 400
) -> list[exchange.RoundResult]:
    results = []
    for _ in range(limit):
        result = exchange.run_once(store, client(server))
        results.append(result)
        with store.read() as session:
            pending = exchange.status(session).outbox
        events_left = result.pages == 0 or result.applied + result.duplicates > 0
        if result.answered and pending == 0 and not events_left:
            return results
        clock.advance(exchange.BACKOFF_CAP)
    raise AssertionError("the exchange did not drain")


RANK = {"pending": 0, "in_review": 1, "correction_requested": 1, "approved": 2, "rejected": 2}


def assert_exactly_once_and_never_backwards(store: Store, server: PlatformServer) -> None:
    with store.read() as session:
        messages = session.scalars(select(OutboxMessage)).all()
        inbox = session.scalars(select(InboxEvent)).all()
        items = {i.id: i for i in session.scalars(select(Item))}
        history = session.scalars(
            select(StateChange).where(StateChange.item_id.is_not(None)).order_by(StateChange.id)
        ).all()
    # Every item was posted with its idempotency key, and created on the platform once.
    assert {m.idempotency_key for m in messages} == set(server.state.items)
    assert all(m.state == "sent" for m in messages)
    for m in messages:
        assert m.platform_id == server.state.items[m.idempotency_key]["platform_id"]
    # Every event is in the inbox exactly once (event_id is its key), none unknown or invalid.
    assert {e.event_id for e in inbox} == {e["event_id"] for e in server.state.events}
    assert not [e for e in inbox if e.outcome in ("unknown", "invalid")]
    # Each item ends where the platform's last word for it says.
    last_word: dict[str, dict[str, object]] = {}
    for event in server.state.events:
        last_word[str(event["idempotency_key"])] = event
    expected = {"accepted": "in_review", "approved": "approved", "rejected": "rejected"}
    for m in messages:
        item = items[m.item_id]
        word = last_word[m.idempotency_key]
        assert item.state == expected[str(word["state"])], (m.idempotency_key, word)
        if item.state == "approved":
            assert item.permit_no == word["permit_no"]
    # No item's history ever went backwards.
    ranks: dict[int, int] = {}
    for change in history:
        assert change.item_id is not None
        assert RANK[change.to_state] >= ranks.get(change.item_id, 0), change.to_state
        ranks[change.item_id] = RANK[change.to_state]


def test_a_dispatch_and_its_outbox_messages_commit_together(store: Store, catalog: Catalog) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, factories.submission(catalog), TODAY).number

    def dispatch_then_fail() -> None:
        with store.write() as session:
            workflow.dispatch(session, clerk, number, platform_departments={"market"})
            raise RuntimeError("power cut before commit")

    with pytest.raises(RuntimeError):
        dispatch_then_fail()
    with store.read() as session:
        assert session.scalars(select(OutboxMessage)).all() == []
        assert cases.get_application(session, number).state == "accepted"
    with store.write() as session:
        workflow.dispatch(session, clerk, number, platform_departments={"market"})
    with store.read() as session:
        messages = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        bodies = [session.get_one(OutboxBody, m.id).payload for m in messages]
    assert [body["permit"] for body in bodies] == ["food_registration", "drug_retail"]
    payload = bodies[0]
    assert payload["application_no"] == number
    assert payload["mode"] == "normal"
    assert payload["enterprise"]["credit_code"] == factories.submission(catalog).form["credit_code"]
    assert payload["materials"]
    assert all(m["received"] for m in payload["materials"])
    assert payload["submitted_at"].endswith("+00:00")


def test_platform_items_are_not_in_the_local_review_queue(store: Store, catalog: Catalog) -> None:
    (number,) = accept_cases(store, catalog, 1, departments=frozenset({"market"}))
    reviewer = actor(store, "r_market")
    with store.read() as session:
        assert cases.review_queue(session, "market") == []
    with pytest.raises(WorkflowError, match="区域一业一证平台"), store.write() as session:
        workflow.take_up(session, reviewer, number, "food_registration")


def test_a_clean_exchange_posts_everything_and_applies_every_decision(
    store: Store, catalog: Catalog, platform: PlatformServer, clock: FixedClock
) -> None:
    accept_cases(store, catalog, 6)
    first = exchange.run_once(store, client(platform))
    assert first.answered
    assert first.sent == len(platform.state.items) > 6
    assert first.applied == len(platform.state.events)
    assert_exactly_once_and_never_backwards(store, platform)
    again = exchange.run_once(store, client(platform))
    assert (again.sent, again.applied) == (0, 0)
    with store.read() as session:
        status = exchange.status(session).as_json()
    assert status["outbox"] == 0
    assert status["cursor"] == str(len(platform.state.events))
    assert status["last_success"] == clock.at.isoformat()


def test_events_come_in_batches_of_pages_and_a_failure_keeps_what_came_before(
    store: Store,
    catalog: Catalog,
    platform: PlatformServer,
    monkeypatch: pytest.MonkeyPatch,
    clock: FixedClock,
) -> None:
    accept_cases(store, catalog, 3)
    clock.step = dt.timedelta(milliseconds=1)  # each batch's commit carries a moment of its own
    platform.faults.error_events = 1
    sent = exchange.run_once(store, client(platform))  # posts; no events yet
    assert (sent.sent, sent.pages) == (len(platform.state.items), 0)
    total = len(platform.state.events)
    monkeypatch.setattr(exchange, "BATCH_EVENTS", 7)
    platform.faults.clean_events = 2
    platform.faults.error_events = 1
    broken = exchange.run_once(store, client(platform), page_size=5)
    # Two pages came, then a 503: the ten events before it are applied and the cursor is past them.
    assert not broken.answered
    assert (broken.pages, broken.applied, broken.ignored) == (2, 10, {})
    with store.read() as session:
        assert exchange.status(session).cursor == "10"
    rest = exchange.run_once(store, client(platform), page_size=5)
    assert rest.answered
    assert (rest.applied, rest.ignored) == (total - 10, {})
    with store.read() as session:
        inbox = session.scalars(select(InboxEvent)).all()
    assert len(inbox) == total
    # Each batch (pages until 7 events are in hand: two pages of 5) commits at its own moment.
    batches = Counter(event.received_at for event in inbox)
    assert sorted(batches.values(), reverse=True)[: total // 10] == [10] * (total // 10)
    assert len(batches) == -(-total // 10)


def test_faults_and_a_three_day_outage_lose_nothing_and_double_nothing(
    store: Store, catalog: Catalog, platform: PlatformServer, clock: FixedClock
) -> None:
    accept_cases(store, catalog, 8)
    platform.faults.drop_posts = 2  # done on the platform, the answer lost
    platform.faults.delay_posts = 1  # past the client's timeout
    platform.faults.delay = 1.0
    platform.faults.error_posts = 2
    platform.faults.limit_posts = 2
    platform.faults.error_events = 1
    platform.faults.drop_events = 1
    platform.faults.duplicate_events = True
    platform.faults.reorder_events = True
    results = rounds_until_drained(store, platform, clock)
    assert any(not r.answered for r in results)  # the faults were felt
    # The platform goes away for three days; the counters go on accepting cases.
    platform.go_down()
    outage_end = clock.at + dt.timedelta(days=3)
    serial = 100
    while clock.at < outage_end:
        accept_cases(store, catalog, 1, first_serial=serial)
        serial += 1
        result = exchange.run_once(store, client(platform))
        assert not result.answered
        assert result.errors[-1].startswith("无法连接平台")
        clock.advance(dt.timedelta(hours=6))
    with store.read() as session:
        waiting = exchange.status(session)
    assert waiting.outbox > 0
    assert waiting.last_error is not None
    platform.come_back()
    rounds_until_drained(store, platform, clock)
    assert_exactly_once_and_never_backwards(store, platform)
    with store.read() as session:
        assert audit_anchor.check_records(session) == []  # each decision has its audit entry
    # Every retry of a dropped answer reused the key: the platform made each item once.
    created = Counter(key for key, status in platform.state.posts if status == 201)
    assert set(created.values()) == {1}
    assert any(status == 200 for _, status in platform.state.posts)
    # Messages left in order per application: its items were first posted in outbox order.
    with store.read() as session:
        order = {
            m.idempotency_key: (m.application_id, m.id)
            for m in session.scalars(select(OutboxMessage))
        }
    first_post: dict[int, list[int]] = {}
    for key, status in platform.state.posts:
        if status == 201:
            application_id, message_id = order[key]
            first_post.setdefault(application_id, []).append(message_id)
    assert all(ids == sorted(ids) for ids in first_post.values())


def test_a_refusal_is_kept_for_a_supervisor_and_not_retried(
    store: Store, catalog: Catalog, platform: PlatformServer, clock: FixedClock
) -> None:
    platform.state.refuse_permits.add("drug_retail")
    accept_cases(store, catalog, 1, departments=frozenset({"market"}))
    for _ in range(3):
        exchange.run_once(store, client(platform))
        clock.advance(exchange.BACKOFF_CAP)
    with store.read() as session:
        refused = session.scalars(
            select(OutboxMessage).where(OutboxMessage.state == "refused")
        ).all()
        status = exchange.status(session)
    assert len(refused) == 1
    assert refused[0].last_error == "平台返回 HTTP 422：本平台未开通 drug_retail 的办理"
    assert status.refused == 1
    assert sum(1 for key, _ in platform.state.posts if key == refused[0].idempotency_key) == 1


def test_events_that_repeat_go_back_or_name_nothing_are_recorded_not_applied(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    accept_cases(store, catalog, 1, departments=frozenset({"market"}))
    exchange.run_once(store, client(platform))
    approved = next(e for e in platform.state.events if e["state"] == "approved")
    key = approved["idempotency_key"]
    platform.state.events += [
        dict(approved),  # the same event again
        {**approved, "event_id": "late-1", "seq": 1, "state": "accepted"},  # an old seq
        {**approved, "event_id": "back-1", "seq": 99, "state": "accepted"},  # backwards
        {**approved, "event_id": "ghost-1", "idempotency_key": "nobody", "platform_id": "P9"},
        {"event_id": "broken-1", "seq": "x", "state": "approved"},
    ]
    result = exchange.run_once(store, client(platform))
    assert result.applied == 0
    assert result.duplicates == 1
    assert result.ignored == {"stale": 1, "backwards": 1, "unknown": 1, "invalid": 1}
    with store.read() as session:
        outcomes = {e.event_id: e.outcome for e in session.scalars(select(InboxEvent))}
        message = session.scalar(select(OutboxMessage).where(OutboxMessage.idempotency_key == key))
        assert message is not None
        item = session.get_one(Item, message.item_id)
    assert outcomes["late-1"] == "stale"
    assert outcomes["back-1"] == "backwards"
    assert outcomes["broken-1"] == "invalid"
    assert item.state == ItemState.APPROVED


def test_sync_once_and_status_on_the_command_line(
    cli_db: str,
    catalog: Catalog,
    platform: PlatformServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store(cli_db)
    accept_cases(store, catalog, 1, departments=frozenset({"market"}))
    store.dispose()
    monkeypatch.setenv("YIYE_PLATFORM_URL", platform.url)
    monkeypatch.setenv("YIYE_PLATFORM_TOKEN", TOKEN)
    code, out, err = run_cli(capsys, "--database", cli_db, "sync", "once")
    assert code == 0, err
    assert json.loads(out)["sent"] == len(platform.state.items) > 0
    code, out, _ = run_cli(capsys, "--database", cli_db, "sync", "status", "--json")
    assert code == 0
    status = json.loads(out)
    assert status["outbox"] == 0
    assert status["cursor"] == str(len(platform.state.events))
    assert status["last_error"] is None
    platform.go_down()
    code, _, err = run_cli(capsys, "--database", cli_db, "sync", "once")
    assert code == 1
    assert "平台未应答" in err
    monkeypatch.setenv("YIYE_PLATFORM_URL", "http://platform.example.cn")
    code, _, err = run_cli(capsys, "--database", cli_db, "sync", "once")
    assert code == 2
    assert "https://" in err


def test_a_counter_that_read_before_the_platform_decided_gets_a_conflict(
    store: Store, catalog: Catalog, platform: PlatformServer
) -> None:
    (number,) = accept_cases(store, catalog, 1, departments=frozenset({"market"}))
    with store.read() as session:
        seen = cases.get_application(session, number)  # what the clerk has on screen
    exchange.run_once(store, client(platform))  # the platform decides meanwhile
    with pytest.raises(ConflictError), store.write() as session:
        workflow.withdraw(session, actor(store, "clerk"), number, "申请人撤回", seen.version)
    with store.read() as session:
        assert cases.get_application(session, number).state != "withdrawn"


class Unreadable(dict[str, object]):
    def get(self, *_: object) -> object:
        raise RuntimeError("disk unplugged")


@pytest.mark.parametrize("enabled", [True, False])
def test_a_batch_leaves_the_cycle_collector_as_it_found_it(store: Store, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        exchange.apply_events(store, [{"event_id": "e1", "seq": 1}], "1", TODAY)  # invalid
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError, match="disk unplugged"):
            exchange.apply_events(store, [Unreadable()], "2", TODAY)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_revocation_after_issue_flags_the_certificate_for_a_supervisor(
    store: Store, catalog: Catalog
) -> None:
    def approve_at_once(payload: dict[str, object], rng: object) -> list[dict[str, object]]:
        permit_no = f"PT-{payload['permit']}"
        return [
            {"state": "accepted"},
            {"state": "approved", "permit_no": permit_no, "valid_from": "2025-10-08"},
        ]

    server = PlatformServer(script=approve_at_once)
    try:
        clerk = actor(store, "clerk")
        with store.write() as session:
            sub = factories.submission(catalog)
            number = intake.accept(session, clerk, catalog, sub, TODAY).number
            workflow.dispatch(session, clerk, number, platform_departments={"market"})
        assert exchange.run_once(store, client(server)).applied == 4
        with store.write() as session:
            view = issuance.issue(session, clerk, catalog, number, keys.generate(), TODAY)
        drug = next(p for p in view.permits if p.code == "drug_retail")
        with store.read() as session:
            assert [c.revoked_permits for c in issuance.list_certificates(session)] == [()]
        # The platform revokes the drug permit after the certificate was issued.
        first = next(e for e in server.state.events if e["permit_no"] == "PT-drug_retail")
        server.state.events.append(
            {**first, "event_id": "revoked-1", "seq": 3, "state": "revoked", "reason": "吊销"}
        )
        assert exchange.run_once(store, client(server)).applied == 1
        boss = actor(store, "boss")
        with store.read() as session:
            (row,) = issuance.list_certificates(session)
            board = reporting.dashboard(session, boss, catalog, TODAY)
        assert (row.state, row.revoked_permits) == ("valid", (drug.name,))
        assert board.revoked_on_valid == 1
        # Cancelled, the certificate no longer asks for attention.
        with store.write() as session:
            issuance.cancel(session, boss, view.number, "许可被撤销，申请注销")
        with store.read() as session:
            assert [c.revoked_permits for c in issuance.list_certificates(session)] == [()]
            assert reporting.dashboard(session, boss, catalog, TODAY).revoked_on_valid == 0
            assert audit_anchor.check_records(session) == []
    finally:
        server.stop()
