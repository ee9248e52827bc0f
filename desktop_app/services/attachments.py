"""Scans and files of a case's materials, and materials checked at the window instead of copied.

A file is checked by its bytes (domain/file_kinds.py), stored once per content hash whatever
number of cases share it, and read back only after its hash is checked again: a damaged row is
said, never shown as the applicant's document. Attachments stay with the case for good.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.catalog import Catalog, ResolveError, resolve
from desktop_app.domain.file_kinds import (
    KINDS,
    LIMIT_TEXT,
    MAX_FILE_BYTES,
    FileRefusedError,
    check_file,
)
from desktop_app.models import (
    Application,
    MaterialCheck,
    MaterialFile,
    ReceivedMaterial,
    StoredFile,
    User,
)
from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import NotFoundError, ServiceError, WorkflowError
from desktop_app.services.workflow import ensure_open, load_application

SOURCES = {"file": "文件", "camera": "高拍仪", "platform": "网上申请"}
MAX_NAME = 255


class AttachmentRefusedError(ServiceError):
    """The file cannot be a material's scan: wrong kind, too large, cut short."""


class DamagedFileError(ServiceError):
    """A stored file no longer matches its hash."""


@dataclass(frozen=True)
class Attachment:
    material_key: str
    sha256: str
    name: str
    size: int
    content_type: str
    source: str
    attached_at: dt.datetime
    attached_by: str


@dataclass(frozen=True)
class WindowCheck:
    material_key: str
    source: str
    document_no: str
    checked_at: dt.datetime
    checked_by: str


def _find_material(session: Session, application: Application, key: str) -> ReceivedMaterial | None:
    return session.scalar(
        select(ReceivedMaterial).where(
            ReceivedMaterial.application_id == application.id, ReceivedMaterial.key == key
        )
    )


def _material(session: Session, application: Application, key: str) -> ReceivedMaterial:
    material = _find_material(session, application, key)
    if material is None:
        raise NotFoundError(f"办件 {application.number} 没有材料“{key}”")
    return material


def _store_once(session: Session, sha256: str, content_type: str, data: bytes) -> None:
    if session.get(StoredFile, sha256) is not None:
        return
    try:
        with session.begin_nested():  # another counter may store the same file at this moment
            session.add(
                StoredFile(sha256=sha256, size=len(data), content_type=content_type, data=data)
            )
    except IntegrityError:
        if session.get(StoredFile, sha256) is None:
            raise


@dataclass(frozen=True)
class StoredScan:
    """A checked file in the store, not yet tied to a case (the wizard's scans before 受理)."""

    sha256: str
    name: str
    size: int
    content_type: str


def store_file(session: Session, actor: Actor, data: bytes, name: str) -> StoredScan:
    """Checks ``data`` by its bytes and stores it once; the same content again costs nothing."""
    require_role(actor, "clerk", "supervisor", action="添加材料扫描件")
    try:
        checked = check_file(data)
    except FileRefusedError as exc:
        raise AttachmentRefusedError(f"{name or '文件'}：{exc}") from None
    _store_once(session, checked.sha256, checked.kind.content_type, data)
    name = (name.strip() or f"{checked.sha256[:12]}{checked.kind.extension}")[:MAX_NAME]
    return StoredScan(checked.sha256, name, checked.size, checked.kind.content_type)


def _open_material(session: Session, number: str, material_key: str) -> Application:
    """The open case ``number``, after checking it lists ``material_key``."""
    application = load_application(session, number)
    ensure_open(application)
    _material(session, application, material_key)
    return application


def _tie(
    session: Session,
    actor: Actor,
    application: Application,
    material_key: str,
    scan: StoredScan,
    source: str,
) -> Attachment:
    """Ties a stored file to one material of the case; the same file again changes nothing."""
    if source not in SOURCES:
        raise WorkflowError(f"来源“{source}”无效（可用 {'、'.join(SOURCES)}）")
    if session.get(StoredFile, scan.sha256) is None:
        raise NotFoundError(f"扫描件 {scan.name} 不在数据库中，请重新扫描")
    existing = session.scalar(
        select(MaterialFile).where(
            MaterialFile.application_id == application.id,
            MaterialFile.material_key == material_key,
            MaterialFile.sha256 == scan.sha256,
        )
    )
    if existing is None:
        existing = MaterialFile(
            application_id=application.id,
            material_key=material_key,
            sha256=scan.sha256,
            name=scan.name,
            source=source,
            attached_by=actor.id,
        )
        session.add(existing)
        session.flush()
        audit.record(
            session,
            actor.username,
            "material.attach",
            application.number,
            {"material": material_key, "sha256": scan.sha256, "size": scan.size},
        )
    attacher = session.get(User, existing.attached_by)
    return Attachment(
        material_key,
        scan.sha256,
        existing.name,
        scan.size,
        scan.content_type,
        existing.source,
        existing.attached_at,
        attacher.username if attacher is not None else "",
    )


def link(
    session: Session,
    actor: Actor,
    number: str,
    material_key: str,
    scan: StoredScan,
    source: str = "file",
) -> Attachment:
    """Ties a stored file to one material of an open case; the same file again changes nothing."""
    require_role(actor, "clerk", "supervisor", action="添加材料扫描件")
    application = _open_material(session, number, material_key)
    return _tie(session, actor, application, material_key, scan, source)


def attach(
    session: Session,
    actor: Actor,
    number: str,
    material_key: str,
    data: bytes,
    name: str,
    source: str = "file",
) -> Attachment:
    """Stores ``data`` as a scan of one material of an open case (both steps, one transaction).

    The case and material are checked first: a file for no case is never stored.
    """
    application = _open_material(session, number, material_key)
    scan = store_file(session, actor, data, name or f"{material_key}")
    return _tie(session, actor, application, material_key, scan, source)


