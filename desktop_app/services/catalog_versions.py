"""Catalog versions in the store: one catalog for every counter of a hall, changed without a build.

The catalog shipped with the program is version 1, put into the store on first start. An
administrator's edit (or an import from another county) is a new version with the day it comes
into force; versions are never changed afterwards. A case keeps the version it was accepted under
(``Application.catalog_version`` names it by label); a new case uses the version in force on its
day. Every version goes through the loader's validation before it is stored, so a version in the
store always loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, defer

from desktop_app import clock
from desktop_app.catalog import Catalog, CatalogError, load_catalog_texts, read_texts
from desktop_app.catalog.compare import Comparison, compare
from desktop_app.catalog.confirmation import KIND_NAMES, LABELS
from desktop_app.catalog.editing import EditError, confirm, with_version
from desktop_app.catalog.exchange import Package, pack
from desktop_app.catalog.loader import FILES
from desktop_app.catalog.model import Confirmation
from desktop_app.db import Store
from desktop_app.domain.cose import PrivateKey
from desktop_app.models import CatalogVersion
from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, ServiceError

FROM_THE_START = dt.date(2000, 1, 1)  # the shipped version is in force for every earlier day
MAX_LABEL = 20  # Application.catalog_version: every case names its version
SIGNING_KEY_NEEDED = "目录文件用签发密钥签名，请在签发电脑上导出"
ORIGINS = {"shipped": "随程序发布", "edited": "本县修订", "imported": "外县导入"}
_PARSED: dict[str, Catalog] = {}  # by digest: a version never changes, so neither does its catalog


class CatalogVersionError(ServiceError):
    """The version is refused; the message names the file and the place."""


@dataclass(frozen=True)
class VersionInfo:
    label: str
    effective_from: dt.date
    origin: str
    digest: str
    note: str | None
    created_at: dt.datetime


def digest_of(files: Mapping[str, str]) -> str:
    canonical = json.dumps(dict(files), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _checked(files: Mapping[str, str]) -> Catalog:
    """The files' catalog, validated as the loader does; refused with the file and the place."""
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise CatalogVersionError(f"{unknown[0]}.toml: 不是目录文件（可用：{'、'.join(FILES)}）")
    try:
        return load_catalog_texts(files)
    except CatalogError as exc:
        raise CatalogVersionError(f"目录有误：{exc}") from None


def check(files: Mapping[str, str]) -> Catalog:
    """A draft's catalog, or CatalogVersionError with the file and the place (nothing stored)."""
    return _checked(files)


def _catalog(row: CatalogVersion) -> Catalog:
    found = _PARSED.get(row.digest)
    if found is None:
        found = _PARSED[row.digest] = load_catalog_texts(row.files)
    return found


def _info(row: CatalogVersion) -> VersionInfo:
    return VersionInfo(
        row.label, row.effective_from, row.origin, row.digest, row.note, row.created_at
    )


def ensure_shipped(session: Session, files: Mapping[str, str]) -> bool:
    """Stores the shipped catalog as version 1 when the store has none; whether it did."""
    if session.scalar(select(func.count()).select_from(CatalogVersion)):
        return False
    catalog = _checked(files)
    row = CatalogVersion(
        label=catalog.version,
        effective_from=FROM_THE_START,
        files=dict(files),
        digest=digest_of(files),
        origin="shipped",
    )
    session.add(row)
    session.flush()
    audit.record(session, "system", "catalog.version", row.label, {"origin": "shipped"})
    return True


def open_catalog(store: Store) -> Catalog:
    """The catalog a counter starts with: the store's version in force today.

    A store without versions (a new hall, or one made before versions were kept) gets the
    shipped catalog as version 1 first.
    """
    with store.read() as session:
        empty = not session.scalar(select(func.count()).select_from(CatalogVersion))
    if empty:
        with store.write() as session:
            ensure_shipped(session, read_texts())
    with store.read() as session:
        return in_force(session)


def versions(session: Session) -> list[VersionInfo]:
    """Every version, the newest in force last."""
    rows = session.scalars(
        select(CatalogVersion)
        .options(defer(CatalogVersion.files))  # a version's text is read only when it is used
        .order_by(CatalogVersion.effective_from, CatalogVersion.id)
    )
    return [_info(r) for r in rows]


