"""Benchmark: which links the generic spider takes for articles, on the shared eval sets' URLs and pages.

    python benchmarks/articlelinks.py [--eval ../shared/eval] [--show 20] [--json]

Recognition: the share of every ground-truth URL of the four sets (fundus, aeb, htmldate, trafilatura-eval)
that `looks_like_article` accepts; each of those pages was chosen as an article (or a page's main text) by
the set's authors. Entries whose `url` is no http(s) URL are left out.

Rejection: the links of those saved pages to their own registered domain (as the spider reads them:
discovery.iter_hrefs, resolved against the page's URL) that are labelled not-an-article by the shape of
the URL alone (`label`, below), and the share of them `looks_like_article` rejects. The labels use general
conventions of the web, never words read off these pages one by one:

- home: no path (`/`, `/index.html`) or only a language code (`/en/`, `/de-de/`);
- section: up to three path segments, each one or two words of letters (`/world/`, `/us-news/`, `/sport/football`);
- paging: a `page`/`seite` segment or parameter with a number (`/news/page/3`, `?page=2`);
- tag, author, category, search, account, feed, service: a path segment (or, for search, a query parameter)
  naming that kind of page in English or another widely used web language (`/tag/x`, `/autor/x`, `/rubrik/x`,
  `?s=x`, `/login`, `/feed/`, `/impressum`);
- file: an image, document, style sheet or script.

A link that is itself a ground-truth URL of a set is never labelled. Everything else is "unlabelled"
(mostly articles, some unknowable): the share of those accepted is printed for information only.

Hops: for each page, the links to its own host a crawl following links out of articles would ask for: those
that look like articles, and those also shaped like the page's own URL (url_shape: what the generic spider
follows with NEWSARCHIVE_ARTICLE_HOPS) and not found only in its nav, header or footer (furniture.py), per
page, with how many of them are labelled not-an-article.

Every figure is given for two halves of the sites (sha1 of the registered domain, even or odd): rules are
tuned on one half and checked on the other, as for extraction (see ../shared/eval/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import SplitResult, parse_qsl, unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsarchive.crawler.spiders.articleurls import url_shape  # noqa: E402
from newsarchive.crawler.spiders.discovery import iter_hrefs  # noqa: E402
from newsarchive.crawler.spiders.furniture import furniture_hrefs  # noqa: E402
from newsarchive.crawler.spiders.generic import looks_like_article  # noqa: E402
from newsarchive.text.urls import registered_domain, site_host  # noqa: E402

SETS = ("fundus", "aeb", "htmldate", "trafilatura-eval")
DEFAULT_EVAL = ROOT / ".." / "shared" / "eval"

# Path segments naming a kind of page that is not an article, in English, German, French, Spanish and other
# languages common on the web: what a crawler engineer knows, not what these pages say.
KINDS = {
    "tag": "tag tags topic topics thema schlagwort schlagworte stichwort stichworte keyword keywords label labels "
    "hashtag etiqueta etiquetas sujet sujets argomento",
    "author": "author authors autor autoren auteur auteurs autore writer writers journalist journalists "
    "profile profil contributor contributors staff",
    "category": "category categories kategorie kategorien rubrik rubriken ressort section sections categoria "
    "categorie cat",
    "search": "search suche recherche buscar busqueda cerca",
    "account": "login logout signin sign-in signup sign-up register registrierung account my-account konto "
    "subscribe abo abonnement newsletter newsletters wp-login.php wp-admin cart checkout",
    "feed": "feed feeds rss atom",
    "service": "about about-us contact contact-us kontakt impressum imprint datenschutz privacy privacy-policy "
    "terms agb cookies cookie-policy help faq jobs karriere careers advertise werbung mediadaten sitemap "
    "legal disclaimer",
}
_LISTINGS = {"tag", "author", "category"}
_KIND_OF = {word: kind for kind, words in KINDS.items() for word in words.split()}
_SEARCH_PARAMS = {"q", "s", "query", "search", "suche", "keyword", "keywords"}
_PAGING = {"page", "paged", "seite", "pg"}
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|docx?|xlsx?|zip|mp[34]|css|js|woff2?)$", re.I)
_LANGUAGE = re.compile(r"[a-z]{2}(?:[-_][a-z]{2})?", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_INDEX = re.compile(r"(?:index|default|home)\.\w{2,5}", re.I)


def label(url: str) -> str | None:
    """The kind of non-article page `url`'s shape says it is, or None when its shape does not say."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    lowered = [s.lower() for s in segments]
    query = parse_qsl(parts.query, keep_blank_values=True)
    if _FILE.search(path):
        return "file"
    return _kind_by_word(lowered) or _kind_by_shape(parts, segments, lowered, query)


