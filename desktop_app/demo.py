"""``yiye demo``: a realistic spread of cases so a supervisor's first look is meaningful.

About 200 applications over the 14 industries, in every state, some overdue, some with
certificates, all made through the same services and checks as real cases (so the history and the
audit trail are real too). Demo users share one password, printed at the end.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app import clock, config
from desktop_app.catalog import Bundle, BundleField, Catalog, ResolveError, resolve
from desktop_app.catalog.enumerate import answer_space
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.domain.cose import PrivateKey, kid_for
from desktop_app.domain.identifiers import credit_code_check_char, id_number_check_char
from desktop_app.models import Application
from desktop_app.services import (
    auth,
    drafts,
    enforcement,
    inspections,
    intake,
    issuance,
    supervision,
    workflow,
)
from desktop_app.services import commitments as commitments_services
from desktop_app.services import deferred as deferred_services
from desktop_app.services.auth import Actor
from desktop_app.services.cases import get_application

PASSWORD = "Demo2026x"
SURNAMES = "马杨李王张刘丁海田白金周"
GIVEN = ["建国", "秀兰", "小明", "玉梅", "国强", "海燕", "文华", "志强", "丽娟", "永福"]
TRADE_NAMES = [
    "惠民",
    "清泉",
    "丰源",
    "金穗",
    "同福",
    "豫海",
    "安康",
    "红星",
    "新华",
    "康乐",
    "兴隆",
    "和顺",
]
STREETS = ["豫海镇清真大街", "豫海镇文化街", "河西镇中心街", "丁塘镇长征路", "韦州镇和平街"]
# The share of cases left in each state, roughly as a county hall would see them.
TARGETS = [
    ("accepted", 4),
    ("in_review", 28),
    ("awaiting_correction", 9),
    ("partly_refused", 5),
    ("refused", 5),
    ("ready_to_issue", 14),
    ("issued", 23),
    ("withdrawn", 4),
    ("terminated", 2),
    ("counter_correction", 4),  # a 一次性补正告知书 at the counter; most come back
    ("counter_refusal", 2),  # 不予受理
]
DEFERRED_SHARE = 0.12  # accepted with a non-key material to follow (容缺)
COMMITMENT_SHARE = 0.25  # of the cases with a permit that allows 告知承诺
WAYS = ("paper", "scan", "electronic")


class DemoRefusedError(RuntimeError):
    """The database already holds cases (``--force`` overrides)."""


@dataclass(frozen=True)
class DemoResult:
    applications: int
    certificates: int
    users: tuple[str, ...]


def _value(field: BundleField, rng: random.Random, serial: int, name: str) -> Any:
    if field.key == "enterprise_name":
        return name
    if field.check == "credit_code":
        body = f"92640324MA{serial:07d}"
        return body + credit_code_check_char(body)
    if field.check == "id_number":
        born = dt.date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
        body = f"640324{born:%Y%m%d}{rng.randint(0, 999):03d}"
        return body + id_number_check_char(body)
    if field.check == "phone":
        return f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
    if field.check == "postal_code":
        return "751300"
    if field.key in (
        "legal_rep_name",
        "contact_name",
        "enterprise_head_name",
        "quality_manager_name",
    ):
        return rng.choice(SURNAMES) + rng.choice(GIVEN)
    if field.key in ("address", "domicile"):
        return f"宁夏吴忠市同心县{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    if field.type == "bool":
        return True
    if field.type in ("integer", "number"):
        return int(field.min or 0) + rng.randint(1, 40)
    if field.type == "choice":
        return [field.choices[0]] if field.multiple else rng.choice(field.choices)
    if field.type == "date":
        return "2026-01-01"
    return f"{field.label}（示例）"


def _form(bundle: Bundle, rng: random.Random, serial: int, name: str) -> dict[str, Any]:
    return {f.key: _value(f, rng, serial, name) for f in bundle.fields if f.answer is None}


def _demo_key() -> PrivateKey:
    """The demo's own key, never the issuing key and never trusted (verify says 演示证书)."""
    folder = config.demo_keys_dir()
    path = folder / "private-key.pem"
    if path.exists():
        return keys.load_private_key(path)
    key = keys.generate()
    keys.write_private_key(key, path)
    public = folder / f"{keys.DEMO_PREFIX}{kid_for(key.public_key()).hex()}.pem"
    public.write_bytes(keys.public_pem(key.public_key()))
    return key


