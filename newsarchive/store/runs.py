"""Crawl-run and problem rows: what each crawl did, and the pages it dropped or failed on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, desc, insert, select, update

from newsarchive.items import iso
from newsarchive.text.clean import strip_controls

from .errors import StoreError
from .models import PROBLEM_KINDS, RUN_STATUSES, CrawlRunRow, ProblemRow, SiteRow
from .writer import site_ids

RUNS = CrawlRunRow.__table__
PROBLEMS = ProblemRow.__table__
SITES = SiteRow.__table__

# The counters finish_run copies from a crawl's stats into columns of their own.
RUN_COUNTS = (
    "pages_fetched",
    "articles_new",
    "articles_updated",
    "articles_unchanged",
    "duplicates",
    "dropped",
    "errors",
    "bytes",
    "revisions",
    "near_duplicates",
)
FINAL_STATUSES = tuple(status for status in RUN_STATUSES if status != "running")


def start(connection: Connection, site: str, spider: str, args: dict[str, Any] | None) -> int:
    """Insert a running crawl; returns its id."""
    site_id = site_ids(connection, {site})[site]
    statement = insert(RUNS).returning(RUNS.c.id)
    return connection.execute(
        statement,
        {
            "site_id": site_id,
            "spider": spider,
            "args": dict(args or {}),
            "status": "running",
            "started_at": datetime.now(UTC),
            "stats": {},
        },
    ).scalar_one()


def check_status(status: str) -> None:
    if status not in FINAL_STATUSES:
        raise ValueError(f"run status must be one of {', '.join(FINAL_STATUSES)}, not {status!r}")


def finish(connection: Connection, run_id: int, status: str, stats: dict[str, Any]) -> None:
    """Mark a crawl ended, with its counters in columns and the whole stats dict as JSON."""
    values: dict[str, Any] = {name: int(stats.get(name) or 0) for name in RUN_COUNTS}
    values.update(status=status, finished_at=datetime.now(UTC), stats=dict(stats), warning=stats.get("warning") or None)
    done = connection.execute(update(RUNS).where(RUNS.c.id == run_id).values(values))
    if done.rowcount == 0:
        raise StoreError(f"no crawl run {run_id}")


def problem_rows(rows: list[dict[str, Any]], run_id: int | None) -> list[dict[str, Any]]:
    """Validated problems rows; a kind other than dropped/error is a ValueError.

    URLs and reasons come from pages and servers (a Content-Type header, a redirect's Location): they lose
    their control characters here, by the rule articles are cleaned with (text.clean.strip_controls).
    """
    now = datetime.now(UTC)
    values = []
    for row in rows:
        kind = row.get("kind")
        if kind not in PROBLEM_KINDS:
            raise ValueError(f"problem kind must be 'dropped' or 'error', not {kind!r}")
        values.append(
            {
                "run_id": run_id,
                "url": strip_controls(str(row.get("url") or "")),
                "kind": kind,
                "reason": strip_controls(str(row.get("reason") or "")),
                "at": row.get("at") or now,
            }
        )
    return values


def record(connection: Connection, values: list[dict[str, Any]]) -> None:
    if values:
        connection.execute(insert(PROBLEMS), values)


def list_problems(connection: Connection, run_id: int | None, limit: int) -> list[dict[str, Any]]:
    """Problems, newest first, of one run or of all."""
    query = select(PROBLEMS).order_by(desc(PROBLEMS.c.id)).limit(limit)
    if run_id is not None:
        query = query.where(PROBLEMS.c.run_id == run_id)
    return [{**row, "at": iso(row["at"])} for row in connection.execute(query).mappings()]


def list_runs(connection: Connection, limit: int, run_id: int | None = None) -> list[dict[str, Any]]:
    """Crawl runs (all, or the one with `run_id`), newest first, with the site's name instead of its id."""
    query = (
        select(RUNS, SITES.c.name.label("site"))
        .join(SITES, SITES.c.id == RUNS.c.site_id)
        .order_by(desc(RUNS.c.id))
        .limit(limit)
    )
    if run_id is not None:
        query = query.where(RUNS.c.id == run_id)
    runs = []
    for row in connection.execute(query).mappings():
        run = {
            "id": row["id"],
            "site": row["site"],
            "spider": row["spider"],
            "args": row["args"],
            "started_at": iso(row["started_at"]),
            "finished_at": iso(row["finished_at"]),
            "status": row["status"],
        }
        run.update({name: row[name] for name in RUN_COUNTS})
        run["warning"] = row["warning"]
        run["stats"] = row["stats"]
        runs.append(run)
    return runs
