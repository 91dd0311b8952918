"""Revisions say why they were made, and articles and revisions which extractor made their text.

`article_revisions.cause` says what replaced a version by the next one: "edit" (the publisher changed the page,
seen by a crawl) or "re-extracted" (a newer extractor read the stored page again). `extractor_version` on articles
and revisions is extract/version.py's EXTRACTOR_VERSION of the extractor that made that text. Existing archives
upgrade in place: every old revision was made by a crawl, so its cause is "edit"; no old row knows its extractor
(NULL, shown as "unknown").

Revision ID: 0005
Revises: 0004
Create Date: 2025-02-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN, never a copy of `articles` (see 0003: a batch copy would drop its related rows).
    op.add_column("articles", sa.Column("extractor_version", sa.String(32), nullable=True))
    op.add_column("article_revisions", sa.Column("extractor_version", sa.String(32), nullable=True))
    op.add_column("article_revisions", sa.Column("cause", sa.String(16), server_default="edit", nullable=False))


def downgrade() -> None:
    op.drop_column("article_revisions", "cause")
    op.drop_column("article_revisions", "extractor_version")
    op.drop_column("articles", "extractor_version")
