"""双随机、一公开: the registry of inspection targets, draws that anyone can verify, results, 公示.

The registry (检查对象名录) is every holder of a valid 行业综合许可证, read from the certificates
as they stand, so issuing, changing and cancelling reach it at once; a department's registry is
the holders with one of its permits on their certificate. The inspectors (执法检查人员名录) are
the active users with the role inspector, per department, with their recorded conflicts. A draw
stores every input it used (domain/random_draw.py says how they make the draw), so
``verify`` recomputes it from the stored inputs alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog
from desktop_app.domain import random_draw
from desktop_app.domain.identifiers import check_credit_code
from desktop_app.domain.random_draw import DrawError, Inspector, Target
from desktop_app.models import (
    Certificate,
    CertificatePermit,
    Draw,
    DrawTarget,
    InspectorConflict,
    User,
)
from desktop_app.printing.publication import PublishedRow, results_list
from desktop_app.services import audit, credit
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, ServiceError

RESULTS = {
    "ok": "未发现问题",
    "problem": "发现问题",
    "not_found": "未发现（通过登记的住所或经营场所无法联系）",
}
MAX_TARGETS_SHOWN = 10_000
MAX_REASON = 500


class DrawRefusedError(ServiceError):
    """The draw's inputs make no draw; the message says which."""


@dataclass(frozen=True)
class RegistryEntry:
    credit_code: str
    name: str
    industry: str
    credit_class: str


@dataclass(frozen=True)
class DrawnRow:
    position: int
    credit_code: str
    name: str
    credit_class: str
    inspectors: tuple[tuple[str, str], ...]
    result: str | None
    findings: str | None


@dataclass(frozen=True)
class DrawView:
    id: int
    seed_text: str
    departments: tuple[str, ...]
    industries: tuple[str, ...]
    ratios: dict[str, float]
    registry_size: int
    targets: tuple[DrawnRow, ...]


def registry(
    session: Session, departments: Sequence[str], industries: Sequence[str] = ()
) -> list[RegistryEntry]:
    """The holders of a valid certificate with a permit of one of ``departments``."""
    query = (
        select(Certificate.holder_uscc, Certificate.holder_name, Certificate.industry)
        .join(CertificatePermit, CertificatePermit.certificate_id == Certificate.id)
        .where(Certificate.state == "valid", CertificatePermit.department.in_(departments))
        .distinct()
    )
    if industries:
        query = query.where(Certificate.industry.in_(industries))
    rows: dict[str, tuple[str, str]] = {}
    for code, name, industry in session.execute(query):
        rows.setdefault(code, (name, industry))
    classes = credit.classes_of(session, rows)
    return [
        RegistryEntry(code, name, industry, classes[code])
        for code, (name, industry) in sorted(rows.items())
    ]


def roster(session: Session, departments: Sequence[str]) -> list[Inspector]:
    users = session.execute(
        select(User.username, User.department).where(
            User.role == "inspector", User.disabled.is_(False), User.department.in_(departments)
        )
    )
    return [Inspector(name, department or "") for name, department in users]


def conflicts(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(User.username, InspectorConflict.credit_code).join(
            User, User.id == InspectorConflict.user_id
        )
    )
    return [(name, code) for name, code in rows]


@dataclass(frozen=True)
class RosterRow:
    """An inspector of the 执法检查人员名录 with the enterprises he or she must not inspect."""

    username: str
    display_name: str
    department: str
    disabled: bool
    conflicts: tuple[tuple[str, str], ...]  # (credit code, reason)


def roster_rows(session: Session) -> list[RosterRow]:
    """Every inspector account, by department, the disabled ones too (marked)."""
    found: dict[int, list[tuple[str, str]]] = {}
    for user_id, code, reason in session.execute(
        select(
            InspectorConflict.user_id, InspectorConflict.credit_code, InspectorConflict.reason
        ).order_by(InspectorConflict.id)
    ):
        found.setdefault(user_id, []).append((code, reason))
    users = session.scalars(
        select(User).where(User.role == "inspector").order_by(User.department, User.username)
    )
    return [
        RosterRow(
            u.username,
            u.display_name,
            u.department or "",
            u.disabled,
            tuple(found.get(u.id, ())),
        )
        for u in users
    ]


def add_conflict(
    session: Session, actor: Actor, inspector: str, credit_code: str, reason: str
) -> None:
    """An inspector who must not inspect this enterprise (回避), with the reason."""
    require_role(actor, "supervisor", "admin", action="登记回避关系")
    user = session.scalar(select(User).where(User.username == inspector))
    if user is None or user.role != "inspector":
        raise ServiceError(f"没有执法检查人员“{inspector}”")
    checked = check_credit_code(credit_code)
    if not checked.ok:
        raise ServiceError(checked.error)
    credit_code = checked.value
    if not reason.strip():
        raise ServiceError("须写明回避理由")
    if len(reason.strip()) > MAX_REASON:
        raise ServiceError(f"回避理由不超过 {MAX_REASON} 字")
    exists = session.scalar(
        select(InspectorConflict.id).where(
            InspectorConflict.user_id == user.id, InspectorConflict.credit_code == credit_code
        )
    )
    if exists is None:
        session.add(
            InspectorConflict(
                user_id=user.id, credit_code=credit_code, reason=reason.strip(), created_by=actor.id
            )
        )
        session.flush()
    audit.record(
        session, actor.username, "supervision.conflict", credit_code, {"inspector": inspector}
    )