def in_force(session: Session, day: dt.date | None = None) -> Catalog:
    """The catalog new cases use on ``day`` (today by default)."""
    row = session.scalar(
        select(CatalogVersion)
        .where(CatalogVersion.effective_from <= (day or clock.today()))
        .order_by(CatalogVersion.effective_from.desc(), CatalogVersion.id.desc())
        .limit(1)
    )
    if row is None:
        raise NotFoundError("数据库中没有行业目录（请先启动一次程序写入随程序发布的目录）")
    return _catalog(row)


def in_force_since(session: Session) -> tuple[Catalog, dt.date | None]:
    """The version in force and its first day (None: the version shipped with the program)."""
    catalog = in_force(session)
    row = session.execute(
        select(CatalogVersion.origin, CatalogVersion.effective_from).where(
            CatalogVersion.label == catalog.version
        )
    ).one()
    return catalog, None if row.origin == "shipped" else row.effective_from


def export_file(
    session: Session, key: PrivateKey, office_code: str, note: str, label: str | None = None
) -> bytes:
    """A version (the one in force by default) as one file signed with the issuing key."""
    label = label or label_in_force(session) or ""
    files = files_of(session, label)
    catalog = by_label(session, label)
    exporter = f"{office_code} {catalog.department_name(catalog.counter_department)}"
    return pack(files, label, exporter, clock.today(), note.strip(), key)


def label_in_force(session: Session, day: dt.date | None = None) -> str | None:
    """The label of the version in force (one indexed read, nothing parsed); None: no versions."""
    return session.scalar(
        select(CatalogVersion.label)
        .where(CatalogVersion.effective_from <= (day or clock.today()))
        .order_by(CatalogVersion.effective_from.desc(), CatalogVersion.id.desc())
        .limit(1)
    )


def by_label(session: Session, label: str) -> Catalog:
    """The version a case was accepted under."""
    row = session.scalar(select(CatalogVersion).where(CatalogVersion.label == label))
    if row is None:
        raise NotFoundError(f"数据库中没有目录版本 {label}")
    return _catalog(row)


def newest_label(session: Session) -> str | None:
    """The version the next edit builds on: the last by first day (it may await its day)."""
    return session.scalar(
        select(CatalogVersion.label)
        .order_by(CatalogVersion.effective_from.desc(), CatalogVersion.id.desc())
        .limit(1)
    )


def _serialize_writers(session: Session) -> None:
    """One administrator's new version at a time, reading what the previous one stored.

    SQLite writes one transaction at a time anyway; PostgreSQL takes a lock that conflicts only
    with another writer of versions (counters reading the catalog are not held up).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE catalog_version IN SHARE ROW EXCLUSIVE MODE"))


def add_version(
    session: Session,
    actor: Actor,
    files: Mapping[str, str],
    effective_from: dt.date,
    note: str,
    origin: str = "edited",
    based_on: str | None = None,
) -> VersionInfo:
    """A new version in force from ``effective_from`` (today or later), validated first.

    ``based_on``: the version an edit started from; refused when another administrator has
    published a newer one since (the edit would silently undo theirs).
    """
    require_role(actor, "admin", action="发布目录版本")
    _serialize_writers(session)
    if based_on is not None:
        newest = newest_label(session)
        if newest != based_on:
            raise CatalogVersionError(
                f"目录已有更新的版本 {newest}（本草稿基于 {based_on}）："
                "请放弃草稿，在新版本上重新修订，以免覆盖他人的修订"
            )
    if origin not in ORIGINS or origin == "shipped":
        raise CatalogVersionError(f"版本来源“{origin}”无效")
    if effective_from < clock.today():
        raise CatalogVersionError("生效日期不能早于今天（已受理的办件按受理时的版本办理）")
    note = note.strip()
    if not note:
        raise CatalogVersionError("请写明本次修订的内容和依据")
    catalog = _checked(files)
    if len(catalog.version) > MAX_LABEL:
        raise CatalogVersionError(
            f"catalog.toml: version: 版本号最长 {MAX_LABEL} 个字符（办件记录其受理时的版本号）"
        )
    taken = session.scalar(select(CatalogVersion.id).where(CatalogVersion.label == catalog.version))
    if taken is not None:
        raise CatalogVersionError(
            f"catalog.toml: version: 目录版本号 {catalog.version} 已存在，请改为新的版本号"
        )
    row = CatalogVersion(
        label=catalog.version,
        effective_from=effective_from,
        files=dict(files),
        digest=digest_of(files),
        origin=origin,
        note=note,
        created_by=actor.id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor.username,
        "catalog.version",
        row.label,
        {"origin": origin, "effective_from": effective_from.isoformat(), "note": note},
    )
    return _info(row)


def files_of(session: Session, label: str) -> dict[str, str]:
    """A version's files as stored (the starting point of an edit, an export)."""
    row = session.scalar(select(CatalogVersion).where(CatalogVersion.label == label))
    if row is None:
        raise NotFoundError(f"数据库中没有目录版本 {label}")
    return {name: str(text) for name, text in row.files.items()}


