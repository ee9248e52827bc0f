"""Site checks required before approval; what supervision findings order on a permit.

``item.site_check``: whether an item needs a 现场核查, frozen at acceptance from the catalog it
was accepted under (items accepted before this revision were never scheduled for one and go on
without). ``enforcement_measure``: 责令整改 and revocations ordered after a 双随机 finding.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _user(column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["app_user.id"], name=op.f(f"fk_enforcement_measure_{column}_app_user")
    )


def upgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("site_check", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "enforcement_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("certificate_number", sa.String(length=40), nullable=False),
        sa.Column("permit", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.String(length=40), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["supervision_target.id"],
            name=op.f("fk_enforcement_measure_target_id_supervision_target"),
        ),
        _user("created_by"),
        _user("closed_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enforcement_measure")),
    )
    with op.batch_alter_table("enforcement_measure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enforcement_measure_credit_code"), ["credit_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enforcement_measure_certificate_number"),
            ["certificate_number"],
            unique=False,
        )


def downgrade() -> None:
    op.drop_table("enforcement_measure")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_column("site_check")
