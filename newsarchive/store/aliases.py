"""Alias rows: every URL an article was seen under resolves to it, up to a number of URLs per article."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from .bulk import chunks, upsert_insert
from .models import AliasRow, ArticleRow, ProblemRow

ALIASES = AliasRow.__table__
ARTICLES = ArticleRow.__table__
PROBLEMS = ProblemRow.__table__

# An article seen under more URLs than this is a trap's doing (a new query parameter per visit), not a
# publisher's: past it new URLs are not kept, so one page cannot grow the table without end.
DEFAULT_MAX_ALIASES = 200
_CAP_REASON = "alias cap: "


def write_aliases(
    connection: Connection,
    rows: dict[str, dict[str, Any]],
    *,
    now: datetime,
    run_id: int | None,
    max_aliases: int | None,
) -> None:
    """Upsert `rows` (url -> alias row); an article's URLs past `max_aliases` (None: no cap) are left out,
    and how many were is recorded as one problem row per article and run."""
    if max_aliases:
        rows = _within_cap(connection, rows, max_aliases, now=now, run_id=run_id)
    if not rows:
        return
    statement = upsert_insert(connection, ALIASES)
    statement = statement.on_conflict_do_update(
        index_elements=[ALIASES.c.url],
        set_={"article_id": statement.excluded.article_id, "last_seen": statement.excluded.last_seen},
    )
    connection.execute(statement, list(rows.values()))


def _within_cap(
    connection: Connection, rows: dict[str, dict[str, Any]], cap: int, *, now: datetime, run_id: int | None
) -> dict[str, dict[str, Any]]:
    by_article: dict[int, list[str]] = defaultdict(list)
    for url, row in rows.items():
        by_article[row["article_id"]].append(url)
    held: dict[int, int] = {}
    for ids in chunks(list(by_article)):
        query = select(ALIASES.c.article_id, func.count()).where(ALIASES.c.article_id.in_(ids))
        held.update((id_, count) for id_, count in connection.execute(query.group_by(ALIASES.c.article_id)))
    kept = dict(rows)
    for article_id, urls in by_article.items():
        count = held.get(article_id, 0)
        if count + len(urls) <= cap:
            continue  # the common case: one query for the whole batch
        known = {
            url
            for part in chunks(urls)
            for url in connection.execute(select(ALIASES.c.url).where(ALIASES.c.url.in_(part))).scalars()
        }
        room = max(0, cap - count)
        left_out = 0
        for url in urls:
            if url in known:
                continue  # already an alias: last_seen moves
            if room:
                room -= 1
            else:
                del kept[url]
                left_out += 1
        if left_out:
            _record_cap(connection, article_id, left_out, cap, now=now, run_id=run_id)
    return kept


def _record_cap(
    connection: Connection, article_id: int, left_out: int, cap: int, *, now: datetime, run_id: int | None
) -> None:
    """One problem row per article and run saying how many of its URLs were not kept; later batches add to it."""
    url = connection.execute(select(ARTICLES.c.url).where(ARTICLES.c.id == article_id)).scalar_one()
    mark = f"{_CAP_REASON}article {article_id}: "
    found = connection.execute(
        select(PROBLEMS.c.id, PROBLEMS.c.reason).where(
            PROBLEMS.c.run_id.is_(None) if run_id is None else PROBLEMS.c.run_id == run_id,
            PROBLEMS.c.reason.startswith(mark, autoescape=True),
        )
    ).first()
    if found is not None:
        left_out += int(found.reason[len(mark) :].split(" ", 1)[0])
    reason = f"{mark}{left_out} more URLs not kept as its aliases (limit {cap} URLs per article)"
    if found is None:
        connection.execute(
            insert(PROBLEMS), {"run_id": run_id, "url": url, "kind": "dropped", "reason": reason, "at": now}
        )
    else:
        connection.execute(update(PROBLEMS).where(PROBLEMS.c.id == found.id).values(reason=reason, at=now))
