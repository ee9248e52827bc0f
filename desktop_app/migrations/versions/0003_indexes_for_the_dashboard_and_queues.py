"""Indexes for the dashboard and the review queues.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_accepted_on"), ["accepted_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_application_industry"), ["industry"], unique=False)

    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_issued_on"), ["issued_on"], unique=False)

    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_item_open_work",
            ["state", "department", "promised_due", "dropped", "paused_since", "application_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index("ix_item_open_work")

    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_issued_on"))

    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_industry"))
        batch_op.drop_index(batch_op.f("ix_application_accepted_on"))
