"""Scrapy settings for newsarchive: polite crawling defaults and the archive's pipelines and extensions."""

from newsarchive import __version__

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["newsarchive.crawler.spiders"]
NEWSPIDER_MODULE = "newsarchive.crawler.spiders"

# Say who we are and where to complain; publishers block anonymous bots first.
USER_AGENT = f"newsarchive/{__version__} (+https://github.com/newsarchive/newsarchive)"
ROBOTSTXT_OBEY = True

# Politeness: a few parallel requests per host, paced by AutoThrottle from the server's own latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# A news page is well under a megabyte; anything past 20 MB is not an article and is cut off.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# A crawl should fetch what is there now; caching would hide updated articles.
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = False
# No listening ports on the crawling machine: Scrapy's telnet console and remote-control server stay off.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Backstop against endless listing pagination or calendar traps.
DEPTH_LIMIT = 8

LOG_LEVEL = "INFO"
LOG_FORMATTER = "newsarchive.crawler.logformat.ArticleLogFormatter"
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {
    "newsarchive.crawler.pipelines.CleanPipeline": 100,
    "newsarchive.crawler.pipelines.ValidatePipeline": 200,
    "newsarchive.crawler.pipelines.DedupePipeline": 300,
    "newsarchive.crawler.pipelines.StorePipeline": 400,
}
DOWNLOADER_MIDDLEWARES = {
    # First in, last out: an archived URL that is not due is dropped before anything else works on it.
    "newsarchive.crawler.downloadermiddlewares.incremental.IncrementalMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsarchive.crawler.downloadermiddlewares.retry.BackoffRetryMiddleware": 550,
    # Sees a redirect before RedirectMiddleware (600) follows it.
    "newsarchive.crawler.downloadermiddlewares.redirects.RedirectLoopMiddleware": 610,
}
EXTENSIONS = {
    "newsarchive.crawler.extensions.runrecorder.RunRecorder": 500,
    "newsarchive.crawler.extensions.progress.Progress": 510,
    "newsarchive.crawler.extensions.gcfreeze.FreezeStartupObjects": 520,
}

# Every NEWSARCHIVE_* default lives here and only here (components read them through projectsettings.py).
# The archive: a file path or SQLAlchemy URL; None means environment.default_db() ($NEWSARCHIVE_DB or
# ./newsarchive.db).
NEWSARCHIVE_DB = None
# Articles written per transaction.
NEWSARCHIVE_BATCH_SIZE = 50
# Save batches in a process of their own (False: in a thread of the crawl's process).
NEWSARCHIVE_STORE_PROCESS = True
# Seconds between progress lines on stderr; 0 turns them off.
NEWSARCHIVE_PROGRESS_INTERVAL = 30
# Record a run row (start/finish, counts) and the crawl's problems in the archive.
NEWSARCHIVE_RECORD_RUN = True
# How many related-article links deep to follow from an article found by discovery (0: none).
NEWSARCHIVE_ARTICLE_HOPS = 1
# How many listing pages deep to follow from a start listing (pagination, sub-sections).
NEWSARCHIVE_LISTING_DEPTH = 2
# Most pages joined into one multi-page article.
NEWSARCHIVE_MAX_PAGES = 20
# Processes that extract articles beside the crawl (0: extract in the crawl's own thread). Extraction is the
# crawl's main CPU cost; in a worker it runs on another core instead of holding up downloads.
NEWSARCHIVE_EXTRACT_WORKERS = 1
# Keep startup objects out of garbage collection (see crawler/extensions/gcfreeze.py).
NEWSARCHIVE_GC_FREEZE = True
# Validation: an article whose body is shorter than this many characters is dropped.
NEWSARCHIVE_MIN_BODY_CHARS = 60
# Story clusters: the estimated Jaccard similarity of two bodies' shingles (0..1) at which they are versions
# of one story; None means $NEWSARCHIVE_SIMILARITY, else the archive's default (0.5).
NEWSARCHIVE_SIMILARITY = None
# Keep story clusters up to date while saving (about half of a save's cost); False leaves the articles saved
# to the first save or `newsarchive related` that wants clusters again, which indexes just those.
NEWSARCHIVE_CLUSTERS = True
# Incremental crawls: an archived URL is fetched again only when a re-check is due, at these ages since
# its publication (then never); NEWSARCHIVE_FORCE fetches every archived URL of the site again.
NEWSARCHIVE_INCREMENTAL = True
NEWSARCHIVE_RECHECK = ["1h", "6h", "24h", "7d"]
NEWSARCHIVE_FORCE = False
# Retries of 429/5xx wait Retry-After, else this many seconds doubled per earlier retry, at most MAX_WAIT.
NEWSARCHIVE_RETRY_BACKOFF = 1.0
NEWSARCHIVE_RETRY_MAX_WAIT = 60.0
# Set by a config file: feeds/sitemaps that replace a profile's, and the name a generic crawl is filed under.
NEWSARCHIVE_FEEDS: list[str] = []
NEWSARCHIVE_SITEMAPS: list[str] = []
NEWSARCHIVE_SITE_NAME = None

# -- Unattended crawls (issue 10): what is bounded, and how far. README "Faults and bounds" documents each.
# Workers, signals and saving failures:

# Links, URL keys, redirects and robots.txt:

# Sitemaps, feeds, headers and page sizes:

# Reading the archive (queries):
# `newsarchive search`: the longest query (characters) and the most different terms (words and "phrases",
# excluded ones too, a repeated one counted once) it takes; ranking and snippets cost grows with both.
NEWSARCHIVE_QUERY_MAX_CHARS = 1000
NEWSARCHIVE_QUERY_MAX_TERMS = 64

# Soft error pages, the layout alarm and progress:
