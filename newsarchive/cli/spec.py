"""The options of every `newsarchive` command; each command's help ends with an example."""

from __future__ import annotations

import argparse

# name -> (one-line help, example lines); the README documents each command and a test keeps them in step.
SPEC: dict[str, tuple[str, list[str]]] = {
    "demo": ("serve the bundled sample site on 127.0.0.1, crawl it into an archive, print a summary",
             ["newsarchive demo", "newsarchive demo --db /tmp/demo.db"]),
    "crawl": ("crawl a supported site (or any site with --url, or every configured site with --all) into the archive",
              ["newsarchive crawl newsweekjapan", "newsarchive crawl --all --config newsarchive.toml",
               "newsarchive crawl newsweekjapan --base-url http://127.0.0.1:8000 --db mirror.db",
               "newsarchive crawl --url https://example.com/feed.xml"]),
    "extract": ("extract the article from a saved page and print it as JSON (no network, no database)",
                ["newsarchive extract page.html --url https://www.newsweekjapan.jp/headlines/world/2025/01/1.php"]),
    "search": ("full-text search of the archive (Japanese and English; \"phrases\", OR, -exclude)",
               ["newsarchive search 条約", 'newsarchive search \'"strategic treaty" OR 条約 -北朝鮮\' --json']),
    "show": ("print one article by id or URL",
             ["newsarchive show 12", "newsarchive show https://www.newsweekjapan.jp/stories/world/2025/01/1.php --json"]),
    "history": ("list the revisions of an article (by id or any of its URLs): when each was seen, what changed",
                ["newsarchive history 12", "newsarchive history https://www.newsweekjapan.jp/stories/world/2025/01/1.php --json"]),
    "diff": ("show what changed between two revisions of an article, word by word (character by character in Japanese)",
             ["newsarchive diff 12", "newsarchive diff 12 1 3 --json"]),
    "changed": ("list articles whose headline (or body) changed recently, newest change first",
                ["newsarchive changed --since 7d --field headline"]),
    "related": ("list the other versions of an article's story (near duplicates on this and other sites)",
                ["newsarchive related 12", "newsarchive related https://www.newsweekjapan.jp/headlines/world/2025/01/1.php --json"]),
    "latest": ("list the most recently published articles",
               ["newsarchive latest --limit 20 --site newsweekjapan"]),
    "export": ("export articles as JSON Lines or CSV",
               ["newsarchive export --format jsonl -o articles.jsonl", "newsarchive export --format csv > articles.csv"]),
    "stats": ("counts of articles, sites, runs and problems in the archive",
              ["newsarchive stats --json"]),
    "runs": ("list crawl runs with their status and counts",
             ["newsarchive runs --limit 5"]),
    "problems": ("list dropped pages and errors with their URL and reason, newest first",
                 ["newsarchive problems --run 3", "newsarchive problems --json"]),
    "sites": ("list the configured sites (else every site with a profile), their schedule and last run",
              ["newsarchive sites", "newsarchive sites --config newsarchive.toml --db news.db"]),
    "eval": ("extract every page of a dataset with ground truth and write predictions as JSON Lines",
             ["newsarchive eval ../shared/eval/fundus -o predictions.jsonl"]),
}


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="DB",
                   help="archive file path or SQLAlchemy URL (default: $NEWSARCHIVE_DB, else ./newsarchive.db)")


def _config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE",
                   help="crawl config (TOML; default: $NEWSARCHIVE_CONFIG, else ./newsarchive.toml if present)")


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _limit(p: argparse.ArgumentParser, default: int = 20) -> None:
    p.add_argument("--limit", type=int, default=default, metavar="N", help=f"at most N rows (default {default})")


def _site(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", metavar="NAME", help="only articles of this site")


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    made = {}
    for name, (summary, examples) in SPEC.items():
        made[name] = sub.add_parser(
            name, help=summary, description=summary[0].upper() + summary[1:] + ".",
            epilog="example:\n" + "\n".join(f"  {e}" for e in examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    p = made["demo"]; _db(p); _json(p)
    p = made["crawl"]
    p.add_argument("site", nargs="?", help="site name (see `newsarchive sites`)")
    p.add_argument("--url", help="crawl any news site from its home page, an RSS/Atom feed or a sitemap")
    p.add_argument("--base-url", metavar="URL", help="point the site's spider at a mirror, e.g. http://127.0.0.1:8000")
    p.add_argument("--all", action="store_true", help="crawl every site of the config file, one after another")
    p.add_argument("--force", action="store_true",
                   help="fetch every archived URL of the site again, whether or not a re-check is due")
    _config(p)
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a Scrapy setting for this crawl, e.g. -s CLOSESPIDER_PAGECOUNT=100 (repeatable)")
    _db(p); _json(p)
    p = made["extract"]
    p.add_argument("file", help="a saved HTML page (any charset)")
    p.add_argument("--url", required=True, help="the URL the page was fetched from")
    p.add_argument("--site", metavar="NAME", help="use this site profile's rules (default: generic extraction)")
    p.add_argument("--content-type", metavar="TYPE", help="the HTTP Content-Type it was served with, if known")
    p = made["search"]
    p.add_argument("query", help='words (all must match), "a phrase", OR between alternatives, -word to exclude')
    _limit(p); _site(p); _db(p); _json(p)
    p = made["show"]
    p.add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was stored under")
    _db(p); _json(p)
    p = made["latest"]; _limit(p); _site(p); _db(p); _json(p)
    for name in ("history", "diff", "related"):
        made[name].add_argument("article", metavar="ID_OR_URL", help="the article's id or any URL it was seen under")
    p = made["history"]; _db(p); _json(p)
    p = made["diff"]
    p.add_argument("revisions", nargs="*", type=int, metavar="REV",
                   help="two revision numbers to compare (default: the previous revision and the current one)")
    _db(p); _json(p)
    p = made["changed"]
    p.add_argument("--since", default="7d", metavar="AGE",
                   help="how far back: 7d, 12h, 30m, or an ISO date/time like 2025-01-18 (default 7d)")
    p.add_argument("--field", choices=("headline", "body", "any"), default="headline",
                   help="what must have changed (default headline)")
    _limit(p, 50); _site(p); _db(p); _json(p)
    p = made["related"]; _db(p); _json(p)
    p = made["export"]
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _site(p); _db(p)
    p = made["stats"]; _db(p); _json(p)
    p = made["runs"]; _limit(p); _db(p); _json(p)
    p = made["problems"]
    p.add_argument("--run", type=int, metavar="ID", help="only the problems of this crawl run (see `newsarchive runs`)")
    _limit(p, 100); _db(p); _json(p)
    p = made["sites"]; _config(p); _db(p); _json(p)
    p = made["eval"]
    p.add_argument("dataset", metavar="DATASET_DIR", help="a folder with ground-truth.json and the saved pages")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the predictions (JSON Lines)")
