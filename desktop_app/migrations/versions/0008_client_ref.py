"""An application's client reference: a batch run twice stores each case once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_ref", sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f("ix_application_client_ref"), ["client_ref"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_client_ref"))
        batch_op.drop_column("client_ref")
