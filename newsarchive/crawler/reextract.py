"""Re-extraction: today's extractor over the WARC captures of archived articles, what changed kept as revisions.

The pages are read back from the records the crawl wrote and joined as the crawl joined them (page 1 first,
every later page merged onto it, then cleaned and checked as the pipelines do), so a re-extracted article is
what a crawl today would store from the same bytes. Work goes in batches of articles in id order; each batch
and the progress after it commit in one transaction, so a run killed at any moment carries on from its last
batch when started again with the same options.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsarchive.crawler import settings as project
from newsarchive.crawler.pipelines import not_an_article
from newsarchive.crawler.warcread import CaptureUnreadable, read_capture
from newsarchive.crawler.workers.pool import worker_pool
from newsarchive.extract import ExtractionError, Rules, extract_article, merge_pages
from newsarchive.extract.version import EXTRACTOR_VERSION
from newsarchive.items import JSON_KEYS, Article
from newsarchive.sites import UnknownSite, get_site
from newsarchive.store import Archive
from newsarchive.store.reextraction import Change, Filter, Stored
from newsarchive.store.rows import content_hash
from newsarchive.text.clean import clean_article
from newsarchive.text.urls import without_session

# The fields a re-extraction compares (the article record's, but for its identity and fetch time); a change in
# any of them is a new revision.
COMPARED = tuple(key for key in JSON_KEYS if key not in ("id", "url", "site", "fetched_at"))
BATCH = 200  # articles read, extracted and committed together: the most a killed run does again
# `workers=None` spreads extraction over the cores only from this many articles on: a worker process takes about
# a second to start (it imports the extractor), which a smaller run would spend waiting.
POOL_FROM = 1000


@dataclass
class Outcome:
    """What re-reading one article's captures gave: the new article, or why there is none."""

    id: int
    article: Article | None = None
    problem: str | None = None  # the extractor or the checks refused the pages: the stored text stays
    unreadable: str | None = None  # a capture's WARC record could not be read (moved, truncated, corrupted)
    pages: int = 0


def _rules(site: str) -> Rules | None:
    try:
        return get_site(site).rules
    except UnknownSite:  # a generic crawl's site: no profile, as in the crawl
        return None


