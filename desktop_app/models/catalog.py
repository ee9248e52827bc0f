"""The catalog's versions as the hall keeps them: the shipped one first, then the county's own.

A version is the catalog's files as text, whole, with the day it comes into force: a case keeps
the version it was accepted under (its ``catalog_version`` label), new cases use the version in
force on their day. Versions are never edited: a change is a new version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class CatalogVersion(Base):
    __tablename__ = "catalog_version"

    id: Mapped[intpk]
    # The catalog's own ``version`` (catalog.toml), unique: cases name their version by it.
    label: Mapped[str] = mapped_column(String(40), unique=True)
    effective_from: Mapped[dt.date]
    files: Mapped[dict[str, Any]]  # file name (without .toml) → its text
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the files, canonical JSON
    origin: Mapped[code]  # shipped, edited, imported
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
