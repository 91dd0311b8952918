"""One article per URL key, every URL kept as an alias, earlier revisions kept, near-duplicate index.

Existing articles get their URL key (urls.url_key) and one alias per URL they were stored under
(their URL and their pages); each becomes revision 1, first seen when the article was. Two old
articles whose URLs now share a key (`/a` and `/a/` stored apart) both stay: the later one's key gets
`#<id>` appended, so no row is lost and the next crawl of either URL finds the older one.
The near-duplicate index (signatures, bands, clusters) is left empty with its version unset in
store_meta: the archive builds it the first time it is opened (store/clusters.py).

New columns are added with ALTER TABLE ... ADD COLUMN, never by copying `articles` (SQLite's batch
mode would drop the table, and with foreign keys on, its related links with it).

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-22
"""

import json

import sqlalchemy as sa
from alembic import op

from newsarchive.text.urls import url_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHUNK = 1000


def _utc():
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("articles", sa.Column("url_key", sa.Text(), server_default="", nullable=False))
    op.add_column("articles", sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
    op.add_column("articles", sa.Column("revised_at", _utc(), nullable=True))
    op.add_column("articles", sa.Column("cluster_id", sa.Integer(), nullable=True))
    op.create_index("ix_articles_cluster_id", "articles", ["cluster_id"])
    for name in ("revisions", "near_duplicates"):
        op.add_column("crawl_runs", sa.Column(name, sa.Integer(), server_default="0", nullable=False))

    op.create_table(
        "url_aliases",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_key", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("first_seen", _utc(), nullable=False),
        sa.Column("last_seen", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("url", name="pk_url_aliases"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_url_aliases_article_id_articles"
        ),
    )
    op.create_index("ix_url_aliases_url_key", "url_aliases", ["url_key"])
    op.create_index("ix_url_aliases_article_id", "url_aliases", ["article_id"])

    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("published", _utc(), nullable=True),
        sa.Column("published_offset", sa.SmallInteger(), nullable=True),
        sa.Column("modified", _utc(), nullable=True),
        sa.Column("modified_offset", sa.SmallInteger(), nullable=True),
        sa.Column("fetched_at", _utc(), nullable=True),
        sa.Column("seen_from", _utc(), nullable=True),
        sa.Column("seen_until", _utc(), nullable=False),
        sa.Column("headline_changed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("body_changed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_article_revisions"),
        sa.UniqueConstraint("article_id", "number", name="uq_article_revisions_article_id_number"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_article_revisions_article_id_articles"
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["crawl_runs.id"], ondelete="SET NULL", name="fk_article_revisions_run_id_crawl_runs"
        ),
    )
    op.create_index("ix_article_revisions_seen_until", "article_revisions", ["seen_until"])

    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_signatures"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_article_signatures_article_id_articles"
        ),
    )
    op.create_table(
        "minhash_bands",
        sa.Column("bucket", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "article_id", name="pk_minhash_bands"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_minhash_bands_article_id_articles"
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_minhash_bands_article_id", "minhash_bands", ["article_id"])

    _backfill(bind)
    if bind.dialect.name != "sqlite":
        op.alter_column("articles", "url_key", server_default=None)
    op.create_index("ix_articles_url_key", "articles", ["url_key"], unique=True)


def _backfill(bind: sa.Connection) -> None:
    """URL keys, revision 1 and aliases for the articles already in the archive."""
    bind.execute(sa.text("UPDATE articles SET revised_at = first_seen"))
    rows = bind.execute(sa.text("SELECT id, url, pages, first_seen, last_seen FROM articles ORDER BY id")).all()
    taken: set[str] = set()
    keys, aliases, seen_urls = [], [], set()
    for id_, url, pages, first_seen, last_seen in rows:
        key = url_key(url)
        if key in taken:
            key = f"{key}#{id_}"
        taken.add(key)
        keys.append({"id": id_, "key": key})
        pages = json.loads(pages) if isinstance(pages, str) else (pages or [])
        for alias in dict.fromkeys([url, *pages]):
            if alias and alias not in seen_urls:
                seen_urls.add(alias)
                aliases.append({"url": alias, "key": url_key(alias), "id": id_, "first": first_seen, "last": last_seen})
    update = sa.text("UPDATE articles SET url_key = :key WHERE id = :id")
    insert = sa.text(
        "INSERT INTO url_aliases (url, url_key, article_id, first_seen, last_seen) "
        "VALUES (:url, :key, :id, :first, :last)"
    )
    for start in range(0, len(keys), CHUNK):
        bind.execute(update, keys[start : start + CHUNK])
    for start in range(0, len(aliases), CHUNK):
        bind.execute(insert, aliases[start : start + CHUNK])


def downgrade() -> None:
    op.drop_index("ix_articles_url_key", "articles")
    op.drop_table("minhash_bands")
    op.drop_table("article_signatures")
    op.drop_table("article_revisions")
    op.drop_table("url_aliases")
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of crawl_runs would cascade to its problems.
    for name in ("near_duplicates", "revisions"):
        op.drop_column("crawl_runs", name)
    op.drop_index("ix_articles_cluster_id", "articles")
    for name in ("cluster_id", "revised_at", "revision", "url_key"):
        op.drop_column("articles", name)
