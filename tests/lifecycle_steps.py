"""A four-permit 超市 certificate and the steps of a later application, for the lifecycle tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.catalog import Catalog, resolve
from desktop_app.db import Store
from desktop_app.domain.cose import PrivateKey
from desktop_app.domain.states import ApplicationKind
from desktop_app.models import Item
from desktop_app.services import intake, issuance, lifecycle, workflow
from tests import factories, site_checks
from tests.store.conftest import actor

DAY = dt.date(2025, 9, 26)
# 超市 with 清真 and 第二类医疗器械, no drugs: 食品经营, 清真食品准营, 二类器械备案, 公共场所卫生.
SUPERMARKET = {
    "area_m2": 300,
    "halal": True,
    "onsite_production": False,
    "sells_drugs": False,
    "device_class2": True,
}
EXPIRIES = {
    "food_business": dt.date(2030, 9, 30),
    "halal": dt.date(2028, 3, 31),
    "device2_filing": None,
    "public_hygiene": dt.date(2029, 6, 30),
}


def approve_items(store: Store, number: str, day: dt.date = DAY, **valid_to: dt.date) -> None:
    """Dispatches the case and has each department approve its items as the certificate says
    (or with a new expiry for the permits named in ``valid_to``)."""
    with store.write() as session:
        if any(i.dispatched_at is None for i in workflow.load_application(session, number).items):
            workflow.dispatch(session, actor(store, "clerk"), number)
        site_checks.pass_in(session, number, day)
    with store.read() as session:
        items = [
            (i.permit, i.department, i.state, i.permit_no, i.valid_from, i.valid_to)
            for i in workflow.load_application(session, number).items
        ]
    for permit, department, state, permit_no, valid_from, until in items:
        reviewer = actor(store, f"r_{department}")
        with store.write() as session:
            if state == "pending":  # a site check's result took it up already
                workflow.take_up(session, reviewer, number, permit)
            workflow.approve(
                session,
                reviewer,
                number,
                permit,
                permit_no or f"{permit}-1",
                valid_from or day,
                valid_to.get(permit, until if permit_no else EXPIRIES.get(permit)),
                today=day,
            )


def issue_supermarket(
    store: Store, catalog: Catalog, key: PrivateKey, serial: int = 1, **form: Any
) -> issuance.CertificateView:
    bundle = resolve(catalog, "supermarket", SUPERMARKET)
    submission = intake.Submission(
        "supermarket",
        SUPERMARKET,
        factories.full_form(bundle, serial, **form),
        factories.all_on_paper(bundle),
    )
    with store.write() as session:
        number = intake.accept(session, actor(store, "clerk"), catalog, submission, DAY).number
    approve_items(store, number)
    with store.write() as session:
        return issuance.issue(session, actor(store, "clerk"), catalog, number, key, DAY)


def on_paper(catalog: Catalog, request: lifecycle.Request, store: Store) -> dict[str, str]:
    """Every material the request needs, handed in on paper."""
    with store.read() as session:
        held = lifecycle.held(session, catalog, request.certificate)
    result = lifecycle.plan(catalog, held, request)
    return {m.key: "paper" for m in result.materials if not m.government_issued}


def accept(
    store: Store, catalog: Catalog, request: lifecycle.Request, day: dt.date = DAY
) -> intake.Receipt:
    if not request.materials:
        request = lifecycle.Request(
            **{**request.__dict__, "materials": on_paper(catalog, request, store)}
        )
    with store.write() as session:
        return lifecycle.accept(session, actor(store, "clerk"), catalog, request, day)


def items_of(store: Store, number: str) -> dict[str, str]:
    """permit → item kind of a case."""
    with store.read() as session:
        rows: list[Item] = workflow.load_application(session, number).items
        return {i.permit: i.kind for i in rows}


def change_and_issue(
    store: Store, catalog: Catalog, key: PrivateKey, number: str, **form: Any
) -> issuance.CertificateView:
    """A 变更 of ``number`` accepted, approved by every department it goes to, and issued."""
    receipt = accept(store, catalog, lifecycle.Request(ApplicationKind.CHANGE, number, form))
    approve_items(store, receipt.number)
    with store.write() as session:
        return issuance.issue(session, actor(store, "clerk"), catalog, receipt.number, key, DAY)
