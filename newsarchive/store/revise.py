"""Writing over stored articles: new content keeps the old version as a revision; a re-seen one only moves on."""

from __future__ import annotations

from collections.abc import Container
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from newsarchive.items import Article

from .bulk import chunks
from .models import REVISION_CAUSES, ArticleRow, RelatedLinkRow, RevisionRow
from .rows import UPDATE_COLUMNS, content_values

ARTICLES = ArticleRow.__table__
LINKS = RelatedLinkRow.__table__
REVISIONS = RevisionRow.__table__

# What a new revision keeps of the version it replaces.
_KEPT = (
    "headline",
    "body",
    "content_hash",
    "published",
    "published_offset",
    "modified",
    "modified_offset",
    "fetched_at",
    "extractor_version",
)


def write_updates(
    connection: Connection,
    updated: list[tuple[int, Article, int, str]],
    *,
    now: datetime,
    run_id: int | None,
    fragments: Container[int] = frozenset(),
    cause: str = "edit",
    sighting: bool = True,
) -> None:
    """New content (id, article, site id, body hash) for stored articles: the old version becomes a revision,
    the row and links are replaced. `fragments`: ids whose stored text is a lone later page, replaced without
    a revision. `cause` (models.REVISION_CAUSES) is recorded on each revision as what replaced it. `sighting`
    False: nothing was fetched (a re-extraction of stored pages), so last_seen and the last run stay."""
    if cause not in REVISION_CAUSES:
        raise ValueError(f"cause must be one of {', '.join(REVISION_CAUSES)}, not {cause!r}")
    ids = [id_ for id_, *_new in updated]
    old: dict[int, Any] = {}
    for chunk in chunks(ids):
        query = select(
            ARTICLES.c.id,
            ARTICLES.c.revision,
            ARTICLES.c.revised_at,
            ARTICLES.c.first_seen,
            *(ARTICLES.c[name] for name in _KEPT),
        ).where(ARTICLES.c.id.in_(chunk))
        old.update((row["id"], row) for row in connection.execute(query).mappings())
    revisions, params = [], []
    for id_, article, site_id, digest in updated:
        before = old[id_]
        revision = {name: before[name] for name in _KEPT}
        revision.update(
            article_id=id_,
            number=before["revision"],
            seen_from=before["revised_at"] or before["first_seen"],
            seen_until=now,
            run_id=run_id,
            headline_changed=before["headline"] != (article.headline or ""),
            body_changed=before["content_hash"] != digest,
            cause=cause,
        )
        # The SET clause is made from these keys; URL, key, first_seen and first_run_id stay as they were.
        values = content_values(article, site_id, digest)
        row = {column: values[column] for column in UPDATE_COLUMNS}
        if id_ in fragments:
            row.update(url=values["url"], revision=before["revision"])
        else:
            revisions.append(revision)
            row.update(revision=before["revision"] + 1)
        row.update(row_id=id_, revised_at=now)
        if sighting:
            row["last_seen"] = now
        if sighting and run_id is not None:
            row["last_run_id"] = run_id
        params.append(row)
    if revisions:
        connection.execute(insert(REVISIONS), revisions)
    for keys in {tuple(sorted(row)) for row in params}:  # rows that replace a fragment also set the URL
        connection.execute(
            update(ARTICLES).where(ARTICLES.c.id == bindparam("row_id")),
            [row for row in params if tuple(sorted(row)) == keys],
        )
    for chunk in chunks(ids):
        connection.execute(delete(LINKS).where(LINKS.c.article_id.in_(chunk)))


def touch(connection: Connection, ids: list[int], *, now: datetime, run_id: int | None) -> None:
    """Seen again, unchanged: only last_seen (and the run that saw it) move."""
    values: dict[str, Any] = {"last_seen": now}
    if run_id is not None:
        values["last_run_id"] = run_id
    for chunk in chunks(ids):
        connection.execute(update(ARTICLES).where(ARTICLES.c.id.in_(chunk)).values(values))