def stored(session: Session, sha256: str, name: str) -> StoredScan:
    """A file already in the store, by its hash (a draft's scan after a restart)."""
    row = session.execute(
        select(StoredFile.size, StoredFile.content_type).where(StoredFile.sha256 == sha256)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"扫描件 {name} 不在数据库中，请重新扫描")
    return StoredScan(sha256, name[:MAX_NAME], row.size, row.content_type)


def link_scans(
    session: Session, actor: Actor, number: str, scans: Mapping[str, Sequence[Mapping[str, str]]]
) -> int:
    """The wizard's scans join the case just accepted; returns how many.

    Scans of a material the case does not list (the answers changed after scanning) are left
    out: the file stays in the store, unattached.
    """
    require_role(actor, "clerk", "supervisor", action="添加材料扫描件")
    application = load_application(session, number)
    keys = set(
        session.scalars(
            select(ReceivedMaterial.key).where(ReceivedMaterial.application_id == application.id)
        )
    )
    linked = 0
    ensure_open(application)
    for key, entries in scans.items():
        for entry in entries if key in keys else ():
            scan = stored(session, entry["sha256"], entry["name"])
            _tie(session, actor, application, key, scan, entry.get("source") or "file")
            linked += 1
    return linked


def read_scan_file(path: Path) -> bytes:
    """A file's bytes, read no further than one byte past the limit (a huge file fails fast)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AttachmentRefusedError(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise AttachmentRefusedError(f"{path} 是文件夹，不是文件") from None
    except OSError as exc:
        raise AttachmentRefusedError(f"无法读取 {path}：{exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentRefusedError(f"{path.name}：文件超过单个文件 {LIMIT_TEXT} 的上限")
    return data


def of_case(session: Session, number: str) -> list[Attachment]:
    """Every file of a case's materials, in the order attached (without their bytes)."""
    application = load_application(session, number)
    rows = session.execute(
        select(MaterialFile, StoredFile.size, StoredFile.content_type, User.username)
        .join(StoredFile, StoredFile.sha256 == MaterialFile.sha256)
        .join(User, User.id == MaterialFile.attached_by)
        .where(MaterialFile.application_id == application.id)
        .order_by(MaterialFile.id)
    )
    return [
        Attachment(
            row.material_key,
            row.sha256,
            row.name,
            size,
            content_type,
            row.source,
            row.attached_at,
            username,
        )
        for row, size, content_type, username in rows
    ]


def file_bytes(session: Session, sha256: str) -> tuple[bytes, str]:
    """A stored file and its content type, after checking it still matches its hash."""
    stored = session.get(StoredFile, sha256)
    if stored is None:
        raise NotFoundError(f"没有内容哈希为 {sha256[:12]}… 的文件")
    if hashlib.sha256(stored.data).hexdigest() != sha256 or stored.content_type not in KINDS:
        raise DamagedFileError(f"文件 {sha256[:12]}… 已损坏（内容与哈希不符），请重新扫描")
    return stored.data, stored.content_type


def record_check(
    session: Session,
    actor: Actor,
    catalog: Catalog,
    number: str,
    material_key: str,
    source: str,
    document_no: str,
) -> WindowCheck:
    """The window checked a material against its source instead of taking a copy.

    A government-issued material nobody recorded at acceptance becomes ``checked`` now, and the
    case's figure of materials handed over drops by one: only a recorded check counts.
    """
    require_role(actor, "clerk", "supervisor", action="登记窗口核验")
    source, document_no = source.strip(), document_no.strip()
    if not source or not document_no:
        raise WorkflowError("核验须写明核验来源和证照编号")
    if len(source) > 200 or len(document_no) > 100:
        raise WorkflowError("核验来源不超过 200 字，证照编号不超过 100 字")
    application = load_application(session, number)
    ensure_open(application)
    if _find_material(session, application, material_key) is None:
        _record_unrecorded(catalog, application, material_key, session)
    check = session.scalar(
        select(MaterialCheck).where(
            MaterialCheck.application_id == application.id,
            MaterialCheck.material_key == material_key,
        )
    )
    if check is None:
        check = MaterialCheck(application_id=application.id, material_key=material_key)
        session.add(check)
    check.source, check.document_no = source, document_no
    check.checked_by, check.checked_at = actor.id, clock.now()
    session.flush()
    audit.record(
        session,
        actor.username,
        "material.check",
        number,
        {"material": material_key, "source": source, "document_no": document_no},
    )
    return WindowCheck(material_key, source, document_no, check.checked_at, actor.username)


def _record_unrecorded(
    catalog: Catalog, application: Application, key: str, session: Session
) -> None:
    """The government-issued material of a new application that acceptance left to the window."""
    try:
        bundle = resolve(catalog, application.industry, application.answers)
    except ResolveError:
        bundle = None
    material = next((m for m in bundle.materials if m.key == key), None) if bundle else None
    if application.kind != "new" or material is None or not material.government_issued:
        raise NotFoundError(f"办件 {application.number} 没有材料“{key}”")
    session.add(
        ReceivedMaterial(
            application_id=application.id,
            key=key,
            permits=list(material.permits),
            how="checked",
            received_at=clock.now(),
        )
    )
    if application.combined_materials:
        application.combined_materials -= 1


def checks_of_case(session: Session, number: str) -> list[WindowCheck]:
    application = load_application(session, number)
    rows = session.execute(
        select(MaterialCheck, User.username)
        .join(User, User.id == MaterialCheck.checked_by)
        .where(MaterialCheck.application_id == application.id)
        .order_by(MaterialCheck.id)
    )
    return [
        WindowCheck(c.material_key, c.source, c.document_no, c.checked_at, username)
        for c, username in rows
    ]
