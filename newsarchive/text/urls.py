"""What a URL names: its article's key, its page, its site; the one place URLs are compared.

`clean_url` is for showing and storing a URL: it only removes what never names a different page
(fragment, tracking parameters, case of scheme and host, a default port). `url_key` goes further and
collapses the variants a site serves one article under — scheme, `www.`/mobile/AMP hosts, AMP paths,
a trailing slash or `index.html`, page 2..n of a multi-page article — into the key the archive keeps
unique; `page_key` is the same but keeps the page number. Neither keeps a session id (`?sid=`, `;jsessionid=`):
`without_session` is the URL a crawl requests instead. "One site" is `site_host` (the host a crawl
stays on) or, looser, `registered_domain` (one publisher, from the Public Suffix List). All are pure
functions of the URL text (no network): a malformed URL never raises, it matches nothing else, and
`url_problem` says what is wrong with it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

import tldextract
from w3lib.url import canonicalize_url, safe_url_string

from newsarchive.text.sessions import is_session, may_hold_session, session_free_path

# Query parameters that say how a reader arrived, never which page they get.
TRACKING = frozenset(
    """
fbclid gclid gclsrc dclid gbraid wbraid msclkid yclid twclid igshid mc_cid mc_eid _ga _gl _hsenc _hsmi
mkt_tok ref ref_src ref_url referrer cmpid ncid ocid smid sr_share spm icid s_cid wt_mc wt.mc_id
at_medium at_campaign at_custom1 at_custom2 oly_enc_id oly_anon_id vero_id __twitter_impression
rss_ref fb_action_ids fb_action_types fb_source action_object_map action_type_map
""".split()
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_")

# Host labels that name another rendering of the same site, not another site.
VARIANT_HOSTS = ("www.", "m.", "mobile.", "sp.", "amp.")
# Parameters that ask for a rendering (AMP) or a page of the article, not another article.
RENDERING = frozenset(("amp", "amp_js_v", "usqp"))
RENDERING_VALUES = frozenset(("outputtype", "output", "format"))  # only when their value is "amp"
PAGING = frozenset(("page", "seite", "pg"))
_INDEX = re.compile(r"/(?:index|default)\.(?:html?|php|shtml|aspx?|jsp)$", re.I)
_AMP_FILE = re.compile(r"\.amp(\.html?)$", re.I)
# `<stem>_2.php`: page 2 of `<stem>.php` (a page number has no leading zero and is small).
_PAGE_FILE = re.compile(r"(?<=[^/_])_([2-9]|[1-9]\d)(\.[a-z]{2,5})$", re.I)
_PAGE_DIR = re.compile(r"/(?:page/)?([2-9]|[1-9]\d)/?$", re.I)
_DIGITS = re.compile(r"\d+")
# A trailing number a rel=next link may add or change ("-2", "_p3", "/page4", "/2", "?p=2"). Looser
# than page_number, which must never take an article id for a page: here the link has already said it is a next page.
_NEXT_PAGE_SUFFIX = re.compile(r"(?:[_\-/](?:p|page|seite)?\d{1,3})(?=(?:\.\w{2,5})?/?$)", re.I)
_NEXT_PAGE_PARAMS = PAGING | {"p"}
# The Public Suffix List lists `lg.jp` alone, but Japanese local governments each register `<kind>.<name>.lg.jp`
# (pref.osaka.lg.jp, the prefecture; city.osaka.lg.jp, the city): two publishers, not one.
_SUFFIX_GAPS = ("*.lg.jp",)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str) -> bool:
    """Whether a query parameter only records where the reader came from."""
    name = name.lower()
    return name in TRACKING or name.startswith(TRACKING_PREFIXES)


def without_session(url: str) -> str:
    """The URL without session ids in its query or path (`;jsessionid=`), else unchanged: what a crawl requests.

    The rest is kept exactly as written (order, encoding), so the site gets the URL it published.
    """
    if not may_hold_session(url):
        return url
    parts = _split(url)
    if parts is None:
        return url
    kept = [
        piece
        for piece in parts.query.split("&")
        if not (piece and is_session(*(parse_qsl(piece, keep_blank_values=True) or [("", "")])[0]))
    ]
    path = session_free_path(parts.path)
    query = "&".join(kept)
    if path == parts.path and query == parts.query:
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


def url_problem(url: str) -> str | None:
    """What makes `url` no http(s) URL a crawl can request ("Port out of range 0-65535"), or None when it is one.

    Both the standard library's reading and w3lib's (which Scrapy requests with, and which takes a
    backslash for a slash) must accept it.
    """
    try:
        for parts in (urlsplit(url), urlsplit(safe_url_string(url))):
            parts.port  # noqa: B018 - raises ValueError for a malformed port
            if parts.scheme.lower() not in _DEFAULT_PORTS:
                return f"not an http(s) URL: {parts.scheme or 'no scheme'}"
            if not parts.hostname:
                return "no host"
    except (ValueError, UnicodeError) as exc:
        return str(exc).split("\n")[0][:120] or type(exc).__name__
    return None


def _netloc(scheme: str, parts: SplitResult) -> str:
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if parts.port not in (None, _DEFAULT_PORTS.get(scheme)) else None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{host}:{port}" if port else host


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return None
    return parts if parts.scheme and parts.netloc else None


def clean_url(url: str) -> str:
    """The URL without fragment, tracking and session parameters, scheme and host lowercased, parameters sorted.

    Anything that is not an absolute URL is returned as given.
    """
    parts = _split(url)
    if parts is None:
        return url
    scheme = parts.scheme.lower()
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k) and not is_session(k, v)
    )
    return urlunsplit((scheme, _netloc(scheme, parts), session_free_path(parts.path) or "/", urlencode(query), ""))


def site_host(url: str) -> str:
    """The URL's host (and non-default port) without a `www.`, mobile or AMP label: the site a crawl stays on.

    "" when the URL is not absolute or is malformed (`:8o8o`, a port over 65535, `[oops`).
    """
    parts = _split(url)
    if parts is None:
        return ""
    host = _netloc(parts.scheme.lower(), parts)
    stripped = True
    while stripped:
        stripped = False
        for label in VARIANT_HOSTS:
            rest = host[len(label) :]
            if host.startswith(label) and "." in rest.split(":")[0]:
                host, stripped = rest, True
    return host


def same_host(url: str, other: str) -> bool:
    """Whether two URLs are on one site host (`site_host`): where a crawl started at `other` may follow `url`."""
    host = site_host(url)
    return bool(host) and host == site_host(other)


@lru_cache(maxsize=1)
def _suffixes() -> tldextract.TLDExtract:
    # The list bundled with tldextract: never fetched, never cached on disk. Its private part makes
    # alice.github.io and bob.github.io (or two blogspot.com blogs) two sites.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True, extra_suffixes=_SUFFIX_GAPS
    )


def registered_domain(url: str) -> str:
    """The domain its owner registered (`https://news.bbc.co.uk:8080/x` -> `bbc.co.uk`); ports do not count.

    An IP address or a host the Public Suffix List does not know (`localhost`) is its own domain; ""
    when the URL is not absolute or is malformed.
    """
    parts = _split(url)
    if parts is None:
        return ""
    host = (parts.hostname or "").rstrip(".")
    if not host or ":" in host:  # no host, or an IPv6 literal
        return host
    return _suffixes()(host).top_domain_under_public_suffix or host


def same_domain(url: str, other: str) -> bool:
    """Whether two URLs are on one registered domain: one publisher's pages, whichever host or port serves them."""
    domain = registered_domain(url)
    return bool(domain) and domain == registered_domain(other)