def _kind_by_word(lowered: list[str]) -> str | None:
    # A listing kind names the page (`/tag/x`, `/autor/x/`, `/rubrik/x`); a service, account or feed page
    # is the kind itself (`/impressum`, `/login.html`). Deeper paths under such words hold articles too.
    stems = [re.sub(r"\.\w{2,5}$", "", s) for s in lowered]
    for position, segment in enumerate(stems):
        kind = _KIND_OF.get(segment)
        if kind in _LISTINGS and position >= len(stems) - 2:
            return kind
        if kind and position == len(stems) - 1:
            return kind
    return None


def _kind_by_shape(parts: SplitResult, segments: list[str], lowered: list[str], query: list) -> str | None:
    names = {name.lower() for name, value in query if value}
    if names & _SEARCH_PARAMS:
        return "search"
    if len(lowered) >= 2 and lowered[-2] in _PAGING and lowered[-1].isdigit():
        return "paging"
    paging = [(n, v) for n, v in query if n.lower() in _PAGING and v.isdigit()]
    if paging:
        # Page N of a listing; page N of an article (`story.html?page=2`) is a part of that article.
        rest = "&".join(f"{n}={v}" for n, v in query if (n, v) not in paging)
        listing = label(parts._replace(query=rest).geturl())
        return "paging" if listing in ("home", "section", *_LISTINGS) else None
    if query:
        return None  # a page chosen by its parameters: the path says nothing
    if not segments or (len(segments) == 1 and (_INDEX.fullmatch(segments[0]) or _LANGUAGE.fullmatch(segments[0]))):
        return "home"
    # A section front is named by a word or two (`/world/`, `/us-news/`, `/sport/real-estate`); some
    # articles are too (`/kurzarbeit-erklaert/`), so this label is cautious: it may hold an article or two.
    if len(segments) <= 3 and all(len(s) <= 24 and all(_WORD.fullmatch(w) for w in _words(s)) for s in segments):
        return "section"
    return None


def _words(segment: str) -> list[str]:
    words = [w for w in re.split(r"[-_]", re.sub(r"\.html?$", "", segment)) if w]
    return words if 0 < len(words) <= 2 else [""]


def half(url: str) -> str:
    """Which half of the sites (tune or check) `url`'s registered domain falls in: its sha1, even or odd."""
    digest = hashlib.sha1(registered_domain(url).encode()).digest()
    return "tune" if digest[-1] % 2 == 0 else "check"


def read_sets(root: Path) -> list[tuple[str, str, Path]]:
    """(set, url, saved page) for every entry of the sets with an http(s) URL."""
    pages = []
    for name in SETS:
        folder = root / name
        truth_file = folder / "ground-truth.json"
        if not truth_file.exists():
            print(f"articlelinks: {truth_file}: not found, set skipped", file=sys.stderr)
            continue
        for entry in json.loads(truth_file.read_text(encoding="utf-8")).values():
            url = (entry.get("url") or "").strip()
            if url.startswith(("http://", "https://")):
                pages.append((name, url, folder / entry["file"]))
    return pages


def page_links(url: str, page: Path) -> tuple[set[str], set[str]]:
    """The page's links to its own registered domain, absolute and without fragments; and those of them found
    only in its nav, header or footer (furniture.py, as the generic spider reads them)."""
    try:
        raw = page.read_bytes()
        raw = gzip.decompress(raw) if page.suffix == ".gz" else raw
    except (OSError, EOFError) as exc:
        print(f"articlelinks: {page}: unreadable ({exc})", file=sys.stderr)
        return set(), set()
    domain = registered_domain(url)
    text = raw.decode("utf-8", "replace")
    links, furniture = set(), set()
    only_there = furniture_hrefs(text)
    for href in iter_hrefs(text):
        try:
            link = urljoin(url, href).split("#", 1)[0]
        except ValueError:
            continue
        if link.startswith(("http://", "https://")) and registered_domain(link) == domain:
            links.add(link)
            if href in only_there:
                furniture.add(link)
    return links, furniture


def measure(root: Path) -> dict:
    pages = read_sets(root)
    truth = {url for _, url, _ in pages}
    read = [(url, *page_links(url, page)) for _, url, page in pages]
    linked = [(url, links) for url, links, _ in read]
    return {**_recognition(pages), **_rejection(linked, truth), "hops": _hops(read)}


def _recognition(pages: list[tuple[str, str, Path]]) -> dict:
    recognised: dict[tuple[str, str], Counter] = {}
    missed: list[str] = []
    for name, url, _ in pages:
        ok = looks_like_article(url)
        for key in ((name, half(url)), ("all", half(url)), (name, "both"), ("all", "both")):
            recognised.setdefault(key, Counter())[ok] += 1
        if not ok:
            missed.append(url)
    return {"recognised": recognised, "missed": missed}


