"""Make the SQLite full-text table contentless: it kept a second copy of the segmented text.

The copy was about half of the archive file, and nothing reads it: snippets come from articles.body.
Without it, FTS5 can only forget an article's old tokens when told them ('delete' command), so the
store re-segments the old text itself and only while the index is known to be complete and built
by the current segmentation (store_meta key fts_segmentation). This migration leaves the new table
empty and that key unset, so the next search rebuilds the index.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-21
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE articles_fts")
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "headline, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Revision 0001 marked an incomplete index with this key; the state now lives in fts_segmentation.
    op.execute("DELETE FROM store_meta WHERE key = 'fts_stale'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE articles_fts")
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute("DELETE FROM store_meta WHERE key = 'fts_segmentation'")
    # Revision 0001's code rebuilds an index marked like this on the next search.
    op.execute("INSERT INTO store_meta (key, value) VALUES ('fts_stale', '1')")
