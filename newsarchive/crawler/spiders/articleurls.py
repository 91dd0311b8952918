"""Whether a URL of a site without a profile looks like one article's, by the shape of its path and query.

What a careful engineer knows of how the web names articles: a date before a name (`/2025/01/18/treaty`),
a long number (`/world/483520.php`, `/story?id=104746419`), a machine-made id of letters and digits
(`/articles/clymn8zyrp9o`), a slug of several words (`/russia-and-iran-sign-a-treaty`), a path word that
says "an article follows" (`/articles/…`, `/story/…`). Against: a path of a word or two (a section front),
a page of tags, authors, categories, search results or pages of a listing, an account or a feed.
`benchmarks/articlelinks.py` measures both sides on the shared eval sets' URLs and the links of their pages.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from newsarchive.text.sessions import is_session

# Path segments of pages that list or describe articles rather than being one, in English and the other
# languages most often seen in URLs. A listing's word names the page when it is one of the last two
# segments (`/tag/x`, `/autor/x/`); further up it may be a section that holds articles.
LISTING_SEGMENTS = frozenset(
    """
tag tags topic topics theme themes thema schlagwort schlagworte stichwort keyword keywords hashtag etiqueta etiquetas
author authors autor autoren auteur autore writer writers profile profil
category categories kategorie kategorien rubrik rubrique section sections sektion sezione seccion sekce categoria
categorie about about-us ueber-uns contact contact-us kontakt impressum imprint datenschutz privacy terms help
""".split()
)
# Segments of pages that are never articles nor hold any under them (search results, pages of a listing,
# accounts, feeds), wherever they are in the path.
NOT_ARTICLE_SEGMENTS = frozenset(
    "search suche label labels page login signin signup register account subscribe newsletter newsletters feed "
    "rss cart".split()
)
_NOT_ARTICLE_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp[34]|m4a|mov|avi|css|js|json|xml|rss|atom|txt)$", re.I
)
_PAGE_EXT = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|htm)$", re.I)
# Last segments that render or page the article named before them (`/slug/amp`, `/slug/index.html`,
# `/slug/slide/2`, `/slug/page/2`).
_RENDERING = re.compile(r"amp|print|index|default|\d{1,2}|slides?|page|&page=\d+", re.I)
# /2025/01/, /2025-01-18 or 20250118 somewhere in the path.
_DATE = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)|/(?:19|20)\d\d-\d\d-\d\d"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])\d\d"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LONG_ID = re.compile(r"\d{5,}")
# A number closing a named segment (`kraehenjagd-6871`, `us-sport-corona-100`, `previews,id1085`).
_NAMED_ID = re.compile(r"[^\W\d_][\w.,-]*?[-_,.]+(?:id|a|n|ld)?\d{3,}", re.I)
_GROUPED_ID = re.compile(r"\d{1,3}(?:[.,]\d{3})+")  # a long number in groups of three (`24.600.504`)
_NUMBER = re.compile(r"\d{3,}")
# A machine-made id: letters and digits mixed, three runs at least (`clymn8zyrp9o`, `AST1F4445T1FUTIL02SM`),
# which a word with a number after it (`covid19`, `zukunft2030`) is not.
_TOKEN = re.compile(r"[a-z0-9]{7,}", re.I)
_RUNS = re.compile(r"[a-z]+|\d+", re.I)
_WORD_NUMBER = re.compile(r"[a-z]+\d{2,}", re.I)
_GUID = re.compile(r"\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_WORD_SPLIT = re.compile(r"[-_.,+\s]+")
# Path words after which one article's name or id follows.
_ARTICLE_WORDS = frozenset("article articles artikel story post posts noticia articolo".split())
# A service page's name, perhaps with a number after it (`/Privacy-Policy`, `/kontakt.228`, `/contact-us`).
_SERVICE = re.compile(
    r"(?:about|contact|kontakt|impressum|imprint|privacy|cookies?|datenschutz|terms|disclaimer|agb)"
    r"(?:[-_](?:us|policy|uns|of[-_]use|of[-_]service))?(?:[-_.]\d+)?",
    re.I,
)
# Query parameters that never name an article (pages, sorting, searches, listings' filters).
_LISTING_PARAMS = re.compile(r"page|seite|sort|order|limit|offset|start|size|cat|tag|author|lang|year|month|^[qs]$")


def _is_token(text: str) -> bool:
    return bool(_TOKEN.fullmatch(text)) and len(_RUNS.findall(text)) >= 3


def _named_by_id(segment: str) -> bool:
    """Whether a path segment holds an article's id: a long number, a number after a name, a machine-made id."""
    stem = _PAGE_EXT.sub("", segment)
    if _LONG_ID.search(stem) or _GROUPED_ID.fullmatch(stem):
        return True
    # A year after a name is a topic's page (`/election-2024`, `/olympische-spiele-2024`), not an id.
    if _NAMED_ID.fullmatch(stem) and not _YEAR.fullmatch(re.split(r"\D", stem)[-1] or "x"):
        return True
    return any(_is_token(w) for w in _words(stem))


