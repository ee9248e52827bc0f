"""The certificate after issue: 变更, 延续, 增项, 减项, 补证 and 注销 worked out from what changes.

The counter starts from the certificate as issued (``held``); the applicant gives only what
changes; ``plan`` works out the items (a changed field goes to each permit whose own form records
it, 增项 adds new-permit items, 延续 the permits chosen, 减项 and 注销 cancellation items, 补证
none) with each kind's materials and time limits from the catalog. ``accept`` stores it as one case.
Issuing the result (a new revision, the cancellation, the new print) is in services/issuance.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Bundle, Catalog, ResolveError, resolve
from desktop_app.catalog.bundle import BundleField, BundleMaterial
from desktop_app.domain.form_values import FormValue, check_form, text_problem
from desktop_app.domain.states import (
    APPLICATION_KIND_NAMES,
    OPEN_APPLICATION_STATES,
    ApplicationKind,
    ApplicationState,
    ItemState,
)
from desktop_app.models import (
    Application,
    Certificate,
    Enterprise,
    Item,
    ReplacedPrint,
    StateChange,
)
from desktop_app.services import audit, documents, filed_form, holder, intake, issuance
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.calendar import calendar_from
from desktop_app.services.errors import SubmissionError, WorkflowError

AFTER_ISSUE = tuple(k for k in ApplicationKind if k != ApplicationKind.NEW)
REISSUE_REASONS = issuance.REISSUE_REASON_NAMES
# The holder's identity: another credit code is another holder, which needs its own certificate.
FIXED_FIELDS = {"credit_code": "统一社会信用代码不能变更（主体不同，请办理新办）"}


@dataclass(frozen=True)
class HeldPermit:
    """One permit on the certificate as issued."""

    code: str
    variant: str | None
    name: str
    department: str
    department_name: str
    permit_no: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class Held:
    """A valid certificate as issued, and the data it was issued on (the wizard starts here)."""

    number: str
    revision: int
    print_no: int
    industry: str
    industry_name: str
    holder_name: str
    holder_uscc: str
    legal_rep_name: str
    address: str
    valid_until: dt.date | None
    enterprise_id: int
    # The form and answers of the newest completed application for it, as filed.
    form: Mapping[str, FormValue]
    answers: Mapping[str, Any]
    permits: tuple[HeldPermit, ...]
    # Printed on the certificate but revoked since (a failed 告知承诺 check …): not held any more;
    # the next revision leaves them out.
    revoked: tuple[str, ...] = ()

    def permit(self, code: str) -> HeldPermit | None:
        return next((p for p in self.permits if p.code == code), None)

    def renewable(self) -> tuple[HeldPermit, ...]:
        """The permits with an expiry, the soonest first (延续 offers them in that order)."""
        dated = [p for p in self.permits if p.valid_to is not None]
        return tuple(sorted(dated, key=lambda p: (p.valid_to, p.code)))


@dataclass(frozen=True)
class Request:
    """What the applicant asks after issue; ``form`` holds only what changes.

    ``answers``: the situation answers for 增项; ``permits``: the permits to renew (延续) or give
    up (减项); ``reason``: ``lost`` or ``damaged`` for 补证, the applicant's words otherwise.
    """

    kind: ApplicationKind
    certificate: str
    form: Mapping[str, FormValue] = field(default_factory=dict)
    answers: Mapping[str, Any] | None = None
    permits: tuple[str, ...] = ()
    materials: Mapping[str, str] = field(default_factory=dict)
    reason: str | None = None
    agent: intake.AgentInfo | None = None
    commitments: tuple[str, ...] = ()
    client_ref: str | None = None


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    old: FormValue | None
    new: FormValue | None


@dataclass(frozen=True)
class PlannedItem:
    permit: str
    variant: str | None
    name: str
    department: str
    department_name: str
    kind: str  # new, change, renewal, cancellation
    statutory_days: int
    promised_days: int
    optional: bool
    # The permit's number and validity as on the certificate (None for a permit being added).
    current: HeldPermit | None


@dataclass(frozen=True)
class Plan:
    kind: ApplicationKind
    held: Held
    form: dict[str, FormValue]  # the whole form as filed by this application
    answers: dict[str, Any]
    changes: tuple[Change, ...]
    items: tuple[PlannedItem, ...]
    materials: tuple[BundleMaterial, ...]
    # The permits the certificate lists once this is done (none after 注销).
    remaining: tuple[str, ...]
    bundle: Bundle  # the industry's bundle for the answers of this application
    reason: str | None = None

    @property
    def ends_certificate(self) -> bool:
        """注销, or a 减项 that leaves fewer than two permits: no 行业综合许可证 remains."""
        return len(self.remaining) < 2

    def warnings(self) -> list[str]:
        """What the clerk must tell the applicant before acceptance."""
        notes = []
        if self.held.revoked and self.kind not in (
            ApplicationKind.REISSUE,
            ApplicationKind.CANCELLATION,
        ):
            notes.append(f"证书上的{'、'.join(self.held.revoked)}已被撤销，换发的新版证书不再列明")
        return notes + self._kind_warnings()

    def _kind_warnings(self) -> list[str]:
        if self.kind == ApplicationKind.REMOVAL and self.ends_certificate:
            left = "、".join(p.name for p in self.held.permits if p.code in self.remaining) or "无"
            return [
                f"减项后仅剩{len(self.remaining)}项许可（{left}），不再核发行业综合许可证："
                f"办结时注销证书 {self.held.number}，剩余许可单独保留"
            ]
        if self.kind == ApplicationKind.CHANGE and not self.items:
            return ["所改事项不涉及任何许可证，无需部门审批，受理即办结"]
        return []


# --- finding the certificate --------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    number: str
    revision: int
    state: str
    industry: str
    holder_name: str
    holder_uscc: str
    valid_until: dt.date | None
    note: str = ""  # e.g. the scanned sheet was replaced by a 补证


def find(session: Session, text: str, limit: int = 50) -> list[Found]:
    """Certificates by number, credit code, scanned QR text, or part of the holder's name.

    The newest revision of each number; a scanned QR of a replaced sheet finds its certificate
    and says so.
    """
    text = text.strip()
    if not text:
        return []
    note = ""
    if text.startswith("YZ1:"):
        number = session.scalar(select(Certificate.number).where(Certificate.qr_text == text))
        if number is None:
            number = session.scalar(
                select(Certificate.number)
                .join(ReplacedPrint, ReplacedPrint.certificate_id == Certificate.id)
                .where(ReplacedPrint.qr_text == text)
            )
            note = "所扫证书为已补发作废的印制件"
        condition = Certificate.number == (number or "")
    else:
        condition = or_(
            Certificate.number == text,
            Certificate.holder_uscc == text.upper(),
            Certificate.holder_name.contains(text, autoescape=True),
        )
    rows = session.scalars(
        select(Certificate).where(condition).order_by(Certificate.number, Certificate.revision)
    ).all()
    newest: dict[str, Certificate] = {}
    for row in rows:
        newest[row.number] = row
    return [
        Found(
            c.number,
            c.revision,
            c.state,
            c.industry,
            c.holder_name,
            c.holder_uscc,
            c.valid_until,
            note,
        )
        for c in list(newest.values())[:limit]
    ]


def filed_source(session: Session, certificate: Certificate) -> Application:
    """The newest application that completed on this certificate: its form is the data as filed.

    That is the one that issued the revision, or a later change no permit needed (办结 without a
    new revision), so a new phone number recorded that way is not asked again.
    """
    later = session.scalar(
        select(Application)
        .where(
            Application.certificate_number == certificate.number,
            Application.state.in_(
                (ApplicationState.COMPLETED.value, ApplicationState.ISSUED.value)
            ),
            Application.id > certificate.application_id,
        )
        .order_by(Application.id.desc())
        .limit(1)
    )
    return later or session.get_one(Application, certificate.application_id)


def held(session: Session, catalog: Catalog, number: str) -> Held:
    """The valid certificate ``number`` with the data it stands on.

    Raises:
        NotFoundError: no such certificate.
        WorkflowError: it is cancelled or void, or a case on it is still open.
    """
    certificate = issuance.load_certificate(session, number.strip())
    if certificate.state == "cancelled":
        raise WorkflowError(f"证书 {number} 已注销，不能再办理变更、延续、增项、减项、补证或注销")
    if certificate.state == "void":
        raise WorkflowError(f"证书 {number} 已作废，不能再办理")
    open_case = session.scalar(
        select(Application.number).where(
            Application.certificate_number == certificate.number,
            Application.state.in_(OPEN_APPLICATION_STATES),
        )
    )
    if open_case is not None:
        raise WorkflowError(f"证书 {number} 尚有在办的申请 {open_case}，办结或撤回后再申请")
    source = filed_source(session, certificate)
    variants = dict(
        session.execute(
            select(Item.permit, Item.variant).where(
                Item.application_id.in_(issuance.issuing_cases(certificate.number))
            )
        ).all()
    )
    lines = certificate.permits
    industry = catalog.find_industry(certificate.industry)
    revoked = issuance.revoked_since(session, certificate.number)
    return Held(
        number=certificate.number,
        revision=certificate.revision,
        print_no=certificate.print_no,
        industry=certificate.industry,
        industry_name=industry.name if industry else certificate.industry,
        holder_name=certificate.holder_name,
        holder_uscc=certificate.holder_uscc,
        legal_rep_name=certificate.legal_rep_name,
        address=certificate.address,
        valid_until=certificate.valid_until,
        enterprise_id=certificate.enterprise_id,
        form=dict(source.form),
        answers=dict(source.answers),
        permits=tuple(
            HeldPermit(
                p.permit,
                variants.get(p.permit),
                p.name,
                p.department,
                catalog.department_name(p.department),
                p.permit_no,
                p.valid_from,
                p.valid_to,
            )
            for p in lines
            if p.permit not in revoked
        ),
        revoked=tuple(p.name for p in lines if p.permit in revoked),
    )


# --- working out what is affected ---------------------------------------------------------------


def plan(catalog: Catalog, held: Held, request: Request) -> Plan:
    """The items, materials and resulting form of ``request`` on ``held``; nothing is stored.

    Raises:
        SubmissionError: what does not fit, by key (``form.<field>``, ``permits``, ``reason`` …).
    """
    kind = request.kind
    if kind not in AFTER_ISSUE:
        raise SubmissionError({"kind": f"办理类型“{kind}”不是持证后的业务"})
    answers = dict(held.answers) if request.answers is None else dict(request.answers)
    try:
        bundle = resolve(catalog, held.industry, answers)
    except ResolveError as exc:
        raise SubmissionError({exc.key or "answers": exc.message}) from None
    if request.answers is not None and kind != ApplicationKind.ADDITION:
        raise SubmissionError({"answers": "只有增项需要重新回答经营情形"})
    if request.permits and kind not in (ApplicationKind.RENEWAL, ApplicationKind.REMOVAL):
        raise SubmissionError({"permits": "只有延续和减项需要选择许可"})
    builders = {
        ApplicationKind.CHANGE: _change,
        ApplicationKind.RENEWAL: _renewal,
        ApplicationKind.ADDITION: _addition,
        ApplicationKind.REMOVAL: _removal,
        ApplicationKind.REISSUE: _reissue,
        ApplicationKind.CANCELLATION: _cancellation,
    }
    return builders[kind](catalog, held, request, bundle)


def _merged_form(
    held: Held, request: Request, bundle: Bundle
) -> tuple[dict[str, FormValue], tuple[Change, ...], dict[str, str]]:
    """The whole form after this request, what it changes, and the problems by ``form.<key>``."""
    merged: dict[str, FormValue] = dict(held.form)
    merged.update(request.form)
    # A field emptied on purpose is given as "" or None: it is removed, not kept from before.
    merged = {k: v for k, v in merged.items() if v not in ("", None)}
    cleaned, problems = check_form(bundle.fields, intake.with_answers(bundle, merged))
    problems.update(intake.unprintable(bundle, cleaned, problems))
    errors = {f"form.{k}": v for k, v in problems.items()}
    labels = {f.key: f.label for f in bundle.fields}
    changes = tuple(
        Change(key, labels.get(key, key), held.form.get(key), cleaned.get(key))
        for key in dict.fromkeys([*held.form, *cleaned])
        if held.form.get(key) != cleaned.get(key) and key in labels
    )
    for change in changes:
        if change.key in FIXED_FIELDS:
            errors[f"form.{change.key}"] = FIXED_FIELDS[change.key]
    return cleaned, changes, errors


def _rule_item(catalog: Catalog, permit: HeldPermit, kind: str) -> PlannedItem:
    rule = catalog.after_issue[(permit.code, kind)]
    return PlannedItem(
        permit.code,
        permit.variant,
        permit.name,
        permit.department,
        permit.department_name,
        kind,
        rule.statutory_days,
        rule.promised_days,
        optional=False,
        current=permit,
    )


def _rule_materials(catalog: Catalog, items: Iterable[PlannedItem]) -> tuple[BundleMaterial, ...]:
    """The materials of each item's procedure, merged: one handed in serves every permit."""
    needed: dict[str, list[str]] = {}
    for item in items:
        for key in catalog.after_issue[(item.permit, item.kind)].materials:
            needed.setdefault(key, []).append(item.permit)
    return tuple(_material(catalog, key, tuple(permits)) for key, permits in needed.items())


