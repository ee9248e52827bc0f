"""The 行业综合许可证: one row per revision, its integrated permits, and every print."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow


class Certificate(Base):
    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("number", "revision"),
        Index("ix_certificate_expiry", "state", "valid_until"),  # 统计: expiring within 30 days
    )

    id: Mapped[intpk]
    number: Mapped[str] = mapped_column(String(40), index=True)
    revision: Mapped[int]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id"), index=True)
    industry: Mapped[code]
    holder_name: Mapped[str] = mapped_column(String(200))
    holder_uscc: Mapped[str] = mapped_column(String(18))
    # The holder data as issued: prints, exports and verification read these, never the live
    # enterprise row that a later application may change.
    legal_rep_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(400))
    issuer_uscc: Mapped[str] = mapped_column(String(18))
    issued_on: Mapped[dt.date] = mapped_column(index=True)
    issued_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    issued_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    valid_from: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]
    state: Mapped[code] = mapped_column(index=True)  # valid, superseded, cancelled, void
    state_reason: Mapped[str | None] = mapped_column(Text)
    license_id: Mapped[str] = mapped_column(String(120))
    qr_text: Mapped[str] = mapped_column(Text)
    reprints: Mapped[int] = mapped_column(default=0)
    # 印制号: 1 for the first print of a revision's sheet; a 补证 re-signs the QR code with the
    # next one, so the QR code of a lost sheet verifies as replaced.
    print_no: Mapped[int] = mapped_column(default=1, server_default="1")
    # Working days from acceptance to this issue (统计's average), by the calendar of that day;
    # None when the calendar did not cover them.
    working_days: Mapped[int | None]

    permits: Mapped[list[CertificatePermit]] = relationship(
        lazy="raise", order_by="CertificatePermit.id"
    )


class CertificatePermit(Base):
    """One integrated permit as printed and signed on the certificate."""

    __tablename__ = "certificate_permit"

    id: Mapped[intpk]
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificate.id"), index=True)
    permit: Mapped[code]
    name: Mapped[str] = mapped_column(String(100))
    permit_no: Mapped[str] = mapped_column(String(60))
    department: Mapped[code]
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date | None]


class PrintRecord(Base):
    """Who printed which certificate when, where and how (first print, reprint, 套打)."""

    __tablename__ = "print_record"

    id: Mapped[intpk]
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificate.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    printer: Mapped[str] = mapped_column(String(200))
    copies: Mapped[int]
    kind: Mapped[code]  # print, reprint
    overlay: Mapped[bool] = mapped_column(default=False)  # 套打 on pre-printed stock
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str | None] = mapped_column(Text)


class ReplacedPrint(Base):
    """The QR text of a sheet replaced by a 补证 (遗失 or 损毁), kept as it was issued."""

    __tablename__ = "replaced_print"

    id: Mapped[intpk]
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificate.id"), index=True)
    print_no: Mapped[int]
    qr_text: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"))
    reason: Mapped[code]  # lost, damaged