def draw(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    departments: Sequence[str],
    industries: Sequence[str],
    ratios: dict[str, float],
    seed_text: str,
    per_target: int = 1,
) -> DrawView:
    """Draws from the registry as it stands and keeps every input with the result."""
    require_role(actor, "supervisor", action="双随机抽取")
    unknown = [d for d in departments if d not in catalog.departments]
    if not departments or unknown:
        raise DrawRefusedError(f"未知的部门：{'、'.join(unknown) or '（未列出）'}")
    codes = {i.code for i in catalog.industries}
    unknown = [i for i in industries if i not in codes]
    if unknown:
        raise DrawRefusedError(f"未知的行业：{'、'.join(unknown)}")
    entries = registry(session, departments, industries)
    if not entries:
        raise DrawRefusedError("检查对象名录中没有符合条件的主体")
    names = {e.credit_code: e.name for e in entries}
    inspectors = roster(session, departments)
    barred = [c for c in conflicts(session) if c[1] in names]
    targets = [Target(e.credit_code, e.credit_class) for e in entries]
    try:
        drawn = random_draw.draw(
            seed_text, targets, ratios, list(departments), inspectors, per_target, barred
        )
    except DrawError as exc:
        raise DrawRefusedError(str(exc)) from None
    row = Draw(
        seed_text=seed_text,
        algorithm=random_draw.ALGORITHM,
        departments=list(departments),
        industries=list(industries),
        ratios=dict(ratios),
        per_target=per_target,
        targets_in=[[t.credit_code, t.credit_class] for t in targets],
        roster=[[i.name, i.department] for i in inspectors],
        conflicts=[list(c) for c in barred],
        created_by=actor.id,
    )
    session.add(row)
    session.flush()
    if drawn:  # one multi-row insert: a county-wide draw has tens of thousands of targets
        session.execute(
            insert(DrawTarget),
            [
                {
                    "draw_id": row.id,
                    "position": position,
                    "credit_code": target.credit_code,
                    "name": names[target.credit_code],
                    "credit_class": target.credit_class,
                    "inspectors": [list(pair) for pair in target.inspectors],
                }
                for position, target in enumerate(drawn, start=1)
            ],
        )
    audit.record(
        session,
        actor.username,
        "supervision.draw",
        str(row.id),
        {"seed": seed_text, "registry": len(targets), "drawn": len(drawn)},
    )
    return DrawView(  # as stored, without reading the targets back
        row.id,
        seed_text,
        tuple(departments),
        tuple(industries),
        {k: float(v) for k, v in ratios.items()},
        len(targets),
        tuple(
            DrawnRow(
                position,
                t.credit_code,
                names[t.credit_code],
                t.credit_class,
                tuple((d, n) for d, n in t.inspectors),
                None,
                None,
            )
            for position, t in enumerate(drawn, start=1)
        ),
    )


def view(session: Session, draw_id: int) -> DrawView:
    row = session.get(Draw, draw_id)
    if row is None:
        raise NotFoundError(f"没有编号为 {draw_id} 的抽取")
    targets = session.scalars(
        select(DrawTarget).where(DrawTarget.draw_id == draw_id).order_by(DrawTarget.position)
    )
    return DrawView(
        row.id,
        row.seed_text,
        tuple(row.departments),
        tuple(row.industries),
        {k: float(v) for k, v in row.ratios.items()},
        len(row.targets_in),
        tuple(
            DrawnRow(
                t.position,
                t.credit_code,
                t.name,
                t.credit_class,
                tuple((d, n) for d, n in t.inspectors),
                t.result,
                t.findings,
            )
            for t in targets
        ),
    )


