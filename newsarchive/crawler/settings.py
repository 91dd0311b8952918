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
# Backstop against endless listing pagination or calendar traps (an article's later pages do not count: see
# spidermiddlewares/depth.py); what it cuts is recorded.
DEPTH_LIMIT = 8

# One fetch per article page per run: every URL variant of a page (tracking parameters, AMP, a mobile host, a
# fragment, a session id) has one fingerprint, so the duplicate filter asks for one of them (fingerprints.py).
REQUEST_FINGERPRINTER_CLASS = "newsarchive.crawler.fingerprints.PageKeyFingerprinter"

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
    # robots.txt that fails closed when it cannot be read (Scrapy's allows everything then).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsarchive.crawler.downloadermiddlewares.robots.RobotsTxtMiddleware": 100,
    "newsarchive.crawler.downloadermiddlewares.retry.BackoffRetryMiddleware": 550,
    # Sees a redirect before RedirectMiddleware (600) follows it: loops and redirects off the site end there.
    "newsarchive.crawler.downloadermiddlewares.redirects.RedirectLoopMiddleware": 610,
    # WARC captures (downloadermiddlewares/captures.py): a redirect written before RedirectLoopMiddleware (610)
    # and RedirectMiddleware (600) see it; the Content-Encoding noted before HttpCompressionMiddleware (590)
    # decodes the body; every other response written after it, as the spider will read it, and before
    # MetaRefreshMiddleware (580) and BackoffRetryMiddleware (550): each attempt at a 5xx is kept.
    "newsarchive.crawler.downloadermiddlewares.captures.RedirectCaptureMiddleware": 620,
    "newsarchive.crawler.downloadermiddlewares.captures.OriginalEncoding": 595,
    "newsarchive.crawler.downloadermiddlewares.captures.WarcCaptureMiddleware": 585,
}
# Scrapy's HTTP/1.1 handler with the response headers bounded (NEWSARCHIVE_MAX_HEADER_BYTES).
DOWNLOAD_HANDLERS = {
    "http": "newsarchive.crawler.downloadhandlers.headers.BoundedHeadersDownloadHandler",
    "https": "newsarchive.crawler.downloadhandlers.headers.BoundedHeadersDownloadHandler",
}
SPIDER_MIDDLEWARES = {
    # DEPTH_LIMIT that records what it drops and does not cut an article's later pages.
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "newsarchive.crawler.spidermiddlewares.depth.DepthMiddleware": 900,
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
# Times a dead extraction worker, or a dead archive writer, is started again in one crawl; one more death
# stops the crawl as failed (what the dead writer held is written by the next one, else recorded).
NEWSARCHIVE_WORKER_RESTARTS = 5
# Batches in a row that fail to save (a full disk, a read-only archive) before the crawl stops as failed:
# bounds the pages fetched only to be lost.
NEWSARCHIVE_SAVE_FAILURES = 3

# Links, URL keys, redirects and robots.txt:
# New links followed from one page (a listing or an article; 0: all); the rest are counted and recorded once.
NEWSARCHIVE_LINKS_PER_PAGE = 1000
# Problem rows of one kind recorded for one article in one crawl (0: all); the rest only counted in the run.
NEWSARCHIVE_PROBLEMS_PER_ARTICLE = 20
# URLs kept as aliases of one article (0: all; None: the archive's default, 200); a cut is recorded once per run.
NEWSARCHIVE_ALIASES_PER_ARTICLE = None
# Bytes of a robots.txt read (Google reads 500 KiB); the rest is ignored and the cut recorded.
NEWSARCHIVE_ROBOTSTXT_MAXSIZE = 512 * 1024

# Sitemaps, feeds, headers and page sizes:
# Sitemap indexes nested below a start URL that are read (index -> yearly index -> monthly sitemaps is 2).
NEWSARCHIVE_SITEMAP_DEPTH = 3
# Nested sitemaps requested per run; a large publisher has a few hundred, an endless index has no end.
NEWSARCHIVE_MAX_SITEMAPS = 1000
# Entries read from one sitemap: the sitemap protocol's own limit.
NEWSARCHIVE_SITEMAP_ENTRIES = 50_000
# Entries read from one feed: a news feed lists tens, an "everything" feed a few thousand.
NEWSARCHIVE_FEED_ENTRIES = 5_000
# Article requests from feeds and sitemaps waiting in the scheduler at once (about 3 KB each); the rest wait
# as bare URLs until the crawl runs out of requests, so a sitemap of 50,000 articles does not cost 150 MB.
NEWSARCHIVE_QUEUED_ENTRIES = 2_000
# Bytes a gzip feed or sitemap may inflate to (the sitemap protocol's 50 MB); it is read a chunk at a time.
NEWSARCHIVE_INFLATED_BYTES = 50 * 1024 * 1024
# Distinct links read from one page: a big front page has a thousand or two.
NEWSARCHIVE_PAGE_LINKS = 5_000
# Bytes of a response's status line and headers (DOWNLOAD_MAXSIZE counts only the body); browsers allow 256 KB.
NEWSARCHIVE_MAX_HEADER_BYTES = 256 * 1024

# Reading the archive (queries):
# `newsarchive search`: the longest query (characters) and the most different terms (words and "phrases",
# excluded ones too, a repeated one counted once) it takes; ranking and snippets cost grows with both.
NEWSARCHIVE_QUERY_MAX_CHARS = 1000
NEWSARCHIVE_QUERY_MAX_TERMS = 64

# Soft error pages, the layout alarm and progress:
# Seconds between redraws of the live progress line when stderr is a terminal (0: log lines there too, every
# NEWSARCHIVE_PROGRESS_INTERVAL, as when stderr is a file or a pipe).
NEWSARCHIVE_PROGRESS_REFRESH = 1.0

# -- WARC captures (issue 11): every response kept as it was fetched (README "Captures").
# Write WARC files of every response (off: $NEWSARCHIVE_WARC=0 too).
NEWSARCHIVE_WARC = True
# Their folder; None means $NEWSARCHIVE_WARC_DIR, else beside the archive (newsarchive.db -> newsarchive-warc/).
NEWSARCHIVE_WARC_DIR = None
# A WARC file is closed, and the next one begun, once it holds this many bytes.
NEWSARCHIVE_WARC_MAX_BYTES = 1024 * 1024 * 1024
# Keep payloads that are no page, feed or sitemap (images, PDFs, binary data)? Off: such a response gets no
# record (its problem row says what it was), so a site's media do not fill the disk.
NEWSARCHIVE_WARC_OTHER_PAYLOADS = False
# Write WARC records in a thread of their own rather than the crawl's reactor thread: off, since on two cores the
# GIL hand-offs cost more than compressing beside the crawl saves (benchmarks/crawl.py); try it with more cores.
NEWSARCHIVE_WARC_THREAD = False
