"""SQLAlchemy table models of the archive: sites, articles, URL aliases, revisions, near-duplicate index,
related links, crawl runs, problems, fetch state, WARC captures and the captures each article was read from,
store meta.

The models are portable (SQLite now, PostgreSQL later); the SQLite full-text table is not a model, it is
created by the migration only on SQLite (see fulltext.py). All timestamps are stored as UTC instants;
a page's own UTC offset is kept beside `published`/`modified` in minutes so the JSON shows it again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names, so later migrations can alter constraints by name on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

RUN_STATUSES = ("running", "finished", "failed", "interrupted")
# Why an article's text was replaced by its next revision: the publisher changed the page (seen by a crawl), or
# a newer extractor read the same stored page differently (written by re-extraction, never by a crawl).
REVISION_CAUSES = ("edit", "re-extracted")
PROBLEM_KINDS = ("dropped", "error")

# JSON on SQLite, JSONB (indexable, compact) on PostgreSQL.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as its UTC instant and read back in UTC.

    SQLite has no time zone storage, so the value goes in as naive UTC there; PostgreSQL gets timestamptz.
    A naive datetime handed in is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        if value.utcoffset():
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Each model maps one Table (none a join or a select), and the store writes through `Model.__table__`;
    # DeclarativeBase types it as any FromClause, which insert()/update()/delete() do not accept.
    __table__: ClassVar[Table]


class SiteRow(Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    base_url: Mapped[str | None] = mapped_column(Text)


class CrawlRunRow(Base):
    __tablename__ = "crawl_runs"
    __table_args__ = (CheckConstraint("status IN ('running', 'finished', 'failed', 'interrupted')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    spider: Mapped[str] = mapped_column(String(100))
    args: Mapped[dict[str, Any]] = mapped_column(JSONType)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    pages_fetched: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_new: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_updated: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    duplicates: Mapped[int] = mapped_column(Integer, server_default="0")
    dropped: Mapped[int] = mapped_column(Integer, server_default="0")
    errors: Mapped[int] = mapped_column(Integer, server_default="0")
    bytes: Mapped[int] = mapped_column(Integer, server_default="0")
    revisions: Mapped[int] = mapped_column(Integer, server_default="0")
    near_duplicates: Mapped[int] = mapped_column(Integer, server_default="0")
    stats: Mapped[dict[str, Any]] = mapped_column(JSONType)
    warning: Mapped[str | None] = mapped_column(Text)  # e.g. a likely layout change


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        # The same body twice on one site is one article: the database, not the caller, enforces it.
        UniqueConstraint("site_id", "content_hash"),
        Index("ix_articles_site_id_published", "site_id", "published"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)  # the canonical URL
    # urls.url_key(url): every variant of the URL has this key; one article per key.
    url_key: Mapped[str] = mapped_column(Text, unique=True, index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    headline: Mapped[str] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    published_offset: Mapped[int | None] = mapped_column(SmallInteger)  # minutes east of UTC
    published_tz_inferred: Mapped[bool] = mapped_column(Boolean, server_default=false())
    modified: Mapped[datetime | None] = mapped_column(UTCDateTime)
    modified_offset: Mapped[int | None] = mapped_column(SmallInteger)
    authors: Mapped[list[str]] = mapped_column(JSONType)
    section: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSONType)
    language: Mapped[str | None] = mapped_column(String(35))
    body: Mapped[str] = mapped_column(Text)
    image_url: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[dict[str, str]] = mapped_column(JSONType)
    pages: Mapped[list[str]] = mapped_column(JSONType)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    first_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    revision: Mapped[int] = mapped_column(Integer, server_default="1")  # number of the content shown here
    revised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when this revision was first seen
    # The story cluster (near duplicates across URLs and sites): the smallest article id in it; NULL alone.
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # extract/version.py's EXTRACTOR_VERSION that made the text shown here; NULL: unknown (stored before 0005).
    extractor_version: Mapped[str | None] = mapped_column(String(32))


class AliasRow(Base):
    """Every URL an article was seen under (page URLs, variants, a copy's URL), resolving to the article."""

    __tablename__ = "url_aliases"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    url_key: Mapped[str] = mapped_column(Text, index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)


class RevisionRow(Base):
    """An earlier version of an article, kept when a re-crawl found its headline or body changed."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    headline: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    published: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_offset: Mapped[int | None] = mapped_column(SmallInteger)
    modified: Mapped[datetime | None] = mapped_column(UTCDateTime)
    modified_offset: Mapped[int | None] = mapped_column(SmallInteger)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seen_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seen_until: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # when the next revision replaced it
    headline_changed: Mapped[bool] = mapped_column(Boolean, server_default=false())  # by the next revision
    body_changed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    extractor_version: Mapped[str | None] = mapped_column(String(32))  # that made this version's text
    cause: Mapped[str] = mapped_column(String(16), server_default="edit")  # of the next revision: REVISION_CAUSES


class SignatureRow(Base):
    """An article body's MinHash signature (neardup.pack), for estimating its similarity to candidates."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class BandRow(Base):
    """LSH buckets: articles sharing a bucket are candidate near duplicates (neardup.band_keys)."""

    __tablename__ = "minhash_bands"
    # On SQLite the rows live in their primary key's B-tree: one random-key insert per band, not two.
    __table_args__ = {"sqlite_with_rowid": False}

    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)


