"""The state machines of an application and of its items, as pure rules.

Item states are stable codes (the JSON and the CLI use them); the application's state follows from
its items, except for the terminal states an action sets (withdrawn, issued).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class ItemState(StrEnum):
    PENDING = "pending"
    IN_REVIEW = "in_review"
    CORRECTION_REQUESTED = "correction_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


class ApplicationState(StrEnum):
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    AWAITING_CORRECTION = "awaiting_correction"
    READY_TO_ISSUE = "ready_to_issue"
    PARTLY_REFUSED = "partly_refused"
    REFUSED = "refused"
    ISSUED = "issued"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"  # 终止办理: ended by a supervisor (容缺 materials never came …)
    COMPLETED = "completed"  # 办结 without a new sheet: a 变更 no permit records, a 注销


class ItemMode(StrEnum):
    NORMAL = "normal"
    COMMITMENT = "commitment"  # 告知承诺制
    DEFERRED = "deferred_materials"  # 容缺受理


class ApplicationKind(StrEnum):
    NEW = "new"
    CHANGE = "change"
    RENEWAL = "renewal"
    ADDITION = "addition"  # 增项: a permit added to the certificate
    REMOVAL = "removal"  # 减项: a permit given up
    REISSUE = "reissue"
    CANCELLATION = "cancellation"


APPLICATION_KIND_NAMES: dict[str, str] = {
    ApplicationKind.NEW.value: "新办",
    ApplicationKind.CHANGE.value: "变更",
    ApplicationKind.RENEWAL.value: "延续",
    ApplicationKind.ADDITION.value: "增项",
    ApplicationKind.REMOVAL.value: "减项",
    ApplicationKind.REISSUE.value: "补证",
    ApplicationKind.CANCELLATION.value: "注销",
}
# What a department decides on one permit: a new permit (新办, 增项), or its own 变更, 延续 or
# 注销 procedure (减项 and 注销 both cancel the permit).
ITEM_KIND_NAMES: dict[str, str] = {
    "new": "新办",
    "change": "变更",
    "renewal": "延续",
    "cancellation": "注销",
}
ITEM_STATE_NAMES = {
    ItemState.PENDING: "待受理",
    ItemState.IN_REVIEW: "审查中",
    ItemState.CORRECTION_REQUESTED: "待补正",
    ItemState.APPROVED: "已准予",
    ItemState.REJECTED: "不予许可",
    ItemState.REVOKED: "已撤销",
}
# Keyed by the stored codes (rows and query results carry plain strings).
ITEM_MODE_NAMES: dict[str, str] = {
    ItemMode.NORMAL.value: "一般程序",
    ItemMode.COMMITMENT.value: "告知承诺",
    ItemMode.DEFERRED.value: "容缺受理",
}
# How a material reached the case (received_material.how).
MATERIAL_WAY_NAMES = {
    "paper": "纸质",
    "scan": "扫描件",
    "electronic": "电子证照",
    "deferred": "容缺",
    "checked": "窗口核验",
    "reused": "沿用已有材料",
}
CERTIFICATE_STATE_NAMES = {
    "valid": "有效",
    "superseded": "已变更",
    "cancelled": "已注销",
    "void": "已作废",
}
APPLICATION_STATE_NAMES = {
    ApplicationState.ACCEPTED: "已受理",
    ApplicationState.IN_REVIEW: "审批中",
    ApplicationState.AWAITING_CORRECTION: "待补正",
    ApplicationState.READY_TO_ISSUE: "待出证",
    ApplicationState.PARTLY_REFUSED: "部分不予许可",
    ApplicationState.REFUSED: "不予许可",
    ApplicationState.ISSUED: "已出证",
    ApplicationState.WITHDRAWN: "已撤回",
    ApplicationState.TERMINATED: "终止办理",
    ApplicationState.COMPLETED: "已办结",
}

# Every legal move; anything else is refused. Nothing moves backwards except the pause of a
# correction, which returns the item to review when the corrections arrive.
ITEM_TRANSITIONS: dict[ItemState, frozenset[ItemState]] = {
    ItemState.PENDING: frozenset({ItemState.IN_REVIEW}),
    ItemState.IN_REVIEW: frozenset(
        {ItemState.CORRECTION_REQUESTED, ItemState.APPROVED, ItemState.REJECTED}
    ),
    ItemState.CORRECTION_REQUESTED: frozenset({ItemState.IN_REVIEW}),
    ItemState.APPROVED: frozenset({ItemState.REVOKED}),
    ItemState.REJECTED: frozenset(),
    ItemState.REVOKED: frozenset(),
}
TERMINAL_APPLICATION_STATES = frozenset(
    {
        ApplicationState.ISSUED,
        ApplicationState.WITHDRAWN,
        ApplicationState.REFUSED,
        ApplicationState.TERMINATED,
        ApplicationState.COMPLETED,
    }
)
# As stored (plain strings, for queries): work still under way, and items still with a department.
OPEN_APPLICATION_STATES = tuple(
    s.value for s in ApplicationState if s not in TERMINAL_APPLICATION_STATES
)
OPEN_ITEM_STATES = tuple(
    s.value for s in (ItemState.PENDING, ItemState.IN_REVIEW, ItemState.CORRECTION_REQUESTED)
)


class IllegalTransitionError(ValueError):
    """A state change the rules do not allow."""

    def __init__(self, what: str, current: str, wanted: str) -> None:
        super().__init__(f"{what}当前状态为“{current}”，不能变为“{wanted}”")
        self.current = current
        self.wanted = wanted


def check_item_transition(current: ItemState, wanted: ItemState) -> None:
    if wanted not in ITEM_TRANSITIONS[current]:
        raise IllegalTransitionError("事项", ITEM_STATE_NAMES[current], ITEM_STATE_NAMES[wanted])


@dataclass(frozen=True)
class ItemSnapshot:
    """What the application's state depends on, per item."""

    state: ItemState
    optional: bool
    dropped: bool
    dispatched: bool


def derive_application_state(items: Iterable[ItemSnapshot]) -> ApplicationState:
    """The application's state from its items (terminal states are set by actions, not here).

    A rejected mandatory permit ends the application; a rejected optional one leaves it partly
    refused until the clerk drops that permit; corrections outrank review; all approved means
    ready to issue.
    """
    live = [i for i in items if not i.dropped]
    if any(i.state in (ItemState.REJECTED, ItemState.REVOKED) and not i.optional for i in live):
        return ApplicationState.REFUSED
    if any(i.state in (ItemState.REJECTED, ItemState.REVOKED) for i in live):
        return ApplicationState.PARTLY_REFUSED
    if not live:
        return ApplicationState.REFUSED
    if any(i.state == ItemState.CORRECTION_REQUESTED for i in live):
        return ApplicationState.AWAITING_CORRECTION
    if all(i.state == ItemState.APPROVED for i in live):
        return ApplicationState.READY_TO_ISSUE
    if any(i.dispatched for i in live):
        return ApplicationState.IN_REVIEW
    return ApplicationState.ACCEPTED


# An application submitted online, at the counter's 预审 (services/online.py).
ONLINE_STATE_NAMES = {
    "waiting": "待预审",
    "accepted": "已受理",
    "returned": "已退回补正",
    "refused": "不予受理",
    "invalid": "不符合协议",
}
