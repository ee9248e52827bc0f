"""The regional platform exchange: transactional outbox, inbox and the exchange's bookkeeping.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("platform_id", sa.String(length=100), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_sync_outbox_application_id_application"),
        ),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_sync_outbox_item_id_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sync_outbox_idempotency_key")),
        sa.UniqueConstraint("item_id", name=op.f("uq_sync_outbox_item_id")),
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_outbox_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sync_outbox_platform_id"), ["platform_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sync_outbox_state"), ["state"], unique=False)

    op.create_table(
        "sync_inbox",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["outbox_id"], ["sync_outbox.id"], name=op.f("fk_sync_inbox_outbox_id_sync_outbox")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sync_inbox")),
    )
    with op.batch_alter_table("sync_inbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_inbox_outbox_id"), ["outbox_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_inbox_outbox_id"))

    op.drop_table("sync_inbox")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_state"))
        batch_op.drop_index(batch_op.f("ix_sync_outbox_platform_id"))
        batch_op.drop_index(batch_op.f("ix_sync_outbox_application_id"))

    op.drop_table("sync_outbox")
    op.drop_table("sync_state")
