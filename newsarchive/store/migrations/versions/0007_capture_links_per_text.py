"""A capture links to every text read from it: the crawl's, and each re-extraction's.

`article_captures` was keyed by (article, record), so a capture could name one text of its article only; once
`newsarchive reextract` reads the same capture again into a new text, both the revision it replaced and the
current text were read from it. The key becomes (article, record, content hash). The table is a leaf (nothing
refers to it), so SQLite's copy of it in batch mode loses nothing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_captures", recreate="always") as batch:
        batch.drop_constraint("pk_article_captures", type_="primary")
        batch.create_primary_key("pk_article_captures", ["article_id", "record_id", "content_hash"])


def downgrade() -> None:
    # Keep one link per (article, record): the newest text's would need the articles table; any one will do.
    op.execute(
        "DELETE FROM article_captures WHERE rowid NOT IN "
        "(SELECT MIN(rowid) FROM article_captures GROUP BY article_id, record_id)"
        if op.get_context().dialect.name == "sqlite"
        else "DELETE FROM article_captures a USING article_captures b WHERE a.article_id = b.article_id "
        "AND a.record_id = b.record_id AND a.content_hash > b.content_hash"
    )
    with op.batch_alter_table("article_captures", recreate="always") as batch:
        batch.drop_constraint("pk_article_captures", type_="primary")
        batch.create_primary_key("pk_article_captures", ["article_id", "record_id"])
