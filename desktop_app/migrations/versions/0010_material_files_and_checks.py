"""Scanned and uploaded files of materials (stored once per hash), and window checks.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_file")),
    )
    op.create_table(
        "material_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("material_key", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.Column("attached_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_material_file_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["attached_by"], ["app_user.id"], name=op.f("fk_material_file_attached_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["stored_file.sha256"], name=op.f("fk_material_file_sha256_stored_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_file")),
        sa.UniqueConstraint(
            "application_id", "material_key", "sha256", name=op.f("uq_material_file_application_id")
        ),
    )
    with op.batch_alter_table("material_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_material_file_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_material_file_sha256"), ["sha256"], unique=False)
    op.create_table(
        "material_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("material_key", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_material_check_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["checked_by"], ["app_user.id"], name=op.f("fk_material_check_checked_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_check")),
        sa.UniqueConstraint(
            "application_id", "material_key", name=op.f("uq_material_check_application_id")
        ),
    )
    with op.batch_alter_table("material_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_material_check_application_id"), ["application_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("material_check")
    op.drop_table("material_file")
    op.drop_table("stored_file")
