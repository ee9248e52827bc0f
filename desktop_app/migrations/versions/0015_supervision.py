"""事中事后监管: credit classes set by hand, inspectors' conflicts, 双随机 draws and results.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _user(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["app_user.id"], name=op.f(f"fk_{table}_{column}_app_user")
    )


def upgrade() -> None:
    op.create_table(
        "credit_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("credit_class", sa.String(length=1), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        _user("set_by", "credit_override"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_override")),
    )
    with op.batch_alter_table("credit_override", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credit_override_credit_code"), ["credit_code"], unique=False
        )
    op.create_table(
        "inspector_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user("user_id", "inspector_conflict"),
        _user("created_by", "inspector_conflict"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector_conflict")),
        sa.UniqueConstraint("user_id", "credit_code", name=op.f("uq_inspector_conflict_user_id")),
    )
    op.create_table(
        "supervision_draw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seed_text", sa.Text(), nullable=False),
        sa.Column("algorithm", sa.String(length=40), nullable=False),
        sa.Column("departments", sa.JSON(), nullable=False),
        sa.Column("industries", sa.JSON(), nullable=False),
        sa.Column("ratios", sa.JSON(), nullable=False),
        sa.Column("per_target", sa.Integer(), nullable=False),
        sa.Column("targets_in", sa.JSON(), nullable=False),
        sa.Column("roster", sa.JSON(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        _user("created_by", "supervision_draw"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_draw")),
    )
    op.create_table(
        "supervision_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draw_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_class", sa.String(length=1), nullable=False),
        sa.Column("inspectors", sa.JSON(), nullable=False),
        sa.Column("result", sa.String(length=40), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["draw_id"],
            ["supervision_draw.id"],
            name=op.f("fk_supervision_target_draw_id_supervision_draw"),
        ),
        _user("recorded_by", "supervision_target"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_target")),
        sa.UniqueConstraint("draw_id", "credit_code", name=op.f("uq_supervision_target_draw_id")),
    )
    with op.batch_alter_table("supervision_target", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_target_credit_code"), ["credit_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_target_draw_id"), ["draw_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("supervision_target")
    op.drop_table("supervision_draw")
    op.drop_table("inspector_conflict")
    op.drop_table("credit_override")
