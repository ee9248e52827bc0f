"""Applications submitted online, fetched from the platform, and the answers sent back.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "online_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.String(length=100), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("channel", sa.String(length=40), nullable=True),
        sa.Column("industry", sa.String(length=40), nullable=True),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("decision_key", sa.String(length=36), nullable=True),
        sa.Column("decision_state", sa.String(length=40), nullable=True),
        sa.Column("decision_payload", sa.JSON(), nullable=True),
        sa.Column("decision_attempts", sa.Integer(), nullable=False),
        sa.Column("decision_next_at", sa.DateTime(), nullable=True),
        sa.Column("decision_error", sa.Text(), nullable=True),
        sa.Column("decision_sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_online_application_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["app_user.id"], name=op.f("fk_online_application_decided_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_application")),
        sa.UniqueConstraint("decision_key", name=op.f("uq_online_application_decision_key")),
        sa.UniqueConstraint("platform_id", name=op.f("uq_online_application_platform_id")),
    )
    with op.batch_alter_table("online_application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_online_application_decision_state"), ["decision_state"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_online_application_state"), ["state"], unique=False)


def downgrade() -> None:
    op.drop_table("online_application")
