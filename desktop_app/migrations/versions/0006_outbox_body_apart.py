"""The outbox message's body in a table of its own, so event bookkeeping does not rewrite it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox_body",
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outbox_id"],
            ["sync_outbox.id"],
            name=op.f("fk_sync_outbox_body_outbox_id_sync_outbox"),
        ),
        sa.PrimaryKeyConstraint("outbox_id", name=op.f("pk_sync_outbox_body")),
    )
    op.execute(
        "INSERT INTO sync_outbox_body (outbox_id, payload) SELECT id, payload FROM sync_outbox"
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_column("payload")


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payload", sa.JSON(), nullable=True))
    op.execute(
        "UPDATE sync_outbox SET payload ="
        " (SELECT payload FROM sync_outbox_body WHERE outbox_id = sync_outbox.id)"
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.alter_column("payload", existing_type=sa.JSON(), nullable=False)
    op.drop_table("sync_outbox_body")