def preview(session: Session, files: Mapping[str, str]) -> tuple[Catalog, Comparison]:
    """An edited or imported version checked as the loader does, against the version in force."""
    edited = _checked(files)
    return edited, compare(in_force(session), edited)


def import_version(
    session: Session,
    actor: Actor,
    package: Package,
    effective_from: dt.date,
    note: str = "",
    label: str | None = None,
) -> VersionInfo:
    """Another county's signed version as ours, under ``label`` when its own is taken here."""
    files = package.files
    if label is not None and label != package.label:
        try:
            files = with_version(files, label)
        except EditError as exc:
            raise CatalogVersionError(str(exc)) from None
    origin = f"自{package.exporter}导入（其版本 {package.label}，签名密钥 {package.kid}）"
    said = note.strip() or package.note.strip()
    return add_version(
        session, actor, files, effective_from, f"{origin}：{said}" if said else origin, "imported"
    )


def next_label(session: Session) -> str:
    """A free label after the newest version: 2023.1.2 → 2023.1.3 (the editor's suggestion)."""
    current = newest_label(session) or "1"
    taken = set(session.scalars(select(CatalogVersion.label)))
    head, _, last = current.rpartition(".")
    number = int(last) if last.isdigit() else 0
    stem = f"{head}." if last.isdigit() and head else f"{current}."
    while True:
        number += 1
        label = f"{stem}{number}"
        if label not in taken:
            return label


def confirm_values(
    session: Session,
    actor: Actor,
    permit: str,
    kind: str | None,
    keys: list[str],
    confirmation: Confirmation,
) -> VersionInfo:
    """Records a department's confirmation as a new version in force today.

    Only the marks change (values stay as they were), so every new case from today is
    printed without them; cases accepted earlier keep the version they were accepted under.
    """
    require_role(actor, "admin", action="记录部门确认")
    if confirmation.on > clock.today():
        raise CatalogVersionError("确认日期不能晚于今天")
    _serialize_writers(session)
    current = in_force(session)
    name = current.permits[permit].name if permit in current.permits else permit
    name += f"（{KIND_NAMES[kind]}）" if kind else ""
    note = f"{confirmation.describe()}：{name} {'、'.join(LABELS.get(k, k) for k in keys)}"
    added = _confirmed_copy(
        session, actor, current.version, clock.today(), note, keys, permit, kind, confirmation
    )
    # A version already published for a later day gets the confirmation too, or the marks
    # would come back on that day.
    for label, day in _awaiting(session):
        if set(keys) & _pending(by_label(session, label), permit, kind):
            later = f"{note}（并记入 {day} 起执行的版本 {label}）"
            _confirmed_copy(session, actor, label, day, later, keys, permit, kind, confirmation)
    return added


def _pending(catalog: Catalog, permit: str, kind: str | None) -> frozenset[str]:
    if kind is None:
        found = catalog.permits.get(permit)
        return found.unverified if found else frozenset()
    rule = catalog.after_issue.get((permit, kind))
    return rule.unverified if rule else frozenset()


def _awaiting(session: Session) -> list[tuple[str, dt.date]]:
    """The versions that will be in force on a later day: the one of each day (latest stored)."""
    rows = session.execute(
        select(CatalogVersion.label, CatalogVersion.effective_from)
        .where(CatalogVersion.effective_from > clock.today())
        .order_by(CatalogVersion.effective_from, CatalogVersion.id)
    )
    by_day = {day: label for label, day in rows}
    return [(label, day) for day, label in by_day.items()]


def _confirmed_copy(
    session: Session,
    actor: Actor,
    label: str,
    day: dt.date,
    note: str,
    keys: list[str],
    permit: str,
    kind: str | None,
    confirmation: Confirmation,
) -> VersionInfo:
    try:
        files = confirm(files_of(session, label), permit, kind, keys, confirmation)
        files = with_version(files, next_label(session))
    except EditError as exc:
        raise CatalogVersionError(str(exc)) from None
    return add_version(session, actor, files, day, note)
