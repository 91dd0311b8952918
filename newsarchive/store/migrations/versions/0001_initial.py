"""Initial schema: sites, crawl runs, articles, related links, problems, store meta, SQLite full-text table.

Revision ID: 0001
Revises:
Create Date: 2025-01-20
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _utc():
    # Stored as the UTC instant; the models' UTCDateTime adds and removes the zone.
    return sa.DateTime(timezone=True)


def _count(name):
    return sa.Column(name, sa.Integer(), server_default="0", nullable=False)


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("base_url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sites"),
        sa.UniqueConstraint("name", name="uq_sites_name"),
    )

    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("spider", sa.String(100), nullable=False),
        sa.Column("args", JSON, nullable=False),
        sa.Column("started_at", _utc(), nullable=False),
        sa.Column("finished_at", _utc(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        _count("pages_fetched"),
        _count("articles_new"),
        _count("articles_updated"),
        _count("articles_unchanged"),
        _count("duplicates"),
        _count("dropped"),
        _count("errors"),
        _count("bytes"),
        sa.Column("stats", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crawl_runs"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name="fk_crawl_runs_site_id_sites"),
        sa.CheckConstraint(
            "status IN ('running', 'finished', 'failed', 'interrupted')",
            name="ck_crawl_runs_status",
        ),
    )
    op.create_index("ix_crawl_runs_site_id", "crawl_runs", ["site_id"])

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("published", _utc(), nullable=True),
        sa.Column("published_offset", sa.SmallInteger(), nullable=True),
        sa.Column("published_tz_inferred", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("modified", _utc(), nullable=True),
        sa.Column("modified_offset", sa.SmallInteger(), nullable=True),
        sa.Column("authors", JSON, nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("tags", JSON, nullable=False),
        sa.Column("language", sa.String(35), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("image_url", sa.Text(), nullable=True),
        sa.Column("sources", JSON, nullable=False),
        sa.Column("pages", JSON, nullable=False),
        sa.Column("fetched_at", _utc(), nullable=True),
        sa.Column("first_seen", _utc(), nullable=False),
        sa.Column("last_seen", _utc(), nullable=False),
        sa.Column("first_run_id", sa.Integer(), nullable=True),
        sa.Column("last_run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url", name="uq_articles_url"),
        sa.UniqueConstraint("site_id", "content_hash", name="uq_articles_site_id_content_hash"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name="fk_articles_site_id_sites"),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["crawl_runs.id"],
            ondelete="SET NULL",
            name="fk_articles_first_run_id_crawl_runs",
        ),
        sa.ForeignKeyConstraint(
            ["last_run_id"],
            ["crawl_runs.id"],
            ondelete="SET NULL",
            name="fk_articles_last_run_id_crawl_runs",
        ),
    )
    # Listings sort by publication time, overall and per site.
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_site_id_published", "articles", ["site_id", "published"])

    op.create_table(
        "related_links",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_related_links"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            ondelete="CASCADE",
            name="fk_related_links_article_id_articles",
        ),
    )

    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_problems"),
        sa.ForeignKeyConstraint(
            ["run_id"], ["crawl_runs.id"], ondelete="CASCADE", name="fk_problems_run_id_crawl_runs"
        ),
        sa.CheckConstraint("kind IN ('dropped', 'error')", name="ck_problems_kind"),
    )
    op.create_index("ix_problems_run_id", "problems", ["run_id"])

    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_store_meta"),
    )

    if op.get_bind().dialect.name == "sqlite":
        # Holds Python-segmented text (see store/search.py), rowid = articles.id; the store keeps it in step
        # with the articles table in the same transaction, so there are no triggers.
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE articles_fts")
    op.drop_table("store_meta")
    op.drop_table("problems")
    op.drop_table("related_links")
    op.drop_table("articles")
    op.drop_table("crawl_runs")
    op.drop_table("sites")