def page_number(url: str) -> int:
    """Which page of a multi-page article the URL names (`_2.php`, `/2/`, `?page=2`); 1 when none."""
    parts = _split(url)
    if parts is None:
        return 1
    for name, value in parse_qsl(parts.query):
        if name.lower() in PAGING and value.isdigit():
            return max(1, int(value))
    path = parts.path
    found = _PAGE_FILE.search(path)
    if found:
        return int(found.group(1))
    found = _PAGE_DIR.search(path)
    if found and _is_page_dir(path, found):
        return int(found.group(1))
    return 1


def _is_page_dir(path: str, found: re.Match) -> bool:
    # `/big-story/2/` and `/story/page/2` are page 2 of their story; `/2025/12/` and `/article/12345/2`
    # are not (a date, an id), and neither is `/2/` alone. Nor is `/article/2` or `/news/12`: after a
    # collection word a small number is an article's id, and taking it for a page would merge
    # different articles into one, so only a slug (a name with a hyphen or underscore) has pages.
    if found.group(0).lower().startswith("/page/"):
        return True
    before = path[: found.start()].rsplit("/", 1)[-1]
    return bool(before) and not _DIGITS.fullmatch(before) and any(c in before for c in "-_")


def _is_rendering(name: str, value: str) -> bool:
    name = name.lower()
    return name in RENDERING or (name in RENDERING_VALUES and value.lower() == "amp")