def _named_by_slug(segment: str) -> bool:
    """Whether a path segment is an article's slug: words enough for a headline. Section fronts are named by a
    word or two (`/us-news/`, `/real-estate/`); numbers are no words (`2018_11_18_archive` is a week's archive)."""
    stem = _PAGE_EXT.sub("", segment)
    words = [w for w in _words(stem) if _LETTER.search(w)]
    return (len(words) >= 3 and len(stem) >= 20) or (len(words) >= 4 and len(stem) >= 15)


def _words(stem: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(stem) if w]


def _strongly_named(segment: str) -> bool:
    """A slug of four words or more, or a long number: an article's name even under a listing's word."""
    return bool(_LONG_ID.search(segment)) or len([w for w in _WORD_SPLIT.split(segment) if w]) >= 4


def _query_names_article(query: str) -> bool:
    """Whether the query picks one article by an id (`?p=31228`, `?storyid=504`, `?article717`)."""
    for name, value in parse_qsl(query, keep_blank_values=True):
        lowered = name.lower()
        if is_session(lowered, value) or _LISTING_PARAMS.search(lowered):
            continue
        if (value.isdigit() and len(value) >= 3 and not _YEAR.fullmatch(value)) or _is_token(value):
            return True
        if not value and (_is_token(name) or _WORD_NUMBER.fullmatch(name)):  # spip.php?article717
            return True
        if _GUID.fullmatch(value):  # story.asp?guid={49E8785A-F1C7-11EA-B8AA-ECF03EAB1839}
            return True
    return False


def _names_other_page(lowered: list[str]) -> bool:
    """Whether the path's segments (lowercased, without extensions) name a listing, service or account page."""
    if any(s in NOT_ARTICLE_SEGMENTS for s in lowered):
        return True
    # Under a listing's word, only a strongly named article (`/autoren/x/<long slug>`).
    listed = [i for i, s in enumerate(lowered) if s in LISTING_SEGMENTS]
    if listed and (listed[-1] >= len(lowered) - 2 or not _strongly_named(lowered[-1])):
        return True
    return bool(lowered) and bool(_SERVICE.fullmatch(lowered[-1]))


def looks_like_article(url: str) -> bool:
    """Whether a URL looks like one article's: see the module's docstring for what counts."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if _NOT_ARTICLE_EXT.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    lowered = [_PAGE_EXT.sub("", s.lower()) for s in segments]
    # `/slug/amp`, `/slug/index.html`, `/slug/2`: judged by the slug (a date's day is no page number).
    while len(lowered) > 1 and _RENDERING.fullmatch(lowered[-1]) and not lowered[-2].isdigit():
        segments, lowered = segments[:-1], lowered[:-1]
    if _names_other_page(lowered):
        return False
    if _query_names_article(parts.query):
        return True
    if not segments or re.fullmatch(r"index|default|home", lowered[-1]):
        return False
    return _named(path, segments, lowered)


def _named(path: str, segments: list[str], lowered: list[str]) -> bool:
    """Whether the path names one article (a date before a name, a number, an id, a slug); see looks_like_article."""
    last = lowered[-1]
    # A date with a name after it; a bare /2025/01/ or /2025/01/18/ is that period's archive page.
    if (_DATE.search(path) or any(_YEAR.fullmatch(s) for s in lowered[:-1])) and not last.isdigit():
        return True
    # An article's own number (`/822`, `/veranstaltung/887/`), but not a year's archive (`/2011/`).
    if _NUMBER.fullmatch(last) and not _YEAR.fullmatch(last):
        return True
    # `/articles/pipenv-docker`, `/story/best-podcasts`; not `/articles/columns`, a listing.
    if len(lowered) > 1 and lowered[-2] in _ARTICLE_WORDS and (len(_words(last)) >= 2 or last.isdigit()):
        return True
    # The article's id may be further up (`/slug-1019241/artikel`, `/898682/slug/ar`); its slug is the last
    # segment, or the one before a language code or article word (`/slug/ar`, `/slug/story`; `/slug/amp` is gone).
    if any(_named_by_id(s) for s in segments[-3:]) or any(_LONG_ID.search(s) for s in lowered):
        return True
    if _named_by_slug(segments[-1]):
        return True
    short = len(last) <= 3 or last in _ARTICLE_WORDS  # a language (`/slug/ar`) or "an article" (`/slug/story`)
    return len(segments) > 1 and short and last.isalpha() and _named_by_slug(segments[-2])


def url_shape(url: str) -> tuple[str, bool]:
    """What a site's article URLs share: the last segment's extension (`.php`, `.html`, none) and whether the
    path holds a date. A link out of an article with another shape is most often a page of another kind
    (a shop, a section, partner content), rarely an article."""
    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s]
    while len(segments) > 1 and _RENDERING.fullmatch(segments[-1]) and not segments[-2].isdigit():
        segments = segments[:-1]
    found = _PAGE_EXT.search(segments[-1]) if segments else None
    dated = bool(_DATE.search(path)) or any(_YEAR.fullmatch(s) for s in segments[:-1])
    return (found.group(0).lower() if found else ""), dated
