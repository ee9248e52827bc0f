"""一口受理: acceptance in one transaction, with the documents it makes due.

Drafts and the counter's 补正 and 不予受理 before acceptance are in services/drafts.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Bundle, Catalog, ResolveError, resolve
from desktop_app.catalog.bundle import BundleMaterial
from desktop_app.catalog.conditions import numeric_thresholds
from desktop_app.catalog.model import Industry
from desktop_app.catalog.report import industry_reduction
from desktop_app.config import installation
from desktop_app.domain.form_values import FormValue, agent_problems, check_form, text_problem
from desktop_app.domain.identifiers import check_id_number
from desktop_app.domain.states import (
    APPLICATION_KIND_NAMES,
    ITEM_MODE_NAMES,
    MATERIAL_WAY_NAMES,
    ApplicationKind,
    ApplicationState,
    ItemMode,
    ItemState,
)
from desktop_app.domain.workdays import WorkCalendar
from desktop_app.models import (
    Agent,
    Application,
    Draft,
    Item,
    MaterialCheck,
    MaterialFile,
    ReceivedMaterial,
    StateChange,
)
from desktop_app.models.base import utcnow
from desktop_app.printing import fonts
from desktop_app.services import audit, documents, filed_form, holder, material_reuse, numbers
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.calendar import calendar_from
from desktop_app.services.errors import (
    ServiceError,
    SubmissionError,
)

RECEIPT_WAYS = ("paper", "scan", "electronic")
NOT_HANDED_OVER = ("checked", "reused")  # the government already holds these
MAX_DEFERRAL = dt.timedelta(days=90)
_DEFERRED = re.compile(r"deferred:(\d{4}-\d{2}-\d{2})")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class AgentInfo:
    """The person at the counter if not the legal representative (委托代理人)."""

    name: str
    id_number: str
    phone: str | None = None


@dataclass(frozen=True)
class Submission:
    """What the clerk hands over for acceptance; materials map key to how it was received.

    A material's value is ``paper``, ``scan`` (``scan:<sha256>`` with the file's hash),
    ``electronic``, ``deferred:YYYY-MM-DD`` (容缺, with the date it is due), ``checked`` (a
    government-issued one the window checked, details in ``checks``) or ``reused:<number>`` (a
    returning enterprise's earlier material from that case, see services/material_reuse.py).
    """

    industry: str
    answers: Mapping[str, Any]
    form: Mapping[str, FormValue]
    materials: Mapping[str, str]
    commitments: tuple[str, ...] = ()
    agent: AgentInfo | None = None
    kind: ApplicationKind = ApplicationKind.NEW
    draft_id: int | None = None
    client_ref: str | None = None  # a batch sender's own reference: accepted once only
    # Fields filled from what the government already holds (earlier cases, the licence, the ID
    # card) and left as filled: the reform figures count what was typed, not these.
    prefilled: frozenset[str] = frozenset()
    # Materials marked ``checked``: (source, document number) of the window's check.
    checks: Mapping[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReceiptItem:
    permit: str
    name: str
    department: str
    mode: str
    promised_due: dt.date
    statutory_due: dt.date
    promised_days: int
    statutory_days: int
    # The dates rest on a year whose holidays are not published yet: letters give the days only.
    provisional: bool = False
    kind: str = "new"  # what the department decides: new, change, renewal, cancellation


@dataclass(frozen=True)
class Receipt:
    """The data of the 受理通知书 (收件凭证)."""

    number: str
    application_id: int
    accepted_on: dt.date
    enterprise_name: str
    industry_name: str
    items: tuple[ReceiptItem, ...]
    received: tuple[tuple[str, str], ...]
    deferred: tuple[tuple[str, dt.date], ...] = field(default=())
    kind: str = "new"
    certificate_number: str | None = None  # the certificate a later application works on


def is_optional_permit(industry: Industry, permit: str) -> bool:
    """True when the permit follows from a yes/no business choice (清真, 兼营食品).

    Such a permit may be dropped when refused; one the industry or the area imposes may not.
    """
    if permit in industry.always:
        return False
    rule = next((r for r in industry.rules if r.permit == permit), None)
    return rule is not None and next(numeric_thresholds(rule.condition), None) is None


class ParsedMaterial(NamedTuple):
    """One material as the clerk recorded it at acceptance."""

    how: str  # paper, scan, electronic, deferred, checked, reused
    due: dt.date | None = None  # 容缺: when it is due
    sha256: str | None = None  # scan: the file's hash
    reused_from: str | None = None  # reused: the earlier case's number
    check: tuple[str, str] | None = None  # checked: (source, document number)


def parse_materials(
    needed: Sequence[BundleMaterial],
    given: Mapping[str, str],
    today: dt.date,
    *,
    with_agent: bool = True,
    checks: Mapping[str, tuple[str, str]] | None = None,
    offers: Mapping[str, material_reuse.ReuseOffer] | None = None,
) -> tuple[dict[str, ParsedMaterial], dict[str, str]]:
    """Returns the materials by key, and errors by material key.

    ``checks`` holds (source, number) of the government-issued materials the window checked;
    ``offers`` the earlier materials a returning enterprise may reuse (material_reuse.offers).
    """
    known = {m.key: m for m in needed}
    errors = {k: f"本次申请不需要材料“{k}”" for k in given if k not in known}
    parsed: dict[str, ParsedMaterial] = {}
    for key, material in known.items():
        value = given.get(key)
        if value is None:
            if material.only_with_agent and not with_agent:
                continue  # the legal representative came in person
            if not material.government_issued:
                errors[key] = (
                    f"缺少材料：{material.name}（可标记为容缺并填写补交日期）"
                    if (material.deferrable)
                    else f"缺少材料：{material.name}"
                )
            continue
        deferred = _DEFERRED.fullmatch(value)
        if deferred:
            try:
                due = dt.date.fromisoformat(deferred.group(1))
            except ValueError:
                errors[key] = f"{material.name}的补交日期无效：{deferred.group(1)}"
                continue
            if not material.deferrable:
                errors[key] = f"{material.name}是核心材料，不能容缺受理"
            elif not today < due <= today + MAX_DEFERRAL:
                errors[key] = f"{material.name}的补交日期须在今天之后{MAX_DEFERRAL.days}天以内"
            else:
                parsed[key] = ParsedMaterial("deferred", due)
            continue
        how, _, rest = value.partition(":")
        if how == "checked":
            check = (checks or {}).get(key)
            problem = _check_problem(material, check)
            if problem:
                errors[key] = problem
            else:
                parsed[key] = ParsedMaterial("checked", check=check)
            continue
        if how == "reused":
            offer = (offers or {}).get(key)
            if offer is None or offer.number != rest:
                errors[key] = f"{material.name}没有可沿用的已有材料（办件 {rest or '未写明'}）"
            else:
                parsed[key] = ParsedMaterial("reused", reused_from=offer.number)
            continue
        if how not in RECEIPT_WAYS or (rest and (how != "scan" or not _SHA256.fullmatch(rest))):
            ways = "paper、scan、electronic、deferred:日期、checked、reused:办件编号"
            errors[key] = f"{material.name}的收取方式“{value}”无效（可用 {ways}）"
            continue
        parsed[key] = ParsedMaterial(how, sha256=rest or None)
    return parsed, errors


def _check_problem(material: BundleMaterial, check: tuple[str, str] | None) -> str | None:
    if not material.government_issued:
        return f"{material.name}不是政府部门出具的材料，须由申请人提交"
    source, number = (part.strip() for part in check) if check else ("", "")
    if not source or not number:
        return f"{material.name}的窗口核验须写明核验来源和证照编号"
    if len(source) > 200 or len(number) > 100:
        return f"{material.name}的核验来源不超过 200 字，证照编号不超过 100 字"
    return None


def handed_over(
    needed: Sequence[BundleMaterial], parsed: Mapping[str, ParsedMaterial], with_agent: bool
) -> int:
    """What the applicant brought: not what the window checked at its source or reused.

    A government-issued material nobody recorded a check of counts as handed over: nothing shows
    the counter fetched it. A 委托书 without an agent was not needed, whatever was ticked.
    """
    return sum(
        1
        for m in needed
        if (with_agent or not m.only_with_agent)
        and (m.key not in parsed or parsed[m.key].how not in NOT_HANDED_OVER)
    )


def separate_materials(
    catalog: Catalog,
    permit_codes: Sequence[str],
    needed: Sequence[BundleMaterial],
    with_agent: bool,
) -> int:
    """The separate applications' materials for the same permits, as this applicant would bring."""
    skipped = set() if with_agent else {m.key for m in needed if m.only_with_agent}
    return sum(
        1 for c in permit_codes for need in catalog.permits[c].materials if need.key not in skipped
    )


class AlreadyAcceptedError(ServiceError):
    """A case with this client reference was accepted before; ``number`` is its 受理编号."""

    def __init__(self, client_ref: str, number: str) -> None:
        super().__init__(f"client_ref“{client_ref}”已于此前受理为 {number}，未重复受理")
        self.number = number


def check_client_ref(session: Session, client_ref: str | None) -> None:
    if client_ref is None:
        return
    problem = text_problem("client_ref", client_ref, 100)
    if problem or not client_ref.strip():
        raise SubmissionError({"client_ref": problem or "client_ref 不能为空"})
    number = session.scalar(select(Application.number).where(Application.client_ref == client_ref))
    if number is not None:
        raise AlreadyAcceptedError(client_ref, number)


def unprintable(
    bundle: Bundle, form: Mapping[str, FormValue], errors: Mapping[str, str]
) -> dict[str, str]:
    """Text the documents cannot print: what is signed must be what is printed."""
    problems = {}
    for bundle_field in bundle.fields:
        value = form.get(bundle_field.key)
        if bundle_field.key in errors or not isinstance(value, str):
            continue
        missing = fonts.undrawable(value)
        if missing:
            shown = "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in missing[:3])
            problems[bundle_field.key] = (
                f"{bundle_field.label}含有证照无法打印的字符{shown}，请删除或改用规范汉字"
            )
    return problems


def with_answers(bundle: Bundle, form: Mapping[str, FormValue]) -> dict[str, FormValue]:
    """The form with the fields the situation answers filled (the area is asked once)."""
    values = dict(form)
    for bundle_field in bundle.fields:
        if bundle_field.answer and bundle_field.key not in values:
            values[bundle_field.key] = bundle.answers[bundle_field.answer]
    return values


def check_agent(agent: AgentInfo | None) -> dict[str, str]:
    return {} if agent is None else agent_problems(agent.name, agent.id_number, agent.phone or "")


def typed_less(bundle: Bundle, prefilled: frozenset[str]) -> int:
    """How many of the form's fields the clerk did not type (filled from records instead)."""
    return len(prefilled & {f.key for f in bundle.fields if f.answer is None})


def accept(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    submission: Submission,
    today: dt.date | None = None,
) -> Receipt:
    """Checks everything, then creates the application, its items, materials and receipt at once.

    Raises:
        SubmissionError: field- and material-level messages; nothing is stored.
    """
    require_role(actor, "clerk", "supervisor", action="受理申请")
    if submission.kind != ApplicationKind.NEW:
        # After issue the application starts from the certificate: services/lifecycle.py.
        raise SubmissionError({"kind": "变更、延续、增项、减项、补证和注销须从已发证书办理"})
    today = today or clock.today()
    check_client_ref(session, submission.client_ref)
    try:
        bundle = resolve(catalog, submission.industry, submission.answers)
    except ResolveError as exc:
        raise SubmissionError({exc.key or "industry": exc.message}) from None
    form, errors = check_form(bundle.fields, with_answers(bundle, submission.form))
    errors.update(unprintable(bundle, form, errors))
    offers = material_reuse.offers(
        session, catalog, str(form.get("credit_code") or ""), form, bundle.materials, today
    )
    materials, material_errors = parse_materials(
        bundle.materials,
        submission.materials,
        today,
        with_agent=submission.agent is not None,
        checks=submission.checks,
        offers=offers,
    )
    errors.update(material_errors)
    errors.update(check_agent(submission.agent))
    for code in submission.commitments:
        selected = next((p for p in bundle.permits if p.code == code), None)
        if selected is None:
            errors[f"commitment.{code}"] = f"本次申请不含许可证“{code}”"
        elif not selected.commitment_allowed:
            errors[f"commitment.{code}"] = f"{selected.name}不适用告知承诺制"
    if errors:
        raise SubmissionError(errors)

    industry = catalog.find_industry(bundle.industry)
    assert industry is not None
    calendar = calendar_from(session, today)
    enterprise = holder.find_or_add(session, form)
    agent = add_agent(session, submission.agent)
    number = receipt_number(session, today)
    saved = industry_reduction(catalog, bundle)
    application = Application(
        number=number,
        industry=bundle.industry,
        catalog_version=bundle.catalog_version,
        kind=submission.kind.value,
        state=ApplicationState.ACCEPTED.value,
        enterprise=enterprise,
        agent=agent,
        answers=dict(bundle.answers),
        form=form,
        accepted_on=today,
        accepted_by=actor.id,
        client_ref=submission.client_ref,
        separate_fields=saved.separate_fields,
        combined_fields=saved.combined_fields - typed_less(bundle, submission.prefilled),
        separate_materials=separate_materials(
            catalog, saved.permits, bundle.materials, submission.agent is not None
        ),
        combined_materials=handed_over(bundle.materials, materials, submission.agent is not None),
    )
    session.add(application)
    session.flush()
    session.add(StateChange(application_id=application.id, to_state="accepted", actor_id=actor.id))
    receipt_items = open_items(
        session,
        actor,
        application.id,
        calendar,
        today,
        [
            ItemToOpen(
                permit.code,
                permit.variant,
                permit.name,
                permit.department,
                permit.department_name,
                permit.statutory_days,
                permit.promised_days,
                optional=is_optional_permit(industry, permit.code),
                site_check=permit.site_check,
            )
            for permit in bundle.permits
        ],
        item_modes(bundle, submission.materials, submission.commitments),
    )
    store_materials(session, application.id, bundle.materials, materials, actor)
    link_reused(session, actor, application.id, materials, offers)
    names = {m.key: m.name for m in bundle.materials}
    receipt = Receipt(
        number=number,
        application_id=application.id,
        accepted_on=today,
        enterprise_name=str(form["enterprise_name"]),
        industry_name=bundle.industry_name,
        items=receipt_items,
        received=tuple((names[k], m.how) for k, m in materials.items() if m.how != "deferred"),
        deferred=tuple((names[k], m.due) for k, m in materials.items() if m.due is not None),
    )
    issue_documents(session, actor, catalog, bundle, application, submission, receipt)
    if submission.draft_id is not None:
        draft = session.get(Draft, submission.draft_id)
        if draft is not None:
            draft.status = "accepted"
            draft.application_id = application.id
    audit.record(
        session,
        actor.username,
        "accept",
        number,
        {
            "industry": bundle.industry,
            "permits": [p.code for p in bundle.permits],
            "state": application.state,
            "items": {p.code: ItemState.PENDING.value for p in bundle.permits},
        },
    )
    session.flush()
    return receipt


def add_agent(session: Session, info: AgentInfo | None) -> Agent | None:
    if info is None:
        return None
    agent = Agent(name=info.name, id_number=check_id_number(info.id_number).value, phone=info.phone)
    session.add(agent)
    return agent


def receipt_number(session: Session, today: dt.date) -> str:
    """The 受理编号: per year and workstation, from the counter row (gap-free)."""
    site = installation()
    sequence = numbers.allocate(session, f"receipt:{today.year}")
    return f"SL{today.year}{site.office_code}{site.workstation}{sequence:06d}"


def store_materials(
    session: Session,
    application_id: int,
    needed: Sequence[BundleMaterial],
    received: Mapping[str, ParsedMaterial],
    actor: Actor | None = None,
) -> None:
    """The materials as ``parse_materials`` read them, each with the permits that need it.

    A window check is recorded with who made it (``actor``); a reused material's files are tied
    to this case too, so its reviewers see them beside the material.
    """
    now = utcnow()
    needed_by = {m.key: list(m.permits) for m in needed}
    for key, material in received.items():
        session.add(
            ReceivedMaterial(
                application_id=application_id,
                key=key,
                permits=needed_by[key],
                how=material.how,
                due_on=material.due,
                received_at=None if material.how == "deferred" else now,
                sha256=material.sha256,
                reused_from=material.reused_from,
            )
        )
        if material.check is not None and actor is not None:
            source, document_no = (part.strip() for part in material.check)
            session.add(
                MaterialCheck(
                    application_id=application_id,
                    material_key=key,
                    source=source,
                    document_no=document_no,
                    checked_at=now,
                    checked_by=actor.id,
                )
            )


def link_reused(
    session: Session,
    actor: Actor,
    application_id: int,
    received: Mapping[str, ParsedMaterial],
    offers: Mapping[str, material_reuse.ReuseOffer],
) -> None:
    """The earlier files of each reused material, tied to this case (the store keeps one copy)."""
    for key, material in received.items():
        if material.how != "reused":
            continue
        for sha256, name in offers[key].files:
            session.add(
                MaterialFile(
                    application_id=application_id,
                    material_key=key,
                    sha256=sha256,
                    name=name,
                    source="reused",
                    attached_by=actor.id,
                )
            )


def item_modes(
    bundle: Bundle, materials: Mapping[str, str], commitments: Collection[str]
) -> dict[str, ItemMode]:
    """How each permit is handled: 告知承诺 when chosen, 容缺 when one of its materials is late."""
    return permit_modes([p.code for p in bundle.permits], bundle.materials, materials, commitments)


def permit_modes(
    permits: Collection[str],
    needed: Sequence[BundleMaterial],
    materials: Mapping[str, str],
    commitments: Collection[str],
) -> dict[str, ItemMode]:
    """``item_modes`` for any permits and the materials they need (also after issue)."""
    late = {
        permit
        for m in needed
        if materials.get(m.key, "").startswith("deferred:")
        for permit in m.permits
    }
    return {
        code: ItemMode.COMMITMENT
        if code in commitments
        else ItemMode.DEFERRED
        if code in late
        else ItemMode.NORMAL
        for code in permits
    }


@dataclass(frozen=True)
class ItemToOpen:
    """One item an acceptance opens; after issue, with the permit as the certificate lists it."""

    permit: str
    variant: str | None
    name: str
    department: str
    department_name: str
    statutory_days: int
    promised_days: int
    optional: bool
    kind: str = "new"
    permit_no: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    site_check: bool = False


def open_items(
    session: Session,
    actor: Actor,
    application_id: int,
    calendar: WorkCalendar,
    today: dt.date,
    items: Sequence[ItemToOpen],
    modes: Mapping[str, ItemMode],
) -> tuple[ReceiptItem, ...]:
    """The application's items, pending, with their deadlines; the receipt's lines for them."""
    lines = []
    for planned in items:
        mode = modes[planned.permit]
        statutory = calendar.add_working_days(today, planned.statutory_days)
        promised = calendar.add_working_days(today, planned.promised_days)
        item = Item(
            application_id=application_id,
            permit=planned.permit,
            variant=planned.variant,
            kind=planned.kind,
            department=planned.department,
            mode=mode.value,
            state=ItemState.PENDING.value,
            optional=planned.optional,
            site_check=planned.site_check,
            statutory_due=statutory.day,
            promised_due=promised.day,
            statutory_days=planned.statutory_days,
            promised_days=planned.promised_days,
            statutory_provisional=statutory.provisional,
            promised_provisional=promised.provisional,
            permit_no=planned.permit_no,
            valid_from=planned.valid_from,
            valid_to=planned.valid_to,
        )
        session.add(item)
        session.flush()
        session.add(
            StateChange(
                application_id=application_id,
                item_id=item.id,
                to_state="pending",
                actor_id=actor.id,
            )
        )
        lines.append(
            ReceiptItem(
                planned.permit,
                planned.name,
                planned.department_name,
                mode.value,
                promised.day,
                statutory.day,
                planned.promised_days,
                planned.statutory_days,
                promised.provisional or statutory.provisional,
                planned.kind,
            )
        )
    return tuple(lines)


def issue_documents(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    bundle: Bundle,
    application: Application,
    submission: Submission,
    receipt: Receipt,
) -> None:
    """The documents acceptance makes due: the receipt, the filed form, the 告知承诺书."""
    header = documents.case_header(application, bundle.industry_name, receipt.accepted_on)
    documents.issue(
        session,
        actor,
        "receipt",
        {**header, **receipt_content(receipt)},
        application_id=application.id,
        number=application.number,
    )
    agent = application.agent
    filed = application_form_content(
        catalog,
        bundle,
        application.form,
        submission.materials,
        submission.commitments,
        None
        if agent is None
        else {"name": agent.name, "id_number": agent.id_number, "phone": agent.phone},
        submission.kind,
        checks=submission.checks,
    )
    documents.issue(
        session,
        actor,
        "application_form",
        {**header, **filed},
        application_id=application.id,
    )
    if submission.commitments:
        permits = [
            {"name": p.name, "department": p.department_name, "basis": p.basis}
            for p in bundle.permits
            if p.code in submission.commitments
        ]
        documents.issue(
            session,
            actor,
            "commitment",
            {**header, "permits": permits},
            application_id=application.id,
        )


def application_form_preview(catalog: Catalog, submission: Submission) -> dict[str, Any]:
    """The 申请表 of what is typed, to check and sign before acceptance (not issued, no number).

    Raises:
        SubmissionError: the industry and answers make no valid application yet.
    """
    try:
        bundle = resolve(catalog, submission.industry, submission.answers)
    except ResolveError as exc:
        raise SubmissionError({exc.key or "industry": exc.message}) from None
    form = with_answers(bundle, submission.form)
    agent = submission.agent
    header = {
        "case": None,
        "industry": bundle.industry_name,
        "day": clock.today().isoformat(),
        "addressee": documents.addressee(
            str(form.get("enterprise_name") or ""),
            str(form.get("legal_rep_name") or ""),
            agent.name if agent else None,
        ),
    }
    content = application_form_content(
        catalog,
        bundle,
        form,
        submission.materials,
        submission.commitments,
        None
        if agent is None
        else {"name": agent.name, "id_number": agent.id_number, "phone": agent.phone or ""},
        submission.kind,
        checks=submission.checks,
    )
    return {**header, **content}


def application_form_content(
    catalog: Catalog,
    bundle: Bundle,
    form: Mapping[str, Any],
    materials: Mapping[str, str],
    commitments: Collection[str],
    agent: Mapping[str, Any] | None,
    kind: ApplicationKind = ApplicationKind.NEW,
    permits: Sequence[tuple[str, str, str]] | None = None,
    materials_needed: Sequence[BundleMaterial] | None = None,
    checks: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """What the 一业一证综合申请表 says: the form as filed, by section, with the permits' modes.

    After issue, ``permits`` (name, department, what is asked) and ``materials_needed`` give the
    affected permits and that kind's materials instead of the new application's.
    """
    modes = item_modes(bundle, materials, commitments)
    return {
        "kind": APPLICATION_KIND_NAMES[kind.value],
        "sections": [
            {"title": s.title, "rows": [[label, value] for _, label, value in s.rows]}
            for s in filed_form.sections(catalog, bundle, form)
        ],
        "situation": filed_form.situation(catalog, bundle),
        "permits": [list(p) for p in permits]
        if permits is not None
        else [
            [p.name, p.department_name, ITEM_MODE_NAMES[modes[p.code].value]]
            for p in bundle.permits
        ],
        "materials": [
            [m.name, *_received_as(m, materials.get(m.key), (checks or {}).get(m.key), agent)]
            for m in (bundle.materials if materials_needed is None else materials_needed)
        ],
        "agent": dict(agent) if agent else None,
    }


def _received_as(
    material: BundleMaterial, value: str | None, check: tuple[str, str] | None, agent: object
) -> list[str]:
    """(how, note) of one material as the form prints it."""
    if value is None and material.government_issued:
        return ["部门核查", "政府部门出具，由主管部门核查"]
    if value is None and material.only_with_agent and not agent:
        return ["不适用", "法定代表人本人办理"]
    how, _, rest = (value or "").partition(":")
    if how == "deferred":
        return ["容缺", f"{rest}前补交"]
    if how == "checked":
        source, number = check or ("", "")
        return ["窗口核验", f"{source} {number}".strip()]
    if how == "reused":
        return ["沿用已有材料", f"办件 {rest} 所交材料，仍在有效期内"]
    return [MATERIAL_WAY_NAMES.get(how, "未收取"), ""]


def receipt_content(receipt: Receipt) -> dict[str, Any]:
    return {
        "enterprise": receipt.enterprise_name,
        "industry": receipt.industry_name,
        "accepted_on": receipt.accepted_on.isoformat(),
        "items": [
            {
                "permit": i.permit,
                "name": i.name,
                "department": i.department,
                "mode": i.mode,
                "promised_due": i.promised_due.isoformat(),
                "statutory_due": i.statutory_due.isoformat(),
                "promised_days": i.promised_days,
                "statutory_days": i.statutory_days,
                "provisional": i.provisional,
                "kind": i.kind,
            }
            for i in receipt.items
        ],
        "received": [list(r) for r in receipt.received],
        "deferred": [[name, due.isoformat()] for name, due in receipt.deferred],
    }