class RelatedLinkRow(Base):
    __tablename__ = "related_links"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0-based, page order
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)


class ProblemRow(Base):
    __tablename__ = "problems"
    __table_args__ = (CheckConstraint("kind IN ('dropped', 'error')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class FetchStateRow(Base):
    """What the last fetch of an article URL left: validators for a conditional re-check, feed dates."""

    __tablename__ = "fetch_state"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)  # last 200 or 304
    status: Mapped[int] = mapped_column(Integer)
    not_modified: Mapped[int] = mapped_column(Integer, server_default="0")  # 304s received in all
    listed_published: Mapped[datetime | None] = mapped_column(UTCDateTime)  # from a feed or sitemap
    listed_modified: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CaptureRow(Base):
    """One WARC record a crawl wrote: a response (the page as fetched) or a revisit (a 304, an identical payload).

    `warc_file` is relative to the WARC folder; `offset` and `length` are the record's gzip member in it.
    The record id is the unique key, so writing a capture's row again (a batch sent twice) adds nothing.
    """

    __tablename__ = "captures"
    __table_args__ = (
        CheckConstraint("kind IN ('response', 'revisit')", name="kind"),
        Index("ix_captures_url_key_fetched_at", "url_key", "fetched_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), unique=True)  # WARC-Record-ID, <urn:uuid:...>
    url: Mapped[str] = mapped_column(Text, index=True)
    url_key: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(String(100))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[int] = mapped_column(Integer)
    payload_digest: Mapped[str | None] = mapped_column(String(64))  # sha1:BASE32, as warcio computes it
    warc_file: Mapped[str] = mapped_column(Text)
    offset: Mapped[int] = mapped_column(BigInteger)
    length: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    refers_to: Mapped[str | None] = mapped_column(String(64))  # a revisit's original response record
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"), index=True)


class ArticleCaptureRow(Base):
    """Which captures an article's text was extracted from (every page of it); `content_hash` is the text's,
    so a revision's captures are the rows with the revision's content hash."""

    __tablename__ = "article_captures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("captures.record_id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer)  # 1 for the article's first page
    # Part of the key (0007): one capture is read into a new text by each re-extraction that changes it.
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)


class MetaRow(Base):
    """Small key/value facts about the archive itself (e.g. whether the search index needs a rebuild).

    No code builds this class: fulltext.py and clusters.py read and write the table in SQL. It stays as the
    table's definition: the migrations are checked against the models, and autogenerate would drop the table.
    """

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
