import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, func, insert, select

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.domain import certificate_code, keys
from desktop_app.domain.cose import PrivateKey, kid_for
from desktop_app.domain.license_id import is_valid_license_identifier
from desktop_app.models import Application, AuditEntry, Certificate, Enterprise, Item
from desktop_app.services import intake, issuance, workflow
from desktop_app.services.errors import PermissionDeniedError, WorkflowError
from tests import factories, site_checks
from tests.lifecycle_steps import change_and_issue
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def ready_application(
    store: Store,
    catalog: Catalog,
    serial: int = 1,
    valid_to: tuple[dt.date, dt.date] = (dt.date(2030, 9, 30), dt.date(2028, 3, 31)),
) -> str:
    """A 便利店 that sells drugs, accepted, dispatched and approved by market supervision."""
    sub = factories.submission(catalog, serial=serial)
    clerk, reviewer = actor(store, "clerk"), actor(store, "r_market")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, sub, TODAY).number
        workflow.dispatch(session, clerk, number)
        permits = ("food_registration", "drug_retail")
        for permit in permits:
            workflow.take_up(session, reviewer, number, permit)
        site_checks.pass_in(session, number, TODAY)
        for permit, until in zip(permits, valid_to, strict=True):
            workflow.approve(
                session, reviewer, number, permit, f"{permit}-{serial}", dt.date(2025, 10, 8), until
            )
    return number


def issue(
    store: Store, catalog: Catalog, number: str, key: PrivateKey, who: str = "clerk"
) -> issuance.CertificateView:
    with store.write() as session:
        return issuance.issue(
            session, actor(store, who), catalog, number, key, dt.date(2025, 10, 9)
        )


