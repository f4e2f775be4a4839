"""extraction cache

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extracts",
        sa.Column("path", sa.String(length=1024), nullable=False),
        sa.Column("cue_key", sa.String(length=64), nullable=False),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("facts_key", sa.String(length=64), nullable=False),
        sa.Column("facts", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("path"),
    )


def downgrade() -> None:
    op.drop_table("extracts")