def _content_type(head: str) -> str | None:
    for line in head.splitlines()[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-type":
            return value.strip()
    return None


def read_article(root: str, stored: Stored, min_body: int) -> Outcome:
    """Extract the article from its stored captures (runs in a worker process: no database)."""
    rules = _rules(stored.site)
    article: Article | None = None
    for page in stored.pages:
        try:
            head, payload = read_capture(
                Path(root), page.warc_file, page.offset, page.payload_record, page.length, page.digest
            )
        except CaptureUnreadable as exc:
            return Outcome(stored.id, unreadable=str(exc))
        try:
            found = extract_article(
                page.url,
                payload,
                content_type=_content_type(head),
                rules=rules,
                site=stored.site,
                clean=False,
                fetched_at=page.fetched_at,  # "3 hours ago" counts from the fetch, not from today
            )
        except (ExtractionError, RecursionError) as exc:
            if article is None:
                return Outcome(stored.id, problem=f"{page.url}: {exc}")
            break  # as in a crawl: a later page that gives nothing leaves the pages before it
        article = found if article is None else merge_pages(article, found)
    if article is None:
        return Outcome(stored.id, problem="no capture of its pages")
    article.pages = [without_session(page.url) for page in stored.pages]
    article.next_page = None
    article = clean_article(article)
    reason = not_an_article(article, min_body)  # the crawl's own check (ValidatePipeline)
    if reason:
        return Outcome(stored.id, problem=reason)
    return Outcome(stored.id, article=article, pages=len(stored.pages))


def _read_task(task: tuple[str, Stored, int]) -> Outcome:
    return read_article(*task)


def changed_fields(stored: Stored, article: Article, digest: str) -> list[str]:
    """The COMPARED fields in which the new extraction differs from the stored article."""
    new = article.to_json()
    fields = [name for name in COMPARED if name != "body" and new[name] != stored.record[name]]
    if digest != stored.content_hash:
        fields.insert(1 if "headline" in fields else 0, "body")
    return fields


def _keep_hints(stored: Stored, article: Article) -> None:
    """Dates the crawl took from a feed or sitemap (source "meta") when the page gave none: not in the captures,
    so kept, never lost to a re-extraction."""
    for name in ("published", "modified"):
        if getattr(article, name) is None and stored.record["sources"].get(name) == "meta" and stored.record[name]:
            setattr(article, name, datetime.fromisoformat(stored.record[name]))
            article.sources[name] = "meta"


@dataclass
class Summary:
    """What a re-extraction did (or, dry, would do)."""

    considered: int = 0
    changed: int = 0
    unchanged: int = 0
    version_only: int = 0  # the same text, now recorded as made by this extractor version
    failed: int = 0
    unreadable: int = 0
    no_captures: int = 0
    pages: int = 0
    seconds: float = 0.0
    fields: Counter[str] = field(default_factory=Counter)
    sample: tuple[dict[str, Any], Article, list[str]] | None = None  # a changed article: stored JSON, new, fields
    resumed_after: int = 0  # the article id a killed run had got to, 0 when it started afresh
    skipped: list[str] = field(default_factory=list)  # one line per article left as it was, and why

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def counts(self) -> dict[str, int]:
        names = ("considered", "changed", "unchanged", "version_only", "failed", "unreadable", "no_captures", "pages")
        return {name: getattr(self, name) for name in names}


class Reextractor:
    """Runs today's extractor over the captures of the articles `chosen` selects, in `archive` (open to write,
    or to read for a dry run) with its WARC files under `root`."""

    def __init__(
        self,
        archive: Archive,
        root: Path,
        chosen: Filter,
        *,
        dry_run: bool = False,
        workers: int | None = 0,
        restart: bool = False,
        batch: int = BATCH,
        min_body: int = project.NEWSARCHIVE_MIN_BODY_CHARS,
    ) -> None:
        self.archive, self.root, self.chosen = archive, root, chosen
        self.dry_run, self.workers, self.restart, self.batch = dry_run, workers, restart, batch
        self.min_body = min_body

    def run(self, progress: Callable[[int, int, Summary], None] | None = None) -> Summary:
        """Re-extract every matching article; `progress(done, total, summary)` after each batch."""
        summary, after = Summary(), 0
        state = None if self.dry_run else self.archive.reextract_progress()
        if state and not self.restart and self._resumes(state):
            after = summary.resumed_after = state["last_id"]
            # The same cut-off as when it started: `--since 7d` given again a day later means the same run.
            since = state.get("since_time")
            self.chosen = self.chosen._replace(since=datetime.fromisoformat(since) if since else None)
            for name, value in state["counts"].items():
                setattr(summary, name, value)
        total = summary.considered + self.archive.reextract_count(self.chosen, after)
        if self.workers is None:
            self.workers = min(4, os.cpu_count() or 1) if total - summary.considered >= POOL_FROM else 0
        started = time.perf_counter() - summary.seconds
        with self._reader() as read:
            while True:
                stored = self.archive.reextract_batch(self.chosen, after, self.batch)
                if not stored:
                    break
                after = stored[-1].id
                changes, version_only = self._compare(stored, read(stored), summary)
                summary.seconds = time.perf_counter() - started
                if not self.dry_run:
                    counts = {**summary.counts(), "seconds": summary.seconds}
                    state = {"filter": self.chosen.key(), "version": EXTRACTOR_VERSION, "last_id": after}
                    state["since_time"] = self.chosen.since.isoformat() if self.chosen.since else None
                    state["counts"] = counts
                    self.archive.save_reextracted(
                        changes, version_only, version=EXTRACTOR_VERSION, now=datetime.now(UTC), state=state
                    )
                if progress:
                    progress(summary.considered, total, summary)
        if not self.dry_run:
            self.archive.save_reextracted([], [], version=EXTRACTOR_VERSION, now=datetime.now(UTC), state=None)
        return summary

    def _resumes(self, state: dict[str, Any]) -> bool:
        """Whether the unfinished run in `state` is this one: same options, same extractor."""
        return state["filter"] == self.chosen.key() and state["version"] == EXTRACTOR_VERSION

    @contextmanager
    def _reader(self) -> Iterator[Callable[[list[Stored]], list[Outcome]]]:
        """A function from a batch of stored articles to their outcomes, in order: in this process, or spread
        over `workers` processes (extraction is CPU work; each worker reads its own WARC records)."""
        root = str(self.root)
        if not self.workers:
            yield lambda batch: [read_article(root, stored, self.min_body) for stored in batch]
            return
        pool = worker_pool(self.workers)
        try:
            yield lambda batch: list(
                pool.map(_read_task, [(root, s, self.min_body) for s in batch], chunksize=max(1, len(batch) // 16))
            )
        finally:
            pool.shutdown(cancel_futures=True)

    def _compare(
        self, batch: list[Stored], outcomes: list[Outcome], summary: Summary
    ) -> tuple[list[Change], list[int]]:
        changes: list[tuple[Change, list[str]]] = []  # with the fields that changed
        version_only: list[int] = []
        for stored, outcome in zip(batch, outcomes, strict=True):
            summary.considered += 1
            if not stored.pages:
                summary.no_captures += 1
                continue
            if outcome.article is None:
                if outcome.unreadable:
                    summary.unreadable += 1
                    summary.skipped.append(f"article {stored.id}: {outcome.unreadable}")
                else:
                    summary.failed += 1
                    summary.skipped.append(f"article {stored.id}: not re-extracted: {outcome.problem}")
                continue
            summary.pages += outcome.pages
            article = outcome.article
            _keep_hints(stored, article)
            fetched = stored.record["fetched_at"]
            article.fetched_at = datetime.fromisoformat(fetched) if fetched else None
            article.extractor_version = EXTRACTOR_VERSION
            digest = content_hash(article.body)
            fields = changed_fields(stored, article, digest)
            if not fields:
                if stored.extractor_version == EXTRACTOR_VERSION:
                    summary.unchanged += 1
                else:
                    summary.version_only += 1
                    version_only.append(stored.id)
                continue
            changes.append((Change(stored, article, digest), fields))
        taken = self.archive.reextract_taken([change for change, _ in changes]) if changes else {}
        kept: list[Change] = []
        texts: dict[tuple[int, str], int] = {}
        for change, fields in changes:
            # Another article of the site holds this text already (or got it earlier in the batch): the
            # archive's unique key allows one article per text, so this one keeps what it had.
            holder = taken.get(change.stored.id) or texts.setdefault(
                (change.stored.site_id, change.digest), change.stored.id
            )
            if holder != change.stored.id:
                summary.failed += 1
                summary.skipped.append(f"article {change.stored.id}: re-extracted, its text is article {holder}'s")
                continue
            summary.changed += 1
            summary.fields.update(fields)
            if summary.sample is None:
                summary.sample = (change.stored.record, change.article, fields)
            kept.append(change)
        return kept, version_only