def _material(catalog: Catalog, key: str, permits: tuple[str, ...]) -> BundleMaterial:
    spec = catalog.materials[key]
    return BundleMaterial(
        key,
        spec.name,
        permits,
        1,
        0,
        spec.deferrable,
        spec.government_issued,
        spec.note,
        spec.only_with_agent,
    )


def _refuse_form(request: Request, what: str) -> None:
    if any(v not in ("", None) for v in request.form.values()):
        raise SubmissionError({"form": f"{what}不改动登记事项；有改动请先办理变更"})


def _answers_after_change(
    catalog: Catalog, held: Held, request: Request, bundle: Bundle
) -> tuple[dict[str, Any], Bundle]:
    """A changed field that is also a situation answer (营业面积) changes the answer too.

    If the new answer needs other permits, that is a 增项 or 减项, not a 变更.
    """
    answers = dict(held.answers)
    for f in bundle.fields:
        value = request.form.get(f.key)
        if f.answer and isinstance(value, int | float) and not isinstance(value, bool):
            answers[f.answer] = value
    if answers == held.answers:
        return answers, bundle
    try:
        after = resolve(catalog, held.industry, answers)
    except ResolveError as exc:
        raise SubmissionError({f"form.{exc.key}" if exc.key else "form": exc.message}) from None
    if {p.code for p in after.permits} != {p.code for p in held.permits}:
        raise SubmissionError(
            {"form": "变更后所需许可不同（如面积跨过了许可门槛），请办理增项或减项"}
        )
    return answers, after


