"""The inbox side: the platform's events, each applied once, in order, never backwards.

A batch of events (the exchange's pages since the last cursor, up to ``exchange.BATCH_EVENTS``)
is applied in one transaction together with its inbox rows and the new cursor, so a crash
half-way applies the whole batch again or none of it. Per event:

- an ``event_id`` already in the inbox is a duplicate: skipped;
- an event whose ``seq`` is not above the last applied to its item is recorded as ``stale``;
- an event that would move the item back (say ``accepted`` after ``approved``) is recorded as
  ``backwards`` and changes nothing;
- otherwise the item moves, through the same item-level steps the reviewers' actions use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.form_values import text_problem
from desktop_app.domain.states import (
    ITEM_TRANSITIONS,
    TERMINAL_APPLICATION_STATES,
    ItemState,
)
from desktop_app.models import (
    Application,
    ClockPause,
    InboxEvent,
    Item,
    OutboxMessage,
    StateChange,
    User,
    VerificationTask,
    bulk,
)
from desktop_app.services import audit, workflow
from desktop_app.services.auth import Actor
from desktop_app.services.calendar import calendar_around
from desktop_app.sync.protocol import Event, EventError, parse_event

PLATFORM_USER = "platform"
PLATFORM_NAME = "区域一业一证平台"
# How far along an item is; an event may not take it to a lower rank.
_RANK = {
    ItemState.PENDING: 0,
    ItemState.IN_REVIEW: 1,
    ItemState.CORRECTION_REQUESTED: 1,
    ItemState.APPROVED: 2,
    ItemState.REJECTED: 2,
    ItemState.REVOKED: 3,
}
_TARGET = {
    "accepted": ItemState.IN_REVIEW,
    "correction_requested": ItemState.CORRECTION_REQUESTED,
    "approved": ItemState.APPROVED,
    "rejected": ItemState.REJECTED,
    "revoked": ItemState.REVOKED,
}


@dataclass
class ApplyResult:
    applied: int = 0
    duplicates: int = 0
    ignored: dict[str, int] = field(default_factory=dict)  # outcome -> count

    def count(self, outcome: str) -> None:
        if outcome == "applied":
            self.applied += 1
        else:
            self.ignored[outcome] = self.ignored.get(outcome, 0) + 1


def platform_user_id(session: Session) -> int:
    """The user the platform's decisions are recorded under (it cannot log in)."""
    user_id = session.scalar(select(User.id).where(User.username == PLATFORM_USER))
    if user_id is None:
        user = User(
            username=PLATFORM_USER,
            display_name=PLATFORM_NAME,
            role="reviewer",
            password_hash="!",  # no password hash can match: log-in is impossible
            disabled=True,
        )
        session.add(user)
        session.flush()
        user_id = user.id
    return user_id


def apply_events(session: Session, raw_events: Sequence[object], today: dt.date) -> ApplyResult:
    """Applies a batch of events in the caller's transaction."""
    result = ApplyResult()
    events: list[Event] = []
    seen: set[str] = set()
    for raw in raw_events:
        try:
            event = parse_event(raw)
        except EventError as exc:
            result.count("invalid")
            event_id = raw.get("event_id") if isinstance(raw, dict) else None
            if isinstance(event_id, str) and 0 < len(event_id) <= 100 and event_id not in seen:
                seen.add(event_id)
                _record_invalid(session, event_id, raw, str(exc))
            continue
        if event.event_id in seen:
            result.duplicates += 1
            continue
        seen.add(event.event_id)
        events.append(event)
    # Expanding parameters: the values go to the driver as they are, not coerced one by one.
    known = set(
        session.connection().scalars(
            select(InboxEvent.event_id).where(InboxEvent.event_id.in_(_values("ids"))),
            {"ids": [e.event_id for e in events]},
        )
    )
    result.duplicates += sum(e.event_id in known for e in events)
    events = sorted((e for e in events if e.event_id not in known), key=lambda e: e.seq)
    if not events:
        return result
    batch = _Batch(session, events, today)
    for event in events:
        result.count(batch.apply(event))
    batch.finish()
    return result


