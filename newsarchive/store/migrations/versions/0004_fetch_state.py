"""Incremental crawls: per-URL fetch state (validators, last fetch, feed dates) and a warning on each run.

`fetch_state` has one row per URL a crawl fetched as an article page: the ETag and Last-Modified the
server sent (for conditional re-checks), when it was last fetched or found unchanged (a 304), and the
publication/modification dates a feed or sitemap gave for it. `crawl_runs.warning` holds a note such
as a likely layout change. Existing archives upgrade in place: the table starts empty (every archived
URL is then scheduled from its article's own dates) and old runs have no warning.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _utc():
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "fetch_state",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("fetched_at", _utc(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("not_modified", sa.Integer(), server_default="0", nullable=False),
        sa.Column("listed_published", _utc(), nullable=True),
        sa.Column("listed_modified", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("url", name="pk_fetch_state"),
    )
    op.add_column("crawl_runs", sa.Column("warning", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("crawl_runs", "warning")
    op.drop_table("fetch_state")