def _users(store: Store, catalog: Catalog) -> dict[str, Actor]:
    wanted: list[tuple[str, str, str | None]] = [
        ("demo_clerk", "clerk", None),
        ("demo_boss", "supervisor", None),
        ("demo_admin", "admin", None),
    ]
    wanted.extend(
        (f"demo_{code}", "reviewer", code)
        for code in catalog.departments
        if code != catalog.counter_department
    )
    wanted.extend(
        (f"demo_i_{code}", "inspector", code)
        for code in catalog.departments
        if code != catalog.counter_department
    )
    actors = {}
    with store.write() as session:
        existing = {u.username for u in auth.list_users(session)}
        for name, role, department in wanted:
            if name not in existing:
                auth.add_user(session, auth.SYSTEM, name, PASSWORD, role, department)
    with store.read() as session:
        for name, _, _ in wanted:
            actors[name] = auth.actor_for(session, name)
    return actors


def _decide(
    session: Session,
    reviewers: dict[str, Actor],
    number: str,
    target: str,
    day: dt.date,
    rng: random.Random,
    waiting: frozenset[str] = frozenset(),
) -> None:
    """Decides the items towards ``target``; a permit ``waiting`` for 容缺 stays in review."""
    view = get_application(session, number)
    items = list(view.items)
    for index, item in enumerate(items):
        reviewer = reviewers[item.department]
        if item.state == "pending":  # a site check may have taken it up already
            workflow.take_up(session, reviewer, number, item.permit)
        last = index == len(items) - 1
        if target == "awaiting_correction" and last:
            workflow.request_correction(
                session, reviewer, number, item.permit, "经营场所平面图未标明面积", day
            )
        elif target in ("partly_refused", "refused") and (
            last if target == "partly_refused" else index == 0
        ):
            reason = "现场核查不符合许可条件"
            if target == "partly_refused" and not item.optional:
                workflow.request_correction(
                    session, reviewer, number, item.permit, "请补充消防安全证明", day
                )
                continue
            workflow.reject(session, reviewer, number, item.permit, reason)
            if target == "refused":
                return
        elif (target == "in_review" and last and rng.random() < 0.7) or item.permit in waiting:
            continue  # still with the department
        else:
            valid_to = (
                None
                if item.permit in ("device2_filing", "clinic_filing")
                else day + dt.timedelta(days=rng.choice([365, 730, 1460, 1825]))
            )
            workflow.approve(
                session,
                reviewer,
                number,
                item.permit,
                f"{item.permit[:4].upper()}{day:%Y}{rng.randint(1000, 9999)}",
                day,
                valid_to,
            )


@dataclass
class _Hall:
    """Who works in the demo hall, the clock they work by, and what was made."""

    store: Store
    catalog: Catalog
    clock: clock.FixedClock
    actors: dict[str, Actor]
    reviewers: dict[str, Actor]
    key: PrivateKey
    rng: random.Random
    today: dt.date  # the real today: nothing in the demo happens after it
    certificates: int = 0
    made: int = 0

    def at(self, day: dt.date) -> None:
        """Moves the hall's clock to a working hour of ``day`` (the case's history is real)."""
        self.clock.move_to(day, self.rng.randint(8, 16), self.rng.randint(0, 59))


