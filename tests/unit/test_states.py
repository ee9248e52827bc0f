import itertools

import pytest

from desktop_app.domain.states import (
    ITEM_TRANSITIONS,
    ApplicationState,
    IllegalTransitionError,
    ItemSnapshot,
    ItemState,
    check_item_transition,
    derive_application_state,
)

LEGAL = {
    (ItemState.PENDING, ItemState.IN_REVIEW),
    (ItemState.IN_REVIEW, ItemState.CORRECTION_REQUESTED),
    (ItemState.IN_REVIEW, ItemState.APPROVED),
    (ItemState.IN_REVIEW, ItemState.REJECTED),
    (ItemState.CORRECTION_REQUESTED, ItemState.IN_REVIEW),
    (ItemState.APPROVED, ItemState.REVOKED),
}


@pytest.mark.parametrize(("current", "wanted"), sorted(LEGAL))
def test_legal_item_transitions_pass(current: ItemState, wanted: ItemState) -> None:
    check_item_transition(current, wanted)


@pytest.mark.parametrize(
    ("current", "wanted"),
    sorted(set(itertools.product(ItemState, ItemState)) - LEGAL),
)
def test_every_other_item_transition_is_refused(current: ItemState, wanted: ItemState) -> None:
    with pytest.raises(IllegalTransitionError):
        check_item_transition(current, wanted)


def test_the_table_is_exactly_the_legal_set() -> None:
    assert {(a, b) for a, targets in ITEM_TRANSITIONS.items() for b in targets} == LEGAL


def snap(
    state: ItemState, optional: bool = False, dropped: bool = False, dispatched: bool = True
) -> ItemSnapshot:
    return ItemSnapshot(state, optional, dropped, dispatched)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([snap(ItemState.PENDING, dispatched=False)] * 2, ApplicationState.ACCEPTED),
        ([snap(ItemState.PENDING), snap(ItemState.IN_REVIEW)], ApplicationState.IN_REVIEW),
        (
            [snap(ItemState.APPROVED), snap(ItemState.CORRECTION_REQUESTED)],
            ApplicationState.AWAITING_CORRECTION,
        ),
        ([snap(ItemState.APPROVED), snap(ItemState.APPROVED)], ApplicationState.READY_TO_ISSUE),
        (
            [snap(ItemState.APPROVED), snap(ItemState.REJECTED, optional=True)],
            ApplicationState.PARTLY_REFUSED,
        ),
        (
            [snap(ItemState.APPROVED), snap(ItemState.REJECTED, optional=True, dropped=True)],
            ApplicationState.READY_TO_ISSUE,
        ),
        ([snap(ItemState.IN_REVIEW), snap(ItemState.REJECTED)], ApplicationState.REFUSED),
        ([snap(ItemState.REVOKED), snap(ItemState.APPROVED)], ApplicationState.REFUSED),
        (
            [snap(ItemState.REJECTED, optional=True), snap(ItemState.CORRECTION_REQUESTED)],
            ApplicationState.PARTLY_REFUSED,
        ),
    ],
)
def test_application_state_follows_its_items(
    items: list[ItemSnapshot], expected: ApplicationState
) -> None:
    assert derive_application_state(items) == expected