def _rejection(linked: list[tuple[str, set[str]]], truth: set[str]) -> dict:
    rejected: dict[tuple[str, str], Counter] = {}
    accepted_non: list[tuple[str, str]] = []
    unlabelled: dict[str, Counter] = {}
    seen: set[str] = set()
    for _, links in linked:
        for link in sorted(links - seen - truth):
            seen.add(link)
            kind = label(link)
            ok = looks_like_article(link)
            if kind is None:
                for side in (half(link), "both"):
                    unlabelled.setdefault(side, Counter())[ok] += 1
                continue
            for key in ((kind, half(link)), ("all", half(link)), (kind, "both"), ("all", "both")):
                rejected.setdefault(key, Counter())[not ok] += 1
            if ok:
                accepted_non.append((kind, link))
    return {"rejected": rejected, "accepted_non_articles": accepted_non, "unlabelled": unlabelled}


def _hops(read: list[tuple[str, set[str], set[str]]]) -> Counter:
    """Links out of each article that a crawl with NEWSARCHIVE_ARTICLE_HOPS=1 asks for: those of its own host
    that look like articles, those also shaped like the article, and of those the ones not found only in its
    nav, header or footer (what the generic spider follows)."""
    hops: Counter = Counter()
    for url, links, furniture in read:
        own = [link for link in links if link != url and site_host(link) == site_host(url)]
        taken = [link for link in own if looks_like_article(link)]
        shaped = [link for link in taken if url_shape(link) == url_shape(url)]
        followed = [link for link in shaped if link not in furniture]
        hops.update(
            pages=1,
            taken=len(taken),
            shaped=len(shaped),
            followed=len(followed),
            taken_labelled=sum(label(link) is not None for link in taken),
            shaped_labelled=sum(label(link) is not None for link in shaped),
            followed_labelled=sum(label(link) is not None for link in followed),
        )
    return hops


def share(counter: Counter) -> str:
    total = counter[True] + counter[False]
    return f"{counter[True] / total:.3f} ({counter[True]}/{total})" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder of the four eval sets")
    parser.add_argument("--show", type=int, default=0, help="list this many missed articles and taken non-articles")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"articlelinks: {args.eval}: no such folder (the shared eval sets)", file=sys.stderr)
        return 2
    result = measure(args.eval)
    if args.json:
        flat = {
            kind: {f"{a}/{b}": share(c) for (a, b), c in result[kind].items()} for kind in ("recognised", "rejected")
        }
        flat["unlabelled_accepted"] = {side: share(c) for side, c in result["unlabelled"].items()}
        flat["hops"] = dict(result["hops"])
        print(json.dumps(flat, indent=1))
        return 0
    print("recognised (ground-truth URLs looks_like_article accepts)")
    print(f"  {'set':18} {'tune half':>20} {'check half':>20} {'both':>20}")
    for name in (*SETS, "all"):
        row = [share(result["recognised"].get((name, side), Counter())) for side in ("tune", "check", "both")]
        print(f"  {name:18} {row[0]:>20} {row[1]:>20} {row[2]:>20}")
    print("rejected (same-domain links of those pages labelled not-an-article that it rejects)")
    kinds = sorted({kind for kind, _ in result["rejected"]} - {"all"})
    for kind in (*kinds, "all"):
        row = [share(result["rejected"].get((kind, side), Counter())) for side in ("tune", "check", "both")]
        print(f"  {kind:18} {row[0]:>20} {row[1]:>20} {row[2]:>20}")
    row = [share(result["unlabelled"].get(side, Counter())) for side in ("tune", "check", "both")]
    print(f"  {'(unlabelled: taken)':18} {row[0]:>20} {row[1]:>20} {row[2]:>20}")
    hops = result["hops"]
    per = max(hops["pages"], 1)
    print("links out of an article a one-hop crawl asks for (same host), per article page")
    print(
        f"  looking like articles {hops['taken'] / per:.1f} ({hops['taken_labelled']} labelled non-articles in all);"
        f" shaped like the article {hops['shaped'] / per:.1f} ({hops['shaped_labelled']});"
        f" and not only in its nav/header/footer {hops['followed'] / per:.1f} ({hops['followed_labelled']})"
    )
    if args.show:
        print(f"\nmissed articles (first {args.show}):")
        for url in result["missed"][: args.show]:
            print("  " + url)
        print(f"taken non-articles (first {args.show}):")
        for kind, url in result["accepted_non_articles"][: args.show]:
            print(f"  {kind:9} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
