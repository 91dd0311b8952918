"""WARC captures: one row per record a crawl wrote, and the captures every article was extracted from.

`captures` names each response or revisit record by its WARC file (relative to the WARC folder), offset and
length, with its URL, status, payload digest and run; its record id is unique, so a batch written twice adds
nothing. `article_captures` links an article (and, by content hash, each of its revisions) to the captures of
its pages. Existing archives upgrade in place: their articles simply have no captures.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_key", sa.Text(), nullable=False),
        sa.Column("site", sa.String(length=100), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("payload_digest", sa.String(length=64), nullable=True),
        sa.Column("warc_file", sa.Text(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("refers_to", sa.String(length=64), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('response', 'revisit')", name=op.f("ck_captures_kind")),
        sa.ForeignKeyConstraint(
            ["run_id"], ["crawl_runs.id"], name=op.f("fk_captures_run_id_crawl_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_captures")),
        sa.UniqueConstraint("record_id", name=op.f("uq_captures_record_id")),
    )
    op.create_index("ix_captures_url_key_fetched_at", "captures", ["url_key", "fetched_at"], unique=False)
    op.create_index(op.f("ix_captures_url"), "captures", ["url"], unique=False)
    op.create_index(op.f("ix_captures_run_id"), "captures", ["run_id"], unique=False)
    op.create_table(
        "article_captures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_captures_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["captures.record_id"],
            name=op.f("fk_article_captures_record_id_captures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "record_id", name=op.f("pk_article_captures")),
    )


def downgrade() -> None:
    op.drop_table("article_captures")
    op.drop_index(op.f("ix_captures_run_id"), table_name="captures")
    op.drop_index(op.f("ix_captures_url"), table_name="captures")
    op.drop_index("ix_captures_url_key_fetched_at", table_name="captures")
    op.drop_table("captures")
