"""An application (办件) and everything recorded about it: items, materials, history, notices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.models.base import Base, code, intpk, utc_timestamp, utcnow
from desktop_app.models.enterprise import Agent, Enterprise


class Application(Base):
    __tablename__ = "application"

    id: Mapped[intpk]
    number: Mapped[str] = mapped_column(String(40), unique=True)  # 受理编号
    industry: Mapped[code] = mapped_column(index=True)
    catalog_version: Mapped[str] = mapped_column(String(20))
    kind: Mapped[code]
    state: Mapped[code] = mapped_column(index=True)
    # For everything but 新办: the certificate it changes, renews, reduces, reissues or cancels.
    certificate_number: Mapped[str | None] = mapped_column(String(40), index=True)
    # The form keys this application changes against the certificate as issued (变更).
    changes: Mapped[list[Any] | None]
    # 补证: lost or damaged; 注销 and 减项: the applicant's reason.
    reason: Mapped[str | None] = mapped_column(Text)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    answers: Mapped[dict[str, Any]]
    form: Mapped[dict[str, Any]]
    accepted_on: Mapped[dt.date] = mapped_column(index=True)
    accepted_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    accepted_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    # The sender's own reference for a case sent in a batch: the same one twice is one case.
    client_ref: Mapped[str | None] = mapped_column(String(100), unique=True, index=True)
    dispatched_at: Mapped[dt.datetime | None]
    # Touched by every change to the application or any of its items, so that version_id makes
    # two counters' concurrent edits of one application conflict instead of both winning.
    updated_at: Mapped[dt.datetime | None]
    version_id: Mapped[int] = mapped_column(default=1)
    # What this case saved, by the catalog in force when it was accepted (统计's reform figures
    # from real cases): fields and materials of the separate applications and of the combined one.
    separate_fields: Mapped[int | None]
    combined_fields: Mapped[int | None]
    separate_materials: Mapped[int | None]
    combined_materials: Mapped[int | None]

    __table_args__ = (
        # Covers the dashboard's per-industry sums: read from the index, not the wide rows.
        Index(
            "ix_application_reform",
            "kind",
            "industry",
            "separate_fields",
            "combined_fields",
            "separate_materials",
            "combined_materials",
        ),
    )

    enterprise: Mapped[Enterprise] = relationship(lazy="raise")
    agent: Mapped[Agent | None] = relationship(lazy="raise")
    items: Mapped[list[Item]] = relationship(
        back_populates="application", lazy="raise", order_by="Item.id"
    )
    materials: Mapped[list[ReceivedMaterial]] = relationship(
        lazy="raise", order_by="ReceivedMaterial.id"
    )

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012 (SQLAlchemy reads it)


class Item(Base):
    """One permit of an application, decided by its department."""

    __tablename__ = "item"
    # The queues and the dashboard read open items by state and department, then their dates.
    __table_args__ = (
        Index(
            "ix_item_open_work",
            "state",
            "department",
            "promised_due",
            "dropped",
            "paused_since",
            "application_id",
        ),
    )

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    permit: Mapped[code]
    variant: Mapped[str | None] = mapped_column(String(40))
    # new, change, renewal or cancellation: what the department decides on this permit.
    kind: Mapped[code] = mapped_column(default="new", server_default="new")
    department: Mapped[code] = mapped_column(index=True)
    mode: Mapped[code]
    state: Mapped[code] = mapped_column(index=True)
    optional: Mapped[bool]
    # A 现场核查 must pass before approval (the catalog's ``site_check`` as accepted).
    site_check: Mapped[bool] = mapped_column(default=False, server_default=false())
    dropped: Mapped[bool] = mapped_column(default=False)
    dispatched_at: Mapped[dt.datetime | None]
    statutory_due: Mapped[dt.date]
    promised_due: Mapped[dt.date]
    # The limits in working days as accepted: a date counted over a year whose holidays were not
    # known yet is provisional (weekends only) and is counted again when that year is imported.
    statutory_days: Mapped[int | None]
    promised_days: Mapped[int | None]
    statutory_provisional: Mapped[bool] = mapped_column(default=False)
    promised_provisional: Mapped[bool] = mapped_column(default=False)
    paused_since: Mapped[dt.date | None]
    permit_no: Mapped[str | None] = mapped_column(String(60))
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    reason: Mapped[str | None] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(default=1)

    application: Mapped[Application] = relationship(back_populates="items", lazy="raise")

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012 (SQLAlchemy reads it)


class ClockPause(Base):
    """A stretch during which an item's clock stood still (补正, 听证 …)."""

    __tablename__ = "clock_pause"

    id: Mapped[intpk]
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    started_on: Mapped[dt.date]
    ended_on: Mapped[dt.date | None]
    reason: Mapped[str] = mapped_column(Text)


class ReceivedMaterial(Base):
    """A material as handed in; ``deferred`` ones (容缺) carry the date they are due.

    A deferred material has a ``due_on``; until it arrives ``how`` is ``deferred`` and
    ``received_at`` empty, then ``how`` says how it came and ``received_by`` who took it.
    """

    __tablename__ = "received_material"
    # Materials still out are the few with no received_at: the 容缺 lists seek them by index.
    __table_args__ = (
        Index("ix_received_material_outstanding", "received_at", "due_on", "application_id"),
    )

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    key: Mapped[code]
    permits: Mapped[list[Any]]  # the permit codes that need it
    # paper, scan, electronic, deferred; checked (the window checked it at its source, see
    # material_check) or reused (a returning enterprise's earlier copy, from case reused_from)
    how: Mapped[code]
    due_on: Mapped[dt.date | None]
    received_at: Mapped[dt.datetime | None]
    received_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sha256: Mapped[str | None] = mapped_column(String(64))
    reused_from: Mapped[str | None] = mapped_column(String(40))


class StateChange(Base):
    """Every change of state of an application or an item, with who and why."""

    __tablename__ = "state_change"

    id: Mapped[intpk]
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))
    from_state: Mapped[str | None] = mapped_column(String(40))
    to_state: Mapped[code]
    actor_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)


class IssuedNotice(Base):
    """A document handed to the applicant: 受理通知书, 补正通知书, 不予受理决定 and the like.

    ``content`` is what the document says, frozen when it is issued: a reprint reads it, never
    the live rows a later step may change.
    """

    __tablename__ = "issued_notice"

    id: Mapped[intpk]
    kind: Mapped[code]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("draft.id"))
    issued_at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    issued_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    content: Mapped[dict[str, Any]]


class VerificationTask(Base):
    """After a 告知承诺 approval, the department verifies the commitment on site."""

    __tablename__ = "verification_task"

    id: Mapped[intpk]
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    due_on: Mapped[dt.date]
    state: Mapped[code] = mapped_column(default="open")  # open, passed, failed
    note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class NoticePrint(Base):
    """Each time a document came out of a printer (or was written to a file), and by whom."""

    __tablename__ = "notice_print"

    id: Mapped[intpk]
    notice_id: Mapped[int] = mapped_column(ForeignKey("issued_notice.id"), index=True)
    at: Mapped[utc_timestamp] = mapped_column(default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    printer: Mapped[str] = mapped_column(String(200))
