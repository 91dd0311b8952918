"""Run one crawl in this process and return its run summary from the archive."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from twisted.python.failure import Failure

from newsarchive.crawler.crawlrun import crawl_run
from newsarchive.crawler.environment import default_db, open_user_archive
from newsarchive.crawler.extensions.runrecorder import counts, run_status
from newsarchive.store import StoreError


class CrawlError(Exception):
    """The crawl could not start: an unknown spider or a bad argument; the message says which."""


def crawl_settings(db: str | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """The project's settings (found by module, so this works installed and outside the project folder)."""
    settings = Settings()
    settings.setmodule("newsarchive.crawler.settings", priority="project")
    if overrides:
        settings.update(overrides, priority="cmdline")
    # Resolve the default here so that the crawl and the summary read the same archive.
    settings.set("NEWSARCHIVE_DB", db or settings.get("NEWSARCHIVE_DB") or default_db(), priority="cmdline")
    return settings


def _summary(archive: Any, run_id: int) -> dict:
    run = archive.run(run_id)
    if run is None:
        raise CrawlError(f"the crawl did not record run {run_id} in the archive")
    # The counts kept in the run's nested "stats" dict are flattened: the CLI prints one level.
    nested = run.get("stats") if isinstance(run.get("stats"), dict) else {}
    return {**nested, **{k: v for k, v in run.items() if k != "stats"}}


def run_crawl(
    spider: str,
    db: str | None = None,
    *,
    base_url: str | None = None,
    url: str | None = None,
    settings: dict[str, Any] | None = None,
) -> dict:
    """Crawl with the spider named `spider` into the archive `db` and return the run's summary.

    `base_url` points a site's spider at a mirror; `url` is the start URL of the generic spider;
    `settings` are Scrapy settings for this crawl only. Twisted's reactor cannot be restarted, so this
    runs once per process (the CLI runs one crawl per process).
    """
    crawl_conf = crawl_settings(db, settings)
    loader = SpiderLoader.from_settings(crawl_conf)
    try:
        spidercls = loader.load(spider)
    except KeyError:
        known = ", ".join(sorted(loader.list()))
        raise CrawlError(f"unknown spider {spider!r}; known spiders: {known}") from None
    kwargs = {k: v for k, v in (("base_url", base_url), ("url", url)) if v is not None}
    try:
        # A trial instance checks the arguments before a reactor starts (it cannot start twice).
        spidercls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise CrawlError(f"cannot start the {spider} crawl: {exc}") from exc

    process = CrawlerProcess(crawl_conf)
    crawler = process.create_crawler(spidercls)
    failures: list[BaseException] = []

    def failed(failure: Failure) -> None:
        # A Failure made from an exception always holds it; the stubs allow None for an empty one.
        failures.append(failure.value or RuntimeError(failure.getErrorMessage()))

    process.crawl(crawler, **kwargs).addErrback(failed)
    try:
        process.start()
    finally:
        _stop_reactor_threads()
        _finish_unfinished(crawler)
    if failures:
        failure = failures[0]
        if isinstance(failure, (TypeError, ValueError)):
            raise CrawlError(f"cannot start the {spider} crawl: {failure}") from failure
        if isinstance(failure, StoreError):  # the archive refused the run row: a full disk, a read-only file
            raise CrawlError(str(failure)) from failure
        raise failure

    run = crawl_run(crawler)
    if run.run_id is None or run.finish_error:  # no run row (NEWSARCHIVE_RECORD_RUN off) or none to trust
        return _from_stats(crawler)
    try:
        archive = open_user_archive(crawl_conf.get("NEWSARCHIVE_DB"))
    except StoreError as exc:  # a full disk can refuse even opening it again
        run.finish_error = f"could not read run {run.run_id} back: {exc}"
        return _from_stats(crawler)
    try:
        return _summary(archive, run.run_id)
    finally:
        archive.close()


def _from_stats(crawler: Any) -> dict:
    """The summary from the crawler's own counts, when the archive has no run row to read back."""
    run = crawl_run(crawler)
    numbers = counts(crawler.stats)
    reason = crawler.stats.get_value("finish_reason") or ""
    failure = "; ".join(filter(None, (run.failure, run.finish_error))) or None
    status = run_status(reason, numbers, failure)
    # The site the run is filed under, as a run row names it, so that every summary labels its lines alike.
    spider = getattr(crawler, "spider", None)
    site = (getattr(spider, "site_name", "") or getattr(spider, "name", "")) if spider is not None else ""
    summary = {"id": run.run_id, "status": status, **numbers, "close_reason": reason, "failure": failure}
    return {"site": site, **summary} if site else summary


def _stop_reactor_threads() -> None:
    """Stop Twisted's thread pool if the reactor did not (an exception out of reactor.run skips its
    shutdown): its threads are not daemons, and the interpreter would wait for them for ever at exit."""
    from twisted.internet import reactor

    pool = getattr(reactor, "threadpool", None)
    if pool is not None and pool.started:
        pool.stop()


def _finish_unfinished(crawler: Any) -> None:
    """Record the run as interrupted if the crawl ended without closing its spider: Scrapy's forced stop
    (a second Ctrl-C or SIGTERM) stops the reactor at once, and a run left `running` would look alive."""
    run = crawl_run(crawler)
    if run.run_id is None or run.finished:
        return
    numbers = counts(crawler.stats)
    crawler.stats.set_value("finish_reason", "forced stop")
    status = run_status("shutdown", numbers, run.failure)
    run.finish(status, {**numbers, "close_reason": "forced stop", "failure": run.failure})
    run.close()
