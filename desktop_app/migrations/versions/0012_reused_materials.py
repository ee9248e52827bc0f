"""A material a returning enterprise did not hand in again: the earlier case it came from.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_material", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reused_from", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("received_material", schema=None) as batch_op:
        batch_op.drop_column("reused_from")