def run(
    store: Store, catalog: Catalog, count: int = 200, force: bool = False, seed: int = 2026
) -> DemoResult:
    """Fills ``store`` with ``count`` demo cases; refuses a database that already holds cases.

    Beside the straight-through cases: 容缺 (some materials in, some late, a few cases ended),
    告知承诺 (checks passed, failed, due), 补正 and 不予受理 at the counter (some applicants back
    and accepted), 不予许可 — each in about the share a county hall sees.
    """
    with store.read() as session:
        if (session.scalar(select(func.count()).select_from(Application)) or 0) and not force:
            raise DemoRefusedError(
                "数据库中已有办件，演示数据只写入空数据库（确需写入请加 --force）"
            )
    rng = random.Random(seed)
    actors = _users(store, catalog)
    reviewers = {
        code: actors[f"demo_{code}"]
        for code in catalog.departments
        if code != catalog.counter_department
    }
    today = clock.today()
    hall = _Hall(
        store, catalog, clock.FixedClock.on(today), actors, reviewers, _demo_key(), rng, today
    )
    weights = [w for _, w in TARGETS]
    with clock.using(hall.clock):  # each case happens on its own days, not today
        for serial in range(1, count + 1):
            industry = catalog.industries[serial % len(catalog.industries)]
            options = list(answer_space(industry, catalog))
            rng.shuffle(options)
            bundle = None
            for answers in options:
                try:
                    bundle = resolve(catalog, industry, answers)
                    break
                except ResolveError:
                    continue
            assert bundle is not None
            kind = industry.aliases[0] if industry.aliases else industry.name
            name = f"同心县{rng.choice(TRADE_NAMES)}{kind}{'有限公司' if serial % 3 else ''}"
            target = rng.choices([t for t, _ in TARGETS], weights)[0]
            # Spread over the last months; recent cases are on time, older open ones overdue.
            day = today - dt.timedelta(days=rng.randint(1, 150))
            _case(hall, bundle, serial, name, target, day)
        _published_draw(hall)
    return DemoResult(hall.made, hall.certificates, tuple(sorted(actors)))


def _published_draw(hall: _Hall) -> None:
    """One 双随机 draw over the certificate holders, its results recorded and published."""
    boss = hall.actors["demo_boss"]
    departments = [hall.catalog.issuing_department]
    hall.at(hall.today - dt.timedelta(days=1))
    seed = f"{hall.today - dt.timedelta(days=1):%Y-%m-%d} 同心县市场监管局双随机抽查公告〔演示〕1号"
    with hall.store.write() as session:
        if not supervision.registry(session, departments):
            return
        drawn = supervision.draw(
            session, boss, hall.catalog, departments, [], dict.fromkeys("ABCD", 0.3), seed
        )
        for index, target in enumerate(drawn.targets):
            inspector = hall.actors.get(target.inspectors[0][1], boss)
            if index % 4 == 3:
                continue  # not inspected yet
            result = "problem" if index % 5 in (1, 2) else "ok"
            findings = {
                1: "未在经营场所醒目位置悬挂行业综合许可证",
                2: "经营场所已改作仓库，不再具备许可条件",
            }.get(index % 5, "")
            supervision.record(session, inspector, drawn.id, target.credit_code, result, findings)
            if result == "problem":
                _measure(session, boss, drawn.id, target.credit_code, hall.today, index % 5 == 2)
        with tempfile.TemporaryDirectory() as folder:  # published: the list is the county's
            supervision.publish(session, boss, hall.catalog, drawn.id, Path(folder) / "公示.pdf")


def _measure(
    session: Session, boss: Actor, draw_id: int, code: str, today: dt.date, revoke: bool
) -> None:
    """The finding's measure on the holder's first permit: 责令整改, or now and then 撤销."""
    permit = enforcement.permits_held(session, code)[0][0]
    if revoke:
        basis = "《中华人民共和国行政许可法》第六十九条（演示）"
        enforcement.order(session, boss, draw_id, code, "revoke", permit, "", basis=basis)
    else:
        due = today + dt.timedelta(days=30)
        enforcement.order(session, boss, draw_id, code, "rectify", permit, "", due_on=due)


