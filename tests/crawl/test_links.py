"""Crawls of a hostile local site: bad links, session-id traps and link floods, off-site redirects, robots.txt."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .runner import ENV, crawl, crawl_command, crawl_measured
from .test_faults import RSS_CAP
from .trapsite import TrapSite, rss, serve, story

ARTICLES = [f"/news/2025/01/harbour-story-number-{n}.html" for n in range(3)]


def crawl_from(base: str, start: str, db: Path, *extra: str) -> dict:
    """`newsarchive crawl --url <start>` (a listing or feed of the site), as runner.crawl does for the feed."""
    command = crawl_command(base, db, *extra)
    command[command.index("--url") + 1] = base + start
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def problems(db: Path) -> list[tuple[str, str, str]]:
    return rows(db, "SELECT url, kind, reason FROM problems ORDER BY id")


def listing(hrefs: list[str]) -> bytes:
    return ("<html><body>" + "".join(f'<a href="{h}">story</a>' for h in hrefs) + "</body></html>").encode()


BAD_LINKS = (
    "http://www.example.com:8o8o/about",
    "http://[oops/",
    "http://127.0.0.1:99999/news/2025/01/x-y-z-w.html",
    "//[::1/news",
)


def test_malformed_links_in_a_page_or_a_feed_are_skipped_and_recorded_and_cost_nothing_else(tmp_path):
    site = TrapSite()
    # The feed's first entries are bad links; the good ones after them, and the article carrying bad links
    # in its navigation, must all be archived.
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([*BAD_LINKS, *ARTICLES[:2]]), {})
    site.html(ARTICLES[0], story(0, (*BAD_LINKS, ARTICLES[2])))
    site.html(ARTICLES[1], story(1))
    site.html(ARTICLES[2], story(2))
    with serve(site) as base:
        run = crawl(base, tmp_path / "a.db", "-s", "NEWSARCHIVE_ARTICLE_HOPS=1")
    assert run["status"] == "finished" and run["articles_new"] == 3
    assert run["errors"] == 0 and run["errors_by_kind"] == {}
    recorded = problems(tmp_path / "a.db")
    assert all(kind == "dropped" and reason.startswith("bad link: ") for _, kind, reason in recorded), recorded
    # One row per bad feed entry (its own URL), one for the page however many it carries.
    assert sorted(url for url, _, _ in recorded) == sorted([*BAD_LINKS, base + ARTICLES[0]])
    assert run["dropped_by_reason"] == {"bad link": len(BAD_LINKS) + 1}


def test_a_link_longer_than_urllength_limit_is_recorded_not_dropped_silently(tmp_path):
    site = TrapSite()
    long_link = "/news/2025/01/" + "very-long-" * 30 + "story.html"
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([ARTICLES[0], long_link]), {})
    site.html(ARTICLES[0], story(0))
    with serve(site) as base:
        run = crawl(base, tmp_path / "a.db", "-s", "URLLENGTH_LIMIT=200")
    assert run["articles_new"] == 1
    [(url, kind, reason)] = problems(tmp_path / "a.db")
    assert url == base + long_link and kind == "dropped"
    assert reason.startswith("bad link: longer than URLLENGTH_LIMIT") and "limit 200" in reason


def test_session_ids_leave_the_url_and_a_trap_of_them_costs_one_fetch_per_article(tmp_path):
    rng = random.Random(10)

    def session() -> str:
        return f"{rng.getrandbits(128):032x}"

    # 3,000 links to three articles, each with a new session id (query and servlet path parameter), and
    # every article page linking its neighbours with new ones again.
    hrefs = [
        f"{ARTICLES[n % 3]}?sid={session()}" if n % 2 else f"{ARTICLES[n % 3]};jsessionid={session()}"
        for n in range(3000)
    ]
    site = TrapSite()
    site.html("/", listing(hrefs))
    for n, path in enumerate(ARTICLES):
        site.routes[path] = lambda _, n=n: (
            200,
            "text/html; charset=utf-8",
            story(n, tuple(f"{p}?PHPSESSID={session()}" for p in ARTICLES)),
            {},
        )
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl_from(base, "/", db, "-s", "NEWSARCHIVE_ARTICLE_HOPS=1")
    assert run["articles_new"] == 3 and run["pages_fetched"] == 4
    assert sorted(site.asked("/news/")) == sorted(ARTICLES)  # asked for without the session ids
    assert sorted(url for (url,) in rows(db, "SELECT url FROM url_aliases")) == sorted(base + a for a in ARTICLES)
    assert problems(db) == []


def test_links_past_the_per_page_cap_are_not_followed_and_recorded_once(tmp_path):
    paths = [f"/news/2025/01/harbour-story-number-{n}.html" for n in range(30)]
    site = TrapSite()
    site.html("/", listing(paths))
    for n, path in enumerate(paths):
        site.html(path, story(n))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl_from(base, "/", db, "-s", "NEWSARCHIVE_LINKS_PER_PAGE=10")
    assert run["articles_new"] == 10 and len(site.asked("/news/")) == 10
    assert problems(db) == [
        (base + "/", "dropped", "link cap: 20 more links on this page not followed (NEWSARCHIVE_LINKS_PER_PAGE = 10)")
    ]


def test_problems_of_one_article_past_the_cap_are_counted_not_recorded(tmp_path):
    # An unknown parameter with a new value per link: every URL is another key, every page a duplicate
    # of the first one fetched.
    rng = random.Random(11)
    hrefs = [f"{ARTICLES[0]}?view={rng.getrandbits(64):x}" for _ in range(40)]
    site = TrapSite()
    site.html("/", listing(hrefs))
    site.html(ARTICLES[0], story(0))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl_from(base, "/", db, "-s", "NEWSARCHIVE_PROBLEMS_PER_ARTICLE=5")
    assert run["articles_new"] == 1
    assert run["dropped_by_reason"] == {"duplicate": 39}  # the run's count has them all
    reasons = [reason for _, _, reason in problems(db)]
    assert len(reasons) == 6 and all(r.startswith("duplicate: same body as") for r in reasons[:5])
    assert reasons[5].startswith("problem cap: later 'duplicate' problems of this article are counted")


def test_a_redirect_to_another_port_is_not_followed_and_names_both_urls(tmp_path):
    other = TrapSite()
    other.html("/admin/secret.html", story(7))
    site = TrapSite()
    site.html(ARTICLES[0], story(0))
    db = tmp_path / "a.db"
    with serve(other) as elsewhere, serve(site) as base:
        target = elsewhere + "/admin/secret.html"
        site.routes[ARTICLES[1]] = (302, "text/html", b"", {"Location": target})
        # A redirect within the site (to the same host and port) is still followed.
        moved = "/news/2025/01/harbour-story-number-2-moved.html"
        site.routes[ARTICLES[2]] = (301, "text/html", b"", {"Location": base + moved})
        site.html(moved, story(2))
        site.routes["/feed.xml"] = (200, "application/rss+xml", rss(ARTICLES), {})
        crawl(base, db)
    assert other.log == []  # not even asked
    assert sorted(a for (a,) in rows(db, "SELECT url FROM articles")) == [base + ARTICLES[0], base + moved]
    assert problems(db) == [(base + ARTICLES[1], "dropped", f"redirect off-site: {base + ARTICLES[1]} -> {target}")]


ROBOTS = "-s", "ROBOTSTXT_OBEY=True"


def test_pages_robots_txt_disallows_are_recorded(tmp_path):
    site = TrapSite()
    site.routes["/robots.txt"] = (
        200,
        "text/plain",
        b"User-agent: *\nDisallow: /news/2025/01/harbour-story-number-1",
        {},
    )
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(ARTICLES[:2]), {})
    site.html(ARTICLES[0], story(0))
    site.html(ARTICLES[1], story(1))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl(base, db, *ROBOTS)
    assert run["articles_new"] == 1 and site.asked("/news/") == [ARTICLES[0]]
    assert problems(db) == [(base + ARTICLES[1], "dropped", "disallowed by robots.txt")]


def _unreadable_robots(tmp_path: Path, answer: tuple) -> tuple[TrapSite, dict, list]:
    site = TrapSite()
    site.routes["/robots.txt"] = answer
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(ARTICLES[:1]), {})
    site.html(ARTICLES[0], story(0))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl(base, db, *ROBOTS, "-s", "RETRY_TIMES=1", ok=False)
    return site, {**run, "base": base}, problems(db)


def test_a_robots_txt_that_answers_503_fails_closed(tmp_path):
    site, run, recorded = _unreadable_robots(tmp_path, (503, "text/plain", b"busy", {}))
    assert site.asked("/feed.xml") == [] and site.asked("/news/") == []
    base = run["base"]
    assert recorded[0][:2] == (base + "/robots.txt", "error")
    assert recorded[0][2].startswith("robots.txt unavailable: HTTP 503 Service Unavailable; no page of 127.0.0.1:")
    assert recorded[1:] == [(base + "/feed.xml", "error", "robots.txt unavailable: HTTP 503 Service Unavailable")]
    assert run["articles_new"] == 0


def test_a_robots_txt_that_times_out_fails_closed(tmp_path):
    site, run, recorded = _unreadable_robots(tmp_path, (200, "text/plain", b"", {"X-Hang": "2.5"}))
    assert site.asked("/feed.xml") == [] and site.asked("/news/") == []
    assert [(kind, reason.split(";")[0]) for _, kind, reason in recorded] == [
        ("error", "robots.txt unavailable: timeout after 1.5 s"),
        ("error", "robots.txt unavailable: timeout after 1.5 s"),
    ]
    assert run["status"] == "failed" and run["returncode"] == 1  # nothing could be fetched


def test_a_missing_robots_txt_allows_everything(tmp_path):
    site, run, recorded = _unreadable_robots(tmp_path, (404, "text/html", b"<p>Disallow: /</p>", {}))
    assert run["articles_new"] == 1 and recorded == []


def test_an_oversized_robots_txt_is_read_up_to_its_cap_in_bounded_memory_and_the_cut_recorded(tmp_path):
    rules = b"User-agent: *\nDisallow: /news/2025/01/harbour-story-number-1\n"
    # About 7 MB of groups with wildcard rules: parsed whole, it took the crawl to 410 MB.
    groups = b"".join(b"User-agent: bot%d\nDisallow: /p*%d*q$\nAllow: /p/%d/x\n" % (n, n, n) for n in range(120_000))
    site = TrapSite()
    site.routes["/robots.txt"] = (200, "text/plain", rules + groups + b"User-agent: *\nDisallow: /news/\n", {})
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(ARTICLES[:2]), {})
    site.html(ARTICLES[0], story(0))
    site.html(ARTICLES[1], story(1))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run, peak = crawl_measured(base, db, *ROBOTS, "-s", "DOWNLOAD_MAXSIZE=10000000")
    assert peak < RSS_CAP, f"peak RSS {peak / 2**20:.0f} MB"
    # The rule after the cut (Disallow: /news/) was not read; the one before it was.
    assert run["articles_new"] == 1 and site.asked("/news/") == [ARTICLES[0]]
    cut, disallowed = problems(db)
    assert cut[:2] == (base + "/robots.txt", "dropped") and cut[2].startswith("robots.txt cut: ")
    assert "NEWSARCHIVE_ROBOTSTXT_MAXSIZE = 524288" in cut[2]
    assert disallowed == (base + ARTICLES[1], "dropped", "disallowed by robots.txt")


_LAUGHS = "".join(
    f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "x" * 10}">' for n in range(8)
)  # "billion laughs": libxml2 stops at its amplification limit, silently when recovering


@pytest.mark.parametrize(
    ("bomb", "cut"),
    [
        ("<item><title>&e7;</title></item>", "the document stops before its end"),
        ("<item><description>" + "<a>" * 300 + "</a>" * 300 + "</description></item>", "the document stops"),
        ("<item><description>" + "x" * (11 * 1024 * 1024) + "</description></item>", "an entry of over"),
    ],
    ids=["entity amplification", "nesting depth", "11 MB text node"],
)
def test_a_feed_cut_short_by_the_xml_parsers_limits_is_recorded_and_its_first_entries_kept(tmp_path, bomb, cut):
    items = "".join(f"<item><link>{path}</link></item>" for path in ARTICLES[:2])
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{_LAUGHS}]><rss><channel>{items}{bomb}'
        f"<item><link>{ARTICLES[2]}</link></item></channel></rss>"
    )
    site = TrapSite()
    site.routes["/feed.xml"] = (200, "application/rss+xml", feed.encode(), {})
    for n, path in enumerate(ARTICLES):
        site.html(path, story(n))
    db = tmp_path / "a.db"
    with serve(site) as base:
        run = crawl(base, db, "-s", "DOWNLOAD_MAXSIZE=20000000")
    assert run["articles_new"] == 2
    [(url, kind, reason)] = problems(db)
    assert (url, kind) == (base + "/feed.xml", "error")
    assert reason.startswith(f"feed cut: {cut}") and reason.endswith("the rest not read")


def test_robots_txt_binds_every_start_url_waiting_for_it_not_only_the_first(tmp_path):
    # A site profile starts from several URLs at once; all wait for robots.txt. Scrapy handed its rules to
    # the first of them only, and the others went by no rules at all.
    site = TrapSite()
    site.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {})
    feeds = [f"/private/feed-{n}.xml" for n in range(4)]
    for path in feeds:
        site.routes[path] = (200, "application/rss+xml", rss([]), {})
    db = tmp_path / "a.db"
    with serve(site) as base:
        command = crawl_command(base, db, *ROBOTS, "-s", "NEWSARCHIVE_FEEDS=" + ",".join(feeds))
        start = command.index("--url")
        command[start : start + 2] = ["newsweekjapan", "--base-url", base]
        proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert site.asked("/private/") == []
    disallowed = [url for url, _, reason in problems(db) if reason == "disallowed by robots.txt"]
    assert sorted(disallowed) == sorted(base + path for path in feeds)