def _key_path(path: str, merge_pages: bool) -> str:
    path = _INDEX.sub("/", path)
    path = _AMP_FILE.sub(r"\1", path)
    segments = [s for s in path.split("/") if s.lower() != "amp"]
    path = "/".join(segments) or "/"
    if merge_pages:
        path = _PAGE_FILE.sub(r"\2", path)
        found = _PAGE_DIR.search(path)
        if found and _is_page_dir(path, found):
            path = path[: found.start()] or "/"
    return path.rstrip("/") or "/"


# Canonicalising costs ~60 µs, and extraction asks again for the same URLs (the page's, each link's).
@lru_cache(maxsize=4096)
def _key(url: str, merge_pages: bool) -> str:
    parts = _split(url)
    if parts is None:
        return url.strip()
    try:
        # w3lib makes percent-encoding uniform (`%e3%81%82`, `あ` and `%E3%81%82` are one path) and drops the fragment.
        parts = urlsplit(canonicalize_url(urlunsplit(parts), keep_blank_values=True))
    except ValueError:  # a host IDNA cannot encode
        return url.strip()
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(k)
        and not is_session(k, v)
        and not _is_rendering(k, v)
        and not (merge_pages and k.lower() in PAGING and v.isdigit())
    )
    key = site_host(urlunsplit(parts)) + _key_path(session_free_path(parts.path) or "/", merge_pages)
    return f"{key}?{urlencode(query)}" if query else key


def url_key(url: str) -> str:
    """The key under which all variants of one article's URL are the same (no scheme: `host/path?query`).

    A URL that is not absolute, or is malformed, is its own key (stripped).
    """
    return _key(url, merge_pages=True)


def page_key(url: str) -> str:
    """`url_key` that keeps the page number: the variants of one page of an article, page 2 apart from page 1."""
    return _key(url, merge_pages=False)


def variant_rank(url: str) -> int:
    """How far the URL is from its page's own form: a point each for a fragment, tracking or session ids, an AMP
    rendering (path, file or parameter), a mobile or AMP host; 0 for the plain URL. Only compares variants."""
    parts = _split(url)
    if parts is None:
        return 0
    query = parse_qsl(parts.query, keep_blank_values=True)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.lower()
    amp = _AMP_FILE.search(path) or "amp" in path.split("/") or any(_is_rendering(*q) for q in query)
    return (
        bool(parts.fragment)
        + any(is_tracking(k) or is_session(k, v) for k, v in query)
        + (session_free_path(parts.path) != parts.path)
        + bool(amp)
        + host.startswith(VARIANT_HOSTS[1:])
    )


def page_stem(url: str) -> str:
    """`page_key` without a trailing number that may be a page number (`-2`, `_p3`, `/2`, `?p=2`).

    For telling whether a link that says it is the next page continues this page; too loose for keys,
    where `/article/12345/2` is an article of its own.
    """
    key = page_key(url)
    if _split(url) is None:
        return key
    where, _, query = key.partition("?")
    host, slash, path = where.partition("/")
    path = _NEXT_PAGE_SUFFIX.sub("", slash + path).rstrip("/")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in _NEXT_PAGE_PARAMS]
    return f"{host}{path}?{urlencode(kept)}" if kept else host + path
