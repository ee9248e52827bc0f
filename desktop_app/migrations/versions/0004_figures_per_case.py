"""Per case, what the dashboard sums: fields and materials saved, working days to the certificate.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ("separate_fields", "combined_fields", "separate_materials", "combined_materials")


def upgrade() -> None:
    # Cases accepted before this revision keep NULL: the catalog they were decided by is not kept.
    with op.batch_alter_table("application", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
        batch_op.create_index("ix_application_reform", ["kind", "industry", *COLUMNS], unique=False)
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("working_days", sa.Integer(), nullable=True))
        batch_op.create_index("ix_certificate_expiry", ["state", "valid_until"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index("ix_certificate_expiry")
        batch_op.drop_column("working_days")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_reform")
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
