"""When the platform took each stored scan (protocol v1.1 uploads it once, by hash).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.drop_column("sent_at")
