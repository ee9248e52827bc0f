"""Deadlines that may be provisional, who took a 容缺 material or closed a check, the print log.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("statutory_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("promised_days", sa.Integer(), nullable=True))
        # Every deadline stored so far was counted over known days (acceptance refused others).
        batch_op.add_column(
            sa.Column(
                "statutory_provisional", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column(
                "promised_provisional", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("received_material", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_received_material_received_by_app_user"),
            "app_user",
            ["received_by"],
            ["id"],
        )
    op.create_index(
        "ix_received_material_outstanding",
        "received_material",
        ["received_at", "due_on", "application_id"],
        unique=False,
    )
    with op.batch_alter_table("verification_task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_verification_task_closed_by_app_user"), "app_user", ["closed_by"], ["id"]
        )
    op.create_table(
        "notice_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["issued_notice.id"],
            name=op.f("fk_notice_print_notice_id_issued_notice"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_notice_print_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_print")),
    )
    op.create_index(op.f("ix_notice_print_notice_id"), "notice_print", ["notice_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_notice_print_notice_id"), table_name="notice_print")
    op.drop_table("notice_print")
    with op.batch_alter_table("verification_task", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_verification_task_closed_by_app_user"), type_="foreignkey"
        )
        batch_op.drop_column("closed_by")
    op.drop_index("ix_received_material_outstanding", table_name="received_material")
    with op.batch_alter_table("received_material", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_received_material_received_by_app_user"), type_="foreignkey"
        )
        batch_op.drop_column("received_by")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_column("promised_provisional")
        batch_op.drop_column("statutory_provisional")
        batch_op.drop_column("promised_days")
        batch_op.drop_column("statutory_days")
