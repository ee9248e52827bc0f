"""市场主体 and the person who handles an application at the counter (经办人)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, intpk, utc_timestamp, utcnow


class Enterprise(Base):
    __tablename__ = "enterprise"

    id: Mapped[intpk]
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_rep_name: Mapped[str] = mapped_column(String(100))
    # Stored whole (the departments need it); lists and printouts mask it.
    legal_rep_id: Mapped[str | None] = mapped_column(String(18))
    address: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)


class EnterpriseVersion(Base):
    """The master data as it stood from one approved application on: its history, never lost.

    The ``enterprise`` row is the newest version; an application in progress never changes it.
    """

    __tablename__ = "enterprise_version"
    __table_args__ = (UniqueConstraint("enterprise_id", "version"),)

    id: Mapped[intpk]
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id"), index=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    legal_rep_name: Mapped[str] = mapped_column(String(100))
    legal_rep_id: Mapped[str | None] = mapped_column(String(18))
    address: Mapped[str] = mapped_column(String(400))
    # The application whose approval made this version (None: carried over by the migration).
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    recorded_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)


class Agent(Base):
    """The person at the counter: the legal representative or someone they authorised."""

    __tablename__ = "agent"

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(20))