@dataclass
class _ApplicationRow:
    id: int
    number: str
    state: str
    items: list[workflow.ItemRow] = field(default_factory=list)


_ITEM_COLUMNS = (
    Item.id,
    Item.application_id,
    Item.permit,
    Item.department,
    Item.mode,
    Item.state,
    Item.optional,
    Item.dropped,
    Item.dispatched_at,
    Item.statutory_due,
    Item.promised_due,
    Item.statutory_provisional,
    Item.promised_provisional,
    Item.paused_since,
    Item.permit_no,
    Item.valid_from,
    Item.valid_to,
    Item.reason,
)
# What the item steps (services/workflow.py) may change, written back for every moved item.
_STEP_COLUMNS = (
    "state",
    "paused_since",
    "promised_due",
    "statutory_due",
    "promised_provisional",
    "statutory_provisional",
    "permit_no",
    "valid_from",
    "valid_to",
    "reason",
)


class _Batch:
    """A batch's events and the rows they touch.

    Read in a handful of queries and written with one executemany per table: 10,000 events as
    ORM objects took 28 s, as rows a fraction of a second. An item moved by several events of
    the batch is read and written once.
    """

    def __init__(self, session: Session, events: list[Event], today: dt.date) -> None:
        self.session = session
        # Plain Core reads: rows, not ORM objects, for the thousands a batch touches.
        connection = session.connection()
        self.messages = _messages_for(connection, events)
        application_ids = {m.application_id for m in self.messages.values()}
        # Locked until the batch commits (PostgreSQL; on SQLite the write lock covers it): no
        # counter changes them meanwhile, and the version bump below makes any counter that read
        # them earlier get its conflict instead of overwriting the platform's decision.
        self.applications = {
            row.id: _ApplicationRow(row.id, row.number, row.state)
            for row in connection.execute(
                select(Application.id, Application.number, Application.state)
                .where(Application.id.in_(application_ids))
                .with_for_update()
            )
        }
        self.items: dict[int, workflow.ItemRow] = {}
        for row in connection.execute(
            select(*_ITEM_COLUMNS)
            .where(Item.application_id.in_(application_ids))
            .order_by(Item.id)
            .with_for_update()
        ):
            item = workflow.ItemRow(**row._mapping)
            self.items[item.id] = item
            self.applications[item.application_id].items.append(item)
        open_pauses = connection.execute(
            select(
                ClockPause.item_id, ClockPause.started_on, ClockPause.reason, ClockPause.id
            ).where(ClockPause.item_id.in_(self.items), ClockPause.ended_on.is_(None))
        )
        self.steps = workflow.Batch(
            today=today,
            calendar=calendar_around(session, today),
            open_pauses={row.item_id: workflow.PauseRow(*row) for row in open_pauses},
        )
        self.actor_id = platform_user_id(session)
        self.actors: dict[str, Actor] = {}
        self.touched: dict[int, _ApplicationRow] = {}
        self.moved: dict[int, workflow.ItemRow] = {}
        self.inbox: list[dict[str, Any]] = []

    def apply(self, event: Event) -> str:
        """Applies one event (or records why not); returns the outcome."""
        message = self.messages.get(event.idempotency_key) or self.messages.get(
            f"id:{event.platform_id}"
        )
        outcome: str = "unknown"
        note: str | None = "没有对应的已发送事项"
        if message is not None:
            application = self.applications[message.application_id]
            actor = self._actor(message.department)
            item = self.items[message.item_id]
            outcome, note = _apply(
                self.session, actor, message, application.state, item, event, self.steps
            )
            if outcome == "applied":
                self.touched[application.id] = application
                self.moved[item.id] = item
        self.inbox.append(
            {
                "event_id": event.event_id,
                "outbox_id": message.id if message else None,
                "seq": event.seq,
                "state": event.state,
                "payload": event.raw,
                "received_at": self.steps.now,
                "outcome": outcome,
                "note": note,
            }
        )
        return outcome

    def _actor(self, department: str) -> Actor:
        """The platform, acting for ``department`` (one per department, not one per event)."""
        actor = self.actors.get(department)
        if actor is None:
            actor = Actor(self.actor_id, PLATFORM_USER, PLATFORM_NAME, "reviewer", department)
            self.actors[department] = actor
        return actor

    def finish(self) -> None:
        """Writes the batch: items, pauses, history, inbox and outbox rows, then applications."""
        session, steps = self.session, self.steps
        bulk.update_rows(
            session,
            Item,
            [
                {"id": i.id, **{c: getattr(i, c) for c in _STEP_COLUMNS}}
                for i in self.moved.values()
            ],
            bump_version=True,
        )
        bulk.insert_rows(
            session,
            ClockPause,
            [
                {
                    "item_id": p.item_id,
                    "started_on": p.started_on,
                    "reason": p.reason,
                    "ended_on": p.ended_on,
                }
                for p in steps.new_pauses
            ],
        )
        bulk.update_rows(
            session, ClockPause, [{"id": p.id, "ended_on": p.ended_on} for p in steps.closed_pauses]
        )
        bulk.insert_rows(session, VerificationTask, steps.new_tasks)
        links = {id(link): link for link in self.messages.values() if link.changed}
        bulk.update_rows(
            session,
            OutboxMessage,
            [
                {"id": link.id, "last_seq": link.last_seq, "platform_id": link.platform_id}
                for link in links.values()
            ],
        )
        bulk.insert_rows(session, InboxEvent, self.inbox)
        self._settle(steps.state_changes)

    def _settle(self, history: list[dict[str, Any]]) -> None:
        """The touched applications' states, derived from their items as `workflow` does."""
        applications = list(self.touched.values())
        for application in applications:
            current = application.state
            derived = workflow.rederive(current, application.items)
            if derived is not None:
                application.state = derived.value
                history.append(
                    {
                        "application_id": application.id,
                        "item_id": None,
                        "from_state": current,
                        "to_state": derived.value,
                        "actor_id": self.actor_id,
                        "reason": None,
                        "at": self.steps.now,
                    }
                )
        bulk.insert_rows(self.session, StateChange, history)
        if not applications:
            return
        bulk.update_rows(
            self.session,
            Application,
            [{"id": a.id, "state": a.state, "updated_at": self.steps.now} for a in applications],
            bump_version=True,
        )
        audit.record_many(
            self.session,
            PLATFORM_USER,
            "platform_event",
            [(a.number, audit.case_details(a.state, a.items)) for a in applications],
        )