def verify(session: Session, draw_id: int) -> tuple[bool, str]:
    """Recomputes the draw from its stored inputs: (the same?, what differs)."""
    row = session.get(Draw, draw_id)
    if row is None:
        raise NotFoundError(f"没有编号为 {draw_id} 的抽取")
    if row.algorithm != random_draw.ALGORITHM:
        return False, f"抽取算法 {row.algorithm} 不是本程序的 {random_draw.ALGORITHM}"
    again = random_draw.draw(
        row.seed_text,
        [Target(code, cls) for code, cls in row.targets_in],
        row.ratios,
        row.departments,
        [Inspector(name, dept) for name, dept in row.roster],
        row.per_target,
        [(name, code) for name, code in row.conflicts],
    )
    stored = view(session, draw_id).targets
    expected = [(t.credit_code, t.inspectors) for t in again]
    found = [(t.credit_code, t.inspectors) for t in stored]
    if expected == found:
        return True, f"抽取 {draw_id} 复核一致：{len(found)} 个检查对象及检查人员与重新计算相同"
    first = next(
        (n for n, (a, b) in enumerate(zip(expected, found, strict=False), 1) if a != b),
        min(len(expected), len(found)) + 1,
    )
    return False, f"抽取 {draw_id} 复核不一致：自第 {first} 个检查对象起与重新计算不同"


def record(
    session: Session,
    actor: Actor,
    draw_id: int,
    credit_code: str,
    result: str,
    findings: str = "",
) -> None:
    """A target's inspection result: no problem, a problem with findings, or not found."""
    require_role(actor, "inspector", "supervisor", action="登记抽查结果")
    if result not in RESULTS:
        raise ServiceError(f"抽查结果“{result}”无效（可用 ok、problem、not_found）")
    findings = findings.strip()
    if result == "problem" and not findings:
        raise ServiceError("发现问题须写明问题")
    target = session.scalar(
        select(DrawTarget).where(
            DrawTarget.draw_id == draw_id, DrawTarget.credit_code == credit_code
        )
    )
    if target is None:
        raise NotFoundError(f"抽取 {draw_id} 中没有 {credit_code}")
    if actor.role == "inspector" and all(name != actor.username for _, name in target.inspectors):
        raise ServiceError("只能登记本人被抽中检查的对象")
    target.result, target.findings = result, findings or None
    target.recorded_by, target.recorded_at = actor.id, clock.now()
    session.flush()
    audit.record(
        session,
        actor.username,
        "supervision.record",
        credit_code,
        {"draw": draw_id, "result": result, "findings": findings},
    )


def publish(session: Session, actor: Actor, catalog: Catalog, draw_id: int, out: Path) -> int:
    """The result list for 公示: an Excel workbook (.xlsx) or a printable list (.pdf).

    Returns how many targets it lists. Only public facts: names, credit codes, inspectors' names,
    results and findings (no personal identifiers).
    """
    require_role(actor, "supervisor", action="公示抽查结果")
    shown = view(session, draw_id)
    rows = [
        PublishedRow(
            t.position,
            t.name,
            t.credit_code,
            "、".join(name for _, name in t.inspectors),
            RESULTS.get(t.result or "", "尚未检查"),
            t.findings or "",
        )
        for t in shown.targets
    ]
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        names = "、".join(
            catalog.departments[d].name if d in catalog.departments else d
            for d in shown.departments
        )
        data = results_list(
            draw_id,
            shown.seed_text,
            names,
            shown.registry_size,
            rows,
            clock.today(),
            catalog.departments[shown.departments[0]].name
            if shown.departments and shown.departments[0] in catalog.departments
            else "同心县审批服务管理局",
        )
        _write(out, data)
    elif suffix == ".xlsx":
        _workbook(draw_id, shown.seed_text, rows, out)
    else:
        raise ServiceError("公示表应为 .xlsx 或 .pdf 文件")
    row = session.get_one(Draw, draw_id)
    row.published_at = clock.now()
    audit.record(session, actor.username, "supervision.publish", str(draw_id), {"file": out.name})
    return len(rows)


def _write(out: Path, data: bytes) -> None:
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ServiceError(f"无法写入 {out}：{exc.strerror or exc}") from None


def _workbook(draw_id: int, seed_text: str, rows: list[PublishedRow], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "抽查结果公示"
    sheet.append([f"双随机抽查结果公示（抽取编号 {draw_id}，随机种子：{seed_text}）"])
    sheet.append(["序号", "主体名称", "统一社会信用代码", "检查人员", "检查结果", "发现的问题"])
    for r in rows:
        sheet.append([r.position, r.name, r.credit_code, r.inspectors, r.result, r.findings])
    try:
        book.save(out)
    except OSError as exc:
        raise ServiceError(f"无法写入 {out}：{exc.strerror or exc}") from None


@dataclass(frozen=True)
class DrawSummary:
    id: int
    seed_text: str
    registry_size: int
    drawn: int
    published: bool


def draws(session: Session) -> list[DrawSummary]:
    """Every draw, newest first, with how many targets it drew."""
    counts = dict(
        session.execute(select(DrawTarget.draw_id, func.count()).group_by(DrawTarget.draw_id)).all()
    )
    return [
        DrawSummary(
            row.id,
            row.seed_text,
            len(row.targets_in),
            int(counts.get(row.id, 0)),
            row.published_at is not None,
        )
        for row in session.scalars(select(Draw).order_by(Draw.id.desc()))
    ]