def _window_checks(
    catalog: Catalog, bundle: Bundle, form: dict[str, Any], serial: int
) -> dict[str, tuple[str, str]]:
    """Four cases in five have their government-issued materials checked at the window."""
    if serial % 5 == 0:
        return {}
    checks = {}
    for material in bundle.materials:
        spec = catalog.materials[material.key]
        if material.government_issued and spec.check_source:
            number = form.get(spec.check_number_field or "") or f"TX-{serial:04d}-{material.key}"
            checks[material.key] = (spec.check_source, str(number))
    return checks


def _case(hall: _Hall, bundle: Bundle, serial: int, name: str, target: str, day: dt.date) -> None:
    rng, clerk = hall.rng, hall.actors["demo_clerk"]
    form = _form(bundle, rng, serial, name)
    materials = {m.key: "paper" for m in bundle.materials if not m.government_issued}
    hall.at(day)
    if target in ("counter_correction", "counter_refusal"):
        _at_the_counter(hall, bundle, form, materials, target, day)
        return
    late = [m for m in bundle.materials if m.deferrable and not m.government_issued]
    deferred = None
    if late and (target == "terminated" or rng.random() < DEFERRED_SHARE):
        deferred = late[0].key
        materials[deferred] = f"deferred:{day + dt.timedelta(days=14)}"
    allowed = [p.code for p in bundle.permits if p.commitment_allowed]
    commitments = (allowed[0],) if allowed and rng.random() < COMMITMENT_SHARE else ()
    checks = _window_checks(hall.catalog, bundle, form, serial)
    materials.update(dict.fromkeys(checks, "checked"))
    submission = intake.Submission(
        bundle.industry, dict(bundle.answers), form, materials, commitments, checks=checks
    )
    with hall.store.write() as session:
        number = intake.accept(session, clerk, hall.catalog, submission).number
        if target != "accepted":
            workflow.dispatch(session, clerk, number)
    decided_on = day + dt.timedelta(days=rng.randint(1, 8))
    held = _inspect(hall, number, target, day, serial) if target != "accepted" else None
    if held is not None:  # the decisions follow the site checks
        decided_on = max(decided_on, day + dt.timedelta(days=6))
    hall.at(decided_on)
    with hall.store.write() as session:
        if deferred is not None and target in ("ready_to_issue", "issued", "partly_refused"):
            deferred_services.receive(session, clerk, number, deferred, rng.choice(WAYS))
        if target == "terminated":
            hall.at(day + dt.timedelta(days=20))  # the material never came
            deferred_services.terminate(
                session, hall.actors["demo_boss"], hall.catalog, number, "容缺材料逾期未补交"
            )
        elif target not in ("accepted", "withdrawn"):
            waiting = frozenset(
                p
                for row in deferred_services.outstanding(session, hall.catalog, number=number)
                for p in row.permits
            )
            waiting |= held or frozenset()
            _decide(session, hall.reviewers, number, target, decided_on, rng, waiting)
        if target == "withdrawn":
            workflow.withdraw(session, clerk, number, "申请人撤回申请")
    if commitments and target in ("ready_to_issue", "issued"):
        _check(hall, number, commitments[0], decided_on)
    if target == "issued" and len(bundle.permits) >= 2:
        hall.at(day + dt.timedelta(days=10))
        with hall.store.write() as session:
            if get_application(session, number).state == "ready_to_issue":
                issuance.issue(
                    session, clerk, hall.catalog, number, hall.key, day + dt.timedelta(days=10)
                )
                hall.certificates += 1
    hall.made += 1