def _values(name: str) -> BindParameter[Any]:
    return bindparam(name, expanding=True)


@dataclass
class _Link:
    """An outbox row as the events need it: which item, and the last event applied to it."""

    id: int
    application_id: int
    item_id: int
    department: str
    platform_id: str | None
    last_seq: int | None
    changed: bool = False


def _messages_for(connection: Connection, events: list[Event]) -> dict[str, _Link]:
    """The outbox rows the events name, by idempotency key and by ``id:<platform_id>``."""
    keys = {e.idempotency_key for e in events if e.idempotency_key}
    platform_ids = {e.platform_id for e in events if e.platform_id}
    found: dict[str, _Link] = {}
    rows = connection.execute(
        select(
            OutboxMessage.idempotency_key,
            OutboxMessage.id,
            OutboxMessage.application_id,
            OutboxMessage.item_id,
            OutboxMessage.department,
            OutboxMessage.platform_id,
            OutboxMessage.last_seq,
        ).where(
            or_(
                OutboxMessage.idempotency_key.in_(_values("keys")),
                OutboxMessage.platform_id.in_(_values("platform_ids")),
            )
        ),
        {"keys": list(keys), "platform_ids": list(platform_ids)},
    )
    for key, outbox_id, application_id, item_id, department, platform_id, last_seq in rows:
        link = _Link(outbox_id, application_id, item_id, department, platform_id, last_seq)
        found[key] = link
        if link.platform_id:
            found[f"id:{link.platform_id}"] = link
    return found


