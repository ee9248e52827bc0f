"""Scanned and uploaded files of materials, and materials the window checked instead of copying.

A file is stored once per content hash (``stored_file``), however many cases or materials it
belongs to; ``material_file`` says which material of which case it is, where it came from, who
attached it and when. ``material_check`` records a material the clerk checked against its source
(营业执照 in the credit system, a 消防 approval in the department's register) instead of taking
a copy: what was checked, its number, who and when.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class StoredFile(Base):
    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[code]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    # When the platform took it (PUT /api/v1/files, v1.1): uploaded once, whatever shares it.
    sent_at: Mapped[dt.datetime | None]


class MaterialFile(Base):
    __tablename__ = "material_file"
    # Attaching the same file to the same material again changes nothing.
    __table_args__ = (UniqueConstraint("application_id", "material_key", "sha256"),)

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    material_key: Mapped[code]
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_file.sha256"), index=True)
    name: Mapped[str] = mapped_column(String(255))  # as the clerk or applicant named it
    source: Mapped[code]  # file, camera, platform
    attached_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    attached_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))


class MaterialCheck(Base):
    __tablename__ = "material_check"
    __table_args__ = (UniqueConstraint("application_id", "material_key"),)

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    material_key: Mapped[code]
    source: Mapped[str] = mapped_column(String(200))  # where the window looked it up
    document_no: Mapped[str] = mapped_column(String(100))
    checked_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    checked_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