def _inspect(
    hall: _Hall, number: str, target: str, day: dt.date, serial: int
) -> frozenset[str] | None:
    """一同核查 at each stage: scheduled; changes asked and awaited; rechecked and passed.

    Returns the permits still waiting for their check or the applicant's changes (not to be
    decided yet); None when the case has no site check.
    """
    with hall.store.read() as session:
        status = inspections.status(session, hall.catalog, number)
    departments = list(dict.fromkeys(i.department for i in status.items))
    if not departments or target in ("accepted", "withdrawn", "terminated"):
        return None
    boss = hall.actors["demo_boss"]
    names = [f"demo_i_{d}" for d in departments]
    hall.at(day + dt.timedelta(days=1))
    with hall.store.write() as session:
        inspections.schedule(
            session, boss, hall.catalog, number, _nine(day + dt.timedelta(days=2)), names
        )
    if target == "in_review" and serial % 2:
        return frozenset(i.permit for i in status.items)  # the inspection is still to come
    asked = target == "in_review" or (target in ("ready_to_issue", "issued") and serial % 3 == 0)
    hall.at(day + dt.timedelta(days=2))
    for index, item in enumerate(status.items):
        outcome = "rectify" if asked and index == 0 else "pass"
        with hall.store.write() as session:
            inspections.record(
                session,
                hall.actors[f"demo_i_{item.department}"],
                hall.catalog,
                number,
                item.permit,
                outcome,
                "后厨防蝇防鼠设施不全，需补齐" if outcome == "rectify" else "",
            )
    if not asked:
        return frozenset()
    if target == "in_review":
        return frozenset({status.items[0].permit})  # waiting for the applicant's changes
    hall.at(day + dt.timedelta(days=4))
    clerk = hall.actors["demo_clerk"]
    with hall.store.write() as session:
        inspections.report_rectified(session, clerk, hall.catalog, number)
        inspections.schedule(
            session,
            boss,
            hall.catalog,
            number,
            _nine(day + dt.timedelta(days=5)),
            [f"demo_i_{status.items[0].department}"],
        )
    hall.at(day + dt.timedelta(days=5))
    with hall.store.write() as session:
        inspections.record(
            session,
            hall.actors[f"demo_i_{status.items[0].department}"],
            hall.catalog,
            number,
            status.items[0].permit,
            "pass",
        )
    return frozenset()


def _nine(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 30))


def _at_the_counter(
    hall: _Hall,
    bundle: Bundle,
    form: dict[str, Any],
    materials: dict[str, str],
    target: str,
    day: dt.date,
) -> None:
    """A 补正 (the applicant back in a few days, or not yet) or a 不予受理 at the counter."""
    clerk, catalog = hall.actors["demo_clerk"], hall.catalog
    brought = [m for m in bundle.materials if not m.government_issued]
    missing = hall.rng.choice(brought[1:] or brought)  # the form itself is seldom what lacks
    handed = {k: v for k, v in materials.items() if k != missing.key}
    with hall.store.write() as session:
        draft = drafts.save_draft(
            session, clerk, None, bundle.industry, bundle.answers, form, handed
        )
        if target == "counter_refusal":
            drafts.refuse_at_counter(session, clerk, catalog, draft, "申请事项不属于本窗口受理范围")
            return
        drafts.request_counter_corrections(session, clerk, catalog, draft, [missing.name])
    back = day + dt.timedelta(days=hall.rng.randint(2, 6))
    if back >= hall.today or hall.rng.random() < 0.4:
        return  # still away: found again from 补正后继续办理
    hall.at(back)
    submission = intake.Submission(
        bundle.industry, dict(bundle.answers), form, materials, draft_id=draft
    )
    with hall.store.write() as session:
        number = intake.accept(session, clerk, catalog, submission).number
        workflow.dispatch(session, clerk, number)
    hall.made += 1


def _check(hall: _Hall, number: str, permit: str, approved_on: dt.date) -> None:
    """A 告知承诺 check: most pass within the 60 days, a few fail, the recent ones are due."""
    checked_on = approved_on + dt.timedelta(days=hall.rng.randint(10, 45))
    if checked_on >= hall.today:
        return
    hall.at(checked_on)
    with hall.store.write() as session:
        view = get_application(session, number)
        item = next(i for i in view.items if i.permit == permit)
        failed = hall.rng.random() < 0.15
        commitments_services.verify(
            session,
            hall.reviewers[item.department],
            number,
            permit,
            passed=not failed,
            findings="现场条件与承诺不符" if failed else "现场核查与承诺一致",
        )