def _apply(
    session: Session,
    actor: Actor,
    message: _Link,
    application_state: str,
    item: workflow.ItemRow,
    event: Event,
    batch: workflow.Batch,
) -> tuple[str, str | None]:
    if message.last_seq is not None and event.seq <= message.last_seq:
        return "stale", f"seq {event.seq} 不大于已应用的 {message.last_seq}"
    current = ItemState(item.state)
    target = _TARGET[event.state]
    if _RANK[target] < _RANK[current] or (
        _RANK[target] == _RANK[current] == 2 and target != current
    ):
        return "backwards", f"事项已是 {current.value}，不退回 {target.value}"
    if application_state in TERMINAL_APPLICATION_STATES and (target != ItemState.REVOKED):
        return "closed", f"办件已办结（{application_state}）"
    steps = _path(current, target)
    problem = _problem(event, current, steps)
    if problem:
        return "invalid", problem
    # Checked above, so no step can fail half-way through the path.
    for step in steps:
        _step(session, actor, item, step, event, batch)
    message.last_seq = event.seq
    if message.platform_id is None and event.platform_id:
        message.platform_id = event.platform_id
    message.changed = True
    return "applied", None


def _path(current: ItemState, target: ItemState) -> list[ItemState]:
    """The states a reviewer would have taken the item through, to reach ``target``."""
    if target == current:
        return []  # said again (with a higher seq): nothing changes
    if target == ItemState.REVOKED:
        return [target]
    path = [] if current == ItemState.IN_REVIEW else [ItemState.IN_REVIEW]
    return path if target == ItemState.IN_REVIEW else [*path, target]


def _problem(event: Event, current: ItemState, steps: list[ItemState]) -> str | None:
    state = current
    for step in steps:
        if step not in ITEM_TRANSITIONS[state]:
            return f"事项不能从 {state.value} 变为 {step.value}"
        state = step
    texts = [("许可证编号", event.permit_no, 60), ("理由", event.reason, workflow.MAX_REASON)]
    for what, text, limit in texts:
        problem = text_problem(what, text, limit) if text else None
        if problem:
            return problem
    return None


def _step(
    session: Session,
    actor: Actor,
    item: workflow.ItemRow,
    step: ItemState,
    event: Event,
    batch: workflow.Batch,
) -> None:
    today = batch.today
    current = ItemState(item.state)
    if step == ItemState.IN_REVIEW and current == ItemState.CORRECTION_REQUESTED:
        workflow.corrections_received_item(session, actor, item, today, batch)
    elif step == ItemState.IN_REVIEW:
        workflow.take_up_item(session, actor, item, batch)
    elif step == ItemState.CORRECTION_REQUESTED:
        reason = event.reason or "平台要求补正"
        workflow.request_correction_item(session, actor, item, reason, today, batch)
    elif step == ItemState.APPROVED:
        assert event.permit_no is not None  # parse_event requires both for approvals
        assert event.valid_from is not None
        permit_no, valid_from, valid_to = event.permit_no, event.valid_from, event.valid_to
        workflow.approve_item(session, actor, item, permit_no, valid_from, valid_to, today, batch)
    elif step == ItemState.REJECTED:
        workflow.reject_item(session, actor, item, event.reason or "平台作出不予许可决定", batch)
    else:
        workflow.revoke_item(session, actor, item, event.reason or "平台撤销许可", batch)


def _record_invalid(session: Session, event_id: str, raw: object, note: str) -> None:
    if session.get(InboxEvent, event_id) is None:
        session.add(
            InboxEvent(
                event_id=event_id,
                seq=0,
                state="invalid",
                payload=raw if isinstance(raw, dict) else {"raw": raw},
                outcome="invalid",
                note=note,
            )
        )
