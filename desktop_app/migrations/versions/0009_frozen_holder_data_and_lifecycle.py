"""Frozen holder data on certificates, versioned master data, the lifecycle's kinds.

The certificate keeps the holder data it was issued with; applications and items carry their kind
(变更, 延续, 增项, 减项, 补证, 注销).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_application = sa.table("application", sa.column("id", sa.Integer), sa.column("form", sa.JSON))
_enterprise = sa.table(
    "enterprise",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("legal_rep_name", sa.String),
    sa.column("legal_rep_id", sa.String),
    sa.column("address", sa.String),
    sa.column("created_at", sa.DateTime),
)
_certificate = sa.table(
    "certificate",
    sa.column("id", sa.Integer),
    sa.column("application_id", sa.Integer),
    sa.column("enterprise_id", sa.Integer),
    sa.column("legal_rep_name", sa.String),
    sa.column("address", sa.String),
)
_version = sa.table(
    "enterprise_version",
    sa.column("enterprise_id", sa.Integer),
    sa.column("version", sa.Integer),
    sa.column("name", sa.String),
    sa.column("legal_rep_name", sa.String),
    sa.column("legal_rep_id", sa.String),
    sa.column("address", sa.String),
    sa.column("recorded_at", sa.DateTime),
)


def _freeze_holder_data() -> None:
    """Each certificate gets the holder data of the application it was issued for, as filed.

    The application's form is what the departments approved; the live enterprise row is only the
    fallback for a form without the field (none is known, but a missing key must not lose a row).
    """
    connection = op.get_bind()
    forms = dict(connection.execute(sa.select(_application.c.id, _application.c.form)).all())
    enterprises = {row.id: row for row in connection.execute(sa.select(_enterprise)).all()}
    rows = connection.execute(
        sa.select(_certificate.c.id, _certificate.c.application_id, _certificate.c.enterprise_id)
    ).all()
    for certificate_id, application_id, enterprise_id in rows:
        form: dict[str, Any] = forms.get(application_id) or {}
        enterprise = enterprises[enterprise_id]
        connection.execute(
            _certificate.update()
            .where(_certificate.c.id == certificate_id)
            .values(
                legal_rep_name=str(form.get("legal_rep_name") or enterprise.legal_rep_name),
                address=str(form.get("address") or enterprise.address),
            )
        )
    if enterprises:
        connection.execute(
            _version.insert(),
            [
                {
                    "enterprise_id": e.id,
                    "version": 1,
                    "name": e.name,
                    "legal_rep_name": e.legal_rep_name,
                    "legal_rep_id": e.legal_rep_id,
                    "address": e.address,
                    "recorded_at": e.created_at,
                }
                for e in enterprises.values()
            ],
        )


def upgrade() -> None:
    op.create_table(
        "enterprise_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_rep_name", sa.String(length=100), nullable=False),
        sa.Column("legal_rep_id", sa.String(length=18), nullable=True),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_enterprise_version_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_enterprise_version_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_version")),
        sa.UniqueConstraint(
            "enterprise_id", "version", name=op.f("uq_enterprise_version_enterprise_id")
        ),
    )
    op.create_index(
        op.f("ix_enterprise_version_enterprise_id"),
        "enterprise_version",
        ["enterprise_id"],
        unique=False,
    )
    op.create_table(
        "replaced_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("print_no", sa.Integer(), nullable=False),
        sa.Column("qr_text", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_replaced_print_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificate.id"],
            name=op.f("fk_replaced_print_certificate_id_certificate"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replaced_print")),
    )
    op.create_index(
        op.f("ix_replaced_print_certificate_id"), "replaced_print", ["certificate_id"], unique=False
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("certificate_number", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("changes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_application_certificate_number"), ["certificate_number"], unique=False
        )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=40), nullable=False, server_default="new")
        )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_rep_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=400), nullable=True))
        batch_op.add_column(sa.Column("print_no", sa.Integer(), nullable=False, server_default="1"))
    _freeze_holder_data()
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.alter_column("legal_rep_name", existing_type=sa.String(length=100), nullable=False)
        batch_op.alter_column("address", existing_type=sa.String(length=400), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_column("print_no")
        batch_op.drop_column("address")
        batch_op.drop_column("legal_rep_name")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_certificate_number"))
        batch_op.drop_column("reason")
        batch_op.drop_column("changes")
        batch_op.drop_column("certificate_number")
    op.drop_index(op.f("ix_replaced_print_certificate_id"), table_name="replaced_print")
    op.drop_table("replaced_print")
    op.drop_index(op.f("ix_enterprise_version_enterprise_id"), table_name="enterprise_version")
    op.drop_table("enterprise_version")