def test_issue_lists_every_permit_and_signs_them(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    assert view.revision == 1
    assert view.valid_until == dt.date(2028, 3, 31)  # the earliest-expiring permit
    assert [p.code for p in view.permits] == ["food_registration", "drug_retail"]
    assert view.permits[0].name == "食品生产经营登记证（食品小销售店）"
    assert is_valid_license_identifier(view.license_id)
    verdict = certificate_code.verify(
        view.qr_text, {kid_for(key.public_key()): [key.public_key()]}, clock.now()
    )
    assert verdict.valid
    assert verdict.claims is not None
    assert [(p.code, p.number) for p in verdict.claims.permits] == [
        ("food_registration", "food_registration-1"),
        ("drug_retail", "drug_retail-1"),
    ]


def test_number_format_carries_office_and_workstation(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    expected = "640324-2025-01-000001" if store.dialect == "sqlite" else "640324-2025-000001"
    assert view.number == expected


def test_numbers_run_one_to_n(store: Store, catalog: Catalog, key: PrivateKey) -> None:
    numbers = [
        issue(store, catalog, ready_application(store, catalog, serial), key).number
        for serial in range(1, 4)
    ]
    assert [n[-6:] for n in numbers] == ["000001", "000002", "000003"]


def test_only_a_ready_application_is_issued(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    clerk = actor(store, "clerk")
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, factories.submission(catalog), TODAY).number
    with pytest.raises(WorkflowError, match="尚未全部准予"), store.write() as session:
        issuance.issue(session, clerk, catalog, number, key)


def test_other_departments_cannot_issue(store: Store, catalog: Catalog, key: PrivateKey) -> None:
    number = ready_application(store, catalog)
    with pytest.raises(PermissionDeniedError), store.write() as session:
        issuance.issue(session, actor(store, "r_health"), catalog, number, key)
    assert issue(store, catalog, number, key, "r_market").revision == 1


def test_second_new_application_for_the_same_industry_is_refused(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    issue(store, catalog, ready_application(store, catalog, 5), key)
    again = ready_application(store, catalog, 5)
    with pytest.raises(WorkflowError, match="变更或延续"), store.write() as session:
        issuance.issue(session, actor(store, "clerk"), catalog, again, key)


def test_change_makes_a_new_revision_and_supersedes_the_old(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    first = issue(store, catalog, ready_application(store, catalog, 6), key)
    second = change_and_issue(store, catalog, key, first.number, address="同心县豫海镇新址1号")
    assert (second.number, second.revision) == (first.number, 2)
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    with store.read() as session:
        revocations = issuance.revocation_list(session)
        old = session.scalars(select(Certificate).where(Certificate.revision == 1)).one()
    assert old.state == "superseded"
    now = clock.now()
    assert (
        "已被第 2 版取代"
        in certificate_code.verify(first.qr_text, trusted, now, revocations).reason
    )
    assert certificate_code.verify(second.qr_text, trusted, now, revocations).valid


def test_reprint_is_for_supervisors_counted_and_audited(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    with store.write() as session:
        assert (
            issuance.record_print(session, actor(store, "clerk"), view.number, "柜台打印机")
            == "print"
        )
    with pytest.raises(PermissionDeniedError), store.write() as session:
        issuance.record_print(session, actor(store, "clerk"), view.number, "柜台打印机")
    with store.write() as session:
        assert (
            issuance.record_print(session, actor(store, "boss"), view.number, "柜台打印机")
            == "reprint"
        )
    with store.read() as session:
        assert issuance.certificate_view(session, catalog, view.number).reprints == 1
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.subject == view.number)
        ).all()
    assert actions.count("certificate_print") == 1
    assert actions.count("certificate_reprint") == 1


def test_spoiled_print_is_voided_and_printed_again_as_a_first_print(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    clerk = actor(store, "clerk")
    with store.write() as session:
        issuance.record_print(session, clerk, view.number, "套打机", overlay=True)
        issuance.void_print(session, clerk, view.number, "卡纸，证书纸作废")
        assert issuance.record_print(session, clerk, view.number, "套打机", overlay=True) == "print"


def test_cancelled_certificate_is_reported_by_the_qr(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    view = issue(store, catalog, ready_application(store, catalog), key)
    with pytest.raises(PermissionDeniedError), store.write() as session:
        issuance.cancel(session, actor(store, "clerk"), view.number, "申请注销")
    with store.write() as session:
        issuance.cancel(session, actor(store, "boss"), view.number, "申请人停业注销")
        revocations = issuance.revocation_list(session)
    trusted = {kid_for(key.public_key()): [key.public_key()]}
    assert (
        certificate_code.verify(view.qr_text, trusted, clock.now(), revocations).reason
        == "证书已注销"
    )
    with pytest.raises(WorkflowError), store.write() as session:
        issuance.record_print(session, actor(store, "boss"), view.number, "柜台打印机")


def clone_ready_applications(store: Store, number: str, count: int) -> list[str]:
    """``count`` copies of a ready application, each with its own enterprise, written in bulk.

    Through the services 1,000 ready cases would take minutes; the issuing under test does not
    care how its cases were made, only that they are ready.
    """
    tables = [cast(Table, model.__table__) for model in (Enterprise, Application, Item)]
    enterprise_t, application_t, item_t = tables
    with store.write() as session:
        application = (
            session.execute(select(application_t).where(application_t.c.number == number))
            .mappings()
            .one()
        )
        enterprise = (
            session.execute(
                select(enterprise_t).where(enterprise_t.c.id == application["enterprise_id"])
            )
            .mappings()
            .one()
        )
        items = (
            session.execute(select(item_t).where(item_t.c.application_id == application["id"]))
            .mappings()
            .all()
        )
        next_ids = [int(session.scalar(select(func.max(table.c.id))) or 0) + 1 for table in tables]
        enterprises, applications, clones = [], [], []
        for n in range(count):
            enterprise_id, application_id = next_ids[0] + n, next_ids[1] + n
            enterprises.append(
                {**enterprise, "id": enterprise_id, "credit_code": f"91640324C{n:09d}"}
            )
            applications.append(
                {
                    **application,
                    "id": application_id,
                    "number": f"{number}-{n:04d}",
                    "enterprise_id": enterprise_id,
                }
            )
            for index, item in enumerate(items):
                clones.append(
                    {
                        **item,
                        "id": next_ids[2] + n * len(items) + index,
                        "application_id": application_id,
                    }
                )
        session.execute(insert(enterprise_t), enterprises)
        session.execute(insert(application_t), applications)
        session.execute(insert(item_t), clones)
    return [a["number"] for a in applications]


def test_two_processes_issuing_at_once_give_exactly_one_to_n(
    pg_store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    # 2 × 500 issues, about a third of them rolled back first (issue 6).
    template = ready_application(pg_store, catalog, 1)
    applications = [template, *clone_ready_applications(pg_store, template, 999)]
    random.Random(7).shuffle(applications)
    key_file = tmp_path / "key.pem"
    keys.write_private_key(key, key_file)
    halves = [applications[0::2], applications[1::2]]
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("issue_worker.py")),
                pg_store.url,
                str(key_file),
                str(seed),
                *half,
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed, half in enumerate(halves)
    ]
    outputs = [w.communicate(timeout=300) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    rolled_back = sum(int(out.split()[0]) for out, _ in outputs)
    assert rolled_back > 0  # the workers really did roll some issues back
    with pg_store.read() as session:
        numbers = sorted(session.scalars(select(Certificate.number)).all())
    assert numbers == [f"640324-2025-{n:06d}" for n in range(1, 1001)]


def test_issuing_twice_says_it_was_issued(store: Store, catalog: Catalog, key: PrivateKey) -> None:
    number = ready_application(store, catalog)
    issue(store, catalog, number, key)
    with pytest.raises(WorkflowError, match="已出证，不能再次出证"):
        issue(store, catalog, number, key)