def _change(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    answers, bundle = _answers_after_change(catalog, held, request, bundle)
    held = replace(held, answers=answers)
    form, changes, errors = _merged_form(held, request, bundle)
    if errors:
        raise SubmissionError(errors)
    if not changes:
        raise SubmissionError({"form": "变更申请没有改动任何内容"})
    # Contact data is recorded, not licensed: a new phone number goes to no department.
    changed = {c.key for c in changes if not catalog.fields[c.key].contact}
    asking = {code for f in bundle.fields if f.key in changed for code in f.permits}
    items = tuple(_rule_item(catalog, p, "change") for p in held.permits if p.code in asking)
    materials = (
        _rule_materials(catalog, items)
        if items
        else (_material(catalog, "combined_application", ()),)
    )
    return Plan(
        ApplicationKind.CHANGE,
        held,
        form,
        answers,
        changes,
        items,
        materials,
        tuple(p.code for p in held.permits),
        bundle,
    )


def _chosen(held: Held, request: Request, what: str) -> list[HeldPermit]:
    if not request.permits:
        raise SubmissionError({"permits": f"请选择要{what}的许可"})
    chosen = []
    for code in dict.fromkeys(request.permits):
        permit = held.permit(code)
        if permit is None:
            raise SubmissionError({"permits": f"证书 {held.number} 上没有许可“{code}”"})
        chosen.append(permit)
    return chosen


def _renewal(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    _refuse_form(request, "延续")
    chosen = _chosen(held, request, "延续")
    for permit in chosen:
        if permit.valid_to is None:
            raise SubmissionError({"permits": f"{permit.name}没有有效期，无需延续"})
    order = {p.code: i for i, p in enumerate(held.renewable())}
    items = tuple(
        _rule_item(catalog, p, "renewal") for p in sorted(chosen, key=lambda p: order[p.code])
    )
    return Plan(
        ApplicationKind.RENEWAL,
        held,
        dict(held.form),
        dict(held.answers),
        (),
        items,
        _rule_materials(catalog, items),
        tuple(p.code for p in held.permits),
        bundle,
    )


def _addition(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    if request.answers is None:
        raise SubmissionError({"answers": "增项须回答新增后的经营情形（例如兼营药品）"})
    have = {p.code for p in held.permits}
    wanted = {p.code for p in bundle.permits}
    dropped = [p.name for p in held.permits if p.code not in wanted]
    if dropped:
        raise SubmissionError(
            {"answers": f"所答情形不再需要{'、'.join(dropped)}；放弃许可请办理减项"}
        )
    added = [p for p in bundle.permits if p.code not in have]
    if not added:
        raise SubmissionError({"answers": "按所答情形，没有需要新增的许可"})
    form, changes, errors = _merged_form(held, request, bundle)
    for change in changes:
        if change.key in held.form and f"form.{change.key}" not in errors:
            errors[f"form.{change.key}"] = f"增项不改动已登记的“{change.label}”；请先办理变更"
    added_codes = {p.code for p in added}
    for code in request.commitments:
        selected = next((p for p in added if p.code == code), None)
        if selected is None:
            errors[f"commitment.{code}"] = f"本次增项不含许可证“{code}”"
        elif not selected.commitment_allowed:
            errors[f"commitment.{code}"] = f"{selected.name}不适用告知承诺制"
    if errors:
        raise SubmissionError(errors)
    industry = catalog.find_industry(held.industry)
    items = tuple(
        PlannedItem(
            p.code,
            p.variant,
            p.name,
            p.department,
            p.department_name,
            "new",
            p.statutory_days,
            p.promised_days,
            optional=industry is not None and intake.is_optional_permit(industry, p.code),
            current=None,
        )
        for p in added
    )
    # The added permits' own materials, less those only the permits held needed.
    materials = [
        BundleMaterial(
            m.key,
            m.name,
            tuple(c for c in m.permits if c in added_codes),
            m.originals,
            m.copies,
            m.deferrable,
            m.government_issued,
            m.note,
            m.only_with_agent,
        )
        for m in bundle.materials
        if added_codes & set(m.permits) or m.key == "combined_application"
    ]
    materials.append(_material(catalog, "certificate_original", ()))
    return Plan(
        ApplicationKind.ADDITION,
        held,
        form,
        dict(bundle.answers),
        tuple(c for c in changes if c.key not in held.form),
        items,
        tuple(materials),
        (*(p.code for p in held.permits), *(p.code for p in added)),
        bundle,
    )


def _removal(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    _refuse_form(request, "减项")
    chosen = _chosen(held, request, "放弃")
    if len(chosen) == len(held.permits):
        raise SubmissionError({"permits": "放弃全部许可请办理注销"})
    items = tuple(_rule_item(catalog, p, "cancellation") for p in chosen)
    gone = {p.code for p in chosen}
    return Plan(
        ApplicationKind.REMOVAL,
        held,
        dict(held.form),
        dict(held.answers),
        (),
        items,
        _rule_materials(catalog, items),
        tuple(p.code for p in held.permits if p.code not in gone),
        bundle,
        reason=_free_reason(request),
    )


def _cancellation(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    _refuse_form(request, "注销")
    items = tuple(_rule_item(catalog, p, "cancellation") for p in held.permits)
    return Plan(
        ApplicationKind.CANCELLATION,
        held,
        dict(held.form),
        dict(held.answers),
        (),
        items,
        _rule_materials(catalog, items),
        (),
        bundle,
        reason=_free_reason(request),
    )


def _reissue(catalog: Catalog, held: Held, request: Request, bundle: Bundle) -> Plan:
    _refuse_form(request, "补证")
    if request.reason not in REISSUE_REASONS:
        raise SubmissionError({"reason": "补证须说明原因：lost（遗失）或 damaged（损毁）"})
    return Plan(
        ApplicationKind.REISSUE,
        held,
        dict(held.form),
        dict(held.answers),
        (),
        (),
        tuple(_material(catalog, key, ()) for key in catalog.reissue_materials),
        tuple(p.code for p in held.permits),
        bundle,
        reason=request.reason,
    )


def _free_reason(request: Request) -> str | None:
    if request.reason is None or not request.reason.strip():
        return None
    problem = text_problem("理由", request.reason, 200)
    if problem:
        raise SubmissionError({"reason": problem})
    return request.reason.strip()


# --- acceptance ---------------------------------------------------------------------------------


def accept(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    request: Request,
    today: dt.date | None = None,
) -> intake.Receipt:
    """Accepts one application on an issued certificate: the case, its items and its receipt.

    A change no permit records is 办结 at once (state completed); a 补证 goes to no department and
    is ready to issue the new sheet at once.

    Raises:
        SubmissionError, NotFoundError, WorkflowError: nothing is stored.
    """
    require_role(actor, "clerk", "supervisor", action="受理申请")
    today = today or clock.today()
    intake.check_client_ref(session, request.client_ref)
    current = held(session, catalog, request.certificate)
    result = plan(catalog, current, request)
    materials, errors = intake.parse_materials(
        result.materials, request.materials, today, with_agent=request.agent is not None
    )
    errors.update(intake.check_agent(request.agent))
    if errors:
        raise SubmissionError(errors)
    calendar = calendar_from(session, today)
    enterprise = session.get_one(Enterprise, current.enterprise_id)
    agent = intake.add_agent(session, request.agent)
    number = intake.receipt_number(session, today)
    state = _initial_state(result)
    application = Application(
        number=number,
        industry=current.industry,
        catalog_version=catalog.version,
        kind=result.kind.value,
        state=state.value,
        certificate_number=current.number,
        changes=[c.key for c in result.changes] or None,
        reason=result.reason,
        enterprise=enterprise,
        agent=agent,
        answers=result.answers,
        form=result.form,
        accepted_on=today,
        accepted_by=actor.id,
        client_ref=request.client_ref,
    )
    session.add(application)
    session.flush()
    session.add(StateChange(application_id=application.id, to_state="accepted", actor_id=actor.id))
    if state != ApplicationState.ACCEPTED:
        session.add(
            StateChange(
                application_id=application.id,
                from_state="accepted",
                to_state=state.value,
                actor_id=actor.id,
                reason=_direct_reason(result),
            )
        )
    receipt_items = intake.open_items(
        session,
        actor,
        application.id,
        calendar,
        today,
        [
            intake.ItemToOpen(
                i.permit,
                i.variant,
                i.name,
                i.department,
                i.department_name,
                i.statutory_days,
                i.promised_days,
                i.optional,
                i.kind,
                # What the certificate says now: the department confirms it or records new ones.
                i.current.permit_no if i.current else None,
                i.current.valid_from if i.current else None,
                i.current.valid_to if i.current else None,
            )
            for i in result.items
        ],
        intake.permit_modes(
            [i.permit for i in result.items],
            result.materials,
            request.materials,
            request.commitments,
        ),
    )
    intake.store_materials(session, application.id, result.materials, materials)
    if state == ApplicationState.COMPLETED:
        holder.approve(session, enterprise, result.form, application.id)
    names = {m.key: m.name for m in result.materials}
    receipt = intake.Receipt(
        number=number,
        application_id=application.id,
        accepted_on=today,
        enterprise_name=current.holder_name,
        industry_name=current.industry_name,
        items=receipt_items,
        received=tuple((names[k], m.how) for k, m in materials.items() if m.how != "deferred"),
        deferred=tuple((names[k], m.due) for k, m in materials.items() if m.due is not None),
        kind=result.kind.value,
        certificate_number=current.number,
    )
    _issue_documents(session, actor, catalog, result, application, request, receipt)
    audit.record(
        session,
        actor.username,
        "accept",
        number,
        {
            "industry": current.industry,
            "kind": result.kind.value,
            "certificate": current.number,
            "changes": [c.key for c in result.changes],
            "permits": [i.permit for i in result.items],
            "state": application.state,
            "items": {i.permit: ItemState.PENDING.value for i in result.items},
        },
    )
    session.flush()
    return receipt


def _initial_state(result: Plan) -> ApplicationState:
    if result.items:
        return ApplicationState.ACCEPTED
    if result.kind == ApplicationKind.REISSUE:
        return ApplicationState.READY_TO_ISSUE
    return ApplicationState.COMPLETED


def _direct_reason(result: Plan) -> str:
    if result.kind == ApplicationKind.REISSUE:
        return "补证无需部门审批，待出证"
    return "所改事项不涉及任何许可证，受理即办结"


def _issue_documents(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    result: Plan,
    application: Application,
    request: Request,
    receipt: intake.Receipt,
) -> None:
    """The receipt (named for the kind) and the filed form, with what changed."""
    header = documents.case_header(application, result.held.industry_name, receipt.accepted_on)
    documents.issue(
        session,
        actor,
        "receipt",
        {**header, **intake.receipt_content(receipt), **_kind_content(result)},
        application_id=application.id,
        number=application.number,
    )
    agent = application.agent
    filed = intake.application_form_content(
        catalog,
        result.bundle,
        application.form,
        request.materials,
        request.commitments,
        None
        if agent is None
        else {"name": agent.name, "id_number": agent.id_number, "phone": agent.phone},
        result.kind,
        permits=[
            (i.name, i.department_name, APPLICATION_KIND_NAMES.get(i.kind, i.kind))
            for i in result.items
        ],
        materials_needed=result.materials,
    )
    documents.issue(
        session,
        actor,
        "application_form",
        {**header, **filed, **_kind_content(result)},
        application_id=application.id,
    )


def _kind_content(result: Plan) -> dict[str, Any]:
    fields = {f.key: f for f in result.bundle.fields}
    return {
        "kind_name": APPLICATION_KIND_NAMES[result.kind.value],
        "certificate": result.held.number,
        "changes": [
            [c.label, _shown(fields[c.key], c.old), _shown(fields[c.key], c.new)]
            for c in result.changes
        ],
        "reason": REISSUE_REASONS.get(result.reason or "", result.reason),
    }


def _shown(spec: BundleField, value: FormValue | None) -> str:
    """A value as the receipt prints it: ID numbers and phones masked, as on the filed form."""
    if value is None or value == "":
        return "（空）"
    return filed_form.mask_value(spec, filed_form.show_value(value))
